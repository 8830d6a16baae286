import OpenAI from 'openai';
import type { Patient } from '../domain/patient.js';
import type { ClinicalNote } from '../domain/clinical.js';

/**
 * Referral packets as JSON: object literals, shorthand, spread, destructuring,
 * JSON.stringify, String() and string methods.
 */
const openai = new OpenAI();

export async function packetSummary(patient: Patient, note: ClinicalNote): Promise<string> {
  const { id, fullName, dateOfBirth } = patient;
  const packet = {
    id,
    fullName, // expect: no-phi-in-prompt
    born: dateOfBirth, // expect: no-phi-in-prompt
    home: { ...patient.address, country: 'US' }, // expect: no-phi-in-prompt
    complaint: note.chiefComplaint.toLowerCase().trim(), // expect: no-phi-in-prompt
  };
  const res = await openai.responses.create({ // expect: approved-vendors
    model: 'gpt-4o-mini',
    instructions: 'Write a one-paragraph referral cover letter from this JSON.',
    input: JSON.stringify(packet),
  });
  return res.output_text;
}

export async function zipCodeRegion(patient: Patient): Promise<string> {
  const res = await openai.responses.create({ // expect: approved-vendors
    model: 'gpt-4o-mini',
    input: 'Which state is ZIP ' + String(patient.address.zip) + ' in?', // expect: no-phi-in-prompt
  });
  return res.output_text;
}

export async function initialsOnly(patient: Patient): Promise<string> {
  const [first, last] = patient.fullName.split(' ');
  const initials = `${first?.charAt(0)}${last?.charAt(0)}`; // expect: no-phi-in-prompt
  const res = await openai.responses.create({ model: 'gpt-4o-mini', input: `Make a badge for ${initials}` }); // expect: approved-vendors
  return res.output_text;
}
