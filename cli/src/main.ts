/**
 * `phi-guard scan|baseline|report`. Exit codes as CodeQL, Semgrep and ESLint users expect:
 * 0 nothing new, 1 new findings (or a file that could not be analyzed), 2 usage or
 * configuration error (the message names the file, the key path and the problem).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { baselineText, ConfigError, isBaselinable, loadBaselineIfPresent, type BaselineEntry } from '@phi-guard/core';
import { parseArgs, USAGE, UsageError, type Options } from './args';
import { markdownFindings, htmlFindings } from './format/findingsDoc';
import { jsonReport } from './format/json';
import { sarifLog } from './format/sarif';
import { stylish } from './format/stylish';
import { PathError } from './projects';
import { buildReport } from './report/model';
import { htmlReport } from './report/html';
import { markdownReport } from './report/markdown';
import { relative, scan, type ScanResult } from './scan';
import { VERSION } from './version';

export interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stderr is a terminal: progress by default, colours in stylish output. */
  stderrIsTTY: boolean;
  stdoutIsTTY: boolean;
}

const processIo = (): Io => ({
  cwd: process.cwd(),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTTY: !!process.stderr.isTTY,
  stdoutIsTTY: !!process.stdout.isTTY,
});

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let options: Options;
  try {
    const parsed = parseArgs(argv);
    if (parsed === 'help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (parsed === 'version') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    options = parsed;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`phi-guard: ${err.message}\nRun "phi-guard --help" for usage.\n`);
      return 2;
    }
    throw err;
  }
  try {
    return run(options, io);
  } catch (err) {
    if (err instanceof ConfigError) {
      // Names the file, the line and column, the key path and the problem.
      io.stderr(`phi-guard: ${err.message}\n`);
      return 2;
    }
    if (err instanceof PathError || err instanceof UsageError) {
      io.stderr(`phi-guard: ${err.message}\n`);
      return 2;
    }
    io.stderr(`phi-guard: internal error: ${(err as Error)?.stack ?? err}\n`);
    return 2;
  }
}

function run(options: Options, io: Io): number {
  const progress = progressReporter(options, io);
  const result = scan({
    paths: options.paths,
    cwd: io.cwd,
    root: options.root,
    baseline: options.baseline,
    noBaseline: options.noBaseline,
    timeBudgetMs: options.timeBudgetMs,
    allFiles: options.allFiles,
    onProgress: progress,
  });
  progress?.(-1, 0, result.elapsedMs);
  for (const w of result.warnings) io.stderr(`phi-guard: warning: ${w}\n`);
  switch (options.command) {
    case 'baseline':
      return writeBaselines(result, options, io);
    case 'report': {
      const model = buildReport(result);
      const text = options.format === 'html' ? htmlReport(model) : options.format === 'json' ? `${JSON.stringify(model, null, 2)}\n` : markdownReport(model);
      emit(text, options, io);
      return 0;
    }
    case 'scan': {
      const text = formatScan(result, options, io);
      emit(text, options, io);
      reportStale(result, options, io);
      const open = result.findings.filter((f) => f.status === 'new').length;
      return open > 0 ? 1 : 0;
    }
  }
}

function formatScan(result: ScanResult, options: Options, io: Io): string {
  switch (options.format) {
    case 'json':
      return jsonReport(result);
    case 'sarif':
      return `${JSON.stringify(sarifLog(result), null, 2)}\n`;
    case 'markdown':
      return markdownFindings(result);
    case 'html':
      return htmlFindings(result);
    default:
      return stylish(result, !options.output && io.stdoutIsTTY);
  }
}

function emit(text: string, options: Options, io: Io): void {
  if (!options.output) {
    io.stdout(text);
    return;
  }
  const file = path.resolve(io.cwd, options.output);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** Baseline entries that match nothing any more: say so (the file should shrink), or remove them with --prune. */
function reportStale(result: ScanResult, options: Options, io: Io): void {
  if (result.stale.length === 0) return;
  const byFile = new Map<string, BaselineEntry[]>();
  for (const { baseline, entry } of result.stale) byFile.set(baseline.file, [...(byFile.get(baseline.file) ?? []), entry]);
  for (const [file, entries] of byFile) {
    const name = relative(io.cwd, file) || file;
    if (options.prune) {
      const baseline = loadBaselineIfPresent(file)!;
      const stale = new Set(entries.map((e) => `${e.file}|${e.fingerprint}`));
      const kept = baseline.entries.filter((e) => !stale.has(`${e.file}|${e.fingerprint}`));
      fs.writeFileSync(file, baselineText(kept));
      io.stderr(`phi-guard: removed ${entries.length} baseline entr${entries.length === 1 ? 'y' : 'ies'} that no longer match from ${name} (${kept.length} left)\n`);
    } else {
      io.stderr(`phi-guard: ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} of ${name} no longer match a finding (fixed or changed); remove ${entries.length === 1 ? 'it' : 'them'} with "phi-guard scan --prune":\n`);
      for (const e of entries) io.stderr(`  ${e.file} ${e.rule} ${e.fingerprint}${e.message ? `: ${e.message}` : ''}\n`);
    }
  }
}

/**
 * `phi-guard baseline`: for each baseline file that covers scanned files, the entries of today's
 * findings in those files (reasons carried over by fingerprint), and every entry for files
 * that were not scanned, unchanged. Suppressed findings need no entry; failed files get none.
 */
function writeBaselines(result: ScanResult, options: Options, io: Io): number {
  const byTarget = new Map<string, BaselineEntry[]>();
  for (const [target] of result.scannedByBaseline) byTarget.set(target, []);
  for (const f of result.findings) {
    if (f.status === 'suppressed' || !isBaselinable(f.finding)) continue;
    const file = relative(path.dirname(f.baselineFile), f.finding.range.fileName);
    byTarget.get(f.baselineFile)!.push({
      fingerprint: f.baselineFingerprint,
      rule: f.finding.ruleId,
      file,
      message: f.finding.message,
      reason: f.status === 'baselined' ? (f.justification ?? '') : '',
    });
  }
  for (const [target, fresh] of byTarget) {
    const previous = options.noBaseline ? undefined : loadBaselineIfPresent(target);
    const scanned = result.scannedByBaseline.get(target)!;
    const reasons = new Map((previous?.entries ?? []).map((e) => [`${e.file}|${e.fingerprint}`, e.reason]));
    const entries = fresh.map((e) => ({ ...e, reason: reasons.get(`${e.file}|${e.fingerprint}`) || e.reason || options.reason || '' }));
    const others = (previous?.entries ?? []).filter((e) => !scanned.has(e.file));
    if (entries.length === 0 && others.length === 0 && !previous) continue;
    fs.writeFileSync(target, baselineText([...others, ...entries]));
    const added = entries.filter((e) => !reasons.has(`${e.file}|${e.fingerprint}`)).length;
    const now = new Set(entries.map((e) => `${e.file}|${e.fingerprint}`));
    const removed = (previous?.entries ?? []).filter((e) => scanned.has(e.file) && !now.has(`${e.file}|${e.fingerprint}`)).length;
    io.stderr(`phi-guard: wrote ${others.length + entries.length} entr${others.length + entries.length === 1 ? 'y' : 'ies'} to ${relative(io.cwd, target) || target} (${added} new, ${removed} removed); fill in "reason" for each.\n`);
  }
  return 0;
}

/** Files done and elapsed time on stderr: redrawn in place on a terminal, a line every 2 s otherwise. */
function progressReporter(options: Options, io: Io): ((done: number, total: number, elapsedMs: number) => void) | undefined {
  const enabled = options.progress ?? io.stderrIsTTY;
  if (!enabled) return undefined;
  let last = 0;
  let total = 0;
  let shown = false;
  return (done, n, elapsedMs) => {
    if (done < 0) {
      if (shown) io.stderr(io.stderrIsTTY ? '\r\u001b[K' : '');
      io.stderr(`phi-guard: ${total} files analyzed in ${(elapsedMs / 1000).toFixed(1)} s\n`);
      return;
    }
    total = n;
    const now = Date.now();
    if (done !== 0 && done !== n && now - last < (io.stderrIsTTY ? 100 : 2000)) return;
    last = now;
    const text = `phi-guard: ${done}/${n} files, ${(elapsedMs / 1000).toFixed(1)} s`;
    if (io.stderrIsTTY) io.stderr(`\r\u001b[K${text}`);
    else io.stderr(`${text}\n`);
    shown = true;
  };
}
