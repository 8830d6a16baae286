import { BedrockRuntimeClient, ConverseCommand, type Message } from '@aws-sdk/client-bedrock-runtime';
import type { Appointment, Patient } from '../models.js';

/**
 * Scheduling bot: a chat assistant that helps a signed-in patient move or cancel a visit.
 * Compliant: Amazon Bedrock is covered by our BAA (approvedVendors: aws-bedrock, us-* regions,
 * anthropic.* models), so PHI may go here and PHI Guard reports nothing in this file.
 */

const bedrock = new BedrockRuntimeClient({ region: 'us-east-1' });

const SCHEDULING_MODEL_ID = 'anthropic.claude-3-5-sonnet-20240620-v1:0';

export interface OpenSlot {
  startsAt: string;
  clinicianName: string;
}

export class SchedulingBot {
  private readonly history: Message[] = [];

  constructor(
    private readonly patient: Patient,
    private readonly upcoming: Appointment,
    private readonly openSlots: OpenSlot[],
  ) {}

  private systemPrompt(): string {
    const slots = this.openSlots.map((s) => `${s.startsAt} with ${s.clinicianName}`).join('; ');
    return [
      `You help ${this.patient.fullName} (DOB ${this.patient.dateOfBirth}) manage telehealth visits.`,
      `Their next visit is ${this.upcoming.startsAt} for: ${this.upcoming.reason}.`,
      `Open slots: ${slots}.`,
      'Offer only open slots. To cancel, ask for confirmation first. Never give medical advice.',
    ].join('\n');
  }

  async reply(userText: string): Promise<string> {
    this.history.push({ role: 'user', content: [{ text: userText }] });

    const response = await bedrock.send(
      new ConverseCommand({
        modelId: SCHEDULING_MODEL_ID,
        system: [{ text: this.systemPrompt() }],
        messages: this.history,
        inferenceConfig: { maxTokens: 512, temperature: 0.3 },
      }),
    );

    const answer = response.output?.message?.content?.map((block) => block.text ?? '').join('') ?? '';
    this.history.push({ role: 'assistant', content: [{ text: answer }] });
    return answer;
  }
}
