import { ChatOpenAI, AzureChatOpenAI } from '@langchain/openai';
import { ChatPromptTemplate, PromptTemplate } from '@langchain/core/prompts';
import { StringOutputParser } from '@langchain/core/output_parsers';
import type { ClinicalNote, Encounter } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/** Prompt-template chains: the template variables are content sent to the model. */
const summaryPrompt = ChatPromptTemplate.fromMessages([
  ['system', 'You write concise visit summaries for {audience}.'],
  ['human', 'Patient: {name}\nNote:\n{note}'],
]);

const openAiChain = summaryPrompt.pipe(new ChatOpenAI({ model: 'gpt-4o-mini' })).pipe(new StringOutputParser());

const coveredModel = new AzureChatOpenAI({
  azureOpenAIApiInstanceName: 'carebridge-prod',
  azureOpenAIApiDeploymentName: 'gpt-4o',
  azureOpenAIApiVersion: '2024-10-21',
});
const coveredChain = PromptTemplate.fromTemplate('Rewrite for the patient portal:\n{text}').pipe(coveredModel);

export async function visitSummary(patient: Patient, note: ClinicalNote): Promise<string> {
  return openAiChain.invoke({ // expect: approved-vendors
    audience: 'the referring physician',
    name: patient.fullName, // expect: no-phi-in-prompt
    note: note.subjective, // expect: no-phi-in-prompt
  });
}

/** Azure OpenAI is under the BAA: no finding. */
export async function portalVersion(encounter: Encounter): Promise<string> {
  const message = await coveredChain.invoke({ text: encounter.note.plan });
  return String(message.content);
}

/** Clean variables, unapproved vendor. */
export async function glossaryEntry(term: string): Promise<string> {
  return openAiChain.invoke({ audience: 'patients', name: 'n/a', note: `Define ${term}` }); // expect: approved-vendors
}
