import Groq from 'groq-sdk';
import type { Appointment } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/** Sub-second triage on Groq's LPU cloud (vendor groq, no BAA). */
const groq = new Groq({ apiKey: process.env.GROQ_API_KEY });

export async function triage(patient: Patient, appointment: Appointment): Promise<'urgent' | 'routine'> {
  const completion = await groq.chat.completions.create({ // expect: approved-vendors
    model: 'llama-3.1-8b-instant',
    messages: [
      { role: 'system', content: 'Answer urgent or routine.' },
      { role: 'user', content: `Reason: ${appointment.reason}` }, // expect: no-phi-in-prompt
      { role: 'user', content: `Callback number: ${patient.phone}` }, // expect: no-phi-in-prompt
    ],
  });
  return completion.choices[0]?.message.content?.includes('urgent') ? 'urgent' : 'routine';
}

/** Clean: the visit type is a booking category. */
export async function prepChecklist(appointment: Appointment): Promise<string> {
  const completion = await groq.chat.completions.create({ model: 'llama-3.1-8b-instant', messages: [{ role: 'user', content: `Prep checklist for ${appointment.visitType}` }] }); // expect: approved-vendors
  return completion.choices[0]?.message.content ?? '';
}
