import OpenAI, { AzureOpenAI } from 'openai';
import type { Patient } from '../domain/patient.js';
import type { Encounter } from '../domain/clinical.js';

/**
 * Discharge instructions on our Azure OpenAI deployment. Azure OpenAI is under a BAA
 * (approvedVendors: azure-openai), so PHI may go here: no findings in this file.
 */
const azure = new AzureOpenAI({
  endpoint: 'https://carebridge-prod.openai.azure.com',
  apiVersion: '2024-10-21',
});

/** The same resource through its v1 endpoint with the plain OpenAI client: still Azure. */
const azureV1 = new OpenAI({
  baseURL: 'https://carebridge-prod.openai.azure.com/openai/v1',
  apiKey: process.env.AZURE_OPENAI_API_KEY,
});

export async function writeDischargeInstructions(patient: Patient, encounter: Encounter): Promise<string> {
  const completion = await azure.chat.completions.create({
    model: 'gpt-4o',
    messages: [
      { role: 'system', content: 'Write discharge instructions at a 6th-grade reading level.' },
      { role: 'user', content: `Patient ${patient.fullName}, DOB ${patient.dateOfBirth}.` },
      { role: 'user', content: encounter.note.plan },
    ],
  });
  return completion.choices[0]?.message.content ?? '';
}

export async function translateInstructions(patient: Patient, instructions: string): Promise<string> {
  const response = await azureV1.responses.create({
    model: 'gpt-4o',
    input: `Translate for ${patient.fullName} into ${patient.preferredLanguage}:\n${instructions}`,
  });
  return response.output_text;
}
