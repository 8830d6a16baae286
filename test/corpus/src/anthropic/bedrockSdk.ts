import { AnthropicBedrock } from '@anthropic-ai/bedrock-sdk';
import type { ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/**
 * Claude through Amazon Bedrock with Anthropic's Bedrock client. Our BAA covers Bedrock in us-*
 * regions for anthropic.* models: the us-east-1 client is compliant; the Frankfurt client that
 * the EU pilot added is outside the BAA.
 */
const bedrockUs = new AnthropicBedrock({ awsRegion: 'us-east-1' });
const bedrockEu = new AnthropicBedrock({ awsRegion: 'eu-central-1' });

const MODEL = 'anthropic.claude-3-5-sonnet-20241022-v2:0';

export async function summarizeForCoder(patient: Patient, note: ClinicalNote): Promise<string> {
  const msg = await bedrockUs.messages.create({
    model: MODEL,
    max_tokens: 700,
    messages: [{ role: 'user', content: `${patient.fullName} (${patient.mrn})\n${note.assessment}\n${note.plan}` }],
  });
  const first = msg.content[0];
  return first?.type === 'text' ? first.text : '';
}

export async function summarizeForEuPilot(note: ClinicalNote): Promise<string> {
  const msg = await bedrockEu.messages.create({ // expect: approved-vendors
    model: MODEL,
    max_tokens: 700,
    messages: [{ role: 'user', content: note.assessment }], // expect: no-phi-in-prompt
  });
  const first = msg.content[0];
  return first?.type === 'text' ? first.text : '';
}
