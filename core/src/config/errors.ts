import * as path from 'node:path';

/** One problem in a config file, located by key path and by position in the text. */
export interface ConfigIssue {
  /** Like `approvedVendors[1].regions` or `phi.fields.include[0]`; "" for the whole file. */
  keyPath: string;
  /** Short message, without the file or key path: `"open-ai" is not a known vendor id (...)`. */
  problem: string;
  /** Offsets of the offending key or value in the text (UTF-16 code units). */
  start: number;
  end: number;
  /** 1-based, as people and ESLint count. */
  line: number;
  column: number;
  /**
   * A generic JSON tool finds this problem too: `json-syntax` any JSON parser, `json-schema` a
   * validator with core/schema (an editor that validates with the schema reports it itself).
   */
  alsoFoundBy?: 'json-syntax' | 'json-schema';
  /** Text that fixes the problem when it replaces `start`..`end` (a misspelled key, a vendor id). */
  replacement?: string;
}

/**
 * A config file that cannot be used. ESLint fails with it; the editor shows `issues` as
 * diagnostics in the config file and keeps the last good configuration.
 */
export class ConfigError extends Error implements ConfigIssue {
  override readonly name = 'ConfigError';
  readonly fileName: string;
  readonly keyPath: string;
  readonly problem: string;
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  /** Every problem found, in the order of the text; the first is the one this error names. */
  readonly issues: readonly ConfigIssue[];

  constructor(fileName: string, issue: ConfigIssue, issues: readonly ConfigIssue[] = [issue]) {
    const where = `${fileName}:${issue.line}:${issue.column}`;
    const what = issue.keyPath ? `${issue.keyPath}: ${issue.problem}` : issue.problem;
    super(`${path.basename(fileName)} is invalid: ${where}: ${what}`);
    this.fileName = fileName;
    this.keyPath = issue.keyPath;
    this.problem = issue.problem;
    this.start = issue.start;
    this.end = issue.end;
    this.line = issue.line;
    this.column = issue.column;
    this.issues = issues;
  }
}

/** An error about the file as a whole (unreadable, too large), placed at its first character. */
export function fileError(fileName: string, problem: string): ConfigError {
  return new ConfigError(fileName, { keyPath: '', problem, start: 0, end: 0, line: 1, column: 1 });
}
