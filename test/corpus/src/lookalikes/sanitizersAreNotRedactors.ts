import { CohereClientV2 } from 'cohere-ai';
import type { Appointment, ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';
import { sanitizeForPrompt, sanitizeHtml, sanitizeInput } from '../phi/sanitize.js';

/**
 * The chat widget "sanitizes" what it sends: trimming and HTML escaping are not
 * de-identification, so the PHI still leaks.
 */
const cohere = new CohereClientV2({ token: process.env.CO_API_KEY });

function sanitizeLocal(value: string): string {
  return value.normalize('NFKC').replace(/[<>]/g, '');
}

export async function widgetAnswer(patient: Patient, note: ClinicalNote, appointment: Appointment): Promise<string> {
  const res = await cohere.chat({ // expect: approved-vendors
    model: 'command-r-plus',
    messages: [
      { role: 'system', content: sanitizeHtml(note.assessment) }, // expect: no-phi-in-prompt
      { role: 'user', content: sanitizeForPrompt(note.subjective) }, // expect: no-phi-in-prompt
      { role: 'user', content: sanitizeInput(appointment.reason) }, // expect: no-phi-in-prompt
      { role: 'user', content: sanitizeLocal(patient.fullName) }, // expect: no-phi-in-prompt
      { role: 'user', content: sanitizeHtml(patient.preferredLanguage) },
    ],
  });
  const part = res.message.content?.[0];
  return part?.type === 'text' ? part.text : '';
}
