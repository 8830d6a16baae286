import OpenAI from 'openai';
import type { ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/** Outreach jobs built as closures and callbacks. */
const openai = new OpenAI();

export function makeReminderSender(patient: Patient): (when: string) => Promise<string> {
  const who = `${patient.fullName} (${patient.phone})`; // expect: no-phi-in-prompt
  return async (when: string) => {
    const res = await openai.responses.create({ model: 'gpt-4o-mini', input: `Remind ${who} about the visit on ${when}.` }); // expect: approved-vendors
    return res.output_text;
  };
}

export function summarizeEach(notes: ClinicalNote[]): Promise<string[]> {
  return Promise.all(
    notes.map(async (n) => {
      const res = await openai.responses.create({ model: 'gpt-4o-mini', input: n.plan }); // expect: approved-vendors, no-phi-in-prompt
      return res.output_text;
    }),
  );
}

/** Clean: the closure captures only the surrogate id and the language. */
export function makeSurveySender(patient: Patient): () => Promise<string> {
  const ref = `${patient.id}/${patient.preferredLanguage}`;
  return async () => {
    const res = await openai.responses.create({ model: 'gpt-4o-mini', input: `Draft a satisfaction survey for ${ref}.` }); // expect: approved-vendors
    return res.output_text;
  };
}
