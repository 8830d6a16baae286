/**
 * Inputs the crash fuzzer found that once broke the engine, kept as regression tests: deep or
 * long code must be followed to the end or fail closed with a message that says why, never
 * pass silently and never report an internal error.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeFile } from '@phi-guard/core';
import { defaultProjects, programFor } from './harness';

const fixture = defaultProjects().find((p) => p.name === 'rule-fixture')!;
const HEAD = `import OpenAI from 'openai';\nimport type { Patient } from './models.js';\nconst openai = new OpenAI();\n`;
const send = (content: string) => `openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: ${content} }] })`;

function analyze(text: string) {
  const { program, sourceFile } = programFor(fixture, new Map([[path.join(fixture.dir, 'fuzz-deep.ts'), text]]));
  return analyzeFile(program, sourceFile, fixture.config, { timeBudgetMs: 60_000 });
}

const kinds = (text: string) => analyze(text).findings.map((f) => f.kind).sort();

describe('deep and long inputs (found by the crash fuzzer)', function () {
  this.timeout(120_000);

  it('an import whose module specifier is not a string literal does not break the fix', () => {
    // Half-typed code the editor sees; the wrap-in-redactor fix used to read `.text` of it.
    const a = analyze(`${HEAD}import { a } from ('./phi.js');\nexport const f = (p: Patient) => ${send('p.ssn')};`);
    const phi = a.findings.filter((f) => f.kind === 'phi-to-vendor');
    assert.equal(phi.length, 1, JSON.stringify(a.findings.map((f) => f.message)));
    assert.equal(phi[0]!.fixes.length, 1);
  });

  for (const n of [150, 250, 400]) {
    it(`PHI inside ${n} nested parentheses is reported (once returned clean past 200 levels)`, () => {
      assert.deepEqual(kinds(`${HEAD}export const f = (p: Patient) => ${send(`${'('.repeat(n)}p.ssn${')'.repeat(n)}`)};`), ['phi-to-vendor', 'unapproved-vendor']);
    });
  }

  it('PHI through a chain of 3,000 helper functions is reported (once overflowed the stack)', () => {
    const n = 3000;
    const fns = Array.from({ length: n }, (_, i) => (i === n - 1 ? `function h${i}(s: string): string { return s; }` : `function h${i}(s: string): string { return h${i + 1}(s); }`));
    assert.deepEqual(kinds(`${HEAD}${fns.join('\n')}\nexport const f = (p: Patient) => ${send('h0(p.ssn)')};`), ['phi-to-vendor', 'unapproved-vendor']);
  });

  it('a clean chain of 3,000 helper functions stays clean', () => {
    const n = 3000;
    const fns = Array.from({ length: n }, (_, i) => (i === n - 1 ? `function h${i}(s: string): string { return s.length > 0 ? 'ok' : 'empty'; }` : `function h${i}(s: string): string { return h${i + 1}(s); }`));
    assert.deepEqual(kinds(`${HEAD}${fns.join('\n')}\nexport const f = (p: Patient) => ${send('h0(p.ssn)')};`), ['unapproved-vendor']);
  });

  it('PHI through 500 reassigned variables is reported (once returned clean past 200)', () => {
    const vs = Array.from({ length: 500 }, (_, i) => `  const v${i + 1} = v${i};`);
    assert.deepEqual(kinds(`${HEAD}export const f = (p: Patient) => {\n  const v0 = p.ssn;\n${vs.join('\n')}\n  return ${send('v500')};\n};`), ['phi-to-vendor', 'unapproved-vendor']);
  });

  for (const first of [true, false]) {
    it(`a 5,000-term + chain with PHI ${first ? 'first' : 'last'} is reported (once overflowed the stack, and was quadratic)`, () => {
      const terms = Array.from({ length: 5000 }, (_, i) => `"t${i}"`);
      terms[first ? 0 : terms.length - 1] = 'p.ssn';
      assert.deepEqual(kinds(`${HEAD}export const f = (p: Patient) => ${send(terms.join(' + '))};`), ['phi-to-vendor', 'unapproved-vendor']);
    });
  }

  it('arithmetic in a long + chain is told from concatenation (numbers are not text)', () => {
    const VITALS = `interface Vitals {\n  /** @phi */\n  heartRate: number;\n}\n`;
    const terms = Array.from({ length: 2000 }, (_, i) => `${i}`);
    terms[0] = 'v.heartRate';
    assert.deepEqual(kinds(`${HEAD}${VITALS}export const f = (v: Vitals) => ${send(`String(${terms.join(' + ')})`)};`), ['unapproved-vendor']);
    // Control: the same PHI as text is reported, and so is text concatenated onto the sum.
    assert.deepEqual(kinds(`${HEAD}${VITALS}export const f = (v: Vitals) => ${send('String(v.heartRate)')};`), ['phi-to-vendor', 'unapproved-vendor']);
    terms[1] = '"bpm: "';
    assert.deepEqual(kinds(`${HEAD}${VITALS}export const f = (v: Vitals) => ${send(terms.join(' + '))};`), ['phi-to-vendor', 'unapproved-vendor']);
  });

  it('past what the TypeScript checker itself can follow, the file fails closed and says why', () => {
    // 5,000 inferred variables: the checker recurses once per variable when asked for the last one's type.
    const vs = Array.from({ length: 5000 }, (_, i) => `  const v${i + 1} = v${i};`);
    const chain = (content: string) => analyze(`${HEAD}export const f = (p: Patient) => {\n  const v0 = p.ssn;\n${vs.join('\n')}\n  return ${send(content)};\n};`);
    // Sent as it is, the value needs no type from the checker, and the flow is followed to the end.
    assert.deepEqual(chain('v5000').findings.map((f) => f.kind).sort(), ['phi-to-vendor', 'unapproved-vendor']);
    // Passed through String(), the call's signature is resolved, which needs v5000's type: the checker cannot give it.
    const a = chain('String(v5000)');
    assert.deepEqual(a.findings.map((f) => f.kind), ['analysis-failed', 'analysis-failed']);
    assert.match(a.findings[0]!.message, /could not finish analyzing this file: the code nests too deeply to follow/);
    assert.doesNotMatch(a.findings[0]!.message, /internal error/);
  });
});
