import { generateText, streamText } from 'ai';
import { createAzure } from '@ai-sdk/azure';
import { createAmazonBedrock } from '@ai-sdk/amazon-bedrock';
import type { ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/**
 * The AI SDK with providers under our BAA: Azure OpenAI, and Bedrock in us-east-1 with an
 * Anthropic model. PHI may go to both: no findings here.
 */
const azure = createAzure({ resourceName: 'carebridge-prod' });
const bedrock = createAmazonBedrock({ region: 'us-east-1' });

export async function coveredSummary(patient: Patient, note: ClinicalNote): Promise<string> {
  const { text } = await generateText({
    model: azure('gpt-4o'),
    prompt: `Summarize the visit of ${patient.fullName} (MRN ${patient.mrn}):\n${note.subjective}`,
  });
  return text;
}

export async function coveredDraft(note: ClinicalNote): Promise<string> {
  const result = streamText({
    model: bedrock('anthropic.claude-3-5-sonnet-20240620-v1:0'),
    prompt: `Draft the after-visit summary:\n${note.plan}`,
  });
  return await result.text;
}

/** The model object held in a variable and passed with shorthand `{ model }`: still Azure. */
const model = azure('gpt-4o-mini');

export async function coveredTitle(note: ClinicalNote): Promise<string> {
  const { text } = await generateText({ model, prompt: `Title for this visit: ${note.chiefComplaint}` });
  return text;
}
