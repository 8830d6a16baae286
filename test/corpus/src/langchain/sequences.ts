import { ChatAnthropic } from '@langchain/anthropic';
import { ChatPromptTemplate, PromptTemplate } from '@langchain/core/prompts';
import { RunnableSequence } from '@langchain/core/runnables';
import { StringOutputParser } from '@langchain/core/output_parsers';
import type { ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/** Prior-authorization letters: RunnableSequence.from, and prompts formatted by hand. */
const model = new ChatAnthropic({ model: 'claude-sonnet-4-5' });

const letterPrompt = PromptTemplate.fromTemplate(
  'Write a prior-authorization letter for {patientName} (DOB {dob}) requesting {service}. Clinical justification: {justification}',
);
const priorAuthChain = RunnableSequence.from([letterPrompt, model, new StringOutputParser()]);

export async function priorAuthLetter(patient: Patient, note: ClinicalNote, service: string): Promise<string> {
  return priorAuthChain.invoke({ // expect: approved-vendors
    patientName: patient.fullName, // expect: no-phi-in-prompt
    dob: patient.dateOfBirth, // expect: no-phi-in-prompt
    service,
    justification: note.assessment, // expect: no-phi-in-prompt
  });
}

export async function appealByHand(patient: Patient, note: ClinicalNote): Promise<string> {
  const chatPrompt = ChatPromptTemplate.fromMessages([
    ['system', 'You write insurance appeal letters.'],
    ['human', 'Appeal the denial for {name}. Plan: {plan}'],
  ]);
  const messages = await chatPrompt.formatMessages({
    name: patient.fullName, // expect: no-phi-in-prompt
    plan: note.plan, // expect: no-phi-in-prompt
  });
  const reply = await model.invoke(messages); // expect: approved-vendors
  return String(reply.content);
}
