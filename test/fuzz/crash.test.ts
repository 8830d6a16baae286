/**
 * Crash fuzzer (issue 5, part 2). Mutates real-looking sources (the example app, the rule
 * fixture) by deleting, duplicating, swapping and replacing tokens and lines, truncating
 * (half-typed code) and inserting stray tokens, then checks that
 *   (a) the engine never throws, returns within its time budget, and reports every finding
 *       at a sane range of the file (and fails closed when it cannot finish);
 *   (b) the ESLint rules never crash on a sample of the mutants (a parse error that ESLint
 *       reports itself is fine), and agree with the engine line for line.
 * Plus deterministic edge inputs: empty, huge, deeply nested, recursive, cyclic, unicode.
 *
 * Seeded and deterministic: the seed is printed; replay with PHI_GUARD_FUZZ_SEED=<seed>,
 * run more with PHI_GUARD_FUZZ_RUNS=<n> or `npm run test:fuzz -- --runs <n>`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import {
  analyzeAndCheck,
  checkLintMessages,
  lint,
  defaultProjects,
  describeMutant,
  mutate,
  OP_KINDS,
  ParserStackOverflow,
  programFor,
  SYNTAX_KEEPING_OPS,
  repoRoot,
  settings,
  type Op,
  type Project,
} from './harness';

const projects = defaultProjects();
const targets = projects.flatMap((project) => project.corpus.map((file) => ({ project, file, text: fs.readFileSync(file, 'utf8') })));

const opArb: fc.Arbitrary<Op> = fc.record({ kind: fc.constantFrom(...OP_KINDS), a: fc.nat(), b: fc.nat() });
const mutantArb = fc.record({ target: fc.nat({ max: targets.length - 1 }), ops: fc.array(opArb, { minLength: 1, maxLength: 6 }) });
/** For ESLint, mostly mutants that still parse: a parse error stops ESLint before the rules run. */
const keepingOpArb: fc.Arbitrary<Op> = fc.record({ kind: fc.constantFrom(...SYNTAX_KEEPING_OPS), a: fc.nat(), b: fc.nat() });
const eslintMutantArb = fc.record({
  target: fc.nat({ max: targets.length - 1 }),
  ops: fc.oneof({ weight: 4, arbitrary: fc.array(keepingOpArb, { minLength: 1, maxLength: 4 }) }, { weight: 1, arbitrary: fc.array(opArb, { minLength: 1, maxLength: 4 }) }),
});


/** Where failing mutants are written, so they can be opened and replayed. */
const crashDir = path.join(os.tmpdir(), 'phi-guard-fuzz-crashes');
function saveCrash(file: string, text: string): string {
  fs.mkdirSync(crashDir, { recursive: true });
  const out = path.join(crashDir, `${Date.now()}-${path.basename(file)}`);
  fs.writeFileSync(out, text);
  return out;
}

interface Stats {
  mutants: number;
  syntaxErrors: number;
  findings: number;
  budgetRanOut: number;
  internalErrors: Map<string, number>;
  maxMs: number;
  slowest: string;
  programMs: number;
  analyzeMs: number;
}

function newStats(): Stats {
  return { mutants: 0, syntaxErrors: 0, findings: 0, budgetRanOut: 0, internalErrors: new Map(), maxMs: 0, slowest: '', programMs: 0, analyzeMs: 0 };
}

function log(line: string): void {
  // Mocha's spec reporter owns stdout; an indented line keeps the report readable.
  console.log(`      ${line}`);
}

/** Builds the mutant's program, analyzes it and checks the engine's contract. */
function runEngine(project: Project, file: string, text: string, stats: Stats): { program: ts.Program; sourceFile: ts.SourceFile; findings: { rule: string; line: number }[]; failedClosed: boolean } {
  const t0 = performance.now();
  const { program, sourceFile } = programFor(project, new Map([[file, text]]));
  const t1 = performance.now();
  const checked = analyzeAndCheck(program, sourceFile, project.config);
  stats.mutants++;
  stats.programMs += t1 - t0;
  stats.analyzeMs += checked.wallMs;
  if (program.getSyntacticDiagnostics(sourceFile).length > 0) stats.syntaxErrors++;
  stats.findings += checked.analysis.findings.length;
  if (checked.budgetRanOut) stats.budgetRanOut++;
  if (checked.wallMs > stats.maxMs) {
    stats.maxMs = checked.wallMs;
    stats.slowest = path.relative(repoRoot, file);
  }
  if (checked.internalError) {
    stats.internalErrors.set(checked.internalError, (stats.internalErrors.get(checked.internalError) ?? 0) + 1);
    throw new Error(`engine failed closed on an internal error (a bug): ${checked.internalError}`);
  }
  return {
    program,
    sourceFile,
    findings: checked.analysis.findings.map((f) => ({ rule: f.ruleId, line: f.range.startPos.line + 1 })),
    failedClosed: checked.analysis.findings.some((f) => f.kind === 'analysis-failed'),
  };
}

function report(label: string, stats: Stats, ms: number): void {
  log(
    `${label}: ${stats.mutants} mutants in ${(ms / 1000).toFixed(1)} s (programs ${(stats.programMs / 1000).toFixed(1)} s, analysis ${(stats.analyzeMs / 1000).toFixed(1)} s); ` +
      `${stats.syntaxErrors} with syntax errors, ${stats.findings} findings, ${stats.budgetRanOut} budget fail-closed, ` +
      `slowest analysis ${stats.maxMs.toFixed(0)} ms (${stats.slowest})`,
  );
  for (const [message, n] of stats.internalErrors) log(`internal error x${n}: ${message}`);
}

describe(`crash fuzzer (seed ${settings.seed}, ${settings.runs} engine mutants, ${settings.eslintRuns} ESLint mutants)`, function () {
  // Generous: the suite reports its own timing; a hang is caught per call by the budget check.
  this.timeout(Math.max(300_000, settings.runs * 2_000));

  before(() => {
    log(`seed ${settings.seed} (replay: PHI_GUARD_FUZZ_SEED=${settings.seed}); corpus: ${targets.length} files of ${projects.map((p) => p.name).join(', ')}`);
  });

  it('engine: analyzeFile never throws, stays within its budget and reports sane ranges', () => {
    const stats = newStats();
    const started = performance.now();
    // Warm the lib and SDK caches once, so the timing below is per mutant.
    for (const t of targets) runEngine(t.project, t.file, t.text, newStats());
    const warm = performance.now() - started;
    const t0 = performance.now();
    fc.assert(
      fc.property(mutantArb, ({ target, ops }) => {
        const t = targets[target]!;
        const text = mutate(t.text, ops);
        try {
          runEngine(t.project, t.file, text, stats);
        } catch (err) {
          const saved = saveCrash(t.file, text);
          throw new Error(`${(err as Error).message}\n${describeMutant(t.file, ops, text)}\n(saved to ${saved})`);
        }
      }),
      { seed: settings.seed, numRuns: settings.runs, endOnFailure: false },
    );
    log(`warm-up (parse lib and SDK declarations once): ${(warm / 1000).toFixed(1)} s`);
    report('engine', stats, performance.now() - t0);
  });

  it('ESLint: the rules never crash on a sample of mutants and agree with the engine', () => {
    const stats = newStats();
    let parseErrors = 0;
    let linted = 0;
    let compared = 0;
    const t0 = performance.now();
    fc.assert(
      fc.property(eslintMutantArb, ({ target, ops }) => {
        const t = targets[target]!;
        const text = mutate(t.text, ops);
        try {
          // The engine's answer on one program, ESLint's on another: they must agree.
          const engine = runEngine(t.project, t.file, text, stats);
          const messages = lint(t.project, new Map([[t.file, text]]));
          linted++;
          const keys = checkLintMessages(text, messages);
          if (!keys) {
            parseErrors++;
            return;
          }
          const failedClosed = messages.some((m) => /could not finish analyzing/.test(m.message));
          if (!engine.failedClosed && !failedClosed) {
            compared++;
            const a = engine.findings.map((f) => `${f.line} ${f.rule}`).sort();
            assert.deepEqual(keys, a, 'ESLint and the engine disagree');
          }
        } catch (err) {
          const saved = saveCrash(t.file, text);
          throw new Error(`${(err as Error).message}\n${describeMutant(t.file, ops, text)}\n(saved to ${saved})`);
        }
      }),
      { seed: settings.seed + 1, numRuns: settings.eslintRuns, endOnFailure: false },
    );
    report('ESLint (engine side)', stats, performance.now() - t0);
    log(`ESLint: ${linted} mutants linted, ${parseErrors} stopped by ESLint's own parse error, ${compared} compared with the engine line for line`);
  });
});

// ---------------------------------------------------------------------------------------
// Deterministic edge inputs, on the rule fixture (Patient has @phi fields, OpenAI has no BAA).

const fixture = projects.find((p) => p.name === 'rule-fixture')!;
const HEAD = `import OpenAI from 'openai';\nimport type { Patient } from './models.js';\nconst openai = new OpenAI();\n`;
const send = (content: string) => `openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: ${content} }] })`;
const at = (name: string) => path.join(fixture.dir, name);

/**
 * `phi`: a PHI finding must be reported or the file must fail closed (never a silent pass);
 * `none`: no PHI finding and no fail-closed finding.
 */
type Expect = 'phi' | 'none';

interface EdgeResult {
  ms: number;
  phi: number;
  failed: boolean;
  why?: string;
}

function edge(files: Record<string, string>, expect: Expect, budgetMs = settings.budgetMs): EdgeResult {
  const map = new Map(Object.entries(files).map(([name, text]) => [at(name), text]));
  const { program, sourceFile } = programFor(fixture, map);
  const checked = analyzeAndCheck(program, sourceFile, fixture.config, budgetMs);
  const findings = checked.analysis.findings;
  const failed = findings.filter((f) => f.kind === 'analysis-failed');
  if (checked.internalError) assert.fail(`internal error: ${checked.internalError}`);
  const phi = findings.filter((f) => f.kind === 'phi-to-vendor').length;
  switch (expect) {
    case 'phi':
      assert.ok(phi > 0 || failed.length > 0, 'PHI reaches the prompt, yet there is neither a finding nor a fail-closed finding (silent pass)');
      break;
    case 'none':
      assert.deepEqual(findings.filter((f) => f.ruleId === 'no-phi-in-prompt').map((f) => f.message), []);
      break;
  }
  // ESLint on the same text must not crash either, and agree with the engine.
  const keys = checkLintMessages(sourceFile.text, lint(fixture, map));
  if (keys && failed.length === 0 && !keys.some((k) => k.includes('could not'))) {
    assert.deepEqual(keys, findings.map((f) => `${f.range.startPos.line + 1} ${f.ruleId}`).sort(), 'ESLint and the engine disagree');
  }
  return { ms: checked.wallMs, phi, failed: failed.length > 0, why: failed[0]?.message.replace(/^PHI Guard could not finish analyzing this file: /, '').replace(/\. PHI flows.*$/, '') };
}

function note(name: string, r: EdgeResult): void {
  log(`${name}: ${r.ms.toFixed(0)} ms, ${r.phi} PHI findings${r.failed ? `, failed closed: ${r.why}` : ''}`);
}

const N = 1000;

describe('crash fuzzer: edge inputs', function () {
  this.timeout(300_000);

  it('empty and almost empty files', () => {
    for (const text of ['', '\n', '\uFEFF', '\r\n\r\n', '// only a comment', '/** @phi */', 'export {};']) {
      edge({ 'fuzz-edge.ts': text }, 'none');
    }
    // Unparseable: ESLint stops with a parse error, and the engine fails closed the same way.
    for (const text of ['`', '${', '/*', "'", 'import']) {
      const { program, sourceFile } = programFor(fixture, new Map([[at('fuzz-edge.ts'), text]]));
      const kinds = analyzeAndCheck(program, sourceFile, fixture.config, settings.budgetMs).analysis.findings.map((f) => f.kind);
      assert.deepEqual(kinds, ['analysis-failed', 'analysis-failed'], JSON.stringify(text));
    }
  });

  it('a 50,000-line file', () => {
    const fns: string[] = [];
    for (let i = 0; fns.length * 5 < 50_000; i++) {
      fns.push(`export async function f${i}(p: Patient) {\n  const s${i} = \`case ${i}: \${p.ssn}\`;\n  const n${i} = ${i} + 1;\n  return ${send(`n${i} > 0 ? s${i} : 'x'`)};\n}`);
    }
    const text = HEAD + fns.join('\n');
    assert.ok(text.split('\n').length >= 50_000);
    note('50,000 lines, 10,000 leaking calls', edge({ 'fuzz-edge.ts': text }, 'phi', 10_000));
    const plain = HEAD + Array.from({ length: 50_000 }, (_, i) => `const v${i} = ${i};`).join('\n') + `\nexport const f = (p: Patient) => ${send('p.fullName')};`;
    note('50,000 lines of constants, 1 leaking call', edge({ 'fuzz-edge.ts': plain }, 'phi', 10_000));
    note('one 300,000-character line', edge({ 'fuzz-edge.ts': `${HEAD}export const f = (p: Patient) => ${send(`'${'x'.repeat(300_000)}' + p.ssn`)};` }, 'phi'));
  });

  const nestings: [string, (inner: string, n: number) => string, Expect][] = [
    ['parentheses', (x, n) => `${'('.repeat(n)}${x}${')'.repeat(n)}`, 'phi'],
    ['right-nested +', (x, n) => `${"'a' + (".repeat(n)}${x}${')'.repeat(n)}`, 'phi'],
    ['left-deep + chain', (x, n) => `${x}${" + 'a'".repeat(n)}`, 'phi'],
    ['nested calls String(...)', (x, n) => `${'String('.repeat(n)}${x}${')'.repeat(n)}`, 'phi'],
    ['nested templates', (x, n) => `${'`<${'.repeat(n)}${x}${'}>`'.repeat(n)}`, 'phi'],
    ['nested arrays, joined', (x, n) => `${'['.repeat(n)}${x}${']'.repeat(n)}.join('')`, 'phi'],
    ['nested object literals, stringified', (x, n) => `JSON.stringify(${'{ a: '.repeat(n)}${x}${' }'.repeat(n)})`, 'phi'],
    ['nested conditionals', (x, n) => `${'Math.random() > 0.5 ? '.repeat(n)}${x}${" : 'no'".repeat(n)}`, 'phi'],
    ['nested arrow IIFEs', (x, n) => `${'(() => '.repeat(n)}${x}${')()'.repeat(n)}`, 'phi'],
    ['nested awaits', (x, n) => `${'await '.repeat(n)}${x}`, 'phi'],
    ['a chain of .concat()', (x, n) => `''.concat(${x})${".concat('a')".repeat(n)}`, 'phi'],
  ];
  for (const [name, nest, expect] of nestings) {
    it(`deeply nested expressions: ${name} (${N} levels)`, () => {
      // TypeScript's own parser overflows the stack first on some shapes (nested arrow
      // functions, templates, and at times `+`: how deep it gets depends on what V8 has
      // optimized): then the deepest of 1000/500/300 it parses, in the engine's program and in
      // ESLint's, is used.
      const depths = [N, 500, 300];
      for (const n of depths) {
        const text = `${HEAD}export async function f(p: Patient) {\n  const prompt = ${nest('p.ssn', n)};\n  return ${send('String(prompt)')};\n}`;
        try {
          note(`${name} (${n} levels)`, edge({ 'fuzz-edge.ts': text }, expect));
          return;
        } catch (err) {
          if (!(err instanceof ParserStackOverflow)) throw err;
          log(`${name}: TypeScript's parser itself overflows the stack at ${n} levels`);
        }
      }
      assert.fail(`TypeScript's parser overflowed the stack at each of ${depths.join(', ')} levels`);
    });
  }

  it(`deeply nested blocks (${N} levels of if)`, () => {
    note('nested blocks', edge({ 'fuzz-edge.ts': `${HEAD}export async function f(p: Patient, c: boolean) {\n${'if (c) {\n'.repeat(N)}await ${send('p.ssn')};\n${'}\n'.repeat(N)}}` }, 'phi'));
  });

  it('recursive and mutually recursive functions feeding a prompt', () => {
    const cases: Record<string, string> = {
      'self-recursive': `function r(s: string, n: number): string { return n > 0 ? r(s + '.', n - 1) : s; }\nexport const f = (p: Patient) => ${send('r(p.ssn, 3)')};`,
      'mutually recursive': `function a(s: string, n: number): string { return n > 0 ? b(\`<\${s}>\`, n - 1) : s; }\nfunction b(s: string, n: number): string { return a(s, n); }\nexport const f = (p: Patient) => ${send('a(p.ssn, 3)')};`,
      'recursive, sink inside': `async function r(p: Patient, n: number): Promise<unknown> { return n > 0 ? r(p, n - 1) : ${send('p.dateOfBirth')}; }\nexport const f = (p: Patient) => r(p, 3);`,
      'mutually recursive, sink inside': `async function a(s: string, n: number): Promise<unknown> { return n > 0 ? b(s, n) : ${send('s')}; }\nasync function b(s: string, n: number): Promise<unknown> { return a(s + '!', n - 1); }\nexport const f = (p: Patient) => a(p.fullName, 2);`,
      'recursive methods': `class C { constructor(private p: Patient) {}\n  text(n: number): string { return n ? this.text(n - 1) + this.p.ssn : ''; }\n  go() { return ${send('this.text(3)')}; } }\nexport const f = (p: Patient) => new C(p).go();`,
      'recursive closure': `export const f = (p: Patient) => { const go = (n: number): string => (n ? go(n - 1) : p.ssn); return ${send('go(5)')}; };`,
      'cycle of 50 functions': `${Array.from({ length: 50 }, (_, i) => `function g${i}(s: string, n: number): string { return n > 0 ? g${(i + 1) % 50}(s, n - 1) : s; }`).join('\n')}\nexport const f = (p: Patient) => ${send('g0(p.ssn, 100)')};`,
      [`call chain of ${N} functions`]: `${Array.from({ length: N }, (_, i) => (i === N - 1 ? `function h${i}(s: string): string { return s; }` : `function h${i}(s: string): string { return h${i + 1}(s) + '.'; }`)).join('\n')}\nexport const f = (p: Patient) => ${send('h0(p.ssn)')};`,
      [`sink at the end of a chain of ${N} calls`]: `${Array.from({ length: N }, (_, i) => (i === N - 1 ? `async function k${i}(s: string) { return ${send('s')}; }` : `async function k${i}(s: string): Promise<unknown> { return k${i + 1}(s); }`)).join('\n')}\nexport const f = (p: Patient) => k0(p.ssn);`,
    };
    for (const [name, body] of Object.entries(cases)) note(name, edge({ 'fuzz-edge.ts': `${HEAD}${body}\n` }, 'phi'));
  });

  it('cyclic imports between two files', () => {
    const a = `${HEAD}import { wrap } from './fuzz-cycle-b.js';\nexport function label(s: string): string { return s.length > 3 ? wrap(s) : \`[\${s}]\`; }\nexport const f = (p: Patient) => ${send('wrap(p.ssn)')};\n`;
    const b = `${HEAD}import { label } from './fuzz-cycle-a.js';\nexport function wrap(s: string): string { return \`(\${label(s.slice(1))})\`; }\nexport const g = (p: Patient) => ${send('label(p.fullName)')};\n`;
    note('cycle, a first', edge({ 'fuzz-cycle-a.ts': a, 'fuzz-cycle-b.ts': b }, 'phi'));
    note('cycle, b first', edge({ 'fuzz-cycle-b.ts': b, 'fuzz-cycle-a.ts': a }, 'phi'));
    // Both files of one program, as ESLint does: summaries are shared across the cycle.
    const { program } = programFor(fixture, new Map([[at('fuzz-cycle-a.ts'), a], [at('fuzz-cycle-b.ts'), b]]));
    for (const name of ['fuzz-cycle-a.ts', 'fuzz-cycle-b.ts', 'fuzz-cycle-a.ts']) {
      const checked = analyzeAndCheck(program, program.getSourceFile(at(name))!, fixture.config);
      assert.ok(checked.analysis.findings.some((f) => f.ruleId === 'no-phi-in-prompt'), `${name}: PHI finding expected`);
    }
    // A module that re-exports itself and a barrel cycle.
    note('self re-export', edge({ 'fuzz-self.ts': `${HEAD}export * from './fuzz-self.js';\nexport { f as g } from './fuzz-self.js';\nexport const f = (p: Patient) => ${send('p.ssn')};\n` }, 'phi'));
  });

  it('a 2,000-element template literal, concatenation, array and object', () => {
    const spans = Array.from({ length: 2000 }, (_, i) => (i % 2 ? `\${p.ssn}` : `\${p.id}`)).join(' ');
    note('2,000-span template', edge({ 'fuzz-edge.ts': `${HEAD}export const f = (p: Patient) => ${send(`\`${spans}\``)};` }, 'phi'));
    note('2,000-term +', edge({ 'fuzz-edge.ts': `${HEAD}export const f = (p: Patient) => ${send(Array.from({ length: 2000 }, (_, i) => (i % 2 ? 'p.ssn' : "'x'")).join(' + '))};` }, 'phi'));
    note('2,000-element array', edge({ 'fuzz-edge.ts': `${HEAD}export const f = (p: Patient) => ${send(`[${Array.from({ length: 2000 }, (_, i) => (i === 1999 ? 'p.ssn' : `'${i}'`)).join(', ')}].join(' ')`)};` }, 'phi'));
    note('2,000 messages', edge({ 'fuzz-edge.ts': `${HEAD}export const f = (p: Patient) => openai.chat.completions.create({ model: 'gpt-4o', messages: [${Array.from({ length: 2000 }, (_, i) => `{ role: 'user', content: ${i === 1000 ? 'p.ssn' : `'m${i}'`} }`).join(', ')}] });` }, 'phi'));
  });

  it('unicode identifiers, astral characters, escapes, CRLF and a byte order mark', () => {
    const cases: Record<string, string> = {
      'CJK identifiers': `${HEAD}export const f = (患者: Patient) => { const 提示 = \`病人 \${患者.ssn}\`; return ${send('提示')}; };`,
      'accented identifiers': `${HEAD}export const f = (pâtiënt: Patient) => { const prömpt = pâtiënt.fullName; return ${send('prömpt')}; };`,
      'astral identifier and emoji before the PHI': `${HEAD}export const f = (𝑝: Patient) => ${send(`'🩺🩺🩺 ' + 𝑝.ssn`)};`,
      'escaped identifier': `${HEAD}export const f = (\\u0070: Patient) => ${send('\\u{70}.ssn')};`,
      'zero-width joiner in an identifier': `${HEAD}export const f = (a\u200Db: Patient) => ${send('a\u200Db.ssn')};`,
      'CRLF line endings': `${HEAD}export async function f(p: Patient) {\r\n  const s = p.ssn;\r\n  return ${send('s')};\r\n}\r\n`.replace(/\n/g, '\r\n').replace(/\r\r/g, '\r'),
      'byte order mark': `\uFEFF${HEAD}export const f = (p: Patient) => ${send('p.ssn')};`,
      'line and paragraph separators': `${HEAD}export const f = (p: Patient) => {\u2028const s = p.ssn;\u2029return ${send(`'\u2028' + s`)}; };`,
      'lone surrogates in strings': `${HEAD}export const f = (p: Patient) => ${send(`'\uD800\uDC00\uD83D' + p.ssn`)};`,
    };
    for (const [name, text] of Object.entries(cases)) {
      const r = edge({ 'fuzz-edge.ts': text }, 'phi');
      note(name, r);
      assert.equal(r.failed, false, `${name}: failed closed`);
    }
  });
});
