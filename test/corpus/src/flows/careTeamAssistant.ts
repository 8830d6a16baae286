import OpenAI from 'openai';
import type { ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/** A per-patient assistant object: class fields, constructor parameter properties and `this`. */
export class CareTeamAssistant {
  private readonly client = new OpenAI();
  private readonly timeline: string[] = [];
  private header = '';
  private readonly clinicLabel: string;

  constructor(private readonly patient: Patient) {
    this.clinicLabel = `clinic ${patient.clinicId}`;
  }

  addNote(note: ClinicalNote): void {
    this.timeline.push(note.assessment); // expect: no-phi-in-prompt
  }

  personalize(): void {
    this.header = `Patient ${this.patient.fullName}, MRN ${this.patient.mrn}`; // expect: no-phi-in-prompt
  }

  async ask(question: string): Promise<string> {
    const res = await this.client.chat.completions.create({ // expect: approved-vendors
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: `Care team assistant for ${this.clinicLabel}.` },
        { role: 'system', content: this.header },
        { role: 'user', content: this.timeline.join('\n---\n') },
        { role: 'user', content: this.patient.phone }, // expect: no-phi-in-prompt
        { role: 'user', content: question },
      ],
    });
    return res.choices[0]?.message.content ?? '';
  }

  /** Clean: only the clinic label and the patient's surrogate id. */
  async handoffTitle(): Promise<string> {
    const res = await this.client.chat.completions.create({ // expect: approved-vendors
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: `Title for handoff ${this.patient.id} at ${this.clinicLabel}` }],
    });
    return res.choices[0]?.message.content ?? '';
  }
}
