import Anthropic from '@anthropic-ai/sdk';
import type { Patient } from '../domain/patient.js';

/**
 * Front-desk helper: reads the photo of the insurance card and fills the coverage form.
 * Leaks twice: the patient's identity in the system prompt, the card photo as an image part.
 */
const anthropic = new Anthropic();

export async function readInsuranceCard(patient: Patient): Promise<string> {
  const message = await anthropic.messages.create({ // expect: approved-vendors
    model: 'claude-sonnet-4-5',
    max_tokens: 800,
    system: `You are helping ${patient.fullName} register. Extract payer, member id and group number as JSON.`, // expect: no-phi-in-prompt
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Here is the front of the card.' },
          {
            type: 'image',
            source: {
              type: 'base64',
              media_type: 'image/jpeg',
              data: patient.insuranceCardPhoto, // expect: no-phi-in-prompt
            },
          },
        ],
      },
    ],
  });
  const first = message.content[0];
  return first?.type === 'text' ? first.text : '';
}

/** Clean: asks how to read a generic card layout. */
export async function explainCardLayout(payer: string): Promise<string> {
  const message = await anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 300, messages: [{ role: 'user', content: `Where is the group number on a ${payer} card?` }] }); // expect: approved-vendors
  const first = message.content[0];
  return first?.type === 'text' ? first.text : '';
}
