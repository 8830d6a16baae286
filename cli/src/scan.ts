/**
 * One run over the files under the given paths: projects, programs, the engine, ESLint
 * directive comments (as the rules honour them) and baselines. Formats read the result.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  analyzeFile,
  BASELINE_FILE_NAME,
  failClosedFindings,
  honouredDirectives,
  isSuppressed,
  llmReach,
  loadBaselineIfPresent,
  loadConfigForFile,
  matchBaseline,
  parseDirectives,
  fingerprintFindings,
  type Baseline,
  type BaselineEntry,
  type CallSite,
  type Finding,
  type ResolvedConfig,
} from '@phi-guard/core';
import ts from 'typescript';
import { buildProgram, collectFiles, planProjects } from './projects';

export type FindingStatus = 'new' | 'suppressed' | 'baselined';

export interface ReportedFinding {
  finding: Finding;
  /** Stable across unrelated edits: relative to the scan root (SARIF partialFingerprints). */
  fingerprint: string;
  status: FindingStatus;
  /** The `-- reason` of the eslint-disable comment, or the baseline entry's reason. */
  justification?: string;
  /** The baseline file that covers this finding's file (it may not exist yet), and the fingerprint relative to it. */
  baselineFile: string;
  baselineFingerprint: string;
}

export interface FileResult {
  fileName: string;
  findings: ReportedFinding[];
  callSites: CallSite[];
  /** The file could not be analyzed (fail closed): why. */
  failure?: string;
  /** Left out: it imports nothing that leads to an LLM call, so it cannot hold a finding (see llmReach). */
  unreachable?: boolean;
  config: ResolvedConfig;
}

export interface ScanResult {
  /** Folder that relative paths and fingerprints are taken from. */
  root: string;
  files: FileResult[];
  /** Every finding of every file, in file then position order. */
  findings: ReportedFinding[];
  /** Baseline entries for scanned files that matched no finding (fixed, or changed). */
  stale: { baseline: Baseline; entry: BaselineEntry }[];
  /** Baselines consulted. */
  baselines: Baseline[];
  /** For each baseline file that covers scanned files (existing or not): those files, relative to it. */
  scannedByBaseline: Map<string, Set<string>>;
  /** tsconfig problems and other warnings for stderr. */
  warnings: string[];
  projects: number;
  elapsedMs: number;
}

export interface ScanOptions {
  paths: string[];
  cwd: string;
  root?: string;
  baseline?: string;
  noBaseline?: boolean;
  timeBudgetMs?: number;
  /** Build and analyze every file, not only those whose imports can lead to an LLM call. */
  allFiles?: boolean;
  onProgress?: (done: number, total: number, elapsedMs: number) => void;
}

export function scan(options: ScanOptions): ScanResult {
  const started = Date.now();
  const root = path.resolve(options.cwd, options.root ?? '.');
  const files = collectFiles(options.paths, options.cwd);
  const plans = planProjects(files);
  const warnings = plans.flatMap((p) => p.configErrors);
  // Config errors are fatal (exit 2), before any analysis: read every file's config first.
  const configs = new Map<string, ResolvedConfig>();
  for (const file of files) configs.set(file, loadConfigForFile(file));

  const explicitBaseline = options.baseline ? path.resolve(options.cwd, options.baseline) : undefined;
  const cwdBaseline = path.join(options.cwd, BASELINE_FILE_NAME);
  // Beside the config (as ESLint and the editor read it); with no config, in the current folder.
  const targetOf = (config: ResolvedConfig): string =>
    explicitBaseline ?? (config.configFile ? path.join(path.dirname(config.configFile), BASELINE_FILE_NAME) : cwdBaseline);
  const baselineOf = (config: ResolvedConfig): Baseline | undefined => (options.noBaseline ? undefined : loadBaselineIfPresent(targetOf(config)));

  const results: FileResult[] = [];
  const used = new Set<BaselineEntry>();
  const baselines = new Set<Baseline>();
  const scannedByTarget = new Map<string, Set<string>>();
  let done = 0;
  options.onProgress?.(0, files.length, 0);
  for (const plan of plans) {
    const unparsable = new Map<string, string>();
    const texts = new Map<string, string | undefined>();
    const readFile = (f: string): string | undefined => {
      if (texts.has(f)) return texts.get(f);
      const text = ts.sys.readFile(f);
      texts.set(f, text);
      return text;
    };
    const reach = options.allFiles ? undefined : llmReach(plan.rootNames, plan.options, [...new Set(plan.files.map((f) => configs.get(f)!))], readFile);
    // With project references the program maps imports of their outputs to their sources (a
    // build that never ran still resolves); llmReach's resolutions do not, so they are not reused.
    const resolutionCache = plan.projectReferences?.length ? undefined : reach?.resolutionCache;
    const program = buildProgram(plan, unparsable, reach && { rootNames: reach.rootNames, resolutionCache, readFile });
    texts.clear();
    const textOf = (f: string) => program.getSourceFile(f)?.text;
    for (const fileName of plan.files) {
      const config = configs.get(fileName)!;
      const sourceFile = program.getSourceFile(fileName);
      if (!sourceFile && reach?.unreachable.has(path.normalize(fileName))) {
        const target = targetOf(config);
        let scanned = scannedByTarget.get(target);
        if (!scanned) scannedByTarget.set(target, (scanned = new Set()));
        scanned.add(relative(path.dirname(target), fileName));
        const baseline = baselineOf(config);
        if (baseline) baselines.add(baseline);
        results.push({ fileName, findings: [], callSites: [], unreachable: true, config });
        done++;
        continue;
      }
      const parseProblem = unparsable.get(path.normalize(fileName));
      if (parseProblem) {
        const findings = notAnalyzed(fileName, parseProblem).map((finding) => ({ finding, fingerprint: '', baselineFile: targetOf(config), baselineFingerprint: '', status: 'new' as const }));
        results.push({ fileName, findings, callSites: [], failure: findings[0]!.finding.message, config });
        done++;
        continue;
      }
      if (!sourceFile) {
        warnings.push(`${fileName}: TypeScript did not load this file in ${plan.configFile ?? 'the inferred project'}`);
        results.push({ fileName, findings: [], callSites: [], failure: 'TypeScript did not load the file', config });
        continue;
      }
      const analysis = analyzeFile(program, sourceFile, config, { timeBudgetMs: options.timeBudgetMs });
      const baseline = baselineOf(config);
      const target = targetOf(config);
      if (baseline) baselines.add(baseline);
      let scanned = scannedByTarget.get(target);
      if (!scanned) scannedByTarget.set(target, (scanned = new Set()));
      scanned.add(relative(path.dirname(target), fileName));
      const matched = matchBaseline(analysis.findings, baseline, textOf, used);
      const baselineFingerprints = baseline ? matched.fingerprints : fingerprintFindings(analysis.findings, path.dirname(target), textOf);
      const where = (i: number) => ({ fingerprint: fingerprints[i]!, baselineFile: target, baselineFingerprint: baselineFingerprints[i]! });
      const accepted = new Map(matched.accepted.map((a) => [a.finding, a.entry]));
      const fingerprints = fingerprintFindings(analysis.findings, root, textOf);
      const directives = parseDirectives(sourceFile.text, fileName);
      const findings: ReportedFinding[] = analysis.findings.map((finding, i) => {
        const entry = accepted.get(finding);
        if (entry) return { finding, ...where(i), status: 'baselined', justification: entry.reason };
        // As in the editor: only a directive with a reason hides a finding, and a fail-closed
        // one only when it also names the rule (core/src/directives.ts).
        if (isSuppressed(finding.range.startPos, finding.ruleId, honouredDirectives(directives, finding.kind === 'analysis-failed'))) {
          return { finding, ...where(i), status: 'suppressed', justification: justificationAt(finding, directives) };
        }
        return { finding, ...where(i), status: 'new' };
      });
      const failed = analysis.findings.find((f) => f.kind === 'analysis-failed');
      results.push({ fileName, findings, callSites: analysis.callSites, failure: failed?.message, config });
      done++;
      options.onProgress?.(done, files.length, Date.now() - started);
    }
  }
  const stale: { baseline: Baseline; entry: BaselineEntry }[] = [];
  for (const baseline of baselines) {
    const scanned = scannedByTarget.get(baseline.file)!;
    for (const entry of baseline.entries) {
      const fileGone = !fs.existsSync(path.join(path.dirname(baseline.file), entry.file));
      if (!used.has(entry) && (scanned.has(entry.file) || fileGone)) stale.push({ baseline, entry });
    }
  }
  results.sort((a, b) => a.fileName.localeCompare(b.fileName));
  return {
    root,
    files: results,
    findings: results.flatMap((r) => r.findings),
    stale,
    baselines: [...baselines],
    scannedByBaseline: scannedByTarget,
    warnings,
    projects: plans.length,
    elapsedMs: Date.now() - started,
  };
}

/** Fail closed with the engine's `analysis-failed` findings, at the file's start (its text may not be readable). */
function notAnalyzed(fileName: string, why: string): Finding[] {
  return failClosedFindings({ fileName, start: 0, end: 0, startPos: { line: 0, character: 0 }, endPos: { line: 0, character: 0 } }, why);
}

/** The reason of the directive that hides the finding: the nearest one before it that names its rule or every rule. */
function justificationAt(finding: Finding, directives: ReturnType<typeof parseDirectives>): string | undefined {
  const candidates = directives.filter(
    (d) => d.type !== 'enable' && (!d.rules || d.rules.some((r) => r === `phi-guard/${finding.ruleId}`)) && d.comment.startPos.line <= finding.range.startPos.line,
  );
  const nearest = candidates[candidates.length - 1];
  return nearest?.justification || undefined;
}

export function relative(root: string, fileName: string): string {
  return path.relative(root, fileName).split(path.sep).join('/');
}

export function newFindings(result: ScanResult): ReportedFinding[] {
  return result.findings.filter((f) => f.status === 'new');
}
