/** Helpers for the CLI tests: the real `phi-guard` bin in a child process, real ESLint, throwaway fixture copies. */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const BIN = path.join(REPO_ROOT, 'cli/bin/phi-guard.js');

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `phi-guard` as a user would (a separate process, the installed bin). */
export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, ...env } });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export interface JsonFinding {
  ruleId: string;
  kind: string;
  message: string;
  file: string;
  line: number;
  column: number;
  status: 'new' | 'suppressed' | 'baselined';
  justification?: string;
  fingerprint: string;
  phi: string[];
  origins: { phi: string; flow: { kind: string; description: string; file: string; line: number; column: number }[] }[];
}

export function scanJson(args: string[], cwd: string): { status: number; findings: JsonFinding[]; stderr: string; report: Record<string, unknown> } {
  const r = runCli(['scan', '--format', 'json', '--no-progress', ...args], cwd);
  if (r.status === 2) throw new Error(`phi-guard exited 2: ${r.stderr}`);
  const report = JSON.parse(r.stdout) as { findings: JsonFinding[] };
  return { status: r.status, findings: report.findings, stderr: r.stderr, report };
}

export interface LintRequest {
  cwd: string;
  patterns: string[];
  /** Lint with the plugin's recommended config on these globs instead of the folder's eslint.config.js. */
  recommended?: { files: string[]; allowDefaultProject: string[] };
}

/** ESLint in a child process (typescript-eslint keeps one project service per process), the same script test/server/parity.test.ts runs. */
const LINT_SCRIPT = path.join(REPO_ROOT, 'test/support/eslint-child.cjs');

export interface LintMessage {
  file: string;
  ruleId: string | null;
  line: number;
  column: number;
  message: string;
}

export function eslintMessages(request: LintRequest): LintMessage[] {
  const out = execFileSync(process.execPath, [LINT_SCRIPT, JSON.stringify(request)], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  const outcome = JSON.parse(out) as { results: { filePath: string; messages: Omit<LintMessage, 'file'>[] }[] } | { stopped: string };
  if ('stopped' in outcome) throw new Error(`ESLint stopped: ${outcome.stopped}`);
  const results = outcome.results;
  return results.flatMap((r) => r.messages.map((m) => ({ ...m, file: path.relative(request.cwd, r.filePath).split(path.sep).join('/') })));
}

/** A copy of a folder in the OS temp folder, with a `node_modules` link to the repository's so the real SDKs resolve. */
export function copyFolder(source: string, name = path.basename(source)): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `phi-guard-cli-${name}-`));
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const target = path.join(root, name);
  fs.cpSync(source, target, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
  return target;
}

export function removeCopy(folder: string): void {
  fs.rmSync(path.dirname(folder), { recursive: true, force: true });
}
