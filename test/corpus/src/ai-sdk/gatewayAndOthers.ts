import { generateText } from 'ai';
import { vertex } from '@ai-sdk/google-vertex';
import { deepseek } from '@ai-sdk/deepseek';
import type { Encounter } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/** Model experiments: the AI Gateway by string id, Vertex AI and DeepSeek providers. */

export async function gatewaySummary(encounter: Encounter): Promise<string> {
  const { text } = await generateText({ // expect: approved-vendors
    model: 'openai/gpt-4o',
    prompt: `Summarize: ${encounter.note.assessment}`, // expect: no-phi-in-prompt
  });
  return text;
}

export async function vertexLetter(patient: Patient): Promise<string> {
  const { text } = await generateText({ // expect: approved-vendors
    model: vertex('gemini-2.5-pro'),
    prompt: `Write a recall letter to ${patient.fullName} at ${patient.address.line1}, ${patient.address.city}.`, // expect: no-phi-in-prompt
  });
  return text;
}

export async function deepseekReasoning(encounter: Encounter): Promise<string> {
  const { text } = await generateText({ // expect: approved-vendors
    model: deepseek('deepseek-reasoner'),
    messages: [{ role: 'user', content: encounter.reasonForVisit }], // expect: no-phi-in-prompt
  });
  return text;
}

/** Clean, through the gateway: a duration is not PHI. */
export async function gatewayDurationNote(encounter: Encounter): Promise<string> {
  const { text } = await generateText({ model: 'anthropic/claude-sonnet-4.5', prompt: `Is ${encounter.durationMinutes} minutes long for a ${encounter.kind} visit?` }); // expect: approved-vendors
  return text;
}
