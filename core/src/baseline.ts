/**
 * Baselines: findings a team accepted (legacy code), recorded by fingerprint in
 * `phi-guard.baseline.json` beside `phi-guard.config.json`, so that CI fails only on new ones.
 *
 * A fingerprint never contains a line number: it hashes the rule, the file (relative to the
 * baseline's folder), the reported expression's text and the LLM call's text with whitespace
 * removed, the vendor, and each PHI with the text and file of the expression it was read from.
 * An edit elsewhere in the file keeps it; a new flow into the same call (other PHI, another
 * expression) does not match. Equal fingerprints in one file (the same code twice) are told
 * apart by their order in the file (`:0`, `:1`...).
 *
 * The CLI, the ESLint rules and the language server all filter with `matchBaseline`.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { ConfigError } from './config/errors';
import type { ResolvedConfig } from './config/types';
import type { Finding, SourceRange } from './findings';

export const BASELINE_FILE_NAME = 'phi-guard.baseline.json';
export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  /** Relative to the baseline's folder, with `/`. */
  file: string;
  /** For people reading the file; matching uses the fingerprint only. */
  message: string;
  /** Why the team accepted this finding; filled in by the team, carried over by `phi-guard baseline`. */
  reason: string;
}

export interface Baseline {
  /** Absolute path of the baseline file. */
  file: string;
  entries: BaselineEntry[];
}

/** Whitespace-free text of a range: formatting changes do not move a fingerprint. */
function normalizedText(range: SourceRange, textOf: (fileName: string) => string | undefined): string {
  const text = textOf(range.fileName);
  return text === undefined ? '' : text.slice(range.start, range.end).replace(/\s+/g, '');
}

function relativeTo(root: string, fileName: string): string {
  return path.relative(root, fileName).split(path.sep).join('/');
}

/**
 * Fingerprints of one file's findings, in the order given (sort by position first: the
 * occurrence suffix counts equal hashes from the top of the file). `root` is the folder file
 * names are taken relative to (the baseline's folder; the repository root for SARIF).
 */
export function fingerprintFindings(findings: readonly Finding[], root: string, textOf: (fileName: string) => string | undefined): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const sources = (f.origins ?? (f.phi ?? []).map((phi) => ({ phi, flow: f.flow })))
      .map((o) => {
        const source = o.flow[0];
        return source ? `${o.phi}@${relativeTo(root, source.range.fileName)}:${normalizedText(source.range, textOf)}` : o.phi;
      })
      .sort();
    const parts = [
      f.ruleId,
      f.kind,
      relativeTo(root, f.range.fileName),
      normalizedText(f.range, textOf),
      f.call ? normalizedText(f.call.range, textOf) : '',
      f.vendor?.id ?? '',
      ...sources,
    ];
    const hash = createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
    const n = seen.get(hash) ?? 0;
    seen.set(hash, n + 1);
    return `${hash}:${n}`;
  });
}

/** Findings that are never baselined: a file that could not be analyzed stays unverified. */
export function isBaselinable(f: Finding): boolean {
  return f.kind !== 'analysis-failed';
}

export interface BaselineMatch {
  /** Findings not in the baseline. */
  kept: Finding[];
  /** Findings the baseline accepts, with their entry. */
  accepted: { finding: Finding; entry: BaselineEntry }[];
  /** Fingerprints of every finding given (same order), for writing or pruning a baseline. */
  fingerprints: string[];
}

/** Splits one file's findings (sorted by position) into new ones and accepted ones. */
export function matchBaseline(
  findings: readonly Finding[],
  baseline: Baseline | undefined,
  textOf: (fileName: string) => string | undefined,
  used?: Set<BaselineEntry>,
): BaselineMatch {
  const root = baseline ? path.dirname(baseline.file) : process.cwd();
  const fingerprints = fingerprintFindings(findings, root, textOf);
  if (!baseline || baseline.entries.length === 0) return { kept: [...findings], accepted: [], fingerprints };
  const byFingerprint = entriesByFingerprint(baseline);
  const kept: Finding[] = [];
  const accepted: { finding: Finding; entry: BaselineEntry }[] = [];
  findings.forEach((finding, i) => {
    const file = relativeTo(root, finding.range.fileName);
    const entry = isBaselinable(finding) ? byFingerprint.get(fingerprints[i]!)?.find((e) => e.file === file) : undefined;
    if (entry) {
      accepted.push({ finding, entry });
      used?.add(entry);
    } else kept.push(finding);
  });
  return { kept, accepted, fingerprints };
}

const indexes = new WeakMap<Baseline, Map<string, BaselineEntry[]>>();
function entriesByFingerprint(baseline: Baseline): Map<string, BaselineEntry[]> {
  let index = indexes.get(baseline);
  if (!index) {
    index = new Map();
    for (const e of baseline.entries) {
      const list = index.get(e.fingerprint);
      if (list) list.push(e);
      else index.set(e.fingerprint, [e]);
    }
    indexes.set(baseline, index);
  }
  return index;
}

/** The baseline that applies with this config: `phi-guard.baseline.json` beside the config file, if there is one. */
export function baselineFor(config: ResolvedConfig): Baseline | undefined {
  if (!config.configFile) return undefined;
  const file = path.join(path.dirname(config.configFile), BASELINE_FILE_NAME);
  return loadBaselineIfPresent(file);
}

const cache = new Map<string, { stamp: string; baseline: Baseline }>();

/** Reads a baseline file (cached by path, mtime and size); undefined when it does not exist. Throws ConfigError when it is malformed. */
export function loadBaselineIfPresent(file: string): Baseline | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    // Safe: without a baseline nothing is hidden, so every finding is shown (fails closed).
    cache.delete(file);
    return undefined;
  }
  const stamp = `${stat.mtimeMs}:${stat.size}`;
  const hit = cache.get(file);
  if (hit?.stamp === stamp) return hit.baseline;
  const baseline = parseBaselineText(fs.readFileSync(file, 'utf8'), file);
  cache.set(file, { stamp, baseline });
  return baseline;
}

/** Parses and checks a baseline file's text; every error names the file, the key path and the problem. */
export function parseBaselineText(text: string, file: string): Baseline {
  const json = ts.parseJsonText(file, text);
  const parseErrors = (json as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  if (parseErrors.length > 0) {
    const d = parseErrors[0]!;
    throw issue(file, json, d.start ?? 0, d.length ?? 0, '', ts.flattenDiagnosticMessageText(d.messageText, ' '));
  }
  const top = json.statements[0]?.expression;
  if (!top || !ts.isObjectLiteralExpression(top)) throw issue(file, json, 0, 0, '', 'must be a JSON object with "version" and "findings"');
  const version = property(top, 'version');
  if (!version || !ts.isNumericLiteral(version) || Number(version.text) !== BASELINE_VERSION) {
    throw issue(file, json, (version ?? top).getStart(json), (version ?? top).getEnd(), 'version', `must be ${BASELINE_VERSION}`);
  }
  const list = property(top, 'findings');
  if (!list || !ts.isArrayLiteralExpression(list)) throw issue(file, json, (list ?? top).getStart(json), (list ?? top).getEnd(), 'findings', 'must be an array');
  const entries: BaselineEntry[] = [];
  list.elements.forEach((element, i) => {
    const at = `findings[${i}]`;
    if (!ts.isObjectLiteralExpression(element)) throw issue(file, json, element.getStart(json), element.getEnd(), at, 'must be an object');
    const field = (name: keyof BaselineEntry, required: boolean): string => {
      const value = property(element, name);
      if (!value) {
        if (required) throw issue(file, json, element.getStart(json), element.getEnd(), `${at}.${name}`, 'is missing');
        return '';
      }
      if (!ts.isStringLiteral(value)) throw issue(file, json, value.getStart(json), value.getEnd(), `${at}.${name}`, 'must be a string');
      return value.text;
    };
    const fingerprint = field('fingerprint', true);
    if (!/^[0-9a-f]{32}:\d+$/.test(fingerprint)) {
      const value = property(element, 'fingerprint')!;
      throw issue(file, json, value.getStart(json), value.getEnd(), `${at}.fingerprint`, `"${fingerprint}" is not a PHI Guard fingerprint (32 hex digits, ":", a number)`);
    }
    entries.push({ fingerprint, rule: field('rule', true), file: field('file', true), message: field('message', false), reason: field('reason', false) });
  });
  return { file, entries };
}

function property(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && (ts.isStringLiteral(p.name) || ts.isIdentifier(p.name)) && p.name.text === name) return p.initializer;
  }
  return undefined;
}

function issue(file: string, sf: ts.SourceFile, start: number, end: number, keyPath: string, problem: string): ConfigError {
  const { line, character } = sf.getLineAndCharacterOfPosition(start);
  return new ConfigError(file, { keyPath, problem, start, end, line: line + 1, column: character + 1 });
}

/** The text of a baseline file for these entries: stable order, so that diffs show what changed. */
export function baselineText(entries: readonly BaselineEntry[]): string {
  const sorted = [...entries].sort((a, b) => a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule) || a.fingerprint.localeCompare(b.fingerprint));
  return `${JSON.stringify({ version: BASELINE_VERSION, findings: sorted }, null, 2)}\n`;
}

/**
 * For adapters that see one file at a time (ESLint, the editor): the findings left once the
 * baseline beside the config accepts its entries. Throws ConfigError for a malformed baseline.
 */
export function withoutBaselined(findings: readonly Finding[], config: ResolvedConfig, program: ts.Program): Finding[] {
  const baseline = baselineFor(config);
  if (!baseline || findings.length === 0) return [...findings];
  const sorted = [...findings].sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
  const kept = new Set(matchBaseline(sorted, baseline, (f) => program.getSourceFile(f)?.text).kept);
  return findings.filter((f) => kept.has(f));
}
