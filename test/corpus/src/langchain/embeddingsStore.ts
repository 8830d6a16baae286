import { OpenAIEmbeddings } from '@langchain/openai';
import type { ClinicalNote } from '../domain/clinical.js';
import { redact } from '../phi/redact.js';

/** Vector index of visit notes for the clinician search box. */
const embeddings = new OpenAIEmbeddings({ model: 'text-embedding-3-large' });

export async function indexNotes(notes: ClinicalNote[]): Promise<number[][]> {
  const docs = notes.map((n) => `${n.chiefComplaint}: ${n.assessment}`); // expect: no-phi-in-prompt
  return embeddings.embedDocuments(docs); // expect: approved-vendors
}

export async function searchVector(query: ClinicalNote): Promise<number[]> {
  return embeddings.embedQuery( // expect: approved-vendors
    query.chiefComplaint, // expect: no-phi-in-prompt
  );
}

/** De-identified before embedding: only the vendor is reported. */
export async function indexNotesDeidentified(notes: ClinicalNote[]): Promise<number[][]> {
  return embeddings.embedDocuments(notes.map((n) => redact(n.assessment))); // expect: approved-vendors
}
