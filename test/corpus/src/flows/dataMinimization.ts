import OpenAI from 'openai';
import type { Patient } from '../domain/patient.js';

/**
 * The scheduling optimizer gets only what it needs: PHI members are deleted or left out before
 * the record is sent. Only what remains can leak.
 */
const openai = new OpenAI();

interface SchedulingView {
  id: string;
  language: string;
  phone?: string;
  ssn?: string;
  dateOfBirth?: string;
}

async function optimize(payload: string): Promise<string> {
  const res = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: payload }] }); // expect: approved-vendors
  return res.choices[0]?.message.content ?? '';
}

/** The SSN and date of birth are deleted; the phone number stays and leaks. */
export async function schedulingHints(patient: Patient): Promise<string> {
  const view: SchedulingView = {
    id: patient.id,
    language: patient.preferredLanguage,
    phone: patient.phone, // expect: no-phi-in-prompt
    ssn: patient.ssn,
    dateOfBirth: patient.dateOfBirth,
  };
  delete view.ssn;
  delete view.dateOfBirth;
  return optimize(JSON.stringify(view));
}

/** Everything identifying is deleted: clean. */
export async function anonymousHints(patient: Patient): Promise<string> {
  const view: SchedulingView = { id: patient.id, language: patient.preferredLanguage, ssn: patient.ssn };
  delete view.ssn;
  return optimize(JSON.stringify(view));
}

/** A picked subset of non-PHI members, and a rest object without the PHI members: clean. */
export async function pickedHints(patient: Patient): Promise<string> {
  const { id, clinicId, preferredLanguage } = patient;
  const { fullName, dateOfBirth, ssn, mrn, email, phone, address, allergies, medications, insuranceCardPhoto, ...rest } = patient;
  return optimize(JSON.stringify({ picked: { id, clinicId, preferredLanguage }, rest }));
}
