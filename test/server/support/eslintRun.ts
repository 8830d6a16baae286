/**
 * ESLint with eslint-plugin-phi-guard, run in a child process: typescript-eslint keeps one
 * project service per process, with the first call's allowDefaultProject, so each folder gets
 * a fresh process (as in CI). Used by the parity tests, with and without faults.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from './lspClient';

export interface LintRequest {
  cwd: string;
  patterns: string[];
  /** Lint with the plugin's recommended config on these globs instead of the folder's eslint.config.js. */
  recommended?: { files: string[]; allowDefaultProject: string[] };
}

export interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string; fatal?: boolean }[];
}

/** What ESLint printed: its results, or the error that stopped the whole run (a broken config). */
export type LintOutcome = { results: LintResult[] } | { stopped: string };

/** The child's script, shared with the CLI's tests. */
const LINT_SCRIPT = path.join(REPO_ROOT, 'test/support/eslint-child.cjs');

export function runEslint(request: LintRequest): LintOutcome {
  const out = execFileSync(process.execPath, [LINT_SCRIPT, JSON.stringify(request)], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out) as LintOutcome;
}
