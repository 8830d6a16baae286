import Anthropic from '@anthropic-ai/sdk';
import type { Condition, MedicationRequest, Observation, Patient } from '@medplum/fhirtypes';

/** Results explainer on FHIR resources read from Medplum. */
const anthropic = new Anthropic();

function textOf(msg: Anthropic.Message): string {
  const first = msg.content[0];
  return first?.type === 'text' ? first.text : '';
}

export async function explainObservation(patient: Patient, obs: Observation, conditions: Condition[]): Promise<string> {
  const given = patient.name?.[0]?.given?.join(' ') ?? 'the patient';
  const problems = conditions.map((c) => c.code?.text ?? '').filter((t) => t.length > 0).join('; ');
  const msg = await anthropic.messages.create({ // expect: approved-vendors
    model: 'claude-sonnet-4-5',
    max_tokens: 500,
    messages: [
      {
        role: 'user',
        content:
          `Explain this result to ${given}: ` + // expect: no-phi-in-prompt
          `${obs.code?.text} = ${obs.valueQuantity?.value} ${obs.valueQuantity?.unit}. ` + // expect: no-phi-in-prompt
          `Known problems: ${problems}.`, // expect: no-phi-in-prompt
      },
    ],
  });
  return textOf(msg);
}

export async function checkDosing(request: MedicationRequest): Promise<string> {
  const msg = await anthropic.messages.create({ // expect: approved-vendors
    model: 'claude-sonnet-4-5',
    max_tokens: 300,
    messages: [{ role: 'user', content: JSON.stringify(request.dosageInstruction) }], // expect: no-phi-in-prompt
  });
  return textOf(msg);
}

/** Clean: resource type and server id only, for a log message rewrite. */
export async function describeReference(obs: Observation): Promise<string> {
  const msg = await anthropic.messages.create({ // expect: approved-vendors
    model: 'claude-haiku-4-5',
    max_tokens: 100,
    messages: [{ role: 'user', content: `Rewrite as a friendly log line: fetched ${obs.resourceType}/${obs.id}` }],
  });
  return textOf(msg);
}
