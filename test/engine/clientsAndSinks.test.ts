/**
 * Clients and sinks the catalog did not know: a `require()`d SDK client typed `any` returned by a
 * project function (in this file or another), and LLM sinks a user declares in
 * phi-guard.config.json.
 */
import * as assert from 'node:assert/strict';
import { analyzeFile, loadConfigForFile } from '@phi-guard/core';
import { programWithFiles } from '../support/program';

function rows(files: Record<string, string>): string[] {
  const { program, sourceFile } = programWithFiles(files);
  return analyzeFile(program, sourceFile, loadConfigForFile(sourceFile.fileName)).findings.map(
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
