/**
 * Flows the labeled corpus found missed or over-reported, each as a minimal program against the
 * rule fixture (real SDK typings): the finding lines and the PHI named must be exactly these.
 */
import * as assert from 'node:assert/strict';
import ts from 'typescript';
import { analyze, programWith } from '../support/program';

const OPENAI = `import OpenAI from 'openai';\nconst openai = new OpenAI();\nimport type { Patient, ClinicalNote } from './models.js';\n`;
const send = (content: string) => `openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: ${content} }] })`;

/** "line rule [phi...]" for every finding, sorted; the program must type-check first. */
function rows(code: string): string[] {
  const { program, sourceFile } = programWith(code);
  const errors = program.getSemanticDiagnostics(sourceFile).concat(program.getSyntacticDiagnostics(sourceFile));
  assert.deepEqual(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), [], 'the test program does not type-check');
  return analyze(code)
    .findings.map((f) => `${f.range.startPos.line + 1} ${f.ruleId}${f.phi ? ` ${f.phi.join(',')}` : ''}`)
    .sort();
}

describe('engine: precision on flows the corpus found', () => {
  it('String.prototype.concat arguments are embedding points, like + operands', () => {
    assert.deepEqual(rows(`${OPENAI}export async function f(p: Patient) {\n  const header = 'Dear colleague,\\n'.concat('I am referring ',\n    p.fullName,\n    '.');\n  return ${send('header')};\n}`), [
      '6 no-phi-in-prompt Patient.fullName',
      '8 approved-vendors',
    ]);
  });

  it('array concat is not text: its arguments are not embedding points', () => {
    assert.deepEqual(rows(`${OPENAI}export async function f(p: Patient) {\n  const lines = ['a'].concat([p.fullName]);\n  return ${send("lines.join('\\n')")};\n}`), [
      '5 no-phi-in-prompt Patient.fullName', // the array element, not a concat argument
      '6 approved-vendors',
    ]);
  });

  it('a getter read evaluates the getter body', () => {
    const code = `${OPENAI}class Letter {\n  constructor(private patient: Patient) {}\n  get displayName(): string { return this.patient.fullName; }\n  get clinic(): string { return this.patient.clinicId; }\n  send() { return ${send('`To ${this.displayName} at ${this.clinic}`')}; }\n}`;
    assert.deepEqual(rows(code), ['8 approved-vendors', '8 no-phi-in-prompt Patient.fullName']);
    assert.equal(analyze(code).findings[1]!.flow.some((s) => /getter displayName/.test(s.description)), true);
  });

  it('z.infer of a zod schema: members are judged by field name; the schema object itself is not data', () => {
    const code = `${OPENAI}import { z } from 'zod';\nconst intakeSchema = z.object({ mrn: z.string(), medication: z.string(), pageCount: z.number(), category: z.enum(['a', 'b']) });\nexport async function f(body: unknown) {\n  const intake = intakeSchema.parse(body);\n  await ${send('`${intake.category} ${intake.pageCount}`')};\n  await ${send('`MRN ${intake.mrn}`')};\n  return ${send('JSON.stringify(intakeSchema.shape)')};\n}`;
    assert.deepEqual(rows(code), ['10 approved-vendors', '8 approved-vendors', '9 approved-vendors', '9 no-phi-in-prompt intakeSchema.mrn']);
  });

  it('destructuring Promise.all of a literal tuple reads each position only', () => {
    const code = `${OPENAI}declare function loadPatient(id: string): Promise<Patient>;\ndeclare function loadNote(id: string): Promise<ClinicalNote>;\nexport async function f(id: string) {\n  const [patient, note] = await Promise.all([loadPatient(id), loadNote(id)]);\n  await ${send('`${patient.id} ${note.text.length}`')};\n  return ${send('note.text')};\n}`;
    assert.deepEqual(rows(code), ['8 approved-vendors', '9 approved-vendors', '9 no-phi-in-prompt ClinicalNote.text']);
  });

  it('an annotated literal takes its members from the literal: deletes count, the type adds no guesses', () => {
    const code = `${OPENAI}interface View { id: string; dateOfBirth?: string; ssn?: string }\nexport async function f(p: Patient) {\n  const view: View = { id: p.id, ssn: p.ssn };\n  delete view.ssn;\n  await ${send('JSON.stringify(view)')};\n  const kept: View = { id: p.id, dateOfBirth: p.dateOfBirth };\n  return ${send('JSON.stringify(kept)')};\n}`;
    assert.deepEqual(rows(code), ['10 approved-vendors', '8 approved-vendors', '9 no-phi-in-prompt Patient.dateOfBirth']);
  });

  it('a LangChain model reads its endpoint options: a loopback baseURL is not OpenAI', () => {
    const code = `import { ChatOpenAI } from '@langchain/openai';\nimport type { Patient } from './models.js';\nconst local = new ChatOpenAI({ model: 'llama3', configuration: { baseURL: 'http://localhost:8000/v1' } });\nconst cloud = new ChatOpenAI({ model: 'gpt-4o' });\nexport async function f(p: Patient) {\n  await local.invoke(\`Summarize \${p.fullName}\`);\n  return cloud.invoke(\`Summarize \${p.fullName}\`);\n}`;
    assert.deepEqual(rows(code), ['7 approved-vendors', '7 no-phi-in-prompt Patient.fullName']);
  });

  it('@google/genai chats.create sends nothing itself; PHI put into the chat is still reported there', () => {
    const code = `import { GoogleGenAI } from '@google/genai';\nimport type { Patient } from './models.js';\nconst ai = new GoogleGenAI({ apiKey: 'k' });\nexport async function f(p: Patient) {\n  const chat = ai.chats.create({ model: 'gemini-2.5-flash', config: { systemInstruction: \`Patient: \${p.fullName}\` } });\n  return chat.sendMessage({ message: 'Next step?' });\n}`;
    assert.deepEqual(rows(code), ['5 no-phi-in-prompt Patient.fullName', '6 approved-vendors']);
  });

  it('a local copied from another names the same array: a push through either shows in both', () => {
    const viaAlias = `${OPENAI}export async function f(p: Patient) {\n  const parts: string[] = ['Summary'];\n  const alias = parts;\n  alias.push(p.ssn);\n  return ${send("parts.join('\\n')")};\n}`;
    assert.deepEqual(rows(viaAlias), ['7 no-phi-in-prompt Patient.ssn', '8 approved-vendors']);
    const viaOriginal = `${OPENAI}export async function f(p: Patient) {\n  const parts: string[] = ['Summary'];\n  let alias: string[] = [];\n  alias = parts;\n  parts.push(p.fullName);\n  return ${send("alias.join('\\n')")};\n}`;
    assert.deepEqual(rows(viaOriginal), ['8 no-phi-in-prompt Patient.fullName', '9 approved-vendors']);
  });

  it('a local copied from a member names that member: a push through it changes the request', () => {
    const code = `${OPENAI}export async function f(p: Patient) {\n  const req = { notes: [] as string[] };\n  const notes = req.notes;\n  notes.push(p.ssn);\n  return ${send("req.notes.join('\\n')")};\n}`;
    assert.deepEqual(rows(code), ['7 no-phi-in-prompt Patient.ssn', '8 approved-vendors']);
    const otherMember = `${OPENAI}export async function f(p: Patient) {\n  const req = { notes: [] as string[], tags: [] as string[] };\n  const tags = req.tags;\n  tags.push(p.ssn);\n  return ${send("req.notes.join('\\n')")};\n}`;
    assert.deepEqual(rows(otherMember), ['8 approved-vendors']);
  });

  it('a helper that pushes into the array it is given changes the caller\'s array', () => {
    const code = `${OPENAI}function add(list: string[], s: string) {\n  list.push(\`Note: \${s}\`);\n}\nexport async function f(p: Patient) {\n  const parts: string[] = [];\n  add(parts, p.ssn);\n  return ${send("parts.join('\\n')")};\n}`;
    assert.deepEqual(rows(code), ['10 approved-vendors', '9 no-phi-in-prompt Patient.ssn']); // the argument given to add()
    const request = `${OPENAI}type Msg = { role: 'user'; content: string };\nfunction addContext(req: { messages: Msg[] }, p: Patient) {\n  req.messages.push({ role: 'user', content: p.fullName });\n}\nexport async function f(p: Patient) {\n  const req = { model: 'gpt-4o', messages: [] as Msg[] };\n  addContext(req, p);\n  return openai.chat.completions.create(req);\n}`;
    assert.deepEqual(rows(request), ['11 approved-vendors', '6 no-phi-in-prompt Patient.fullName']); // pushed inside addContext()
  });

  it('a helper that destructures its parameter writes into that member of the argument', () => {
    const code = `${OPENAI}type Msg = { role: 'user'; content: string };\nfunction addContext({ messages }: { messages: Msg[] }, p: Patient) {\n  messages.push({ role: 'user', content: p.fullName });\n}\nexport async function f(p: Patient) {\n  const req = { model: 'gpt-4o', messages: [] as Msg[], tags: [] as string[] };\n  addContext(req, p);\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: req.tags.join(',') }] });\n  return openai.chat.completions.create(req);\n}`;
    assert.deepEqual(rows(code), ['11 approved-vendors', '12 approved-vendors', '6 no-phi-in-prompt Patient.fullName']);
  });

  it('a helper that only reads the array it is given adds nothing to it', () => {
    const code = `${OPENAI}function count(list: string[], s: string) {\n  return list.length + s.length;\n}\nexport async function f(p: Patient) {\n  const parts: string[] = [];\n  count(parts, p.ssn);\n  return ${send("parts.join('\\n')")};\n}`;
    assert.deepEqual(rows(code), ['10 approved-vendors']);
  });

  it('a spread copy is a new array: a push on the copy does not reach the original', () => {
    const code = `${OPENAI}export async function f(p: Patient) {\n  const parts: string[] = ['Summary'];\n  const copy = [...parts];\n  copy.push(p.ssn);\n  return ${send("parts.join('\\n')")};\n}`;
    assert.deepEqual(rows(code), ['8 approved-vendors']);
  });

  // Objects keep their identity when put into another object or a container: the leak is the
  // push made after the object was stored, which a by-value reading misses.
  const MSG = `${OPENAI}type Msg = { role: 'user' | 'assistant'; content: string };\n`;
  const sendMessages = (m: string) => `openai.chat.completions.create({ model: 'gpt-4o', messages: ${m} })`;
  const rowsOf = (body: string) => rows(`${MSG}${body}`);

  it('an array put into a request object and pushed to afterwards changes the request, both ways', () => {
    assert.deepEqual(rowsOf(`export async function f(p: Patient) {\n  const list: Msg[] = [];\n  const req = { model: 'gpt-4o', messages: list };\n  list.push({ role: 'user', content: p.fullName });\n  return openai.chat.completions.create(req);\n}`), [
      '8 no-phi-in-prompt Patient.fullName',
      '9 approved-vendors',
    ]);
    assert.deepEqual(rowsOf(`export async function f(p: Patient) {\n  const list: Msg[] = [];\n  const req = { model: 'gpt-4o', messages: list };\n  req.messages.push({ role: 'user', content: p.fullName });\n  return ${sendMessages('list')};\n}`), [
      '8 no-phi-in-prompt Patient.fullName',
      '9 approved-vendors',
    ]);
    // Another member of the same literal is another object; a push after the only call is not sent.
    assert.deepEqual(rowsOf(`export async function f(p: Patient) {\n  const list: Msg[] = [];\n  const a = { messages: list, meta: { who: '' } };\n  a.meta.who = p.fullName;\n  return ${sendMessages('list')};\n}`), ['9 approved-vendors']);
    assert.deepEqual(rowsOf(`export async function f(p: Patient) {\n  const list: Msg[] = [];\n  const req = { model: 'gpt-4o', messages: list };\n  const r = await openai.chat.completions.create(req);\n  list.push({ role: 'user', content: p.fullName });\n  return r;\n}`), ['8 approved-vendors']);
  });

  it('a conversation kept in a Map: pushes through get() and into a stored array reach what is sent', () => {
    // if (!has) set; get()!.push: the idiom for per-session history.
    assert.deepEqual(rowsOf(`const sessions = new Map<string, Msg[]>();\nexport async function f(id: string, p: Patient) {\n  if (!sessions.has(id)) sessions.set(id, []);\n  sessions.get(id)!.push({ role: 'user', content: p.fullName });\n  return ${sendMessages('sessions.get(id)!')};\n}`), [
      '8 no-phi-in-prompt Patient.fullName',
      '9 approved-vendors',
    ]);
    // Stored first, pushed to afterwards, sent through the Map.
    assert.deepEqual(rowsOf(`const sessions = new Map<string, Msg[]>();\nexport async function f(id: string, p: Patient) {\n  const history: Msg[] = [];\n  sessions.set(id, history);\n  history.push({ role: 'user', content: p.fullName });\n  return ${sendMessages('sessions.get(id)!')};\n}`), [
      '10 approved-vendors',
      '9 no-phi-in-prompt Patient.fullName',
    ]);
    // Pushed through the Map, sent as the array that was stored.
    assert.deepEqual(rowsOf(`const cache = new Map<string, Msg[]>();\nexport async function f(id: string, p: Patient) {\n  const history: Msg[] = [];\n  cache.set(id, history);\n  cache.get(id)!.push({ role: 'user', content: p.fullName });\n  return ${sendMessages('history')};\n}`), [
      '10 approved-vendors',
      '9 no-phi-in-prompt Patient.fullName',
    ]);
    // A push into one stored array does not reach another array stored in the same Map.
    assert.deepEqual(rowsOf(`const sessions = new Map<string, Msg[]>();\nexport async function f(p: Patient) {\n  const a: Msg[] = [];\n  const b: Msg[] = [];\n  sessions.set('a', a);\n  sessions.set('b', b);\n  a.push({ role: 'user', content: p.fullName });\n  return ${sendMessages('b')};\n}`), ['12 approved-vendors']);
  });

  it('a push through an assignment expression writes into its target', () => {
    assert.deepEqual(rowsOf(`const store: Record<string, Msg[]> = {};\nexport async function f(id: string, p: Patient) {\n  (store[id] ??= []).push({ role: 'user', content: p.fullName });\n  return ${sendMessages('store[id]!')};\n}`), [
      '7 no-phi-in-prompt Patient.fullName',
      '8 approved-vendors',
    ]);
    assert.deepEqual(rowsOf(`export async function f(p: Patient, prior?: Msg[]) {\n  let history = prior;\n  (history ??= []).push({ role: 'user', content: p.fullName });\n  return ${sendMessages('history')};\n}`), [
      '7 no-phi-in-prompt Patient.fullName',
      '8 approved-vendors',
    ]);
  });

  it('an element read from an array is one element: writes through it reach the array, not the reverse', () => {
    assert.deepEqual(rowsOf(`export async function f(p: Patient) {\n  const turns: Msg[] = [{ role: 'user', content: '' }];\n  for (const t of turns) t.content = p.fullName;\n  return ${sendMessages('turns')};\n}`), [
      '7 no-phi-in-prompt Patient.fullName',
      '8 approved-vendors',
    ]);
    assert.deepEqual(rowsOf(`export async function f(p: Patient) {\n  const a: Msg[] = [];\n  const b: Msg[] = [];\n  for (const list of [a, b]) list.push({ role: 'user', content: p.fullName });\n  return ${sendMessages('b')};\n}`), [
      '8 no-phi-in-prompt Patient.fullName',
      '9 approved-vendors',
    ]);
    // Adding an element to the array does not change an element read from it before.
    assert.deepEqual(rowsOf(`export async function f(p: Patient, threads: Msg[][]) {\n  const first = threads[0]!;\n  threads.push([{ role: 'user', content: p.fullName }]);\n  return ${sendMessages('first')};\n}`), ['8 approved-vendors']);
  });

  it('a class field written through an element or a member of it holds what was written', () => {
    const chat = (add: string, send: string) => `class Chat {\n  private sessions = new Map<string, Msg[]>();\n  private req = { model: 'gpt-4o', messages: [] as Msg[] };\n  add(id: string, p: Patient) {\n    ${add}\n  }\n  ask(id: string) {\n    return ${send};\n  }\n}\nexport const chat = new Chat();`;
    assert.deepEqual(rowsOf(chat(`if (!this.sessions.has(id)) this.sessions.set(id, []);\n    this.sessions.get(id)!.push({ role: 'user', content: p.fullName });`, sendMessages('this.sessions.get(id) ?? []'))), [
      '10 no-phi-in-prompt Patient.fullName',
      '13 approved-vendors',
    ]);
    assert.deepEqual(rowsOf(chat(`this.req.messages.push({ role: 'user', content: p.fullName });`, 'openai.chat.completions.create(this.req)')), [
      '12 approved-vendors',
      '9 no-phi-in-prompt Patient.fullName',
    ]);
    assert.deepEqual(rowsOf(chat(`this.req.messages.push({ role: 'user', content: p.id });`, 'openai.chat.completions.create(this.req)')), ['12 approved-vendors']);
    // The same mutators as for locals: splice inserts from its third argument on.
    assert.deepEqual(rowsOf(chat(`this.req.messages.splice(0, 0, { role: 'user', content: p.fullName });`, 'openai.chat.completions.create(this.req)')), [
      '12 approved-vendors',
      '9 no-phi-in-prompt Patient.fullName',
    ]);
  });

  it('a /** @phi */ after another member on the same line marks the member it precedes', () => {
    const code = `${OPENAI}interface Visit { id: string; /** @phi */ reason: string; notes: string }\nexport async function f(v: Visit) {\n  return ${send('`${v.id} ${v.reason} ${v.notes}`')};\n}`;
    assert.deepEqual(rows(code), ['6 approved-vendors', '6 no-phi-in-prompt Visit.reason']);
  });
});
