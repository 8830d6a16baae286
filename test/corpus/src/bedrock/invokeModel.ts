import { BedrockRuntimeClient, InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import type { ClinicalNote } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/**
 * Bedrock InvokeModel with the Anthropic messages body. us-east-1 with an anthropic.* model is
 * inside our BAA; the Llama model the data-science team tried is not.
 */
const bedrock = new BedrockRuntimeClient({ region: 'us-east-1' });

export async function handoffNote(patient: Patient, note: ClinicalNote): Promise<string> {
  const body = JSON.stringify({
    anthropic_version: 'bedrock-2023-05-31',
    max_tokens: 800,
    messages: [{ role: 'user', content: `Handoff for ${patient.fullName}: ${note.assessment}` }],
  });
  const res = await bedrock.send(new InvokeModelCommand({ modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0', contentType: 'application/json', body }));
  return new TextDecoder().decode(res.body);
}

export async function handoffNoteLlama(note: ClinicalNote): Promise<string> {
  const body = JSON.stringify({
    prompt: `<|begin_of_text|>Summarize:\n${note.subjective}`, // expect: no-phi-in-prompt
    max_gen_len: 512,
  });
  const res = await bedrock.send( // expect: approved-vendors
    new InvokeModelCommand({ modelId: 'meta.llama3-70b-instruct-v1:0', contentType: 'application/json', body }),
  );
  return new TextDecoder().decode(res.body);
}

export async function streamHandoff(note: ClinicalNote): Promise<void> {
  const body = JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 800, messages: [{ role: 'user', content: note.plan }] });
  await bedrock.send(new InvokeModelWithResponseStreamCommand({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', body }));
}
