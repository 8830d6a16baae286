import { openai } from '@ai-sdk/openai';
import { generateText } from 'ai';
import type { Appointment } from '../models.js';
import { buildTriagePrompt } from '../prompts/triagePrompt.js';

/** Intake triage: flags appointments that should be moved to the urgent queue. */

export type Urgency = 'EMERGENT' | 'URGENT' | 'ROUTINE';

const TRIAGE_INSTRUCTIONS =
  'You are a telehealth triage nurse. Follow the Emergency Severity Index. ' +
  'Answer with the urgency on the first line, then the rationale.';

/** LEAK: the brand-typed appointment reason reaches OpenAI through buildTriagePrompt(). */
export async function triageAppointment(appointment: Appointment): Promise<Urgency> {
  const { text } = await generateText({ // expect: approved-vendors
    model: openai('gpt-4o-mini'),
    instructions: TRIAGE_INSTRUCTIONS,
    prompt: buildTriagePrompt(appointment), // expect: no-phi-in-prompt
    temperature: 0,
  });
  const firstLine = text.trim().split('\n')[0]?.toUpperCase() ?? '';
  if (firstLine.includes('EMERGENT')) return 'EMERGENT';
  if (firstLine.includes('URGENT')) return 'URGENT';
  return 'ROUTINE';
}
