import OpenAI from 'openai';

/**
 * The old STU3 bridge (types from @types/fhir, the global `fhir` namespace) that feeds the
 * nurse line's call-prep assistant.
 */
const openai = new OpenAI();

export async function callPrep(patient: fhir.Patient, encounter: fhir.Encounter, conditions: fhir.Condition[]): Promise<string> {
  const phone = patient.telecom?.find((t) => t.system === 'phone')?.value;
  const completion = await openai.chat.completions.create({ // expect: approved-vendors
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'Prepare a nurse for a follow-up call.' },
      { role: 'user', content: `Call ${phone}` }, // expect: no-phi-in-prompt
      { role: 'user', content: `Born ${patient.birthDate}` }, // expect: no-phi-in-prompt
      { role: 'user', content: conditions.map((c) => c.code?.text).join(', ') }, // expect: no-phi-in-prompt
      { role: 'user', content: `Last visit reason: ${encounter.reason?.[0]?.text}` }, // expect: no-phi-in-prompt
    ],
  });
  return completion.choices[0]?.message.content ?? '';
}

/** Clean: only the resource type and how many conditions there are. */
export async function countSummary(patient: fhir.Patient, conditions: fhir.Condition[]): Promise<string> {
  const completion = await openai.chat.completions.create({ // expect: approved-vendors
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: `${patient.resourceType} record with ${conditions.length} conditions: suggest a review cadence.` }],
  });
  return completion.choices[0]?.message.content ?? '';
}
