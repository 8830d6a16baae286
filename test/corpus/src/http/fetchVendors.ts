import type { ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/** The notification service calls the vendors' REST APIs directly, without SDKs. */

export async function rawOpenAiSummary(patient: Patient, note: ClinicalNote): Promise<unknown> {
  const res = await fetch('https://api.openai.com/v1/chat/completions', { // expect: approved-vendors
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.OPENAI_API_KEY}` },
    body: JSON.stringify({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'user', content: `Summarize the visit for ${patient.fullName}` }, // expect: no-phi-in-prompt
        { role: 'user', content: note.plan }, // expect: no-phi-in-prompt
      ],
    }),
  });
  return res.json();
}

export async function rawClaude(note: ClinicalNote): Promise<unknown> {
  const payload = { model: 'claude-haiku-4-5', max_tokens: 300, messages: [{ role: 'user', content: note.subjective }] }; // expect: no-phi-in-prompt
  const res = await fetch('https://api.anthropic.com/v1/messages', { // expect: approved-vendors
    method: 'POST',
    headers: { 'x-api-key': process.env.ANTHROPIC_API_KEY ?? '', 'anthropic-version': '2023-06-01' },
    body: JSON.stringify(payload),
  });
  return res.json();
}

/** Not an LLM: the EHR's own FHIR endpoint. PHI belongs there. */
export async function saveToEhr(patient: Patient): Promise<void> {
  await fetch('https://fhir.carebridge.internal/Patient/' + patient.id, {
    method: 'PUT',
    body: JSON.stringify({ name: patient.fullName, birthDate: patient.dateOfBirth }),
  });
}

/** Loopback model server: never reported. */
export async function localCompletion(note: ClinicalNote): Promise<unknown> {
  const res = await fetch('http://localhost:8080/v1/completions', { method: 'POST', body: JSON.stringify({ prompt: note.assessment }) });
  return res.json();
}

/** Hugging Face Inference: clean text, unapproved vendor. */
export async function hfSentiment(text: string): Promise<unknown> {
  const res = await fetch('https://api-inference.huggingface.co/models/distilbert-base-uncased', { method: 'POST', body: JSON.stringify({ inputs: text }) }); // expect: approved-vendors
  return res.json();
}
