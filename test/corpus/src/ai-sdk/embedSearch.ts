import { embed, embedMany } from 'ai';
import { openai } from '@ai-sdk/openai';
import type { ClinicalNote } from '../domain/clinical.js';

/** Care-guide retrieval with AI SDK embeddings. */
const embeddingModel = openai.embedding('text-embedding-3-small');

export async function embedComplaint(note: ClinicalNote): Promise<number[]> {
  const { embedding } = await embed({ // expect: approved-vendors
    model: embeddingModel,
    value: note.chiefComplaint, // expect: no-phi-in-prompt
  });
  return embedding;
}

export async function embedHistory(notes: ClinicalNote[]): Promise<number[][]> {
  const { embeddings } = await embedMany({ // expect: approved-vendors
    model: embeddingModel,
    values: notes.map((n) => n.subjective), // expect: no-phi-in-prompt
  });
  return embeddings;
}

/** Clean: the public care guides. */
export async function embedGuides(guides: { title: string; body: string }[]): Promise<number[][]> {
  const { embeddings } = await embedMany({ model: embeddingModel, values: guides.map((g) => `${g.title}\n${g.body}`) }); // expect: approved-vendors
  return embeddings;
}
