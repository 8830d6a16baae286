import { OpenAIEmbeddings } from '@langchain/openai';
import type { IntakeForm } from '../models.js';
import { redact } from '../phi/redact.js';

/** Care-guide search: matches an intake form's symptoms against the clinic's care guides. */

export interface CareGuide {
  id: string;
  title: string;
  /** Precomputed with the same embedding model. */
  embedding: number[];
}

const embeddings = new OpenAIEmbeddings({ model: 'text-embedding-3-small' });

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    normA += a[i]! ** 2;
    normB += b[i]! ** 2;
  }
  return dot / (Math.sqrt(normA) * Math.sqrt(normB) || 1);
}

function topMatches(query: number[], guides: CareGuide[], limit: number): CareGuide[] {
  return guides
    .map((guide) => ({ guide, score: cosine(query, guide.embedding) }))
    .sort((x, y) => y.score - x.score)
    .slice(0, limit)
    .map(({ guide }) => guide);
}

/** LEAK: the patient's own description of their symptoms is embedded by OpenAI without a BAA. */
export async function findCareGuides(intake: IntakeForm, guides: CareGuide[]): Promise<CareGuide[]> {
  const vector = await embeddings.embedQuery( // expect: approved-vendors
    intake.symptoms, // expect: no-phi-in-prompt
  );
  return topMatches(vector, guides, 3);
}

/** Compliant content: identifiers are masked before the text leaves. */
export async function findCareGuidesDeidentified(intake: IntakeForm, guides: CareGuide[]): Promise<CareGuide[]> {
  const vector = await embeddings.embedQuery(redact(intake.symptoms)); // expect: approved-vendors
  return topMatches(vector, guides, 3);
}
