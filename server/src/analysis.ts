/**
 * Runs the engine on one file of its project's current program, hides what ESLint directives
 * hide, and keeps the result for code actions, the inventory and the status bar. Any exception
 * becomes a diagnostic on that file; nothing here may throw to the caller.
 */
import * as path from 'node:path';
import * as ts from 'typescript';
import { analyzeFile, hasRealReason, honouredDirectives, isSuppressed, parseDirectives, unhonouredSuppressionOf, withoutBaselined, type CallSite, type Finding, type ResolvedConfig } from './engine';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { ConfigManager } from './configs';
import { failureDiagnostic, findingToDiagnostic } from './diagnostics';
import type { FileStore } from './files';
import type { DisplayPath } from './hover';
import type { ProjectManager } from './projects';
import type { Settings } from './settings';

/** Test hook: analysis of a file whose name ends with this throws, to prove failures stay local. */
const FAIL_ON = process.env.PHI_GUARD_TEST_FAIL_ON;
const NO_REASON = 'An eslint-disable comment covers this line but gives no reason, so it does not hide a PHI Guard finding: write why after "--".';
const NOT_NAMED = 'An eslint-disable comment covers this line, but a finding that the file is unchecked is hidden only by a comment that names its rule.';
/** Test hooks for the client's crash and hang handling: an error outside every guard, a busy loop. */
const CRASH_ON = process.env.PHI_GUARD_TEST_CRASH_ON;
const HANG_ON = process.env.PHI_GUARD_TEST_HANG_ON;

/**
 * A failure with a message meant for the user as it is (the file, not the server, is the
 * problem), and where in the file it applies.
 */
export class FileFailure extends Error {
  constructor(message: string) {
    super(message);
  }
}

export interface FileResult {
  fileName: string;
  /** Version of the open document analyzed, or null for a file read from disk. */
  version: number | null;
  /** Findings after eslint-disable directives; `diagnostics[i].data.finding` indexes this. */
  findings: Finding[];
  diagnostics: Diagnostic[];
  callSites: CallSite[];
  config: ResolvedConfig | undefined;
  elapsedMs: number;
  /** The file is not (fully) analyzed: its diagnostics include a fail-closed one. */
  failed?: boolean;
}

export interface AnalyzerOptions {
  /** Passed to the engine; undefined means its default. The same as ESLint's, for equal findings. */
  timeBudgetMs?: number;
  /** How flow steps name their files; absolute paths when not given. */
  displayPath?: DisplayPath;
}

export class Analyzer {
  private readonly results = new Map<string, FileResult>();

  constructor(
    private readonly files: FileStore,
    private readonly projects: ProjectManager,
    private readonly configs: ConfigManager,
    private readonly log: (message: string) => void,
    private readonly options: AnalyzerOptions = {},
  ) {}

  analyze(fileName: string, settings: Settings): FileResult {
    const started = Date.now();
    const version = this.files.openDocument(fileName)?.version ?? null;
    let result: FileResult;
    try {
      result = this.run(fileName, version, settings);
    } catch (error) {
      // Fails closed: the file carries a diagnostic saying it is unchecked.
      if (!(error instanceof FileFailure)) this.log(`analysis of ${fileName} failed: ${(error as Error)?.stack ?? error}`);
      const text = this.files.exists(fileName) ? this.files.text(fileName) : undefined;
      result = { fileName, version, findings: [], diagnostics: [failureDiagnostic(error, text)], callSites: [], config: undefined, elapsedMs: 0, failed: true };
    }
    result.elapsedMs = Date.now() - started;
    this.results.set(fileName, result);
    return result;
  }

  /** Drops a file's result (deleted, excluded, or PHI Guard disabled). */
  forget(fileName: string): void {
    this.results.delete(fileName);
  }

  result(fileName: string): FileResult | undefined {
    return this.results.get(fileName);
  }

  allResults(): FileResult[] {
    return [...this.results.values()];
  }

  /** Files whose last analysis failed closed. */
  failedFiles(): string[] {
    return this.allResults().filter((r) => r.failed).map((r) => r.fileName);
  }

  private run(fileName: string, version: number | null, settings: Settings): FileResult {
    if (FAIL_ON && fileName.endsWith(FAIL_ON)) throw new Error('injected failure (PHI_GUARD_TEST_FAIL_ON)');
    if (CRASH_ON && fileName.endsWith(CRASH_ON)) {
      setImmediate(() => {
        throw new Error('injected crash (PHI_GUARD_TEST_CRASH_ON)');
      });
    }
    if (HANG_ON && fileName.endsWith(HANG_ON)) for (;;);
    const unreadable = this.files.unreadableReason(fileName);
    if (unreadable) throw new FileFailure(`PHI Guard did not read this file: ${unreadable}`);
    const project = this.projects.projectFor(fileName);
    let program: ts.Program | undefined;
    try {
      program = project.program();
    } catch (error) {
      throw new FileFailure(programFailure(project.key, project.rootFileNames(), fileName, error, (f) => this.files.text(f)));
    }
    const sourceFile = program?.getSourceFile(fileName);
    if (!program || !sourceFile) throw new Error(`TypeScript did not load ${fileName} in ${project.key}`);
    if (project.referenceFailures.length > 0) {
      throw new FileFailure(`a project this file's project references could not be read (${project.referenceFailures.join('; ')}), so flows through it are unknown`);
    }
    const { config, error } = this.configs.forFile(fileName);
    if (!config) {
      throw new FileFailure(
        `${error?.fileName ?? 'phi-guard.config.json'} is invalid and no valid version of it was loaded in this session (${error?.issues[0]?.problem ?? error?.message}); ` +
          `ESLint stops on it too. Fix the configuration`,
      );
    }
    // An open document is what the user edits next (see AnalyzeOptions.edited).
    const analysis = analyzeFile(program, sourceFile, config, { timeBudgetMs: this.options.timeBudgetMs, edited: version !== null });
    const directives = parseDirectives(sourceFile.text, fileName);
    // A PHI Guard finding is hidden only by a directive with a reason (`-- why`); a fail-closed
    // one only by a directive that also names its rule: a bare `eslint-disable-line` written
    // for something else on that line must not hide "this file is unchecked".
    // Like ESLint: findings accepted in phi-guard.baseline.json (beside the config) are not shown.
    const findings = withoutBaselined(analysis.findings, config, program)
      .filter((f) => !isSuppressed(f.range.startPos, f.ruleId, honouredDirectives(directives, f.kind === 'analysis-failed')))
      .map((f) => {
        const unhonoured = unhonouredSuppressionOf(f.range.startPos, f.ruleId, directives, f.kind === 'analysis-failed');
        return unhonoured ? { ...f, message: `${f.message} (${hasRealReason(unhonoured) ? NOT_NAMED : NO_REASON})` } : f;
      });
    const diagnostics: Diagnostic[] = [];
    findings.forEach((finding, index) => {
      const diagnostic = findingToDiagnostic(finding, index, version, settings, this.options.displayPath ?? ((f) => f));
      if (diagnostic) diagnostics.push(diagnostic);
    });
    const failed = analysis.findings.some((f) => f.kind === 'analysis-failed');
    return { fileName, version, findings, diagnostics, callSites: analysis.callSites, config, elapsedMs: analysis.elapsedMs, failed };
  }
}

/**
 * TypeScript could not build the program (its parser or binder ran out of stack on one file).
 * The message names the file that did it, found by parsing each root alone, so the file that
 * is to blame says so and its siblings say where to look.
 */
function programFailure(projectKey: string, roots: readonly string[], fileName: string, error: unknown, textOf: (f: string) => string | undefined): string {
  const reason = error instanceof Error ? error.message : String(error);
  let culprit: string | undefined;
  for (const root of roots.includes(fileName) ? [fileName, ...roots] : roots) {
    const text = textOf(root);
    if (text === undefined) continue;
    try {
      ts.createSourceFile(root, text, ts.ScriptTarget.Latest, false);
    } catch {
      // This is the search itself: a root that throws is the culprit.
      culprit = root;
      break;
    }
  }
  if (culprit === fileName) return `TypeScript cannot parse this file (${reason}): it nests too deeply`;
  const where = culprit ? `${path.relative(path.dirname(fileName), culprit) || culprit} nests too deeply to parse` : `the cause was not found in ${projectKey}`;
  return `TypeScript could not build this file's program (${reason}; ${where}). This file is analyzed again when that changes`;
}
