import OpenAI from 'openai';
import type { Patient } from '../domain/patient.js';
import type { LabResult } from '../domain/clinical.js';

/** Lab explainer on the Assistants API: one thread per patient question. */
const openai = new OpenAI();
const LAB_ASSISTANT_ID = 'asst_lab_explainer';

export async function explainLabs(patient: Patient, labs: LabResult[], question: string): Promise<string> {
  const thread = await openai.beta.threads.create({ // expect: approved-vendors
    messages: [{ role: 'user', content: `Question from ${patient.fullName}: ${question}` }], // expect: no-phi-in-prompt
  });
  for (const lab of labs) {
    await openai.beta.threads.messages.create(thread.id, { // expect: approved-vendors
      role: 'user',
      content: `${lab.loincCode}: ${lab.value} ${lab.unit}`, // expect: no-phi-in-prompt
    });
  }
  const run = await openai.beta.threads.runs.createAndPoll(thread.id, { // expect: approved-vendors
    assistant_id: LAB_ASSISTANT_ID,
    additional_instructions: `Answer in ${patient.preferredLanguage}. Do not diagnose.`,
  });
  return run.status;
}
