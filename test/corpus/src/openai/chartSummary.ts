import OpenAI from 'openai';
import type { Patient } from '../domain/patient.js';
import type { ClinicalNote } from '../domain/clinical.js';
import { redact } from '../phi/redact.js';

/** Chart header: a five-bullet synopsis of the latest signed note. */
const openai = new OpenAI();

const INSTRUCTIONS = 'Summarize the visit note in at most five bullets: problem, findings, assessment, plan, follow-up.';

export async function summarizeChart(patient: Patient, note: ClinicalNote): Promise<string> {
  const completion = await openai.chat.completions.create({ // expect: approved-vendors
    model: 'gpt-4o',
    temperature: 0.2,
    messages: [
      { role: 'system', content: INSTRUCTIONS },
      {
        role: 'user',
        content:
          `Patient: ${patient.fullName}\n` + // expect: no-phi-in-prompt
          `Allergies: ${patient.allergies.join(', ')}\n` + // expect: no-phi-in-prompt
          `Chief complaint: ${note.chiefComplaint}\n` + // expect: no-phi-in-prompt
          `Plan: ${note.plan}`, // expect: no-phi-in-prompt
      },
    ],
  });
  return completion.choices[0]?.message.content ?? '';
}

/** Compliant content (still an unapproved vendor): everything is de-identified first. */
export async function summarizeChartDeidentified(patient: Patient, note: ClinicalNote): Promise<string> {
  const completion = await openai.chat.completions.create({ // expect: approved-vendors
    model: 'gpt-4o',
    messages: [
      { role: 'system', content: INSTRUCTIONS },
      {
        role: 'user',
        content: `Patient ${patient.id} (language ${patient.preferredLanguage}).\n${redact(note.chiefComplaint)}\n${redact(note.plan)}`,
      },
    ],
  });
  return completion.choices[0]?.message.content ?? '';
}
