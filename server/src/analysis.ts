/**
 * Runs the engine on one file of its project's current program, hides what ESLint directives
 * hide, and keeps the result for code actions, the inventory and the status bar. Any exception
 * becomes a diagnostic on that file; nothing here may throw to the caller.
 */
import { analyzeFile, isSuppressed, parseDirectives, withoutBaselined, type CallSite, type Finding, type ResolvedConfig } from './engine';
import type { Diagnostic } from 'vscode-languageserver/node';
import type { ConfigManager } from './configs';
import { failureDiagnostic, findingToDiagnostic } from './diagnostics';
import type { FileStore } from './files';
import type { ProjectManager } from './projects';
import type { Settings } from './settings';

/** Test hook: analysis of a file whose name ends with this throws, to prove failures stay local. */
const FAIL_ON = process.env.PHI_GUARD_TEST_FAIL_ON;

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
}

export interface AnalyzerOptions {
  /** Passed to the engine; undefined means its default. The same as ESLint's, for equal findings. */
  timeBudgetMs?: number;
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
      this.log(`analysis of ${fileName} failed: ${(error as Error)?.stack ?? error}`);
      result = { fileName, version, findings: [], diagnostics: [failureDiagnostic(error)], callSites: [], config: undefined, elapsedMs: 0 };
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

  private run(fileName: string, version: number | null, settings: Settings): FileResult {
    if (FAIL_ON && fileName.endsWith(FAIL_ON)) throw new Error('injected failure (PHI_GUARD_TEST_FAIL_ON)');
    const project = this.projects.projectFor(fileName);
    const program = project.program();
    const sourceFile = program?.getSourceFile(fileName);
    if (!program || !sourceFile) throw new Error(`TypeScript did not load ${fileName} in ${project.key}`);
    const { config } = this.configs.forFile(fileName);
    const analysis = analyzeFile(program, sourceFile, config, { timeBudgetMs: this.options.timeBudgetMs });
    const directives = parseDirectives(sourceFile.text, fileName);
    // Like ESLint: findings accepted in phi-guard.baseline.json (beside the config) are not shown.
    const findings = withoutBaselined(analysis.findings, config, program).filter((f) => !isSuppressed(f.range.startPos, f.ruleId, directives));
    const diagnostics: Diagnostic[] = [];
    findings.forEach((finding, index) => {
      const diagnostic = findingToDiagnostic(finding, index, version, settings);
      if (diagnostic) diagnostics.push(diagnostic);
    });
    return { fileName, version, findings, diagnostics, callSites: analysis.callSites, config, elapsedMs: analysis.elapsedMs };
  }
}
