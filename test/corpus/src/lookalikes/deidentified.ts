import { generateText } from 'ai';
import { anthropic } from '@ai-sdk/anthropic';
import type { ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';
import { maskIdentifiers, redact } from '../phi/redact.js';

/**
 * Research abstracts from de-identified notes: every PHI value goes through the configured
 * redactor (or the `@redactor`-tagged one) before it is used, so only the vendor is reported.
 */
const model = anthropic('claude-sonnet-4-5');

export async function caseAbstract(patient: Patient, note: ClinicalNote): Promise<string> {
  const safeComplaint = redact(note.chiefComplaint);
  const safeAssessment = maskIdentifiers(note.assessment);
  const { text } = await generateText({ // expect: approved-vendors
    model,
    prompt: [
      `Case ${patient.id}: ${safeComplaint}`,
      safeAssessment,
      `Plan: ${redact(note.plan)}`,
      `Record: ${redact(patient)}`,
      `Allergies: ${patient.allergies.map((a) => redact(a)).join(', ')}`,
    ].join('\n'),
  });
  return text;
}

export async function deidentifiedLetter(patient: Patient): Promise<string> {
  let body = `Letter for ${patient.fullName}`;
  body = redact(body);
  const { text } = await generateText({ model, prompt: body }); // expect: approved-vendors
  return text;
}
