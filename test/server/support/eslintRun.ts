/**
 * ESLint with eslint-plugin-phi-guard, run in a child process: typescript-eslint keeps one
 * project service per process, with the first call's allowDefaultProject, so each folder gets
 * a fresh process (as in CI). Used by the parity tests, with and without faults.
 */
import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from './lspClient';

export interface LintRequest {
  cwd: string;
  patterns: string[];
  /** Lint with the plugin's recommended config on these globs instead of the folder's eslint.config.js. */
  recommended?: { files: string[]; allowDefaultProject: string[] };
}

export interface LintResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; message: string; fatal?: boolean }[];
}

/** What ESLint printed: its results, or the error that stopped the whole run (a broken config). */
export type LintOutcome = { results: LintResult[] } | { stopped: string };

const LINT_SCRIPT = `
const { ESLint } = require('eslint');
const request = JSON.parse(process.argv[1]);
(async () => {
  let options = { cwd: request.cwd };
  if (request.recommended) {
    const recommended = require('eslint-plugin-phi-guard').configs.recommended;
    options = {
      cwd: request.cwd,
      overrideConfigFile: true,
      overrideConfig: [{
        ...recommended,
        files: request.recommended.files,
        languageOptions: {
          ...recommended.languageOptions,
          parserOptions: {
            projectService: { allowDefaultProject: request.recommended.allowDefaultProject, maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 1000 },
            tsconfigRootDir: request.cwd,
          },
        },
      }],
    };
  }
  let out;
  try {
    const results = await new ESLint(options).lintFiles(request.patterns);
    out = { results: results.map((r) => ({ filePath: r.filePath, messages: r.messages.map((m) => ({ ruleId: m.ruleId, line: m.line, message: m.message, fatal: m.fatal })) })) };
  } catch (e) {
    out = { stopped: String(e && e.message || e) };
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(2); });
`;

export function runEslint(request: LintRequest): LintOutcome {
  const out = execFileSync(process.execPath, ['-e', LINT_SCRIPT, JSON.stringify(request)], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out) as LintOutcome;
}
