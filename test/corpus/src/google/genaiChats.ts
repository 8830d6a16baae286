import { GoogleGenAI } from '@google/genai';
import type { ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/** Coaching chat for chronic-care patients on the Gemini API (google-gemini, no BAA). */
const ai = new GoogleGenAI({ apiKey: process.env.GEMINI_API_KEY });

export async function coachingSession(patient: Patient, note: ClinicalNote, turns: string[]): Promise<string[]> {
  const chat = ai.chats.create({ model: 'gemini-2.5-flash', config: { systemInstruction: 'You are a diabetes self-management coach.' } });
  const replies: string[] = [];
  const opening = await chat.sendMessage({ message: `My care plan says: ${note.plan}` }); // expect: approved-vendors, no-phi-in-prompt
  replies.push(opening.text ?? '');
  for (const turn of turns) {
    const r = await chat.sendMessage({ message: turn }); // expect: approved-vendors
    replies.push(r.text ?? '');
  }
  return replies;
}

export async function streamMealPlan(patient: Patient): Promise<string> {
  const stream = await ai.models.generateContentStream({ // expect: approved-vendors
    model: 'gemini-2.5-flash',
    contents: 'Suggest a one-day meal plan that avoids my allergens.',
    config: { systemInstruction: `Allergens: ${patient.allergies.join(', ')}` }, // expect: no-phi-in-prompt
  });
  let text = '';
  for await (const chunk of stream) text += chunk.text ?? '';
  return text;
}

export async function embedPlan(note: ClinicalNote): Promise<number> {
  const res = await ai.models.embedContent({ model: 'gemini-embedding-001', contents: note.plan }); // expect: approved-vendors, no-phi-in-prompt
  return res.embeddings?.length ?? 0;
}
