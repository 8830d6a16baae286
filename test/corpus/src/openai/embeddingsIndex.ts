import OpenAI from 'openai';
import type { ClinicalNote } from '../domain/clinical.js';

/** Similar-case search: embeds signed notes so clinicians can find comparable presentations. */
const openai = new OpenAI();

export async function embedNotes(notes: ClinicalNote[]): Promise<number[][]> {
  const signed = notes.filter((n) => n.signedAt !== '');
  const res = await openai.embeddings.create({ // expect: approved-vendors
    model: 'text-embedding-3-small',
    input: signed.map((n) => `${n.chiefComplaint}\n${n.assessment}`), // expect: no-phi-in-prompt
  });
  return res.data.map((d) => d.embedding);
}

export async function embedQuery(note: ClinicalNote): Promise<number[]> {
  const res = await openai.embeddings.create({ // expect: approved-vendors
    model: 'text-embedding-3-small',
    input: note.assessment, // expect: no-phi-in-prompt
  });
  return res.data[0]?.embedding ?? [];
}

/** Clean: embeds the clinic's published care-guide titles. */
export async function embedGuideTitles(titles: string[]): Promise<number[][]> {
  const res = await openai.embeddings.create({ model: 'text-embedding-3-small', input: titles }); // expect: approved-vendors
  return res.data.map((d) => d.embedding);
}
