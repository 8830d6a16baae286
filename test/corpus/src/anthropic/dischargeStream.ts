import Anthropic from '@anthropic-ai/sdk';
import type { Encounter } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/** Streams after-visit instructions to the patient portal as they are written. */
const client = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY });

export async function streamAfterVisitSummary(patient: Patient, encounter: Encounter, onText: (t: string) => void): Promise<void> {
  const medsLine = patient.medications.map((m) => m.name).join(', ');
  const stream = client.messages.stream({ // expect: approved-vendors
    model: 'claude-sonnet-4-5',
    max_tokens: 1500,
    messages: [
      {
        role: 'user',
        content: [
          `Visit reason: ${encounter.reasonForVisit}`, // expect: no-phi-in-prompt
          `Current medications: ${medsLine}`, // expect: no-phi-in-prompt
          `Plan: ${encounter.note.plan}`, // expect: no-phi-in-prompt
          `Visit length: ${encounter.durationMinutes} minutes`,
        ].join('\n'),
      },
    ],
  });
  stream.on('text', onText);
  await stream.finalMessage();
}
