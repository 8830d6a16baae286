import { ChatOpenAI } from '@langchain/openai';
import { ChatAnthropic } from '@langchain/anthropic';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/** The care-coordination agent's LangChain chat models. */
const gpt = new ChatOpenAI({ model: 'gpt-4o', temperature: 0 });
const claude = new ChatAnthropic({ model: 'claude-sonnet-4-5', temperature: 0 });

export async function careGaps(patient: Patient, note: ClinicalNote): Promise<string> {
  const reply = await gpt.invoke([ // expect: approved-vendors
    new SystemMessage('List preventive-care gaps for this patient.'),
    new HumanMessage(`DOB ${patient.dateOfBirth}`), // expect: no-phi-in-prompt
    new HumanMessage(note.assessment), // expect: no-phi-in-prompt
  ]);
  return String(reply.content);
}

export async function streamOutreachScript(patient: Patient): Promise<string> {
  const stream = await claude.stream([ // expect: approved-vendors
    ['system', 'Write a phone outreach script for a care coordinator.'],
    ['human', `Call ${patient.fullName} at ${patient.phone} about overdue screenings.`], // expect: no-phi-in-prompt
  ]);
  let script = '';
  for await (const chunk of stream) script += String(chunk.content);
  return script;
}

export async function batchPlans(notes: ClinicalNote[]): Promise<string[]> {
  const replies = await gpt.batch(notes.map((n) => `Simplify this plan: ${n.plan}`)); // expect: approved-vendors, no-phi-in-prompt
  return replies.map((r) => String(r.content));
}

/** Clean: program-level question. */
export async function outreachTips(): Promise<string> {
  const reply = await claude.invoke('Three tips for reaching patients overdue for colorectal screening.'); // expect: approved-vendors
  return String(reply.content);
}
