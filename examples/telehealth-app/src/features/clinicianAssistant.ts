import OpenAI from 'openai';
import type { ClinicalNote, Patient } from '../models.js';

/**
 * Clinician assistant: answers a clinician's question about a patient's chart. Compliant: the
 * request goes to our own gateway, declared in phi-guard.config.json as a first-party vendor
 * (the data never leaves our infrastructure), so PHI Guard reports nothing here.
 */

const gateway = new OpenAI({ baseURL: 'https://llm.telehealth.internal/v1' });

export async function askAboutChart(patient: Patient, notes: ClinicalNote[], question: string): Promise<string> {
  const chart = notes.map((n) => `[${n.signedAt}] ${n.chiefComplaint}: ${n.assessmentAndPlan}`).join('\n\n');
  const completion = await gateway.chat.completions.create({
    model: 'clinical-llama-70b',
    messages: [
      { role: 'system', content: 'Answer from the chart only; cite the note date for every fact.' },
      { role: 'user', content: `Patient: ${patient.fullName}, MRN ${patient.mrn}\n\n${chart}\n\nQ: ${question}` },
    ],
  });
  return completion.choices[0]?.message.content ?? '';
}
