/** Command-line arguments: `phi-guard <command> [options] [paths...]`. Usage errors exit 2. */

export type Command = 'scan' | 'baseline' | 'report';
export type ScanFormat = 'stylish' | 'json' | 'sarif' | 'markdown' | 'html';
export const SCAN_FORMATS: readonly ScanFormat[] = ['stylish', 'json', 'sarif', 'markdown', 'html'];
export const REPORT_FORMATS: readonly ScanFormat[] = ['markdown', 'html', 'json'];

export interface Options {
  command: Command;
  paths: string[];
  format: ScanFormat;
  output?: string;
  /** true: always; false: never; undefined: when stderr is a terminal. */
  progress?: boolean;
  /** A baseline file to use for every file instead of the one beside each config. */
  baseline?: string;
  noBaseline: boolean;
  /** scan: rewrite the baseline without entries that no longer match. */
  prune: boolean;
  /** baseline: the reason recorded for new entries. */
  reason?: string;
  /** Folder SARIF URIs and fingerprints are relative to (%SRCROOT%); default the current folder. */
  root?: string;
  timeBudgetMs?: number;
  /** Analyze every file, also those that import nothing leading to an LLM call. */
  allFiles: boolean;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage: phi-guard <command> [options] [paths...]

Commands:
  scan [paths]       Analyze the TypeScript/JavaScript files under paths (default ".") and print
                     the findings with their flow paths. Exit 1 on findings, 2 on a usage or
                     configuration error, 0 otherwise.
  baseline [paths]   Write phi-guard.baseline.json beside phi-guard.config.json with today's
                     findings (fingerprints, not line numbers), keeping the reasons already there.
  report [paths]     The LLM data map: every LLM call site, its vendor, model and BAA status,
                     the PHI categories (HIPAA Safe Harbor) that reach it, redactors, suppressions.

Options:
  -f, --format <f>   scan: stylish (default), json, sarif, markdown, html; report: markdown (default), html, json
  -o, --output <file> Write the result to a file instead of stdout
  --progress         Progress on stderr (files done, elapsed) even when stderr is not a terminal
  --no-progress      No progress, even on a terminal
  --baseline <file>  Use this baseline file instead of phi-guard.baseline.json beside each config
  --no-baseline      scan: report every finding, ignoring baselines
  --prune            scan: remove baseline entries that no longer match any finding
  --reason <text>    baseline: the reason recorded for entries that have none yet
  --root <dir>       Folder that SARIF URIs and fingerprints are relative to (default: current folder)
  --time-budget <ms> Per-file analysis budget (default 10000, as in ESLint)
  --all-files        Also build and analyze the files that import nothing leading to an LLM call
                     (by default they are left out of the program: they cannot hold a finding)
  -h, --help         This text
  -v, --version      The version`;

export function parseArgs(argv: readonly string[]): Options | 'help' | 'version' {
  const args = [...argv];
  if (args.length === 0 || args[0] === '-h' || args[0] === '--help' || args[0] === 'help') return 'help';
  if (args[0] === '-v' || args[0] === '--version') return 'version';
  const command = args.shift()!;
  if (command !== 'scan' && command !== 'baseline' && command !== 'report') {
    throw new UsageError(`unknown command "${command}" (expected scan, baseline or report)`);
  }
  const options: Options = { command, paths: [], format: command === 'report' ? 'markdown' : 'stylish', noBaseline: false, prune: false, allFiles: false };
  let formatGiven = false;
  const value = (flag: string): string => {
    const v = args.shift();
    if (v === undefined || (v.startsWith('-') && v.length > 1)) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  while (args.length > 0) {
    let arg = args.shift()!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    if (eq > 0) {
      args.unshift(arg.slice(eq + 1));
      arg = arg.slice(0, eq);
    }
    switch (arg) {
      case '-h':
      case '--help':
        return 'help';
      case '-f':
      case '--format': {
        const f = value(arg) as ScanFormat;
        const allowed = command === 'report' ? REPORT_FORMATS : command === 'scan' ? SCAN_FORMATS : [];
        if (!allowed.includes(f)) throw new UsageError(`${command} does not write format "${f}"${allowed.length ? ` (expected ${allowed.join(', ')})` : ''}`);
        options.format = f;
        formatGiven = true;
        break;
      }
      case '-o':
      case '--output':
        options.output = value(arg);
        break;
      case '--progress':
        options.progress = true;
        break;
      case '--no-progress':
        options.progress = false;
        break;
      case '--baseline':
        options.baseline = value(arg);
        break;
      case '--no-baseline':
        options.noBaseline = true;
        break;
      case '--prune':
        if (command !== 'scan') throw new UsageError('--prune belongs to scan');
        options.prune = true;
        break;
      case '--reason':
        if (command !== 'baseline') throw new UsageError('--reason belongs to baseline');
        options.reason = value(arg);
        break;
      case '--root':
        options.root = value(arg);
        break;
      case '--all-files':
        options.allFiles = true;
        break;
      case '--time-budget': {
        const v = value(arg);
        const n = Number(v);
        if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--time-budget must be a positive number of milliseconds, not "${v}"`);
        options.timeBudgetMs = n;
        break;
      }
      case '--':
        options.paths.push(...args.splice(0));
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
        options.paths.push(arg);
    }
  }
  if (options.prune && options.noBaseline) throw new UsageError('--prune and --no-baseline contradict each other');
  if (!formatGiven && options.output && command !== 'baseline') {
    // `-o report.sarif` without --format: take the format from the extension, as users expect.
    const ext = options.output.toLowerCase().split('.').pop();
    const byExt: Record<string, ScanFormat> = { sarif: 'sarif', json: 'json', md: 'markdown', html: 'html', htm: 'html' };
    const f = ext ? byExt[ext] : undefined;
    if (f && (command === 'report' ? REPORT_FORMATS : SCAN_FORMATS).includes(f)) options.format = f;
  }
  if (options.paths.length === 0) options.paths.push('.');
  return options;
}
