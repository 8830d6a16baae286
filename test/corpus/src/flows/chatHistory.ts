import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { ClinicalNote, LabResult } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/** The portal chatbot keeps a message array and pushes turns and tool results onto it. */
const openai = new OpenAI();

export async function portalChat(patient: Patient, notes: ClinicalNote[], labs: LabResult[], question: string): Promise<string> {
  const messages: ChatCompletionMessageParam[] = [
    { role: 'system', content: 'You answer portal questions. Never diagnose.' },
  ];
  messages.push({ role: 'system', content: `You are talking to ${patient.fullName}.` }); // expect: no-phi-in-prompt
  for (const note of notes) {
    messages.push({ role: 'assistant', content: note.plan }); // expect: no-phi-in-prompt
  }
  messages.push({ role: 'user', content: question });
  messages.push({
    role: 'tool',
    tool_call_id: 'call_labs',
    content: JSON.stringify(labs.map((l) => ({ code: l.loincCode, value: l.value }))), // expect: no-phi-in-prompt
  });
  const res = await openai.chat.completions.create({ model: 'gpt-4o', messages }); // expect: approved-vendors
  return res.choices[0]?.message.content ?? '';
}

/** Clean history: FAQ turns only. */
export async function faqChat(question: string): Promise<string> {
  const history: ChatCompletionMessageParam[] = [];
  history.push({ role: 'system', content: 'Answer questions about clinic hours and parking.' });
  history.push({ role: 'user', content: question });
  const res = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: history }); // expect: approved-vendors
  return res.choices[0]?.message.content ?? '';
}
