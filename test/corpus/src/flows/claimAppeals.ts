import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
import type { InsuranceClaim } from '../domain/operations.js';
import { loadClaim } from '../domain/repository.js';

/** Denial appeals: InsuranceClaim is PHI by configuration (phi.types). */

export async function draftAppeal(claimNumber: string, payerPolicyText: string): Promise<string> {
  const claim = await loadClaim(claimNumber);
  const { text } = await generateText({ // expect: approved-vendors
    model: openai('gpt-4o'),
    instructions: 'Draft a payer appeal letter citing the policy text.',
    prompt: [
      `Claim: ${claim.claimNumber} (member ${claim.memberId})`, // expect: no-phi-in-prompt
      `Denial reason: ${claim.denialReason}`, // expect: no-phi-in-prompt
      `Policy: ${payerPolicyText}`,
    ].join('\n'),
  });
  return text;
}

export async function classifyDenials(claims: InsuranceClaim[]): Promise<string> {
  const { text } = await generateText({ // expect: approved-vendors
    model: openai('gpt-4o-mini'),
    prompt: `Group these denials by root cause: ${JSON.stringify(claims)}`, // expect: no-phi-in-prompt
  });
  return text;
}

/** Clean: how many claims were denied, nothing from them. */
export async function denialRateNote(claims: InsuranceClaim[]): Promise<string> {
  const { text } = await generateText({ model: openai('gpt-4o-mini'), prompt: `We had ${claims.length} denials this month. Draft a note to the billing team.` }); // expect: approved-vendors
  return text;
}
