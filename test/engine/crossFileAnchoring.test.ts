/**
 * A function in another file that adds PHI to the caller's messages: the finding is at the call
 * in the linted file, on the argument that carries the PHI, with the callee's steps in the path.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeFile, loadConfigForFile } from '@phi-guard/core';
import { programWithFiles } from '../support/program';

const CHART = `import type { Patient } from './models.js';
export interface Msg { role: 'user' | 'system'; content: string }
export function appendChartContext(messages: Msg[], encounter: Patient) {
  messages.push({ role: 'system', content: \`Chart for \${encounter.fullName}, DOB \${encounter.dateOfBirth}\` });
}
export function appendNote(messages: Msg[], note: string) {
  messages.push({ role: 'user', content: \`Note: \${note}\` });
}
`;

const FILE = `import OpenAI from 'openai';
import type { Patient } from './models.js';
import { appendChartContext, appendNote, type Msg } from './chart.js';
const openai = new OpenAI();
export async function f(encounter: Patient, question: string) {
  const messages: Msg[] = [{ role: 'user', content: question }];
  appendChartContext(messages, encounter);
  appendNote(messages, encounter.ssn);
  return openai.chat.completions.create({ model: 'gpt-4o', messages });
}
`;

describe('engine: PHI a callee in another file adds to the caller\'s messages', () => {
  it('is reported at the argument that carries it, the callee\'s embedding step in the path', () => {
    const { program, sourceFile } = programWithFiles({ 'chart.ts': CHART, 'file.ts': FILE });
    const findings = analyzeFile(program, sourceFile, loadConfigForFile(sourceFile.fileName)).findings.filter((f) => f.ruleId === 'no-phi-in-prompt');
    const at = findings.map((f) => `${f.range.startPos.line + 1} ${FILE.slice(f.range.start, f.range.end)} ${(f.phi ?? []).join(',')}`);
    assert.deepEqual(at, ['7 encounter Patient.fullName,Patient.dateOfBirth', '8 encounter.ssn Patient.ssn']);
    const steps = findings[0]!.flow.map((s) => `${path.basename(s.range.fileName)}:${s.range.startPos.line + 1} ${s.description}`);
    assert.ok(steps.includes('chart.ts:4 embedded in a template literal'), steps.join('\n'));
    assert.ok(steps.some((s) => s.startsWith('file.ts:7 given to appendChartContext(), which adds to messages')), steps.join('\n'));
  });

  it('an untyped parameter the callee reads PHI from: at the argument bound to it', () => {
    const chart = `export interface Msg { role: 'user' | 'system'; content: string }\nexport function appendChartContext(messages: Msg[], encounter: any) {\n  messages.push({ role: 'system', content: \`Dx \${encounter.diagnosis}\` });\n}\n`;
    const file = `import OpenAI from 'openai';\nimport { appendChartContext, type Msg } from './chart.js';\nconst openai = new OpenAI();\nexport async function f(visit: { id: string }, question: string) {\n  const messages: Msg[] = [{ role: 'user', content: question }];\n  appendChartContext(messages, visit);\n  return openai.chat.completions.create({ model: 'gpt-4o', messages });\n}\n`;
    const { program, sourceFile } = programWithFiles({ 'chart.ts': chart, 'file.ts': file });
    const findings = analyzeFile(program, sourceFile, loadConfigForFile(sourceFile.fileName)).findings.filter((f) => f.ruleId === 'no-phi-in-prompt');
    assert.deepEqual(findings.map((f) => `${f.range.startPos.line + 1} ${file.slice(f.range.start, f.range.end)} ${(f.phi ?? []).join(',')}`), ['6 visit encounter.diagnosis']);
  });
});
