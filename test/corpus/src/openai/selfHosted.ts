import OpenAI from 'openai';
import type { Patient } from '../domain/patient.js';
import type { ClinicalNote } from '../domain/clinical.js';

/**
 * Models that run inside our network: vLLM on loopback, and the CareBridge gateway declared in
 * phi-guard.config.json as first party. PHI may go to both. The last client's endpoint is read
 * at run time, so PHI Guard cannot tell where its data goes.
 */
const vllm = new OpenAI({ baseURL: 'http://127.0.0.1:8000/v1', apiKey: 'local' });
const lmStudio = new OpenAI({ baseURL: 'http://localhost:1234/v1', apiKey: 'local' });
const gateway = new OpenAI({ baseURL: 'https://llm.carebridge.internal/v1' });
const configurable = new OpenAI({ baseURL: process.env.LLM_BASE_URL });

export async function codeVisit(note: ClinicalNote): Promise<string> {
  const res = await vllm.chat.completions.create({
    model: 'meditron-70b',
    messages: [{ role: 'user', content: `${note.assessment}\n${note.plan}\nList ICD-10 codes.` }],
  });
  return res.choices[0]?.message.content ?? '';
}

export async function draftPortalReply(patient: Patient, message: string): Promise<string> {
  const res = await lmStudio.chat.completions.create({
    model: 'qwen2.5-14b-instruct',
    messages: [{ role: 'user', content: `Reply to ${patient.fullName} (${patient.email}): ${message}` }],
  });
  return res.choices[0]?.message.content ?? '';
}

export async function chartQuestion(patient: Patient, note: ClinicalNote, question: string): Promise<string> {
  const res = await gateway.chat.completions.create({
    model: 'clinical-llama-70b',
    messages: [{ role: 'user', content: `MRN ${patient.mrn}\n${note.subjective}\nQ: ${question}` }],
  });
  return res.choices[0]?.message.content ?? '';
}

export async function configurableSummary(note: ClinicalNote): Promise<string> {
  const res = await configurable.chat.completions.create({ // expect: approved-vendors
    model: 'default',
    messages: [{ role: 'user', content: note.plan }], // expect: no-phi-in-prompt
  });
  return res.choices[0]?.message.content ?? '';
}
