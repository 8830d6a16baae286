import { claude, coveredAzure, openaiClient } from '../lib/clients.js';
import { loadPatient } from '../domain/repository.js';
import type { Encounter } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/** Features on the shared clients of lib/clients.ts: promise chains, destructured parameters, switch, catch. */

export function greetingFor(patientId: string): Promise<string> {
  return loadPatient(patientId).then((p) =>
    openaiClient.chat.completions // expect: approved-vendors
      .create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Greet ${p.fullName}` }] }) // expect: no-phi-in-prompt
      .then((r) => r.choices[0]?.message.content ?? ''),
  );
}

export async function visitBrief({ patient, encounter }: { patient: Patient; encounter: Encounter }): Promise<string> {
  let focus: string;
  switch (encounter.kind) {
    case 'video':
      focus = `Check camera consent for ${patient.fullName}.`; // expect: no-phi-in-prompt
      break;
    case 'phone':
      focus = `Confirm the callback number ${patient.phone}.`; // expect: no-phi-in-prompt
      break;
    default:
      focus = 'Room the patient.';
  }
  const msg = await claude.messages.create({ // expect: approved-vendors
    model: 'claude-haiku-4-5',
    max_tokens: 300,
    system: [{ type: 'text', text: 'Write a two-line pre-visit brief for the medical assistant.' }],
    messages: [{ role: 'user', content: focus }],
  });
  const first = msg.content[0];
  return first?.type === 'text' ? first.text : '';
}

export async function explainFailure(patient: Patient, run: () => Promise<void>): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (e) {
    const res = await openaiClient.chat.completions.create({ // expect: approved-vendors
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: `Explain this sync error for chart ${patient.mrn}: ${String(e)}` }], // expect: no-phi-in-prompt
    });
    return res.choices[0]?.message.content ?? '';
  }
}

/** Azure OpenAI under the BAA, through the shared client: no finding. */
export async function coveredEncounterNote(encounter: Encounter): Promise<string> {
  const res = await coveredAzure.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: JSON.stringify(encounter.note) }] });
  return res.choices[0]?.message.content ?? '';
}

/** Streaming, with the encounter's PHI note as a whole. */
export async function streamNote(encounter: Encounter): Promise<string> {
  const stream = await openaiClient.chat.completions.create({ // expect: approved-vendors
    model: 'gpt-4o',
    stream: true,
    messages: [{ role: 'user', content: JSON.stringify(encounter.note) }], // expect: no-phi-in-prompt
  });
  let text = '';
  for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
  return text;
}
