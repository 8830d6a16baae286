import OpenAI from 'openai';
import type { ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/**
 * Features that receive their client by dependency injection, and a base class whose protected
 * method forwards to the model: the client's type decides the vendor.
 */
export async function summarizeWith(client: OpenAI, note: ClinicalNote): Promise<string> {
  const res = await client.chat.completions.create({ // expect: approved-vendors
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: note.subjective }], // expect: no-phi-in-prompt
  });
  return res.choices[0]?.message.content ?? '';
}

abstract class LlmFeature {
  constructor(protected readonly client: OpenAI) {}

  protected async complete(prompt: string): Promise<string> {
    const res = await this.client.responses.create({ model: 'gpt-4o-mini', input: prompt }); // expect: approved-vendors
    return res.output_text;
  }
}

export class BirthdayGreeting extends LlmFeature {
  constructor(client: OpenAI, private readonly patient: Patient) {
    super(client);
  }

  get displayName(): string {
    return this.patient.fullName;
  }

  async draft(): Promise<string> {
    return this.complete(`Write a birthday card for ${this.displayName}.`); // expect: no-phi-in-prompt
  }

  /** Clean: the language preference only. */
  async draftGeneric(): Promise<string> {
    return this.complete(`Write a generic birthday card in ${this.patient.preferredLanguage}.`);
  }
}
