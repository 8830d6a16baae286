import OpenAI from 'openai';
import type { Patient } from '../domain/patient.js';
import type { ClinicalNote } from '../domain/clinical.js';

/** The old referral-letter generator, still on the legacy completions endpoint. */
const openai = new OpenAI();

export async function draftReferralLetter(patient: Patient, note: ClinicalNote, specialty: string): Promise<string> {
  const header = 'Dear colleague,\n'.concat(
    'I am referring ',
    patient.fullName, // expect: no-phi-in-prompt
    ` to ${specialty}.\n`,
  );
  const body = [
    'History:',
    note.subjective, // expect: no-phi-in-prompt
    'Assessment:',
    note.assessment, // expect: no-phi-in-prompt
  ].join('\n');
  const completion = await openai.completions.create({ // expect: approved-vendors
    model: 'gpt-3.5-turbo-instruct',
    max_tokens: 600,
    prompt: `${header}\n${body}\n\nContinue the letter:`,
  });
  return completion.choices[0]?.text ?? '';
}

/** Clean: a generic template for the specialty, no patient details. */
export async function referralTemplate(specialty: string): Promise<string> {
  const completion = await openai.completions.create({ // expect: approved-vendors
    model: 'gpt-3.5-turbo-instruct',
    prompt: 'Write a referral letter template to '.concat(specialty, ' with {{placeholders}}.'),
  });
  return completion.choices[0]?.text ?? '';
}
