import OpenAI from 'openai';
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { generateText } from 'ai';
import { openai } from '@ai-sdk/openai';
import type { ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/**
 * Endpoints, regions and models from named constants, passed with shorthand properties: they
 * are still constants, so the vendor and the BAA scope are known.
 */
const baseURL = 'http://localhost:11434/v1';
const GATEWAY_URL = 'https://llm.carebridge.internal/v1';
const region = 'us-east-1';
const modelId = 'anthropic.claude-3-5-sonnet-20240620-v1:0';

const local = new OpenAI({ baseURL, apiKey: 'ollama' });
const gateway = new OpenAI({ baseURL: GATEWAY_URL });
const bedrock = new BedrockRuntimeClient({ region });

export async function localNote(note: ClinicalNote): Promise<string> {
  const res = await local.chat.completions.create({ model: 'llama3.1:8b', messages: [{ role: 'user', content: note.plan }] });
  return res.choices[0]?.message.content ?? '';
}

export async function gatewayNote(patient: Patient): Promise<string> {
  const res = await gateway.chat.completions.create({ model: 'clinical-llama', messages: [{ role: 'user', content: patient.fullName }] });
  return res.choices[0]?.message.content ?? '';
}

export async function coveredConverse(note: ClinicalNote): Promise<string> {
  const res = await bedrock.send(new ConverseCommand({ modelId, messages: [{ role: 'user', content: [{ text: note.assessment }] }] }));
  return res.output?.message?.content?.[0]?.text ?? '';
}

/** Unapproved vendor, prompt passed with shorthand. */
export async function shorthandPrompt(patient: Patient): Promise<string> {
  const prompt = `Explain the care plan to ${patient.fullName}.`; // expect: no-phi-in-prompt
  const { text } = await generateText({ model: openai('gpt-4o-mini'), prompt }); // expect: approved-vendors
  return text;
}
