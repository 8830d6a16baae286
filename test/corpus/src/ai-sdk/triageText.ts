import { generateText, streamText } from 'ai';
import { openai } from '@ai-sdk/openai';
import { anthropic } from '@ai-sdk/anthropic';
import type { Appointment, Encounter } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/** Triage and visit prep on the Vercel AI SDK: the provider that made `model` is the vendor. */

export async function triageAppointment(appointment: Appointment): Promise<string> {
  const { text } = await generateText({ // expect: approved-vendors
    model: openai('gpt-4o-mini'),
    instructions: 'You are a triage nurse. Answer EMERGENT, URGENT or ROUTINE.',
    prompt: `Visit type ${appointment.visitType}. Reason: ${appointment.reason}`, // expect: no-phi-in-prompt
  });
  return text;
}

export async function streamVisitPrep(patient: Patient, encounter: Encounter): Promise<string> {
  const result = streamText({ // expect: approved-vendors
    model: anthropic('claude-sonnet-4-5'),
    system: `You prepare the clinician for a visit with ${patient.fullName}.`, // expect: no-phi-in-prompt
    messages: [
      { role: 'user', content: encounter.note.subjective }, // expect: no-phi-in-prompt
      { role: 'user', content: `Visit kind: ${encounter.kind}` },
    ],
  });
  let out = '';
  for await (const chunk of result.textStream) out += chunk;
  return out;
}

/** Clean prompt: booking metadata only. */
export async function visitTypeBlurb(appointment: Appointment): Promise<string> {
  const { text } = await generateText({ model: openai.responses('gpt-4o-mini'), prompt: `One sentence about a ${appointment.visitType} visit.` }); // expect: approved-vendors
  return text;
}
