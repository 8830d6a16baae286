import * as path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/no-phi-in-prompt';

const fixture = path.resolve(__dirname, '../../../tests/fixture');

const ruleTester = new RuleTester({
  languageOptions: {
    parserOptions: {
      projectService: { allowDefaultProject: ['*.js'] },
      tsconfigRootDir: fixture,
    },
  },
});

const filename = path.join(fixture, 'file.ts');
const OPENAI = `import OpenAI from 'openai';\nconst openai = new OpenAI();\n`;
const MODELS = `import { loadPatient, loadNote, loadStats, type Patient, type ClinicalNote, type Appointment, type IntakeRow } from './models.js';\n`;
const HEAD = OPENAI + MODELS; // 3 lines

/** One PHI finding with its position; the suggestion output is the code with `wrapped` replacing `original` and the import added. */
function invalid(code: string, line: number, original: string, wrapped = `redact(${original})`) {
  const lineText = code.split('\n')[line - 1] ?? '';
  const at = lineText.indexOf(original);
  if (at < 0) throw new Error(`test setup: "${original}" is not on line ${line}`);
  const column = at + 1;
  const withImport = addImport(code);
  return {
    code,
    filename,
    errors: [
      {
        messageId: 'phiInPrompt' as const,
        line,
        column,
        suggestions: [{ messageId: 'wrapInRedactor' as const, output: replaceAt(withImport.code, withImport.shift, code, line, column, original, wrapped) }],
      },
    ],
  };
}

function addImport(code: string): { code: string; shift: number } {
  const lines = code.split('\n');
  // One import per module: a value import of the redactor's module gets the name added.
  const existing = lines.findIndex((l) => /^import \{ [^}]* \} from '\.\/phi\.js';$/.test(l));
  if (existing >= 0) {
    lines[existing] = lines[existing]!.replace(/ \} from/, ', redact } from');
    return { code: lines.join('\n'), shift: 0 };
  }
  let last = -1;
  lines.forEach((l, i) => {
    if (l.startsWith('import ')) last = i;
  });
  const imp = `import { redact } from './phi.js';`;
  if (last < 0) return { code: `${imp}\n${code}`, shift: 1 };
  lines.splice(last + 1, 0, imp);
  return { code: lines.join('\n'), shift: 1 };
}

function replaceAt(codeWithImport: string, shift: number, original: string, line: number, column: number, text: string, replacement: string): string {
  const lines = codeWithImport.split('\n');
  const importLine = lines.findIndex((l) => l.includes(`from './phi.js'`));
  const target = line - 1 + (importLine <= line - 1 ? shift : 0);
  const l = lines[target]!;
  if (l.slice(column - 1, column - 1 + text.length) !== text) {
    throw new Error(`test setup: "${text}" is not at ${line}:${column} in:\n${original}`);
  }
  lines[target] = l.slice(0, column - 1) + replacement + l.slice(column - 1 + text.length);
  return lines.join('\n');
}

ruleTester.run('no-phi-in-prompt', rule as never, {
  valid: [
    // A non-PHI member of a PHI-bearing object is clean (field precision).
    { filename, code: `${HEAD}export async function f(id: string) {\n  const p = await loadPatient(id);\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: \`Patient ${'${p.id}'} of clinic ${'${p.clinicId}'}\` }] });\n}` },
    // The configured redactor stops the flow.
    { filename, code: `${HEAD}import { redact } from './phi.js';\nexport async function f(p: Patient) {\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: \`Summarize: ${'${redact(p.fullName)}'}\` }] });\n}` },
    // Counts, lengths and boolean tests carry no PHI.
    { filename, code: `${HEAD}export async function f(p: Patient, n: ClinicalNote) {\n  const size = n.text.length;\n  const hasMeds = p.medications.length > 0;\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: \`note size ${'${size}'}, meds ${'${hasMeds}'}, count ${'${p.medications.length}'}\` }] });\n}` },
    // Flow-sensitive: an overwritten variable is clean again.
    { filename, code: `${HEAD}export async function f(p: Patient) {\n  let prompt = \`About ${'${p.ssn}'}\`;\n  prompt = 'Give a generic wellness tip.';\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });\n}` },
    // Non-PHI types: clinic statistics.
    { filename, code: `${HEAD}export async function f() {\n  const s = await loadStats();\n  await openai.responses.create({ model: 'gpt-4o', input: \`We saw ${'${s.patientCount}'} patients at ${'${s.clinicName}'}\` });\n}` },
    // Approved vendor (Azure OpenAI has a BAA in the fixture config): allowed by default policy.
    { filename, code: `import { AzureOpenAI } from 'openai';\n${MODELS}const azure = new AzureOpenAI({ endpoint: 'https://acme.openai.azure.com', apiVersion: '2024-10-21' });\nexport async function f(p: Patient) {\n  await azure.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: p.fullName }] });\n}` },
    // First-party gateway and loopback: never reported.
    { filename, code: `import OpenAI from 'openai';\n${MODELS}const gw = new OpenAI({ baseURL: 'https://llm.acme.internal/v1' });\nconst local = new OpenAI({ baseURL: 'http://localhost:11434/v1' });\nexport async function f(p: Patient) {\n  await gw.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: p.ssn }] });\n  await local.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: p.ssn }] });\n}` },
    // A sanitizer that only escapes HTML is not a redactor — but a clean value stays clean through it.
    { filename, code: `${HEAD}import { sanitizeHtml } from './phi.js';\nexport async function f(title: string) {\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: sanitizeHtml(title) }] });\n}` },
    // Deleting the PHI members before sending leaves nothing PHI.
    { filename, code: `${HEAD}export async function f(p: Patient) {\n  const copy = { id: p.id, ssn: p.ssn };\n  delete copy.ssn;\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: JSON.stringify(copy) }] });\n}` },
    // A helper that only uses non-PHI members returns clean text.
    { filename, code: `${HEAD}import { visitLabel } from './helpers.js';\nexport async function f(p: Patient) {\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: visitLabel(p) }] });\n}` },
    // Picking a subset without the PHI members (rest destructuring) leaves nothing PHI.
    { filename, code: `${HEAD}export async function f(p: Patient) {\n  const { ssn, fullName, dateOfBirth, address, medications, ...rest } = p;\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: JSON.stringify(rest) }] });\n}` },
    // FHIR: resourceType and id are not PHI.
    { filename, code: `import OpenAI from 'openai';\nimport type { Observation } from '@medplum/fhirtypes';\nconst openai = new OpenAI();\nexport async function f(o: Observation) {\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: \`${'${o.resourceType}'} ${'${o.id}'}\` }] });\n}` },
  ],
  invalid: [
    // FHIR resources from @medplum/fhirtypes.
    invalid(`import OpenAI from 'openai';\nimport type { Patient } from '@medplum/fhirtypes';\nconst openai = new OpenAI();\nexport async function f(p: Patient) {\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: \`Family: ${'${p.name?.[0]?.family}'}\` }] });\n}`, 5, 'p.name?.[0]?.family'),
    // Bedrock outside the BAA's region: PHI in the JSON body is reported.
    invalid(`import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';\n${MODELS}const c = new BedrockRuntimeClient({ region: 'eu-west-1' });\nexport async function f(p: Patient) {\n  const body = JSON.stringify({ prompt: \`SSN ${'${p.ssn}'}\` });\n  return c.send(new InvokeModelCommand({ modelId: 'anthropic.claude-v2', body }));\n}`, 5, 'p.ssn'),
    // LangChain: template variables of a pipe() chain that ends in an OpenAI chat model are content.
    invalid(`import { ChatOpenAI } from '@langchain/openai';\nimport { ChatPromptTemplate } from '@langchain/core/prompts';\n${MODELS}const model = new ChatOpenAI({ model: 'gpt-4o' });\nconst prompt = ChatPromptTemplate.fromMessages([['user', 'Summarize {note}']]);\nconst chain = prompt.pipe(model);\nexport async function f(n: ClinicalNote) {\n  return chain.invoke({ note: n.text });\n}`, 8, 'n.text'),
    // axios to a vendor's API host.
    invalid(`import axios from 'axios';\n${MODELS}export async function f(p: Patient) {\n  return axios.post('https://api.anthropic.com/v1/messages', { messages: [{ role: 'user', content: p.fullName }] });\n}`, 4, 'p.fullName'),
    // A closure captures a PHI prompt built outside it.
    invalid(`${HEAD}export function make(p: Patient) {\n  const summary = \`Patient ${'${p.fullName}'}\`;\n  return async () => openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: summary }] });\n}`, 5, 'p.fullName'),
    // @phi member in a template literal.
    invalid(`${HEAD}export async function f(id: string) {\n  const p = await loadPatient(id);\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: \`Summarize for ${'${p.fullName}'}\` }] });\n}`, 6, 'p.fullName'),
    // @phi on a whole interface: every member is PHI.
    invalid(`${HEAD}export async function f(n: ClinicalNote) {\n  const prompt = 'Summarize: ' + n.text;\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });\n}`, 5, 'n.text'),
    // Brand type PHI<string>.
    invalid(`${HEAD}export async function f(a: Appointment) {\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: a.reason }] });\n}`, 5, 'a.reason'),
    // Variable placed straight into the request.
    invalid(`${HEAD}export async function f(p: Patient) {\n  const ssn = p.ssn;\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: ssn }] });\n}`, 6, 'ssn'),
    // map + join over PHI.
    invalid(`${HEAD}export async function f(p: Patient) {\n  const meds = p.medications.map((m) => m.name).join(', ');\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: \`Meds: ${'${meds}'}\` }] });\n}`, 6, 'meds'),
    // JSON.stringify of a PHI-bearing object.
    invalid(`${HEAD}export async function f(p: Patient) {\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: JSON.stringify(p) }] });\n}`, 5, 'JSON.stringify(p)'),
    // Messages pushed onto an array.
    invalid(`${HEAD}import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';\nexport async function f(n: ClinicalNote) {\n  const messages: ChatCompletionMessageParam[] = [{ role: 'system', content: 'You are a scribe.' }];\n  messages.push({ role: 'user', content: n.text });\n  await openai.chat.completions.create({ model: 'gpt-4o', messages });\n}`, 7, 'n.text'),
    // The suggestion's title names what it wraps.
    {
      ...invalid(`${HEAD}export async function f(n: ClinicalNote) {\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: \`Note: ${'${n.text}'}\` }] });\n}`, 5, 'n.text'),
      errors: [{ messageId: 'phiInPrompt' as const, line: 5, suggestions: [{ messageId: 'wrapInRedactor' as const, data: { title: 'Wrap n.text in redact()' }, output: `${HEAD}import { redact } from './phi.js';\nexport async function f(n: ClinicalNote) {\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: \`Note: ${'${redact(n.text)}'}\` }] });\n}` }] }],
    },
    // Helper in another file that embeds PHI: reported at the call in this file. Its fix belongs
    // in helpers.ts (the editor's fix at the source); a suggestion edits only this file, and
    // wrapping the helper's whole result here would redact the prompt: no suggestion.
    {
      ...invalid(`${HEAD}import { describePatient } from './helpers.js';\nexport async function f(p: Patient) {\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: describePatient(p) }] });\n}`, 6, 'describePatient(p)'),
      errors: [{ messageId: 'phiInPrompt' as const, line: 6, column: 95, suggestions: [] }],
    },
    // A wrapper in another file that sends its parameter is itself a sink.
    invalid(`${MODELS}import { askModel } from './llm.js';\nexport async function f(p: Patient) {\n  return askModel(\`Explain the care plan for ${'${p.fullName}'}\`);\n}`, 4, 'p.fullName'),
    // Field-name heuristics for untyped data.
    invalid(`${OPENAI}export async function f(row: any) {\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: \`MRN ${'${row.mrn}'}\` }] });\n}`, 4, 'row.mrn'),
    // Destructuring picks the PHI member.
    invalid(`${HEAD}export async function f(p: Patient) {\n  const { fullName, id } = p;\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: \`${'${id}'}: ${'${fullName}'}\` }] });\n}`, 6, 'fullName'),
    // Promise.all and await.
    invalid(`${HEAD}export async function f(id: string) {\n  const [p, n] = await Promise.all([loadPatient(id), loadNote(id)]);\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: n.text }] });\n  void p;\n}`, 6, 'n.text'),
    // A sanitize* function is not a redactor: the PHI passed into it is reported.
    invalid(`${HEAD}import { sanitizeHtml } from './phi.js';\nexport async function f(n: ClinicalNote) {\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: sanitizeHtml(n.text) }] });\n}`, 6, 'n.text'),
    // Class fields and this: reported where the note is pushed into the field that is sent.
    invalid(`${HEAD}export class Scribe {\n  private notes: string[] = [];\n  add(n: ClinicalNote) { this.notes.push(n.text); }\n  async run() {\n    await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: this.notes.join('\\n') }] });\n  }\n}`, 6, 'n.text'),
  ],
});
