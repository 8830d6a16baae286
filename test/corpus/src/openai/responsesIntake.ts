import OpenAI from 'openai';
import type { Appointment, Encounter } from '../domain/clinical.js';

/** Intake nurse assistant on the Responses API: drafts pre-visit questions from the booking. */
const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });

export async function draftPreVisitQuestions(appointment: Appointment): Promise<string> {
  const input =
    'The patient booked a ' + appointment.visitType + ' visit. ' +
    'They wrote: ' + appointment.reason + '. ' + // expect: no-phi-in-prompt
    'Draft three short questions the nurse should ask before the visit.';
  const response = await client.responses.create({ model: 'gpt-4o-mini', input }); // expect: approved-vendors
  return response.output_text;
}

export async function classifyVisit(encounter: Encounter): Promise<string> {
  const response = await client.responses.create({ // expect: approved-vendors
    model: 'gpt-4o-mini',
    instructions: 'Classify the visit reason as acute, chronic or preventive. One word.',
    input: [
      {
        role: 'user',
        content: [{ type: 'input_text', text: String(encounter.reasonForVisit) }], // expect: no-phi-in-prompt
      },
    ],
  });
  return response.output_text.trim().toLowerCase();
}

/** No PHI: visit kind and duration are scheduling facts. Still an unapproved vendor. */
export async function estimateSlotLength(encounter: Encounter): Promise<string> {
  const response = await client.responses.create({ // expect: approved-vendors
    model: 'gpt-4o-mini',
    input: `A ${encounter.kind} visit took ${encounter.durationMinutes} minutes. Suggest a slot length.`,
  });
  return response.output_text;
}
