/**
 * SDKs found on real repositories that the catalog lacked, checked against the real packages
 * (test/package.json devDependencies): legacy `langchain` 0.0.x, which declares its models,
 * chains and prompt templates itself, and `assemblyai` (transcription and its LLM Gateway).
 */
import * as assert from 'node:assert/strict';
import ts from 'typescript';
import { analyzeFile, loadConfigForFile } from '@phi-guard/core';
import { programWithFiles, testWorkspace } from '../support/program';

/** "line rule vendor [phi] text" per finding; the program must type-check against the installed package. */
function rows(code: string): string[] {
  const { program, sourceFile } = programWithFiles({ 'file.ts': code }, testWorkspace);
  const errors = program.getSemanticDiagnostics(sourceFile).concat(program.getSyntacticDiagnostics(sourceFile));
  assert.deepEqual(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), [], 'the test program does not type-check');
  return analyzeFile(program, sourceFile, loadConfigForFile(sourceFile.fileName)).findings.map(
    (f) => `${f.range.startPos.line + 1} ${f.ruleId} ${f.vendor?.id}${f.phi ? ` ${f.phi.join(',')}` : ''} ${code.slice(f.range.start, f.range.end)}`,
  );
}

const PATIENT = `interface Patient { id: string; ssn: string; fullName: string; diagnosis: string }\n`;

describe('engine: legacy langchain 0.0.x', () => {
  it('models, an LLMChain over a model, and prompt templates of the legacy package', () => {
    const code = `import { ChatOpenAI } from 'langchain/chat_models/openai';
import { OpenAI } from 'langchain/llms/openai';
import { PromptTemplate } from 'langchain/prompts';
import { LLMChain } from 'langchain/chains';
import { HumanMessage } from 'langchain/schema';
${PATIENT}const chat = new ChatOpenAI({ modelName: 'gpt-4' });
const llm = new OpenAI({ temperature: 0 });
export async function f(p: Patient) {
  await chat.call([new HumanMessage(\`SSN \${p.ssn}\`)]);
  await llm.predict(\`Name \${p.fullName}\`);
  const prompt = PromptTemplate.fromTemplate('Explain {diagnosis}');
  const chain = new LLMChain({ llm, prompt });
  await chain.call({ diagnosis: p.diagnosis });
  await chain.run(await prompt.format({ diagnosis: p.id + p.diagnosis }));
}`;
    assert.deepEqual(rows(code), [
      '10 approved-vendors openai chat.call',
      '10 no-phi-in-prompt openai Patient.ssn p.ssn',
      '11 approved-vendors openai llm.predict',
      '11 no-phi-in-prompt openai Patient.fullName p.fullName',
      '14 approved-vendors openai chain.call',
      '14 no-phi-in-prompt openai Patient.diagnosis p.diagnosis',
      '15 approved-vendors openai chain.run',
      '15 no-phi-in-prompt openai Patient.diagnosis p.diagnosis',
    ]);
  });
});

describe('engine: assemblyai', () => {
  it('transcription of a recording and its LLM Gateway are calls to AssemblyAI', () => {
    const code = `import { AssemblyAI } from 'assemblyai';
${PATIENT}const client = new AssemblyAI({ apiKey: 'k' });
export async function f(p: Patient, recordingUrl: string) {
  await client.transcripts.transcribe({ audio: recordingUrl });
  await client.llmGateway.chatCompletions({ model: 'claude-sonnet-4', messages: [{ role: 'user', content: \`Summarize \${p.diagnosis}\` }] });
}`;
    assert.deepEqual(rows(code), [
      '5 approved-vendors assemblyai client.transcripts.transcribe',
      '6 approved-vendors assemblyai client.llmGateway.chatCompletions',
      '6 no-phi-in-prompt assemblyai Patient.diagnosis p.diagnosis',
    ]);
  });
});
