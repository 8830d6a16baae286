import type { Patient } from '../domain/patient.js';
import type { ClinicalNote } from '../domain/clinical.js';

/** Prompt fragments shared by several features. */

export function describePatient(p: Patient): string {
  return `${p.fullName}, born ${p.dateOfBirth}, MRN ${p.mrn}`;
}

export function medicationList(p: Patient): string {
  return p.medications.map((m) => `- ${m.name} ${m.dose} ${m.frequency}`).join('\n');
}

export function noteBody(note: ClinicalNote): string {
  return [note.subjective, note.assessment, note.plan].join('\n\n');
}

/** Uses only non-PHI members: the result is clean. */
export function visitContext(p: Patient): string {
  return `clinic ${p.clinicId}, portal ${p.portalEnabled ? 'on' : 'off'}, language ${p.preferredLanguage}`;
}

export function fence(text: string, label = 'input'): string {
  return `<${label}>\n${text.trim()}\n</${label}>`;
}
