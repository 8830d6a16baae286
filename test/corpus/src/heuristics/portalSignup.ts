import Anthropic from '@anthropic-ai/sdk';
import type { PortalSignup, PracticeContact } from '../domain/operations.js';

/**
 * Welcome messages for new portal accounts and for referring practices. Neither type has PHI
 * markers; PortalSignup is patient-like (it carries an MRN and a date of birth), so its name and
 * email are PHI; PracticeContact describes a business, so its are not.
 */
const anthropic = new Anthropic();

export async function welcomePatient(signup: PortalSignup): Promise<string> {
  const msg = await anthropic.messages.create({ // expect: approved-vendors
    model: 'claude-haiku-4-5',
    max_tokens: 300,
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: `Welcome ${signup.name} to the portal.` }, // expect: no-phi-in-prompt
          { type: 'text', text: `Confirm the email ${signup.email}.` }, // expect: no-phi-in-prompt
          { type: 'text', text: `Marketing opt-in: ${signup.marketingOptIn}` },
        ],
      },
    ],
  });
  const first = msg.content[0];
  return first?.type === 'text' ? first.text : '';
}

export async function welcomePractice(contact: PracticeContact): Promise<string> {
  const msg = await anthropic.messages.create({ // expect: approved-vendors
    model: 'claude-haiku-4-5',
    max_tokens: 300,
    messages: [{ role: 'user', content: `Welcome ${contact.name} (${contact.specialty}); we will write to ${contact.email} and call ${contact.phone}.` }],
  });
  const first = msg.content[0];
  return first?.type === 'text' ? first.text : '';
}
