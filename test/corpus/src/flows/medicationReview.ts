import Anthropic from '@anthropic-ai/sdk';
import type { Patient } from '../domain/patient.js';

/** Medication review: map, filter, flatMap, concat, join and spread over PHI arrays. */
const anthropic = new Anthropic();

async function ask(content: string): Promise<string> {
  const msg = await anthropic.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 600, messages: [{ role: 'user', content }] }); // expect: approved-vendors
  const first = msg.content[0];
  return first?.type === 'text' ? first.text : '';
}

export async function interactionCheck(patient: Patient): Promise<string> {
  const names = patient.medications.map((m) => m.name);
  const current = names.filter((n) => !n.endsWith('(stopped)'));
  const withOtc = current.concat(['acetaminophen as needed']);
  return ask(withOtc.join(', ')); // expect: no-phi-in-prompt
}

export async function doseAudit(patient: Patient): Promise<string> {
  const doses = patient.medications.flatMap((m) => m.dose.split(' '));
  const request = 'Check these doses for unit errors: ' + doses.join(' '); // expect: no-phi-in-prompt
  return ask(request);
}

export async function allergyAndMeds(patient: Patient): Promise<string> {
  const everything = [...patient.allergies, 'none reported otherwise']; // expect: no-phi-in-prompt
  return ask(everything.join('\n'));
}

/** Clean: how many medications, and whether any allergy is recorded. */
export async function pillBurden(patient: Patient): Promise<string> {
  const count = patient.medications.length;
  const hasAllergies = patient.allergies.some((a) => a.length > 0);
  return ask(`A patient takes ${count} medications (allergies recorded: ${hasAllergies}). Is that polypharmacy?`);
}
