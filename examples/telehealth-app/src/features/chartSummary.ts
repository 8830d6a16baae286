import OpenAI from 'openai';
import type { ClinicalNote, Patient } from '../models.js';
import { redact } from '../phi/redact.js';

/** Chart summary: a five-line synopsis of a visit note for the patient's chart header. */

const openai = new OpenAI();

const SUMMARY_MODEL = 'gpt-4o';
const SUMMARY_INSTRUCTIONS =
  'You are a clinical documentation assistant. Summarize the visit note in at most five ' +
  'bullet points: presenting problem, key findings, assessment, plan, follow-up.';

/** LEAK: the patient's name and the note go to OpenAI, which has no BAA with us. */
export async function summarizeNote(patient: Patient, note: ClinicalNote): Promise<string> {
  const completion = await openai.chat.completions.create({ // expect: approved-vendors
    model: SUMMARY_MODEL,
    temperature: 0.2,
    messages: [
      { role: 'system', content: SUMMARY_INSTRUCTIONS },
      {
        role: 'user',
        content:
          `Visit note for ${patient.fullName}\n` + // expect: no-phi-in-prompt
          `Chief complaint: ${note.chiefComplaint}\n` + // expect: no-phi-in-prompt
          `Assessment and plan:\n${note.assessmentAndPlan}`, // expect: no-phi-in-prompt
      },
    ],
  });
  return completion.choices[0]?.message.content ?? '';
}

/** Compliant content: the note is de-identified first and the patient is not named. */
export async function summarizeNoteDeidentified(note: ClinicalNote): Promise<string> {
  const completion = await openai.chat.completions.create({ // expect: approved-vendors
    model: SUMMARY_MODEL,
    temperature: 0.2,
    messages: [
      { role: 'system', content: SUMMARY_INSTRUCTIONS },
      {
        role: 'user',
        content:
          `Chief complaint: ${redact(note.chiefComplaint)}\n` +
          `Assessment and plan:\n${redact(note.assessmentAndPlan)}`,
      },
    ],
  });
  return completion.choices[0]?.message.content ?? '';
}
