import OpenAI from 'openai';

/**
 * The reference lab posts results as JSON; the handler parses it without a schema, so the values
 * are `any` and only field names say what is PHI.
 */
const openai = new OpenAI();

export async function onLabResult(rawBody: string): Promise<string> {
  const event = JSON.parse(rawBody);
  const completion = await openai.chat.completions.create({ // expect: approved-vendors
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'Write a one-line inbox preview for the ordering clinician.' },
      { role: 'user', content: `Event ${event.eventType} from lab ${event.labCode}` },
      { role: 'user', content: `Patient SSN on file: ${event.ssn}` }, // expect: no-phi-in-prompt
      { role: 'user', content: `Member ${event.insuranceMemberId}` }, // expect: no-phi-in-prompt
      { role: 'user', content: `Chart ${event.chartNumber}` }, // expect: no-phi-in-prompt
      { role: 'user', content: `Reach the patient at ${event.patient.email}` }, // expect: no-phi-in-prompt
    ],
  });
  return completion.choices[0]?.message.content ?? '';
}

/** Clean: the daily batch header has counts and the lab's own contact only. */
export async function onBatchHeader(rawBody: string): Promise<string> {
  const header: any = JSON.parse(rawBody);
  const completion = await openai.chat.completions.create({ // expect: approved-vendors
    model: 'gpt-4o-mini',
    messages: [
      {
        role: 'user',
        content: `Batch ${header.batchId}: ${header.patientCount} patients, ${header.resultCount} results. Lab contact ${header.lab.name} <${header.lab.email}>.`,
      },
    ],
  });
  return completion.choices[0]?.message.content ?? '';
}
