import { Mistral } from '@mistralai/mistralai';
import type { ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/** Longitudinal narrative: strings accumulated in loops and reducers, tagged and nested templates. */
const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY ?? '' });

function promptTag(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i]) : ''), '');
}

async function chat(content: string): Promise<string> {
  const res = await mistral.chat.complete({ model: 'mistral-large-latest', messages: [{ role: 'user', content }] }); // expect: approved-vendors
  const out = res.choices?.[0]?.message?.content;
  return typeof out === 'string' ? out : '';
}

export async function narrative(patient: Patient, notes: ClinicalNote[]): Promise<string> {
  let history = '';
  for (const note of notes) {
    history += note.signedAt + ': ' + note.assessment + '\n'; // expect: no-phi-in-prompt
  }
  const plans = notes.reduce((acc, n) => acc + '\n- ' + n.plan, 'Plans:'); // expect: no-phi-in-prompt
  return chat(`${history}\n${plans}`);
}

export async function taggedIntro(patient: Patient): Promise<string> {
  return chat(promptTag`Introduce the care team to ${patient.fullName}.`); // expect: no-phi-in-prompt
}

export async function nestedTemplate(patient: Patient, formal: boolean): Promise<string> {
  return chat(`Open with ${formal ? `Dear ${patient.fullName}` : 'Hi there'}, then explain portal signup.`); // expect: no-phi-in-prompt
}

export async function wholeRecord(patient: Patient): Promise<string> {
  return chat(JSON.stringify({ ...patient, source: 'ehr' })); // expect: no-phi-in-prompt
}

export async function allValues(patient: Patient): Promise<string> {
  return chat(Object.values(patient).join(' | ')); // expect: no-phi-in-prompt
}
