/**
 * Minimal reproducers of the engine bugs the labeled program generator found (test/fuzz), as
 * fast, literal cases: each failed before its fix (see the commit that fixed it).
 */
import * as assert from 'node:assert/strict';
import { analyze } from '../support/program';

const HEAD = `import OpenAI from 'openai';\nconst openai = new OpenAI();\nimport type { Appointment, Patient } from './models.js';\n`;
const send = (content: string) => `openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: ${content} }] })`;

/** "rule@Lline kind" per finding, sorted. */
function findings(code: string): string[] {
  return analyze(code)
    .findings.map((f) => `${f.ruleId}@L${f.range.startPos.line + 1} ${f.kind}`)
    .sort();
}

describe('engine: bugs found by the labeled program generator', () => {
  it('a class field written by a method reaches a reader outside the class', () => {
    const code = `${HEAD}class Holder {\n  text = '';\n  set(s: string): void {\n    this.text = s;\n  }\n}\nexport async function f(p: Patient) {\n  const h = new Holder();\n  h.set(p.ssn);\n  return ${send('h.text')};\n}`;
    assert.deepEqual(findings(code), ['approved-vendors@L13 unapproved-vendor', 'no-phi-in-prompt@L12 phi-to-vendor']);
  });

  it('a constructor parameter property sees what `new` passes', () => {
    const code = `${HEAD}class Box {\n  constructor(private readonly text: string) {}\n  read(): string {\n    return this.text;\n  }\n}\nexport async function f(p: Patient) {\n  return ${send('new Box(p.ssn).read()')};\n}`;
    assert.deepEqual(findings(code), ['approved-vendors@L11 unapproved-vendor', 'no-phi-in-prompt@L11 phi-to-vendor']);
  });

  it('the length of a branded PHI<string> is a count', () => {
    const code = `${HEAD}export async function f(a: Appointment) {\n  return ${send('`${a.reason.length} characters`')};\n}`;
    assert.deepEqual(findings(code), ['approved-vendors@L5 unapproved-vendor']);
  });

  it('an element of an array of PHI<string> is reported once, where it was embedded', () => {
    const code = `${HEAD}export async function f(a: Appointment) {\n  const reasons = [a.reason];\n  const first = reasons[0] ?? '';\n  return ${send('first')};\n}`;
    assert.deepEqual(findings(code), ['approved-vendors@L7 unapproved-vendor', 'no-phi-in-prompt@L5 phi-to-vendor']);
  });

  it('@google/genai chats.create sends nothing; chat.sendMessage does', () => {
    const code = `import { GoogleGenAI } from '@google/genai';\nimport type { Patient } from './models.js';\nconst ai = new GoogleGenAI({ apiKey: 'key' });\nexport async function f(p: Patient) {\n  const chat = ai.chats.create({ model: 'gemini-2.5-flash' });\n  return chat.sendMessage({ message: p.ssn });\n}`;
    assert.deepEqual(findings(code), ['approved-vendors@L6 unapproved-vendor', 'no-phi-in-prompt@L6 phi-to-vendor']);
  });

  it('@phi mentioned in the prose of a doc comment does not mark the class', () => {
    const code = `${HEAD}/** A visit with one @phi field; the others are not PHI. */\nclass Visit {\n  /** @phi */\n  notes = '';\n  diagnosisCode = '';\n}\nexport async function f(v: Visit) {\n  await ${send('v.diagnosisCode')};\n  return ${send('v.notes')};\n}`;
    assert.deepEqual(findings(code), ['approved-vendors@L11 unapproved-vendor', 'approved-vendors@L12 unapproved-vendor', 'no-phi-in-prompt@L12 phi-to-vendor']);
  });

  it("a LangChain model's constant configuration.baseURL decides its vendor", () => {
    const code = `import { ChatOpenAI } from '@langchain/openai';\nimport type { Patient } from './models.js';\nconst local = new ChatOpenAI({ model: 'llama3', configuration: { baseURL: 'http://localhost:8000/v1' } });\nconst groq = new ChatOpenAI({ model: 'llama3', configuration: { baseURL: 'https://api.groq.com/openai/v1' } });\nexport async function f(p: Patient) {\n  await local.invoke(p.ssn);\n  return groq.invoke(p.ssn);\n}`;
    const a = analyze(code);
    assert.deepEqual(a.findings.map((f) => `${f.ruleId}@L${f.range.startPos.line + 1} ${f.vendor?.id}`).sort(), ['approved-vendors@L7 groq', 'no-phi-in-prompt@L7 groq']);
  });

  it('a getter returns what its fields hold', () => {
    const code = `${HEAD}class Card {\n  private raw = '';\n  load(s: string): void {\n    this.raw = s;\n  }\n  get text(): string {\n    return this.raw;\n  }\n}\nexport async function f(p: Patient) {\n  const c = new Card();\n  c.load(p.fullName);\n  return ${send('c.text')};\n}`;
    assert.deepEqual(findings(code), ['approved-vendors@L16 unapproved-vendor', 'no-phi-in-prompt@L15 phi-to-vendor']);
  });

  it('a static field written outside its class is a write', () => {
    const code = `${HEAD}class Cache {\n  static last = '';\n}\nexport async function f(p: Patient) {\n  Cache.last = p.ssn;\n  return ${send('Cache.last')};\n}`;
    assert.deepEqual(findings(code), ['approved-vendors@L9 unapproved-vendor', 'no-phi-in-prompt@L8 phi-to-vendor']);
  });

  it('a closure created after an overwrite does not see the overwritten value; one created before a PHI assignment does', () => {
    const clean = `${HEAD}export async function f(p: Patient) {\n  let s: string = p.ssn;\n  s = 'overwritten';\n  const read = (): string => s;\n  return ${send('read()')};\n}`;
    assert.deepEqual(findings(clean), ['approved-vendors@L8 unapproved-vendor']);
    const later = `${HEAD}export async function f(p: Patient) {\n  let s: string = 'none';\n  const read = (): string => s;\n  s = p.ssn;\n  return ${send('read()')};\n}`;
    assert.deepEqual(findings(later), ['approved-vendors@L8 unapproved-vendor', 'no-phi-in-prompt@L8 phi-to-vendor']);
  });
});
