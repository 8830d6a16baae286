/**
 * Clients and sinks the catalog did not know: a `require()`d SDK client typed `any` returned by a
 * project function (in this file or another), and LLM sinks a user declares in
 * phi-guard.config.json.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeFile, loadConfigForFile, parseConfigText, type ResolvedConfig } from '@phi-guard/core';
import { programWithFiles, ruleFixture } from '../support/program';

function rows(files: Record<string, string>, config?: ResolvedConfig): string[] {
  const { program, sourceFile } = programWithFiles(files);
  return analyzeFile(program, sourceFile, config ?? loadConfigForFile(sourceFile.fileName)).findings.map(
    (f) => `${f.range.startPos.line + 1} ${f.ruleId}${f.vendor ? ` ${f.vendor.id}` : ''}${f.phi ? ` ${f.phi.join(',')}` : ''}`,
  );
}

describe('engine: a require()d client typed any, returned by a project function', () => {
  it('is traced through the function (same file, arrow, another file) to the SDK it constructs', () => {
    const clients = `declare const require: (id: string) => any;\nexport function makeClient(): any {\n  const OpenAI = require('openai');\n  return new OpenAI({ apiKey: 'k' });\n}\n`;
    const file = `import type { Patient } from './models.js';
import { makeClient } from './clients.js';
declare const require: (id: string) => any;
const getAnthropic = () => { const Anthropic = require('@anthropic-ai/sdk'); return new Anthropic(); };
export async function f(p: Patient) {
  const client = makeClient();
  await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: p.ssn }] });
  await getAnthropic().messages.create({ model: 'claude', max_tokens: 10, messages: [{ role: 'user', content: p.fullName }] });
}`;
    assert.deepEqual(rows({ 'clients.ts': clients, 'file.ts': file }), [
      '7 approved-vendors openai',
      '7 no-phi-in-prompt openai Patient.ssn',
      '8 approved-vendors anthropic',
      '8 no-phi-in-prompt anthropic Patient.fullName',
    ]);
  });
});

describe('engine: LLM sinks declared in phi-guard.config.json', () => {
  const configFile = path.join(ruleFixture, 'phi-guard.config.json');
  const withSinks = (sinks: unknown[]): ResolvedConfig => {
    const settings = JSON.parse(fs.readFileSync(configFile, 'utf8')) as Record<string, unknown[]>;
    settings.vendors = [...(settings.vendors ?? []), { id: 'acme', name: 'Acme LLM', hosts: ['llm.acme.ai'] }];
    return parseConfigText(JSON.stringify({ ...settings, sinks }), configFile);
  };
  const llm = `export interface Options { temperature?: number }\nexport async function complete(prompt: string, options: Options = {}): Promise<string> { return prompt + JSON.stringify(options); }\nexport class LlmClient { async send(system: string, user: string): Promise<string> { return system + user; } }\n`;
  const file = `import type { Patient } from './models.js';
import { complete, LlmClient } from './llm.js';
const client = new LlmClient();
async function summarize(text: string) { return complete(text, { temperature: 0 }); }
export async function f(p: Patient) {
  await complete(\`Summarize \${p.fullName}\`);
  await client.send('You are a scribe', p.ssn);
  await summarize(p.dateOfBirth);
}`;

  it('by a path relative to the config file: calls, methods by class, and wrappers around them', () => {
    const config = withSinks([
      { module: './llm', function: 'complete', content: [0], vendor: 'acme' },
      { module: './llm', class: 'LlmClient', function: 'send', content: [1], vendor: 'openai' },
    ]);
    assert.deepEqual(rows({ 'llm.ts': llm, 'file.ts': file }, config), [
      '4 approved-vendors acme',
      '6 approved-vendors acme',
      '6 no-phi-in-prompt acme Patient.fullName',
      '7 approved-vendors openai',
      '7 no-phi-in-prompt openai Patient.ssn',
      '8 no-phi-in-prompt acme Patient.dateOfBirth',
    ]);
  });

  it('by the name of the (workspace) package that declares it; without the entry nothing is a sink', () => {
    const config = withSinks([{ module: 'phi-guard-rule-fixture', function: 'complete', content: [0], vendor: 'acme' }]);
    assert.deepEqual(rows({ 'llm.ts': llm, 'file.ts': file }, config), [
      '4 approved-vendors acme',
      '6 approved-vendors acme',
      '6 no-phi-in-prompt acme Patient.fullName',
      '8 no-phi-in-prompt acme Patient.dateOfBirth',
    ]);
    assert.deepEqual(rows({ 'llm.ts': llm, 'file.ts': file }, withSinks([{ module: '@acme/other', function: 'complete', vendor: 'acme' }])), []);
  });
});
