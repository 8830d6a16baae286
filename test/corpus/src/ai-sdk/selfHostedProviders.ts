import { generateText, streamText } from 'ai';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { createAmazonBedrock } from '@ai-sdk/amazon-bedrock';
import type { ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/**
 * AI SDK providers pointed at our own infrastructure (loopback vLLM, the CareBridge gateway):
 * never reported. Bedrock with a Meta model is outside the BAA's model scope.
 */
const localVllm = createOpenAI({ baseURL: 'http://127.0.0.1:8000/v1', apiKey: 'local' });
const gateway = createOpenAICompatible({ name: 'carebridge', baseURL: 'https://llm.carebridge.internal/v1' });
const bedrock = createAmazonBedrock({ region: 'us-east-1' });

export async function localDraft(note: ClinicalNote): Promise<string> {
  const { text } = await generateText({ model: localVllm.chat('meditron-70b'), prompt: `Draft a plan from: ${note.assessment}` });
  return text;
}

export async function gatewayCardRead(patient: Patient): Promise<string> {
  const { text } = await generateText({
    model: gateway('llava-next'),
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: `Card for ${patient.fullName}` },
          { type: 'image', image: patient.insuranceCardPhoto },
        ],
      },
    ],
  });
  return text;
}

export async function llamaOnBedrock(patient: Patient, note: ClinicalNote): Promise<string> {
  const result = streamText({ // expect: approved-vendors
    model: bedrock('meta.llama3-70b-instruct-v1:0'),
    prompt: `Summarize the visit of ${patient.fullName}: ${note.plan}`, // expect: no-phi-in-prompt
  });
  return await result.text;
}
