import ts from 'typescript';
import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { analyzeFile, ConfigError, loadConfigForFile, withoutBaselined, type FileAnalysis, type Finding, type RuleId, type SourceRange } from '@phi-guard/core';

/**
 * The one place the plugin touches the engine: take the program typescript-eslint built,
 * load phi-guard.config.json for the linted file, analyze, and hand back the findings of
 * one rule. The engine caches per (program, config, file), so both rules share one run.
 */
export function findingsFor(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, ruleId: RuleId): Finding[] {
  // Both rules run on the same SourceCode object in one lint pass: the second one reuses the
  // first one's config lookup (a stat per directory level) and analysis. A new pass (an edit,
  // a --fix round) has a new SourceCode, so a changed config is still seen.
  let analysis = perLint.get(context.sourceCode);
  if (!analysis) {
    const services = ESLintUtils.getParserServices(context);
    const program = services.program;
    const fileName = context.physicalFilename;
    const sourceFile = program.getSourceFile(fileName) ?? services.esTreeNodeToTSNodeMap.get(context.sourceCode.ast).getSourceFile();
    const config = loadConfigOrFail(fileName);
    analysis = analyzeFile(program as ts.Program, sourceFile, config);
    // Findings accepted in phi-guard.baseline.json (beside the config) are not reported.
    analysis = { ...analysis, findings: orFail(() => withoutBaselined(analysis!.findings, config, program as ts.Program)) };
    perLint.set(context.sourceCode, analysis);
  }
  return analysis.findings.filter((f) => f.ruleId === ruleId);
}

const perLint = new WeakMap<object, FileAnalysis>();

function loadConfigOrFail(fileName: string) {
  return orFail(() => loadConfigForFile(fileName));
}

function orFail<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof ConfigError) {
      // ESLint prints `stack` for fatal errors: make it the message alone, no trace.
      const fatal = new Error(err.message);
      fatal.stack = `PHI Guard: ${err.message}`;
      throw fatal;
    }
    throw err;
  }
}

/** Engine positions are 0-based characters; ESLint wants 1-based lines and 0-based columns. */
export function toLoc(range: SourceRange): { start: { line: number; column: number }; end: { line: number; column: number } } {
  return {
    start: { line: range.startPos.line + 1, column: range.startPos.character },
    end: { line: range.endPos.line + 1, column: range.endPos.character },
  };
}
