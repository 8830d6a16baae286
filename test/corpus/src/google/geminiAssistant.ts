import { GoogleGenerativeAI } from '@google/generative-ai';
import type { ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/** Patient-message drafting with Gemini (Google AI Studio key): vendor google-gemini, no BAA. */
const genAI = new GoogleGenerativeAI(process.env.GEMINI_API_KEY ?? '');
const model = genAI.getGenerativeModel({
  model: 'gemini-1.5-pro',
  systemInstruction: 'You draft short, warm replies to patient portal messages. Never diagnose.',
});

export async function draftReply(patient: Patient, inbound: string): Promise<string> {
  const result = await model.generateContent([ // expect: approved-vendors
    `Patient name: ${patient.fullName}`, // expect: no-phi-in-prompt
    `Their message: ${inbound}`,
  ]);
  return result.response.text();
}

export async function followUpChat(note: ClinicalNote, questions: string[]): Promise<string[]> {
  const chat = model.startChat({ generationConfig: { temperature: 0.3 } });
  const answers: string[] = [];
  await chat.sendMessage(`Context from the visit: ${note.plan}`); // expect: approved-vendors, no-phi-in-prompt
  for (const q of questions) {
    const reply = await chat.sendMessage(q); // expect: approved-vendors
    answers.push(reply.response.text());
  }
  return answers;
}

export async function embedComplaint(note: ClinicalNote): Promise<number[]> {
  const embedder = genAI.getGenerativeModel({ model: 'text-embedding-004' });
  const res = await embedder.embedContent(note.chiefComplaint); // expect: approved-vendors, no-phi-in-prompt
  return res.embedding.values;
}
