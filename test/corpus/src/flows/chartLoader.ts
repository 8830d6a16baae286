import OpenAI from 'openai';
import { loadAppointment, loadNote, loadNotes, loadPatient } from '../domain/repository.js';

/** Pre-charting: await, Promise.all, optional chaining and conditionals. */
const openai = new OpenAI();

async function complete(messages: OpenAI.Chat.ChatCompletionMessageParam[]): Promise<string> {
  const res = await openai.chat.completions.create({ model: 'gpt-4o', messages }); // expect: approved-vendors
  return res.choices[0]?.message.content ?? '';
}

export async function prechart(patientId: string, noteId: string): Promise<string> {
  const [patient, notes] = await Promise.all([loadPatient(patientId), loadNotes(patientId)]);
  const latest = notes.at(-1);
  const lastAssessment = latest ? latest.assessment : 'No prior visits.';
  const current = await loadNote(noteId);
  return complete([
    { role: 'system', content: 'Prepare a pre-charting summary.' },
    { role: 'user', content: `Name: ${patient.fullName}` }, // expect: no-phi-in-prompt
    { role: 'user', content: lastAssessment }, // expect: no-phi-in-prompt
    { role: 'user', content: current.subjective }, // expect: no-phi-in-prompt
    { role: 'user', content: `Prior visits: ${notes.length}` },
  ]);
}

export async function reasonOnly(appointmentId: string): Promise<string> {
  const reason = (await loadAppointment(appointmentId)).reason;
  return complete([{ role: 'user', content: reason }]); // expect: no-phi-in-prompt
}

/** Clean: only ids and counts survive the awaits. */
export async function visitCounter(patientId: string): Promise<string> {
  const [patient, notes] = await Promise.all([loadPatient(patientId), loadNotes(patientId)]);
  return complete([{ role: 'user', content: `Patient ${patient.id} has ${notes.length} notes; suggest a recall interval.` }]);
}
