import { CohereClientV2 } from 'cohere-ai';
import type { ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/** Semantic search over the patient's chart with Cohere (vendor cohere, no BAA). */
const cohere = new CohereClientV2({ token: process.env.CO_API_KEY });

export async function embedChart(notes: ClinicalNote[]): Promise<number> {
  const res = await cohere.embed({ // expect: approved-vendors
    model: 'embed-english-v3.0',
    inputType: 'search_document',
    embeddingTypes: ['float'],
    texts: notes.flatMap((n) => [n.subjective, n.assessment]), // expect: no-phi-in-prompt
  });
  return res.embeddings.float?.length ?? 0;
}

export async function askChart(patient: Patient, question: string): Promise<string> {
  const res = await cohere.chat({ // expect: approved-vendors
    model: 'command-r-plus',
    messages: [
      { role: 'system', content: 'Answer from the chart excerpt only.' },
      { role: 'user', content: `Patient born ${patient.dateOfBirth} asks: ${question}` }, // expect: no-phi-in-prompt
    ],
  });
  const part = res.message.content?.[0];
  return part?.type === 'text' ? part.text : '';
}
