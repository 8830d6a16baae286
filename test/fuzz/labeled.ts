/**
 * The harness of the labeled program generator: renders generated programs into the rule
 * fixture project in batches (one ts.Program per batch, each program in files of its own),
 * type-checks every generated file against the real SDK packages, runs the engine on each
 * and scores its findings against the expected ones, per rule and per building block.
 */
import * as path from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import type { Finding } from '@phi-guard/core';
import { analyzeAndCheck, programFor, type Project } from './harness';
import { blocksOf, describe, expected, GEN_MODELS_FILE, GEN_MODELS_TEXT, programArb, render, type Expected, type GenProgram } from './generator';

export type Rule = keyof Expected;
export const RULES: Rule[] = ['no-phi-in-prompt', 'approved-vendors'];

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Outcome {
  program: GenProgram;
  /** Index in the run (fc.sample with the run's seed): replay with --seed S and this index. */
  index: number;
  counts: Record<Rule, Counts>;
  /** Set when the engine's findings differ from the expected ones. */
  mismatch?: string;
}

/** A generated file that does not type-check is a generator bug: fail loudly, showing it. */
export class GeneratorBug extends Error {}

/** What the engine reported for one generated file, split by rule; analysis-failed is a crash. */
function score(p: GenProgram, findings: readonly Finding[], rendered: ReturnType<typeof render>): { counts: Record<Rule, Counts>; mismatch?: string } {
  const exp = expected(p);
  const counts = {} as Record<Rule, Counts>;
  const problems: string[] = [];
  const failed = findings.filter((f) => f.kind === 'analysis-failed');
  if (failed.length > 0) problems.push(`analysis failed: ${failed[0]!.message}`);
  for (const rule of RULES) {
    const got = findings.filter((f) => f.ruleId === rule && f.kind !== 'analysis-failed');
    const line = (f: Finding) => f.range.startPos.line + 1;
    // no-phi-in-prompt: on the chain or the sink (the embedding point); approved-vendors: on the callee.
    const [lo, hi] = rule === 'no-phi-in-prompt' ? rendered.phiLines : [rendered.vendorLine, rendered.vendorLine];
    const placed = got.filter((f) => line(f) >= lo && line(f) <= hi);
    const tp = Math.min(exp[rule], placed.length);
    const c: Counts = { tp, fn: exp[rule] - tp, fp: got.length - tp };
    counts[rule] = c;
    if (c.fn > 0 || c.fp > 0 || failed.length > 0) {
      const shown = got.map((f) => `L${line(f)} ${f.kind}: ${f.message}`).join('\n      ');
      problems.push(`${rule}: expected ${exp[rule]} (lines ${lo}-${hi}), got ${got.length}${shown ? `\n      ${shown}` : ''}`);
    }
  }
  return { counts, mismatch: problems.length > 0 ? problems.join('\n    ') : undefined };
}

function withLines(text: string): string {
  return text
    .split('\n')
    .map((l, i) => `${String(i + 1).padStart(3)}| ${l}`)
    .join('\n');
}

export function showProgram(p: GenProgram, files: [string, string][]): string {
  return `${describe(p)}\n${files.map(([name, text]) => `----- ${name}\n${withLines(text)}`).join('\n')}`;
}

function typeErrors(program: ts.Program, sf: ts.SourceFile): string[] {
  return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].map((d) => {
    const pos = d.start !== undefined ? sf.getLineAndCharacterOfPosition(d.start) : undefined;
    return `${path.basename(sf.fileName)}${pos ? `:${pos.line + 1}:${pos.character + 1}` : ''} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

export interface BatchTiming {
  programMs: number;
  typeCheckMs: number;
  analyzeMs: number;
}

/**
 * Renders `items` into one program (files gen-<index>.ts and gen-<index>-lib.ts), type-checks
 * every generated file, analyzes each program's main file and scores it.
 */
export function runBatch(project: Project, items: { index: number; program: GenProgram }[], timing: BatchTiming, prefix = 'gen'): Outcome[] {
  const files = new Map<string, string>();
  // File names are the position in the batch, so consecutive batches have the same roots and
  // TypeScript reuses more of the previous program.
  const rendered = items.map(({ program }, k) => {
    const r = render(program, `${prefix}-${k}`);
    for (const [name, text] of r.files) files.set(path.join(project.dir, name), text);
    return r;
  });
  files.set(path.join(project.dir, GEN_MODELS_FILE), GEN_MODELS_TEXT);
  let t0 = performance.now();
  const { program } = programFor(project, files);
  timing.programMs += performance.now() - t0;
  t0 = performance.now();
  items.forEach(({ program: p }, k) => {
    for (const [name] of rendered[k]!.files) {
      const sf = program.getSourceFile(path.join(project.dir, name))!;
      const errors = typeErrors(program, sf);
      if (errors.length > 0) throw new GeneratorBug(`generated program does not type-check (a generator bug):\n  ${errors.join('\n  ')}\n${showProgram(p, rendered[k]!.files)}`);
    }
  });
  timing.typeCheckMs += performance.now() - t0;
  t0 = performance.now();
  const out = items.map(({ index, program: p }, k) => {
    const r = rendered[k]!;
    const sf = program.getSourceFile(path.join(project.dir, r.files[0]![0]))!;
    const checked = analyzeAndCheck(program, sf, project.config);
    const s = score(p, checked.analysis.findings, r);
    return { program: p, index, counts: s.counts, mismatch: s.mismatch };
  });
  timing.analyzeMs += performance.now() - t0;
  return out;
}

/** Does a single program, alone in its own program, give the expected findings? */
export function programPasses(project: Project, p: GenProgram): boolean {
  const [o] = runBatch(project, [{ index: 0, program: p }], { programMs: 0, typeCheckMs: 0, analyzeMs: 0 }, 'shrink');
  return !o!.mismatch;
}

/**
 * fast-check shrinks a failing program to a minimal one that still fails. Program `index` of
 * a run is run `index` of fc.check with the run's seed, so replaying its path lets fast-check
 * shrink with full knowledge of how the value was generated.
 */
export function shrink(project: Project, seed: number, index: number, p: GenProgram): { minimal: GenProgram; text: string; mismatch: string } | undefined {
  const prop = fc.property(programArb, (q) => programPasses(project, q));
  let r = fc.check(prop, { seed, path: String(index) });
  // The replayed value must be the one that failed; otherwise shrink from the value itself.
  if (!r.failed || JSON.stringify(fc.sample(programArb, { seed, numRuns: index + 1 })[index]) !== JSON.stringify(p)) {
    r = fc.check(prop, { examples: [[p]], numRuns: 1 });
  }
  if (!r.failed || !r.counterexample) return undefined;
  const minimal = r.counterexample[0];
  const [o] = runBatch(project, [{ index: 0, program: minimal }], { programMs: 0, typeCheckMs: 0, analyzeMs: 0 }, 'shrink');
  const files = render(minimal, 'shrink-0').files;
  return { minimal, text: showProgram(minimal, files), mismatch: o!.mismatch ?? '(passes alone)' };
}

// ---------------------------------------------------------------------------------------
// Scores

export class Scoreboard {
  readonly total: Record<Rule, Counts> = { 'no-phi-in-prompt': zero(), 'approved-vendors': zero() };
  readonly blocks = new Map<string, { programs: number; counts: Record<Rule, Counts> }>();
  programs = 0;

  add(o: Outcome): void {
    this.programs++;
    for (const rule of RULES) addTo(this.total[rule], o.counts[rule]);
    for (const b of blocksOf(o.program)) {
      let e = this.blocks.get(b);
      if (!e) this.blocks.set(b, (e = { programs: 0, counts: { 'no-phi-in-prompt': zero(), 'approved-vendors': zero() } }));
      e.programs++;
      for (const rule of RULES) addTo(e.counts[rule], o.counts[rule]);
    }
  }

  /** The per-block table: programs with the block, and per rule TP/FP/FN, recall, precision. */
  table(): string {
    const head = `${'block'.padEnd(48)} ${'programs'.padStart(8)} | ${RULES.map((r) => `${r}: TP FP FN recall precision`).join(' | ')}`;
    const row = (name: string, n: number, c: Record<Rule, Counts>) =>
      `${name.padEnd(48)} ${String(n).padStart(8)} | ${RULES.map((r) => fmt(c[r], r.length)).join(' | ')}`;
    const order = ['source', 'hop', 'hops', 'redactor', 'sink', 'vendor'];
    const names = [...this.blocks.keys()].sort((a, b) => order.indexOf(a.split(':')[0]!) - order.indexOf(b.split(':')[0]!) || a.localeCompare(b, 'en', { numeric: true }));
    return [head, row('ALL', this.programs, this.total), ...names.map((n) => row(n, this.blocks.get(n)!.programs, this.blocks.get(n)!.counts))].join('\n');
  }
}

function zero(): Counts {
  return { tp: 0, fp: 0, fn: 0 };
}

function addTo(a: Counts, b: Counts): void {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
}

export function recall(c: Counts): number {
  return c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
}

export function precision(c: Counts): number {
  return c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
}

function fmt(c: Counts, width: number): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
  const s = `${String(c.tp).padStart(5)} ${String(c.fp).padStart(3)} ${String(c.fn).padStart(3)} ${pct(recall(c))} ${pct(precision(c))}`;
  return s.padStart(width + 28);
}
