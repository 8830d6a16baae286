import Anthropic from '@anthropic-ai/sdk';
import type { Encounter, LanguageCode, Patient } from '../models.js';

/** Discharge instructions: plain-language after-visit instructions in the patient's language. */

const anthropic = new Anthropic();

const DISCHARGE_MODEL = 'claude-sonnet-4-5';

const LANGUAGE_NAMES: Record<LanguageCode, string> = {
  en: 'English',
  es: 'Spanish',
  vi: 'Vietnamese',
  zh: 'Chinese (Simplified)',
  ht: 'Haitian Creole',
};

function textOf(message: Anthropic.Message): string {
  return message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
}

/** LEAK: the medication list is built from the patient's record and sent to Anthropic without a BAA. */
export async function writeDischargeInstructions(patient: Patient, encounter: Encounter): Promise<string> {
  const language = LANGUAGE_NAMES[patient.preferredLanguage];
  const message = await anthropic.messages.create({ // expect: approved-vendors
    model: DISCHARGE_MODEL,
    max_tokens: 1024,
    system: `Write discharge instructions at a 6th-grade reading level, in ${language}.`,
    messages: [
      {
        role: 'user',
        content: [
          `Visit type: ${encounter.kind}.`,
          'Current medications:',
          patient.medications.map((m) => `- ${m.name} ${m.dose}, ${m.frequency}`).join('\n'), // expect: no-phi-in-prompt
        ].join('\n'),
      },
    ],
  });
  return textOf(message);
}

/** Compliant content: a reusable checklist template, from non-PHI fields only (clinic, language). */
export async function writeDischargeTemplate(patient: Patient): Promise<string> {
  const message = await anthropic.messages.create({ // expect: approved-vendors
    model: DISCHARGE_MODEL,
    max_tokens: 1024,
    system: 'You write patient-education templates with {{placeholders}} for personal details.',
    messages: [
      {
        role: 'user',
        content:
          `Draft a generic discharge checklist template for clinic ${patient.clinicId}, ` +
          `written in ${LANGUAGE_NAMES[patient.preferredLanguage]}.`,
      },
    ],
  });
  return textOf(message);
}
