/**
 * The engine's quick fixes: what each one wraps (and says it wraps), the import it adds or
 * merges, and the fix at the source when a helper in another file embedded the PHI.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeFile, loadConfigForFile, type Finding, type TextEdit } from '@phi-guard/core';
import { programWithFiles } from '../support/program';

const HEAD = `import OpenAI from 'openai';\nimport type { Patient } from './models.js';\nconst openai = new OpenAI();\n`;
const send = (content: string) => `  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: ${content} }] });\n`;

function findingsOf(files: Record<string, string>): Finding[] {
  const { program, sourceFile } = programWithFiles(files);
  return analyzeFile(program, sourceFile, loadConfigForFile(sourceFile.fileName)).findings.filter((f) => f.ruleId === 'no-phi-in-prompt');
}

/** The files after the fix, by base name (only those it edits). */
function applied(files: Record<string, string>, edits: readonly TextEdit[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of new Set(edits.map((e) => path.basename(e.fileName)))) {
    let text = files[name]!;
    for (const e of edits.filter((d) => path.basename(d.fileName) === name).sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.newText + text.slice(e.end);
    out[name] = text;
  }
  return out;
}

describe('engine: quick fixes', () => {
  it('each finding of one template gets its own fix, titled with what it wraps', () => {
    const file = `${HEAD}export async function f(p: Patient) {\n${send('`Name ${p.fullName}, SSN ${p.ssn}`')}}\n`;
    const findings = findingsOf({ 'file.ts': file });
    assert.deepEqual(findings.map((f) => f.fixes.map((x) => x.title)), [['Wrap p.fullName in redact()'], ['Wrap p.ssn in redact()']]);
    // Applying the first one leaves the second finding's expression alone.
    const after = applied({ 'file.ts': file }, findings[0]!.fixes[0]!.edits)['file.ts']!;
    assert.match(after, /`Name \$\{redact\(p\.fullName\)\}, SSN \$\{p\.ssn\}`/);
    assert.equal(findingsOf({ 'file.ts': after }).length, 1);
  });

  it('a long expression is shortened in the title', () => {
    const file = `${HEAD}export async function f(p: Patient) {\n${send('[p.address.line1, p.address.city, p.preferredLanguage, p.clinicId].join(", ")')}}\n`;
    const titles = findingsOf({ 'file.ts': file }).flatMap((f) => f.fixes.map((x) => x.title));
    assert.ok(titles.length > 0);
    for (const t of titles) {
      const what = /^Wrap (.*) in redact\(\)/.exec(t)?.[1] ?? '';
      assert.ok(what.length <= 40 && !what.includes('\n'), t);
    }
  });

  describe('imports: one per module', () => {
    const body = `export async function f(p: Patient) {\n${send('`SSN ${p.ssn}`')}}\n`;
    const fixed = (imports: string) => {
      const file = `${HEAD}${imports}\n${body}`;
      const [finding] = findingsOf({ 'file.ts': file });
      return applied({ 'file.ts': file }, finding!.fixes[0]!.edits)['file.ts']!;
    };

    it('merges into an existing value import of the module', () => {
      const out = fixed(`import { sanitizeHtml } from './phi.js';`);
      assert.match(out, /^import \{ sanitizeHtml, redact \} from '\.\/phi\.js';$/m);
      assert.equal(out.match(/from '\.\/phi\.js'/g)!.length, 1);
    });

    it('adds a value import beside a type-only one', () => {
      const out = fixed(`import type { sanitizeHtml } from './phi.js';`);
      assert.match(out, /^import type \{ sanitizeHtml \} from '\.\/phi\.js';\nimport \{ redact \} from '\.\/phi\.js';$/m);
    });

    it('uses a namespace import as it is', () => {
      const out = fixed(`import * as phi from './phi.js';`);
      assert.match(out, /`SSN \$\{phi\.redact\(p\.ssn\)\}`/);
      assert.equal(out.match(/from '\.\/phi\.js'/g)!.length, 1);
    });

    it('merges into a CommonJS require of the module, and uses a whole-module require as it is', () => {
      const file = (req: string) => `${HEAD}declare const require: (m: string) => any;\n${req}\n${body}`;
      const fixedWith = (req: string) => {
        const [finding] = findingsOf({ 'file.ts': file(req) });
        return applied({ 'file.ts': file(req) }, finding!.fixes[0]!.edits)['file.ts']!;
      };
      assert.match(fixedWith(`const { sanitizeHtml } = require('./phi.js');`), /^const \{ sanitizeHtml, redact \} = require\('\.\/phi\.js'\);$/m);
      assert.match(fixedWith(`const phi = require('./phi.js');`), /`SSN \$\{phi\.redact\(p\.ssn\)\}`/);
    });

    it('reuses the redactor imported under another name', () => {
      const out = fixed(`import { redact as scrub } from './phi.js';`);
      assert.match(out, /`SSN \$\{scrub\(p\.ssn\)\}`/);
      assert.equal(out.match(/from '\.\/phi\.js'/g)!.length, 1);
    });
  });

  describe('fix at the source', () => {
    const PROMPT = `import type { Patient } from './models.js';\nexport function triagePrompt(p: Patient): string {\n  return \`You are a triage nurse. Be brief.\nPatient born \${p.dateOfBirth}.\`;\n}\n`;

    it('a prompt helper in another file: wraps the PHI where the helper embeds it, with the import there', () => {
      const file = `${HEAD}import { triagePrompt } from './prompt.js';\nexport async function f(p: Patient) {\n${send('triagePrompt(p)')}}\n`;
      const files = { 'prompt.ts': PROMPT, 'file.ts': file };
      const [finding, ...rest] = findingsOf(files);
      assert.equal(rest.length, 0);
      assert.deepEqual(finding!.fixes.map((x) => x.title), ['Wrap p.dateOfBirth in redact() in prompt.ts']);
      const out = applied(files, finding!.fixes[0]!.edits);
      assert.deepEqual(Object.keys(out), ['prompt.ts'], 'the call site stays as it is');
      assert.match(out['prompt.ts']!, /You are a triage nurse\. Be brief\.\nPatient born \$\{redact\(p\.dateOfBirth\)\}\./);
      assert.match(out['prompt.ts']!, /^import \{ redact \} from '\.\/phi\.js';$/m);
      assert.deepEqual(findingsOf({ ...files, ...out }), []);
    });

    it('a helper that pushes into the caller\'s messages: edits the helper', () => {
      const chart = `import type { Patient } from './models.js';\nexport interface Msg { role: 'user' | 'system'; content: string }\nexport function appendChart(messages: Msg[], e: Patient) {\n  messages.push({ role: 'system', content: \`Chart for \${e.fullName}, DOB \${e.dateOfBirth}\` });\n}\n`;
      const file = `import OpenAI from 'openai';\nimport type { Patient } from './models.js';\nimport { appendChart, type Msg } from './chart.js';\nconst openai = new OpenAI();\nexport async function f(e: Patient) {\n  const messages: Msg[] = [];\n  appendChart(messages, e);\n  return openai.chat.completions.create({ model: 'gpt-4o', messages });\n}\n`;
      const files = { 'chart.ts': chart, 'file.ts': file };
      const [finding] = findingsOf(files);
      assert.deepEqual(finding!.fixes.map((x) => x.title), ['Wrap e.fullName and e.dateOfBirth in redact() in chart.ts']);
      const out = applied(files, finding!.fixes[0]!.edits);
      assert.match(out['chart.ts']!, /`Chart for \$\{redact\(e\.fullName\)\}, DOB \$\{redact\(e\.dateOfBirth\)\}`/);
      assert.deepEqual(findingsOf({ ...files, ...out }), []);
    });

    it('two calls fixed by the same edit of the helper: each title says so', () => {
      const file = `${HEAD}import { triagePrompt } from './prompt.js';\nexport async function f(p: Patient) {\n${send('triagePrompt(p)')}${send('triagePrompt(p) + "?"')}}\n`;
      const titles = findingsOf({ 'prompt.ts': PROMPT, 'file.ts': file }).map((f) => f.fixes[0]!.title);
      assert.deepEqual(titles, ['Wrap p.dateOfBirth in redact() in prompt.ts (also fixes the finding on line 7)', 'Wrap p.dateOfBirth in redact() in prompt.ts (also fixes the finding on line 6)']);
    });
  });
});
