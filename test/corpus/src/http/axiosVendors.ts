import axios from 'axios';
import type { Appointment, ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/** Older integrations that post to vendor APIs with axios. */

export async function mistralRaw(note: ClinicalNote): Promise<unknown> {
  const { data } = await axios.post( // expect: approved-vendors
    'https://api.mistral.ai/v1/chat/completions',
    {
      model: 'mistral-small-latest',
      messages: [{ role: 'user', content: note.assessment }], // expect: no-phi-in-prompt
    },
    { headers: { Authorization: `Bearer ${process.env.MISTRAL_API_KEY}` } },
  );
  return data;
}

export async function geminiRaw(patient: Patient, appointment: Appointment): Promise<unknown> {
  const url = 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent';
  const { data } = await axios.post(url, { // expect: approved-vendors
    contents: [
      {
        parts: [
          { text: `Reminder text for ${patient.fullName}` }, // expect: no-phi-in-prompt
          { text: `Appointment at ${appointment.startsAt}` },
        ],
      },
    ],
  });
  return data;
}

export async function cohereRaw(patient: Patient): Promise<unknown> {
  const { data } = await axios.post('https://api.cohere.com/v2/chat', { model: 'command-r', messages: [{ role: 'user', content: patient.allergies.join(', ') }] }); // expect: approved-vendors, no-phi-in-prompt
  return data;
}

/** A non-LLM partner API: not a sink. */
export async function notifyPharmacy(patient: Patient): Promise<void> {
  await axios.post('https://erx.partner-pharmacy.example/v1/refills', { patient: patient.fullName, meds: patient.medications });
}
