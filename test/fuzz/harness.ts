/**
 * Shared machinery of the crash fuzzer: a corpus of real-looking sources, a deterministic
 * mutator, cheap per-mutant programs (one CompilerHost per project whose lib and SDK source
 * files are parsed once), and the invariants every engine result must satisfy.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from 'eslint-plugin-phi-guard';
import { analyzeFile, loadConfigForFile, RULE_IDS, type FileAnalysis, type ResolvedConfig, type SourceRange } from '@phi-guard/core';

export const repoRoot = path.resolve(__dirname, '../../..');

// ---------------------------------------------------------------------------------------
// Run size and seed: CI defaults, overridable by environment or `--runs N` / `--seed S`.

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i >= 0 && i + 1 < process.argv.length) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

function intSetting(env: string, arg: string | undefined, fallback: number): number {
  const raw = (arg !== undefined ? argValue(arg) : undefined) ?? process.env[env];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${env}: expected a non-negative integer, got "${raw}"`);
  return n;
}

/** The default seed is fixed so CI runs replay exactly; the printed seed replays any run. */
export const DEFAULT_SEED = 20_260_605;
export const settings = {
  seed: intSetting('PHI_GUARD_FUZZ_SEED', '--seed', DEFAULT_SEED),
  /** Mutants fed to the engine. */
  runs: intSetting('PHI_GUARD_FUZZ_RUNS', '--runs', 1000),
  /** Labeled programs made by the generator (labeled.test.ts). */
  programs: intSetting('PHI_GUARD_GEN_PROGRAMS', '--programs', 1000),
  /** Mutants also linted through ESLint's Linter (slower); default a tenth of the runs. */
  eslintRuns: -1,
  /** Per-file engine budget given to analyzeFile. */
  budgetMs: intSetting('PHI_GUARD_FUZZ_BUDGET_MS', undefined, 2000),
  /** How far past the budget a call may return before it counts as a hang. */
  slackMs: intSetting('PHI_GUARD_FUZZ_SLACK_MS', undefined, 3000),
};
settings.eslintRuns = intSetting('PHI_GUARD_FUZZ_ESLINT_RUNS', '--eslint-runs', Math.max(50, Math.ceil(settings.runs / 10)));

// ---------------------------------------------------------------------------------------
// Projects and programs.

export interface Project {
  name: string;
  dir: string;
  options: ts.CompilerOptions;
  host: ts.CompilerHost;
  /** Files the fuzzer mutates (absolute paths). */
  corpus: string[];
  config: ResolvedConfig;
  /** The previous program, so TypeScript reuses module resolutions of unchanged files. */
  last?: ts.Program;
}

/** Parsed once per process: lib files, SDK declarations, unchanged project files. */
const sourceCache = new Map<string, ts.SourceFile | undefined>();
const fileExistsCache = new Map<string, boolean>();
const directoryExistsCache = new Map<string, boolean>();
const realpathCache = new Map<string, string>();

function cached<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
  let v = cache.get(key);
  if (v === undefined) cache.set(key, (v = compute(key)));
  return v;
}

function readProjectOptions(dir: string): ts.CompilerOptions {
  const configPath = path.join(dir, 'tsconfig.json');
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dir, undefined, configPath);
  return { ...parsed.options, noEmit: true };
}

export function makeProject(name: string, dir: string, corpus: string[]): Project {
  const options = readProjectOptions(dir);
  const base = ts.createCompilerHost(options, true);
  const host: ts.CompilerHost = {
    ...base,
    getSourceFile(fileName, lang, onError) {
      const key = path.resolve(fileName);
      const virtual = currentOverlay.get(key);
      if (virtual !== undefined) return ts.createSourceFile(fileName, virtual, lang, true);
      if (!sourceCache.has(key)) sourceCache.set(key, base.getSourceFile(fileName, lang, onError));
      return sourceCache.get(key);
    },
    fileExists: (f) => currentOverlay.has(path.resolve(f)) || cached(fileExistsCache, f, (x) => base.fileExists(x)),
    readFile: (f) => currentOverlay.get(path.resolve(f)) ?? base.readFile(f),
    // Module resolution probes the same node_modules paths for every program: the disk does not change.
    directoryExists: base.directoryExists ? (d) => cached(directoryExistsCache, d, (x) => base.directoryExists!(x)) : undefined,
    realpath: base.realpath ? (f) => cached(realpathCache, f, (x) => base.realpath!(x)) : undefined,
  };
  return { name, dir, options, host, corpus, config: loadConfigForFile(path.join(dir, 'x.ts')) };
}

/**
 * TypeScript's parser ran out of stack on the input. Its recursion depth per nesting level
 * depends on which of its functions V8 has optimized so far, so the same text can parse in one
 * call and overflow in the next: tests of deep nesting fall back to a shallower input on this.
 */
export class ParserStackOverflow extends Error {
  constructor(readonly fileName: string) {
    super(`TypeScript's parser ran out of stack on ${path.basename(fileName)}`);
  }
}

/** Files whose text replaces (or adds to) what is on disk, for the program being built. */
let currentOverlay = new Map<string, string>();

/**
 * A program whose `files` (absolute path -> text) replace or add to the project's files;
 * the first file is the one analyzed. Unchanged files come from the shared cache.
 */
export function programFor(project: Project, files: Map<string, string>): { program: ts.Program; sourceFile: ts.SourceFile } {
  currentOverlay = files;
  try {
    const roots = [...files.keys()];
    let program: ts.Program;
    try {
      program = ts.createProgram({ rootNames: roots, options: project.options, host: project.host, oldProgram: project.last });
    } catch (err) {
      // Creating a program parses but neither binds nor checks: a stack overflow here is TypeScript's parser.
      if (err instanceof RangeError && /call stack/.test(err.message)) throw new ParserStackOverflow(roots[0]!);
      throw err;
    }
    project.last = program;
    const sourceFile = program.getSourceFile(roots[0]!);
    if (!sourceFile) throw new Error(`harness: ${roots[0]} is not in the program`);
    return { program, sourceFile };
  } finally {
    currentOverlay = new Map();
  }
}

export function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTs(full));
    else if (/\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out.sort();
}

/** The example app and the rule fixture: the two real-looking projects in the repository. */
export function defaultProjects(): Project[] {
  const app = path.join(repoRoot, 'examples/telehealth-app');
  const fixture = path.join(repoRoot, 'eslint-plugin/tests/fixture');
  return [makeProject('telehealth-app', app, listTs(path.join(app, 'src'))), makeProject('rule-fixture', fixture, listTs(fixture))];
}

// ---------------------------------------------------------------------------------------
// The mutator. Ops carry raw numbers; they are reduced modulo the token or line count when
// applied, so any op list is valid for any file and fast-check can shrink freely.

export const OP_KINDS = [
  'delete-token',
  'duplicate-token',
  'swap-tokens',
  'swap-adjacent-tokens',
  'replace-token-same-kind',
  'insert-token',
  'delete-line',
  'duplicate-line',
  'swap-lines',
  'move-line',
  'truncate',
  'delete-span',
  'replace-expression',
  'delete-statement',
  'duplicate-statement',
  'swap-statements',
  'delete-list-element',
] as const;
export type OpKind = (typeof OP_KINDS)[number];
/** Ops that usually keep the file parseable (so ESLint's parser lets the rules run). */
export const SYNTAX_KEEPING_OPS: readonly OpKind[] = ['replace-token-same-kind', 'replace-expression', 'delete-statement', 'duplicate-statement', 'swap-statements', 'delete-list-element', 'swap-lines', 'duplicate-line'];
export interface Op {
  kind: OpKind;
  a: number;
  b: number;
}

/** Tokens that half-typed code is made of. */
const INSERTS = ['(', ')', '{', '}', '[', ']', '`', '${', "'", '"', ',', ';', '.', '...', '=>', '=', '?', ':', '<', '>', 'await', 'async', 'function', 'class', 'new', 'return', 'this', 'import', 'export', 'yield', '/**', '*/', '/** @phi */', '//', '\n', 'as any', '!', '?.', '@', '#x', 'enum', 'declare', 'satisfies'];

interface Token {
  kind: ts.SyntaxKind;
  start: number;
  end: number;
}

export function tokenize(text: string): Token[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const tokens: Token[] = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    tokens.push({ kind, start: scanner.getTokenStart(), end: scanner.getTokenEnd() });
    if (tokens.length > 200_000) break;
  }
  return tokens;
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/** Nodes in expression position, statements, and elements of comma lists, for the AST-level ops. */
function astNodes(text: string): { expressions: ts.Node[]; statements: ts.Node[]; elements: ts.Node[] } {
  const sf = ts.createSourceFile('mutant.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const expressions: ts.Node[] = [];
  const statements: ts.Node[] = [];
  const elements: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    const p = node.parent;
    if (
      p &&
      ((ts.isCallExpression(p) && p.arguments.includes(node as ts.Expression)) ||
        (ts.isNewExpression(p) && p.arguments?.includes(node as ts.Expression)) ||
        (ts.isPropertyAssignment(p) && p.initializer === node) ||
        (ts.isVariableDeclaration(p) && p.initializer === node) ||
        (ts.isTemplateSpan(p) && p.expression === node) ||
        (ts.isReturnStatement(p) && p.expression === node) ||
        (ts.isBinaryExpression(p) && (p.left === node || p.right === node)) ||
        (ts.isArrayLiteralExpression(p) && p.elements.includes(node as ts.Expression)) ||
        (ts.isAwaitExpression(p) && p.expression === node) ||
        (ts.isPropertyAccessExpression(p) && p.expression === node) ||
        (ts.isConditionalExpression(p) && p !== node) ||
        (ts.isArrowFunction(p) && p.body === node && !ts.isBlock(node)))
    ) {
      expressions.push(node);
    }
    if (p && (ts.isSourceFile(p) || ts.isBlock(p) || ts.isModuleBlock(p) || ts.isCaseClause(p)) && (p.statements as readonly ts.Node[]).includes(node)) statements.push(node);
    if (p && (ts.isClassDeclaration(p) || ts.isInterfaceDeclaration(p)) && (p.members as readonly ts.Node[]).includes(node)) statements.push(node);
    if (
      p &&
      ((ts.isCallExpression(p) && p.arguments.includes(node as ts.Expression)) ||
        (ts.isArrayLiteralExpression(p) && p.elements.includes(node as ts.Expression)) ||
        (ts.isObjectLiteralExpression(p) && (p.properties as readonly ts.Node[]).includes(node)) ||
        (ts.isFunctionLike(p) && (p.parameters as readonly ts.Node[]).includes(node)) ||
        (ts.isNamedImports(p) && (p.elements as readonly ts.Node[]).includes(node)))
    ) {
      elements.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { expressions, statements, elements };
}

function applyAstOp(text: string, op: Op): string {
  const { expressions, statements, elements } = astNodes(text);
  const span = (n: ts.Node): [number, number] => [n.getStart(), n.getEnd()];
  switch (op.kind) {
    case 'replace-expression': {
      if (expressions.length === 0) return text;
      const [s, e] = span(expressions[op.a % expressions.length]!);
      const [fs, fe] = span(expressions[op.b % expressions.length]!);
      return splice(text, s, e, text.slice(fs, fe));
    }
    case 'delete-statement':
    case 'duplicate-statement': {
      if (statements.length === 0) return text;
      const [s, e] = span(statements[op.a % statements.length]!);
      return op.kind === 'delete-statement' ? splice(text, s, e, '') : splice(text, e, e, `\n${text.slice(s, e)}`);
    }
    case 'swap-statements': {
      if (statements.length === 0) return text;
      const [x, y] = [span(statements[op.a % statements.length]!), span(statements[op.b % statements.length]!)].sort((m, n) => m[0] - n[0]) as [[number, number], [number, number]];
      if (x[1] > y[0]) return text; // nested or the same statement
      return text.slice(0, x[0]) + text.slice(y[0], y[1]) + text.slice(x[1], y[0]) + text.slice(x[0], x[1]) + text.slice(y[1]);
    }
    case 'delete-list-element': {
      if (elements.length === 0) return text;
      const [s, e] = span(elements[op.a % elements.length]!);
      const comma = /^\s*,/.exec(text.slice(e));
      return splice(text, s, comma ? e + comma[0].length : e, '');
    }
  }
  return text;
}

export function applyOp(text: string, op: Op): string {
  if (op.kind === 'replace-expression' || op.kind.endsWith('statement') || op.kind.endsWith('statements') || op.kind === 'delete-list-element') return applyAstOp(text, op);
  if (op.kind.endsWith('line') || op.kind.endsWith('lines')) {
    const lines = text.split('\n');
    const i = op.a % lines.length;
    const j = op.b % lines.length;
    switch (op.kind) {
      case 'delete-line':
        lines.splice(i, 1);
        break;
      case 'duplicate-line':
        lines.splice(i, 0, lines[i]!);
        break;
      case 'swap-lines':
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        break;
      case 'move-line': {
        const [l] = lines.splice(i, 1);
        lines.splice(j % (lines.length + 1), 0, l!);
        break;
      }
    }
    return lines.join('\n');
  }
  if (op.kind === 'truncate') return text.slice(0, op.a % (text.length + 1));
  if (op.kind === 'delete-span') {
    const start = op.a % (text.length + 1);
    return splice(text, start, Math.min(text.length, start + (op.b % 200)), '');
  }
  if (op.kind === 'insert-token') {
    const tokens = tokenize(text);
    const at = tokens.length === 0 ? 0 : tokens[op.a % tokens.length]!.start;
    return splice(text, at, at, ` ${INSERTS[op.b % INSERTS.length]} `);
  }
  const tokens = tokenize(text);
  if (tokens.length === 0) return text;
  const t = tokens[op.a % tokens.length]!;
  const word = text.slice(t.start, t.end);
  switch (op.kind) {
    case 'delete-token':
      return splice(text, t.start, t.end, '');
    case 'duplicate-token':
      return splice(text, t.end, t.end, ` ${word}`);
    case 'swap-tokens':
    case 'swap-adjacent-tokens': {
      const u = op.kind === 'swap-adjacent-tokens' ? tokens[(op.a + 1) % tokens.length]! : tokens[op.b % tokens.length]!;
      if (u === t) return text;
      const [x, y] = t.start < u.start ? [t, u] : [u, t];
      return text.slice(0, x.start) + text.slice(y.start, y.end) + text.slice(x.end, y.start) + text.slice(x.start, x.end) + text.slice(y.end);
    }
    case 'replace-token-same-kind': {
      // Keeps the syntax, breaks the meaning: another identifier, string or keyword of the file.
      const same = tokens.filter((u) => u.kind === t.kind);
      const u = same[op.b % same.length]!;
      return splice(text, t.start, t.end, text.slice(u.start, u.end));
    }
  }
  return text;
}

export function mutate(text: string, ops: readonly Op[]): string {
  return ops.reduce(applyOp, text);
}

// ---------------------------------------------------------------------------------------
// Invariants.

export interface Checked {
  analysis: FileAnalysis;
  wallMs: number;
  /** Fail-closed findings caused by an internal error (an engine bug, even though it failed closed). */
  internalError?: string;
  budgetRanOut: boolean;
}

/**
 * Runs analyzeFile and checks the contract: it returns (never throws) within the budget
 * plus slack, every range lies inside its file with consistent line/character positions,
 * and a file that could not be analyzed gets the fail-closed finding for both rules.
 * Throws an Error describing the first violation.
 */
export function analyzeAndCheck(program: ts.Program, sourceFile: ts.SourceFile, config: ResolvedConfig, budgetMs = settings.budgetMs): Checked {
  const t0 = performance.now();
  let analysis: FileAnalysis;
  try {
    analysis = analyzeFile(program, sourceFile, config, { timeBudgetMs: budgetMs });
  } catch (err) {
    throw new Error(`analyzeFile threw: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
  const wallMs = performance.now() - t0;
  if (wallMs > budgetMs + settings.slackMs) throw new Error(`analyzeFile took ${wallMs.toFixed(0)} ms with a budget of ${budgetMs} ms (hang)`);
  checkAnalysis(program, sourceFile, analysis);
  const failed = analysis.findings.filter((f) => f.kind === 'analysis-failed');
  const internal = failed.find((f) => f.message.includes('an internal error occurred'));
  return { analysis, wallMs, internalError: internal?.message, budgetRanOut: failed.some((f) => f.message.includes('time budget')) };
}

function checkRange(program: ts.Program, r: SourceRange, what: string): void {
  const sf = program.getSourceFile(r.fileName);
  if (!sf) throw new Error(`${what}: range in ${r.fileName}, which is not in the program`);
  const n = sf.text.length;
  if (!(Number.isInteger(r.start) && Number.isInteger(r.end) && 0 <= r.start && r.start <= r.end && r.end <= n)) {
    throw new Error(`${what}: range [${r.start}, ${r.end}) is not inside ${path.basename(r.fileName)} (length ${n})`);
  }
  const s = sf.getLineAndCharacterOfPosition(r.start);
  const e = sf.getLineAndCharacterOfPosition(r.end);
  if (s.line !== r.startPos.line || s.character !== r.startPos.character || e.line !== r.endPos.line || e.character !== r.endPos.character) {
    throw new Error(`${what}: positions ${JSON.stringify([r.startPos, r.endPos])} do not match offsets [${r.start}, ${r.end}) (${JSON.stringify([s, e])})`);
  }
}

export function checkAnalysis(program: ts.Program, sf: ts.SourceFile, a: FileAnalysis): void {
  if (a.fileName !== sf.fileName) throw new Error(`analysis is for ${a.fileName}, not ${sf.fileName}`);
  if (!Array.isArray(a.findings) || !Array.isArray(a.callSites)) throw new Error('analysis has no findings or callSites array');
  a.findings.forEach((f, i) => {
    const what = `finding ${i} (${f.ruleId}/${f.kind})`;
    if (!RULE_IDS.includes(f.ruleId)) throw new Error(`${what}: unknown rule id`);
    if (typeof f.message !== 'string' || f.message.trim() === '' || (f.kind !== 'analysis-failed' && /undefined|\[object /.test(f.message))) throw new Error(`${what}: bad message ${JSON.stringify(f.message)}`);
    if (f.range.fileName !== sf.fileName) throw new Error(`${what}: reported in ${f.range.fileName}, not in the analyzed file`);
    checkRange(program, f.range, what);
    f.flow.forEach((s, k) => checkRange(program, s.range, `${what} flow step ${k}`));
    if (f.call) checkRange(program, f.call.range, `${what} call`);
    for (const fix of f.fixes) {
      let last = -1;
      for (const e of [...fix.edits].sort((x, y) => x.start - y.start)) {
        const file = program.getSourceFile(e.fileName);
        if (!file || e.start < 0 || e.start > e.end || e.end > file.text.length) throw new Error(`${what}: fix edit [${e.start}, ${e.end}) outside ${e.fileName}`);
        if (e.start < last) throw new Error(`${what}: overlapping fix edits`);
        last = e.end;
      }
    }
  });
  const failed = a.findings.filter((f) => f.kind === 'analysis-failed');
  if (failed.length > 0 && new Set(failed.map((f) => f.ruleId)).size !== RULE_IDS.length) {
    throw new Error('a file that could not be analyzed must get the fail-closed finding for every rule');
  }
  a.callSites.forEach((c, i) => checkRange(program, c.call.range, `call site ${i}`));
}

/** A short, replayable description of a failure for the test output. */
export function describeMutant(file: string, ops: readonly Op[], text: string): string {
  const shown = text.length > 4000 ? `${text.slice(0, 4000)}\n... (${text.length} characters)` : text;
  return `mutant of ${path.relative(repoRoot, file)} by ${JSON.stringify(ops)}:\n-----\n${shown}\n-----`;
}

// ---------------------------------------------------------------------------------------
// ESLint: the plugin's rules through ESLint's Linter and typescript-eslint's parser, on a
// program built for the text (the same thing typed linting gives the rules).

const linters = new Map<Project, Linter>();

/**
 * Lints `files` (the first is linted) with both rules on. Throws if ESLint throws (a crash);
 * a parse error comes back as ESLint's own fatal message.
 */
export function lint(project: Project, files: Map<string, string>): Linter.LintMessage[] {
  const [file, text] = [...files][0]!;
  const { program } = programFor(project, files);
  let linter = linters.get(project);
  if (!linter) linters.set(project, (linter = new Linter({ cwd: project.dir })));
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      plugins: { 'phi-guard': plugin as never },
      languageOptions: { parser: tsParser as never, parserOptions: { programs: [program], projectService: false } },
      rules: { 'phi-guard/no-phi-in-prompt': 'error', 'phi-guard/approved-vendors': 'error' },
    },
  ];
  try {
    return linter.verify(text, config, { filename: file });
  } catch (err) {
    throw new Error(`ESLint crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
}

/**
 * Checks ESLint's messages: no fatal message except ESLint's own parse error, every message
 * from a PHI Guard rule and inside the file. Returns "line rule" keys, or undefined when
 * ESLint stopped at a parse error.
 */
export function checkLintMessages(text: string, messages: Linter.LintMessage[]): string[] | undefined {
  const fatal = messages.filter((m) => m.fatal);
  if (fatal.length > 0) {
    for (const m of fatal) if (m.ruleId !== null || !/^Parsing error:/.test(m.message)) throw new Error(`unexpected fatal message: ${JSON.stringify(m)}`);
    return undefined;
  }
  const lineCount = text.split(/\r\n|\r|\n|\u2028|\u2029/).length;
  for (const m of messages) {
    if (!m.ruleId?.startsWith('phi-guard/')) throw new Error(`unexpected message: ${JSON.stringify(m)}`);
    if (!(m.line >= 1 && m.line <= lineCount && m.column >= 1)) throw new Error(`message outside the file: ${JSON.stringify(m)}`);
  }
  return messages.map((m) => `${m.line} ${m.ruleId!.slice('phi-guard/'.length)}`).sort();
}
