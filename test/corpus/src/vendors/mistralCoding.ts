import { Mistral } from '@mistralai/mistralai';
import type { ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/** CPT/ICD coding suggestions with Mistral's hosted API (vendor mistral, no BAA). */
const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY ?? '' });

export async function suggestCodes(note: ClinicalNote): Promise<string> {
  const res = await mistral.chat.complete({ // expect: approved-vendors
    model: 'mistral-large-latest',
    messages: [
      { role: 'system', content: 'Suggest ICD-10-CM and CPT codes. Codes only.' },
      { role: 'user', content: note.assessment }, // expect: no-phi-in-prompt
    ],
  });
  const content = res.choices?.[0]?.message?.content;
  return typeof content === 'string' ? content : '';
}

export async function embedProblemList(patient: Patient, problems: string[]): Promise<number> {
  const res = await mistral.embeddings.create({ // expect: approved-vendors
    model: 'mistral-embed',
    inputs: [...problems, ...patient.allergies], // expect: no-phi-in-prompt
  });
  return res.data.length;
}

/** Clean: code descriptions only. */
export async function describeCode(code: string): Promise<string> {
  const res = await mistral.chat.complete({ model: 'mistral-small-latest', messages: [{ role: 'user', content: `Describe ICD-10 code ${code}` }] }); // expect: approved-vendors
  const content = res.choices?.[0]?.message?.content;
  return typeof content === 'string' ? content : '';
}
