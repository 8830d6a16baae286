import OpenAI from 'openai';
import type { Appointment, ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/** Appointment reminders: reassignment, compound assignment and conditionals. */
const openai = new OpenAI();

async function send(content: string): Promise<string> {
  const res = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content }] }); // expect: approved-vendors
  return res.choices[0]?.message.content ?? '';
}

/** Overwritten before use: the PHI draft never leaves. */
export async function genericReminder(patient: Patient): Promise<string> {
  let prompt = `Write a reminder for ${patient.fullName}.`;
  prompt = `Write a generic reminder to book an annual physical, in ${patient.preferredLanguage}.`;
  return send(prompt);
}

/** Reassigned to PHI, then extended with +=. */
export async function personalReminder(patient: Patient, appointment: Appointment): Promise<string> {
  let prompt = 'Write a friendly appointment reminder.';
  prompt = `Write a reminder for ${patient.fullName}.`; // expect: no-phi-in-prompt
  prompt += ` The visit is about ${appointment.reason}.`; // expect: no-phi-in-prompt
  prompt += ` It starts at ${appointment.startsAt}.`;
  return send(prompt);
}

/** A conditional picks the PHI branch on one path. */
export async function salutation(patient: Patient, formal: boolean): Promise<string> {
  const greeting = formal
    ? `Dear ${patient.fullName},` // expect: no-phi-in-prompt
    : 'Hello,';
  return send(`${greeting} write the opening line of a reminder letter.`);
}

/** Maybe overwritten: on the portal path the plan itself is still sent. */
export async function planNotice(patient: Patient, note: ClinicalNote): Promise<string> {
  let detail: string = note.plan;
  if (!patient.portalEnabled) detail = 'Please call the clinic for your care plan.';
  return send(detail); // expect: no-phi-in-prompt
}
