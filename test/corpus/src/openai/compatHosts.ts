import OpenAI from 'openai';
import type { ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/**
 * Cost experiments: the OpenAI client pointed at other vendors' OpenAI-compatible endpoints.
 * The constant baseURL decides the vendor; none of these has a BAA.
 */
const groq = new OpenAI({ baseURL: 'https://api.groq.com/openai/v1', apiKey: process.env.GROQ_API_KEY });
const together = new OpenAI({ baseURL: 'https://api.together.xyz/v1', apiKey: process.env.TOGETHER_API_KEY });

export async function fastTriage(note: ClinicalNote): Promise<string> {
  const res = await groq.chat.completions.create({ // expect: approved-vendors
    model: 'llama-3.3-70b-versatile',
    messages: [{ role: 'user', content: `Triage this complaint: ${note.chiefComplaint}` }], // expect: no-phi-in-prompt
  });
  return res.choices[0]?.message.content ?? '';
}

export async function cheapSummary(patient: Patient, note: ClinicalNote): Promise<string> {
  const res = await together.chat.completions.create({ // expect: approved-vendors
    model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
    messages: [
      { role: 'system', content: 'Summarize for a handoff.' },
      { role: 'user', content: patient.mrn }, // expect: no-phi-in-prompt
      { role: 'user', content: note.assessment }, // expect: no-phi-in-prompt
    ],
  });
  return res.choices[0]?.message.content ?? '';
}

/** Clean content, unapproved vendor. */
export async function benchmarkLatency(): Promise<number> {
  const started = Date.now();
  await together.chat.completions.create({ model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo', messages: [{ role: 'user', content: 'ping' }] }); // expect: approved-vendors
  return Date.now() - started;
}
