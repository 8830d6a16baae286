/**
 * Prompt templating by string methods, replacer callbacks, Node's util.format and LangChain
 * prompt templates (the real @langchain/core): the finding and its "Wrap ... in redact()" fix land
 * on the PHI expression that fills the template, not on the finished prompt.
 */
import * as assert from 'node:assert/strict';
import ts from 'typescript';
import { analyze, programWith } from '../support/program';

const HEAD = `import OpenAI from 'openai';\nimport type { Patient } from './models.js';\nconst openai = new OpenAI();\nconst ask = (content: string) => openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content }] });\n`;

/** "line:column text-of-finding -> fix" for each no-phi-in-prompt finding (1-based lines). */
function phiAt(code: string): string[] {
  const { program, sourceFile } = programWith(code);
  const errors = program.getSemanticDiagnostics(sourceFile).concat(program.getSyntacticDiagnostics(sourceFile));
  assert.deepEqual(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), [], 'the test program does not type-check');
  return analyze(code)
    .findings.filter((f) => f.ruleId === 'no-phi-in-prompt')
    .map((f) => {
      const text = code.slice(f.range.start, f.range.end);
      const fix = f.fixes[0]?.edits.find((e) => /redact\(/.test(e.newText))?.newText ?? 'no fix';
      return `${f.range.startPos.line + 1} ${text} -> ${fix}`;
    });
}

describe('engine: template idioms', () => {
  it('replace/replaceAll/padStart/padEnd arguments are embedding points', () => {
    const code = `${HEAD}const TEMPLATE = 'Hello {{name}}, {{dob}}';\nexport async function f(p: Patient) {\n  const prompt = TEMPLATE.replace('{{name}}', p.fullName);\n  await ask(prompt);\n  await ask(TEMPLATE.replaceAll('{{dob}}', p.dateOfBirth).padEnd(80, p.ssn));\n}`;
    assert.deepEqual(phiAt(code), [
      '7 p.fullName -> redact(p.fullName)',
      '9 p.dateOfBirth -> redact(p.dateOfBirth)',
      '9 p.ssn -> redact(p.ssn)',
    ]);
  });

  it('a replacer callback is followed; what it returns is the embedding point', () => {
    const code = `${HEAD}const TEMPLATE = 'Dear {name}, about {topic}';\nexport async function f(p: Patient, topic: string) {\n  const prompt = TEMPLATE.replace(/\\{(\\w+)\\}/g, (_m, key: string) => (key === 'name' ? p.fullName : topic));\n  await ask(prompt);\n}`;
    assert.deepEqual(phiAt(code), ["7 (key === 'name' ? p.fullName : topic) -> redact((key === 'name' ? p.fullName : topic))"]);
  });

  it("Node's util.format: each value is an embedding point (named and namespace imports)", () => {
    const code = `${HEAD}import { format } from 'node:util';\nimport * as util from 'node:util';\nexport async function f(p: Patient) {\n  await ask(format('Patient %s born %s', p.fullName, p.dateOfBirth));\n  await ask(util.format('SSN %s', p.ssn));\n}`;
    assert.deepEqual(phiAt(code), [
      '8 p.fullName -> redact(p.fullName)',
      '8 p.dateOfBirth -> redact(p.dateOfBirth)',
      '9 p.ssn -> redact(p.ssn)',
    ]);
  });

  it('LangChain prompt templates: format, formatMessages, invoke, and a template piped into a model', () => {
    const code = `${HEAD}import { PromptTemplate, ChatPromptTemplate } from '@langchain/core/prompts';
import { ChatOpenAI } from '@langchain/openai';
const model = new ChatOpenAI({ model: 'gpt-4o' });
const prompt = PromptTemplate.fromTemplate('Summarize {fullName}');
const chat = ChatPromptTemplate.fromMessages([['system', 'You help'], ['user', '{note}']]);
declare function valuesOf(p: Patient): { fullName: string };
export async function f(p: Patient) {
  await ask(await prompt.format(valuesOf(p)));
  const messages = await chat.formatMessages({ note: p.ssn });
  await model.invoke(messages);
  const value = await chat.invoke({ note: p.dateOfBirth });
  await model.invoke(value);
  await prompt.pipe(model).invoke({ fullName: p.fullName });
}`;
    assert.deepEqual(phiAt(code), [
      '12 valuesOf(p) -> redact(valuesOf(p))',
      '13 p.ssn -> redact(p.ssn)',
      '15 p.dateOfBirth -> redact(p.dateOfBirth)',
      '17 p.fullName -> redact(p.fullName)',
    ]);
  });
});
