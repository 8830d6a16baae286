/**
 * Minimal reproducers of engine bugs the crash fuzzer found. Each test asserts the CURRENT,
 * WRONG behaviour (FIXME) so the suite stays green while the engine is being fixed; when a fix
 * lands the test fails: flip it to assert the right behaviour, and drop the matching entry of
 * KNOWN_ENGINE_BUGS in crash.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeFile } from '@phi-guard/core';
import { defaultProjects, programFor } from './harness';

const fixture = defaultProjects().find((p) => p.name === 'rule-fixture')!;
const HEAD = `import OpenAI from 'openai';\nimport type { Patient } from './models.js';\nconst openai = new OpenAI();\n`;
const send = (content: string) => `openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: ${content} }] })`;

function analyze(text: string) {
  const { program, sourceFile } = programFor(fixture, new Map([[path.join(fixture.dir, 'fuzz-known.ts'), text]]));
  return analyzeFile(program, sourceFile, fixture.config, { timeBudgetMs: 10_000 });
}

describe('crash fuzzer: known engine bugs (FIXME: these assert the current, wrong behaviour)', function () {
  this.timeout(120_000);

  it('fix.ts: an import whose module specifier is not a string literal makes the whole file fail closed', () => {
    // Half-typed code the editor sees (ESLint stops at the parse error first). The wrap-in-redactor
    // fix reads `(st.moduleSpecifier as ts.StringLiteral).text`, which is undefined here, and
    // importsSameModule calls .startsWith on it: every finding of the file is replaced by the
    // fail-closed finding.
    const a = analyze(`${HEAD}import { a } from ('./phi.js');\nexport const f = (p: Patient) => ${send('p.ssn')};`);
    // FIXME(engine): expected a phi-to-vendor finding on p.ssn with its fix; today:
    assert.deepEqual(
      a.findings.map((f) => f.kind),
      ['analysis-failed', 'analysis-failed'],
    );
    assert.match(a.findings[0]!.message, /TypeError: Cannot read properties of undefined \(reading 'startsWith'\) at importsSameModule/);
  });

  it('evaluate.ts: past MAX_DEPTH (200) nested levels the value is silently clean (fails open)', () => {
    const nested = (n: number) => `${HEAD}export const f = (p: Patient) => ${send(`${'('.repeat(n)}p.ssn${')'.repeat(n)}`)};`;
    // 150 levels: found.
    assert.ok(analyze(nested(150)).findings.some((f) => f.kind === 'phi-to-vendor'));
    // FIXME(engine): 250 levels must report the PHI or fail closed; today nothing is reported about PHI at all.
    const deep = analyze(nested(250));
    assert.deepEqual(
      deep.findings.map((f) => f.kind),
      ['unapproved-vendor'],
    );
  });

  it('evaluate.ts: a long call chain overflows the stack (fails closed, but with an internal error)', () => {
    const n = 3000;
    const fns = Array.from({ length: n }, (_, i) => (i === n - 1 ? `function h${i}(s: string): string { return s; }` : `function h${i}(s: string): string { return h${i + 1}(s); }`));
    const a = analyze(`${HEAD}${fns.join('\n')}\nexport const f = (p: Patient) => ${send('h0(p.ssn)')};`);
    // FIXME(engine): expected a phi-to-vendor finding (the chain is linear, 3000 short functions); today:
    assert.deepEqual(
      a.findings.map((f) => f.kind),
      ['analysis-failed', 'analysis-failed'],
    );
    assert.match(a.findings[0]!.message, /RangeError: Maximum call stack size exceeded/);
  });
});
