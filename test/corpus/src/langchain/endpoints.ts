import { ChatOpenAI } from '@langchain/openai';
import Anthropic from '@anthropic-ai/sdk';
import type { ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/**
 * Endpoint configuration decides the vendor: a LangChain model on loopback and Claude behind
 * the CareBridge gateway stay in-house; a Claude client whose base URL comes from the
 * environment cannot be placed.
 */
const localChat = new ChatOpenAI({ model: 'qwen2.5-32b', configuration: { baseURL: 'http://localhost:8000/v1' } });
const gatewayClaude = new Anthropic({ baseURL: 'https://llm.carebridge.internal/anthropic' });
const envClaude = new Anthropic({ baseURL: process.env.CLAUDE_PROXY_URL });

export async function localPlan(note: ClinicalNote): Promise<string> {
  const reply = await localChat.invoke(`Rewrite as patient-friendly steps:\n${note.plan}`);
  return String(reply.content);
}

export async function gatewayLetter(patient: Patient, note: ClinicalNote): Promise<string> {
  const msg = await gatewayClaude.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 800,
    messages: [{ role: 'user', content: `Letter to ${patient.fullName} about: ${note.plan}` }],
  });
  const first = msg.content[0];
  return first?.type === 'text' ? first.text : '';
}

/** Clean content, unknown endpoint. */
export async function proxiedGlossary(term: string): Promise<string> {
  const msg = await envClaude.messages.create({ model: 'claude-haiku-4-5', max_tokens: 200, messages: [{ role: 'user', content: `Define ${term} for patients.` }] }); // expect: approved-vendors
  const first = msg.content[0];
  return first?.type === 'text' ? first.text : '';
}
