import { openai } from '@ai-sdk/openai';
import type { ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/**
 * Look-alikes: objects and functions named like LLM SDKs that are not. Matching is by what the
 * callee resolves to, so nothing here is reported.
 */

/** The test double the unit tests inject; it is also exported for the storybook demo. */
export const fakeOpenAI = {
  chat: {
    completions: {
      create: async (req: { model: string; messages: { role: string; content: string }[] }) => ({ echoed: req.messages.length }),
    },
  },
};

/** The audit-log writer happens to be called `anthropic` after the team that owns it. */
const anthropic = {
  messages: {
    create: async (entry: { text: string }) => entry.text.length,
  },
};

/** A local function that shares its name with the AI SDK's. */
async function generateText(options: { prompt: string }): Promise<string> {
  return options.prompt.toUpperCase();
}

export async function lookalikes(patient: Patient, note: ClinicalNote): Promise<void> {
  await fakeOpenAI.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: patient.ssn }] });
  await anthropic.messages.create({ text: `Chart opened for ${patient.fullName}` });
  await generateText({ prompt: note.assessment });
  // Building a model object sends nothing.
  const model = openai('gpt-4o');
  void model;
}
