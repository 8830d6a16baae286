import Anthropic from '@anthropic-ai/sdk';
import type { Address, Patient } from '../domain/patient.js';
import type { ClinicalNote } from '../domain/clinical.js';

/** Discharge paperwork: helpers in this file pass PHI through parameters and return values. */
const anthropic = new Anthropic();

function patientLine(p: Patient): string {
  return `${p.fullName}, DOB ${p.dateOfBirth}`; // expect: no-phi-in-prompt
}

function mailingLabel(a: Address): string {
  return [a.line1, `${a.city}, ${a.state} ${a.zip}`].join('\n');
}

function latestPlan(notes: ClinicalNote[]): string {
  return notes[notes.length - 1]?.plan ?? '';
}

function bullet(text: string): string {
  return `- ${text}`;
}

export async function dischargePacket(patient: Patient, notes: ClinicalNote[]): Promise<string> {
  const msg = await anthropic.messages.create({ // expect: approved-vendors
    model: 'claude-sonnet-4-5',
    max_tokens: 1200,
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: patientLine(patient) },
          { type: 'text', text: mailingLabel(patient.address) }, // expect: no-phi-in-prompt
          { type: 'text', text: latestPlan(notes) }, // expect: no-phi-in-prompt
          { type: 'text', text: bullet(patient.allergies.join(', ')) }, // expect: no-phi-in-prompt
          { type: 'text', text: bullet(`Language: ${patient.preferredLanguage}`) },
        ],
      },
    ],
  });
  const first = msg.content[0];
  return first?.type === 'text' ? first.text : '';
}
