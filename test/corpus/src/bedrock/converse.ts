import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand, type Message } from '@aws-sdk/client-bedrock-runtime';
import type { Appointment } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/** Scheduling assistant on the Bedrock Converse API. */
const usClient = new BedrockRuntimeClient({ region: 'us-west-2' });
const euClient = new BedrockRuntimeClient({ region: 'eu-west-1' });
const envClient = new BedrockRuntimeClient({ region: process.env.AWS_REGION });

const CLAUDE = 'anthropic.claude-3-5-sonnet-20240620-v1:0';

/** Compliant: us-west-2 and an Anthropic model are inside the BAA. */
export async function rescheduleChat(patient: Patient, appointment: Appointment, history: Message[]): Promise<string> {
  const res = await usClient.send(
    new ConverseCommand({
      modelId: CLAUDE,
      system: [{ text: `You help ${patient.fullName} move the visit booked for ${appointment.reason}.` }],
      messages: history,
    }),
  );
  return res.output?.message?.content?.[0]?.text ?? '';
}

/** Outside the BAA: Ireland. */
export async function rescheduleChatEu(appointment: Appointment): Promise<string> {
  const res = await euClient.send( // expect: approved-vendors
    new ConverseCommand({
      modelId: CLAUDE,
      messages: [{ role: 'user', content: [{ text: appointment.reason }] }], // expect: no-phi-in-prompt
    }),
  );
  return res.output?.message?.content?.[0]?.text ?? '';
}

/** The region is read at run time, so the BAA scope cannot be checked. Clean content. */
export async function openingHoursStream(clinicName: string): Promise<void> {
  await envClient.send(new ConverseStreamCommand({ modelId: CLAUDE, messages: [{ role: 'user', content: [{ text: `Opening hours of ${clinicName}?` }] }] })); // expect: approved-vendors
}

/** Outside the BAA: a Mistral model in a covered region. */
export async function visitChecklist(appointment: Appointment): Promise<string> {
  const res = await usClient.send(new ConverseCommand({ modelId: 'mistral.mistral-large-2407-v1:0', messages: [{ role: 'user', content: [{ text: `Checklist for a ${appointment.visitType} visit` }] }] })); // expect: approved-vendors
  return res.output?.message?.content?.[0]?.text ?? '';
}
