import * as path from 'node:path';
import type { Finding } from '@phi-guard/core';
import { recordedFindings } from './util/flows';

/**
 * An ESLint formatter (`npx eslint . -f ./node_modules/eslint-plugin-phi-guard/formatter.js`):
 * each problem on one line like ESLint's default, and under each PHI Guard finding the path the
 * PHI took: where it was read, each place it went through, the LLM call. It ends with how many
 * of the linted files PHI Guard checked, and fails the run (exit 2) when that is none: a
 * configuration whose `files` match nothing must not look like a clean run.
 */

interface LintMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line?: number;
  column?: number;
  fatal?: boolean;
}

interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
}

interface FormatterContext {
  cwd?: string;
}

interface ESLintLike {
  calculateConfigForFile(filePath: string): Promise<{ rules?: Record<string, unknown> } | undefined>;
}

const RULES = ['phi-guard/no-phi-in-prompt', 'phi-guard/approved-vendors'];
const STEP_LABEL: Record<string, string> = { source: 'PHI source: ', step: '', sink: 'LLM call: ' };
const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

export async function format(results: LintResult[], context: FormatterContext = {}): Promise<string> {
  const cwd = context.cwd ?? process.cwd();
  const rel = (f: string) => path.relative(cwd, f) || f;
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
    if (result.messages.length === 0) continue;
    out.push('', rel(result.filePath));
    const findings = recordedFindings(result.filePath);
    for (const m of result.messages) {
      const where = `${m.line ?? 0}:${m.column ?? 0}`;
      out.push(`  ${where.padEnd(7)} ${m.severity === 2 ? 'error  ' : 'warning'}  ${m.message}  ${m.ruleId ?? ''}`.trimEnd());
      if (!m.ruleId || !RULES.includes(m.ruleId)) continue;
      const finding = findings?.find((f) => `phi-guard/${f.ruleId}` === m.ruleId && f.range.startPos.line + 1 === m.line && f.range.startPos.character + 1 === m.column);
      if (!findings) {
        if (m.ruleId === 'phi-guard/no-phi-in-prompt') out.push('          (flow path not available: linted in another thread or read from the ESLint cache)');
        continue;
      }
      finding?.flow.forEach((step, i) => {
        const at = `${rel(step.range.fileName)}:${step.range.startPos.line + 1}:${step.range.startPos.character + 1}`;
        out.push(`          ${i + 1}. ${STEP_LABEL[step.kind] ?? ''}${step.description}  (${at})`);
      });
    }
  }
  const problems = errors + warnings;
  out.push('', problems === 0 ? 'No problems.' : `${problems} problem${problems === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`);
  const coverage = await governed(results, cwd);
  if (coverage) {
    const sources = results.filter((r) => SOURCE_FILE.test(r.filePath));
    const checked = sources.filter((r) => coverage.has(r.filePath));
    if (checked.length === 0) {
      throw new Error(
        `PHI Guard checked none of the ${results.length} file(s) ESLint linted: no file matched a configuration with the phi-guard rules on. ` +
          `Check the \`files\` patterns in eslint.config.js (configs.recommended covers **/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}) and the paths given to eslint.`,
      );
    }
    out.push(`PHI Guard checked ${checked.length} of ${sources.length} TypeScript/JavaScript file${sources.length === 1 ? '' : 's'}.`);
    const unchecked = sources.filter((r) => !coverage.has(r.filePath));
    if (unchecked.length > 0) {
      out.push(`Not checked (no phi-guard rules on): ${unchecked.slice(0, 10).map((r) => rel(r.filePath)).join(', ')}${unchecked.length > 10 ? `, and ${unchecked.length - 10} more` : ''}`);
    }
  }
  return out.join('\n') + '\n';
}

/** The linted files on which a PHI Guard rule is on, per ESLint's own config resolution. */
async function governed(results: LintResult[], cwd: string): Promise<Set<string> | undefined> {
  let eslint: ESLintLike;
  try {
    // eslint is a peer dependency: the user's own, the one running this formatter.
    const { ESLint } = require(require.resolve('eslint', { paths: [cwd, __dirname] })) as { ESLint: new (o: { cwd: string }) => ESLintLike };
    eslint = new ESLint({ cwd });
  } catch {
    return undefined;
  }
  const on = new Set<string>();
  for (const r of results) {
    // Analyzed in this thread or reported by a rule: checked, whatever config file ESLint was given (-c).
    if (recordedFindings(r.filePath) || r.messages.some((m) => m.ruleId && RULES.includes(m.ruleId))) {
      on.add(r.filePath);
      continue;
    }
    let config: { rules?: Record<string, unknown> } | undefined;
    try {
      config = await eslint.calculateConfigForFile(r.filePath);
    } catch {
      return undefined;
    }
    if (RULES.some((rule) => isOn(config?.rules?.[rule]))) on.add(r.filePath);
  }
  return on;
}

function isOn(setting: unknown): boolean {
  const level = Array.isArray(setting) ? setting[0] : setting;
  return level === 2 || level === 1 || level === 'error' || level === 'warn';
}

export type { Finding };
