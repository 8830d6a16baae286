import OpenAI from 'openai';
import type { ClinicalNote } from '../models.js';

/**
 * Coding assist: suggests ICD-10-CM codes for a signed note with a model served by Ollama on
 * the same host (its OpenAI-compatible endpoint). Loopback never leaves the machine: PHI Guard
 * classifies it as `local` and never reports it.
 */

const localModel = new OpenAI({ baseURL: 'http://localhost:11434/v1', apiKey: 'ollama' });

export async function suggestIcd10Codes(note: ClinicalNote): Promise<string[]> {
  const completion = await localModel.chat.completions.create({
    model: 'llama3.1:8b',
    temperature: 0,
    messages: [
      { role: 'system', content: 'List the ICD-10-CM codes supported by the note, one per line, code only.' },
      { role: 'user', content: `${note.subjective}\n\n${note.assessmentAndPlan}` },
    ],
  });
  const text = completion.choices[0]?.message.content ?? '';
  return text.split('\n').map((line) => line.trim()).filter((line) => /^[A-Z]\d{2}(\.\w{1,4})?$/.test(line));
}
