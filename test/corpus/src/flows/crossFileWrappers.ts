import type { ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';
import { askCovered, askModel } from '../lib/llm.js';
import { describePatient, fence, medicationList, noteBody, visitContext } from '../lib/promptBuilders.js';

/**
 * Features built on the shared wrappers (lib/llm.ts) and prompt builders
 * (lib/promptBuilders.ts): PHI crosses files through parameters and return values.
 */

export async function explainPlan(patient: Patient, note: ClinicalNote): Promise<string> {
  return askModel(`Explain this plan to ${patient.fullName}: ${note.plan}`); // expect: no-phi-in-prompt
}

export async function introduce(patient: Patient): Promise<string> {
  return askModel(describePatient(patient)); // expect: no-phi-in-prompt
}

export async function reviewNote(note: ClinicalNote): Promise<string> {
  return askModel(noteBody(note), 'You are a documentation quality reviewer.'); // expect: no-phi-in-prompt
}

export async function reviewMeds(patient: Patient): Promise<string> {
  return askModel(
    medicationList(patient), // expect: no-phi-in-prompt
  );
}

export async function fencedComplaint(note: ClinicalNote): Promise<string> {
  return askModel(fence(note.chiefComplaint, 'complaint')); // expect: no-phi-in-prompt
}

/** Clean: the builder only reads non-PHI members. */
export async function contextOnly(patient: Patient): Promise<string> {
  return askModel(visitContext(patient));
}

/** Azure OpenAI is under the BAA: the wrapper may receive PHI. */
export async function coveredIntro(patient: Patient, note: ClinicalNote): Promise<string> {
  return askCovered(`${describePatient(patient)}\n${note.subjective}`);
}
