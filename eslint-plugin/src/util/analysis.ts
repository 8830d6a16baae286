import ts from 'typescript';
import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import { recordFindings } from './flows';
import { analyzeFile, ConfigError, loadConfigForFile, withoutBaselined, type FileAnalysis, type Finding, type RuleId, type SourceRange } from '@phi-guard/core';
import { eslintRuleName, hasRealReason, parseDirectives, reportableNear, unhonouredSuppressionOf } from '@phi-guard/core/dist/src/directives';

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
    analysis = { ...analysis, findings: [...analysis.findings, ...unreasonedSuppressions(analysis.findings, sourceFile)] };
    perLint.set(context.sourceCode, analysis);
    recordFindings(fileName, analysis.findings);
  }
  return analysis.findings.filter((f) => f.ruleId === ruleId);
}

/**
 * ESLint hides a finding under any eslint-disable comment; PHI Guard honours only some
 * (`honouredDirectives`: a reason; for a fail-closed finding, the rule named too). For each
 * finding hidden only by another comment, one more problem is reported where that comment
 * cannot hide it, saying so. (The language server keeps the finding itself visible.)
 */
function unreasonedSuppressions(findings: readonly Finding[], sourceFile: ts.SourceFile): Finding[] {
  const directives = parseDirectives(sourceFile.text, sourceFile.fileName);
  if (directives.length === 0) return [];
  const lineCount = sourceFile.getLineStarts().length;
  const extra: Finding[] = [];
  const reported = new Set<string>();
  for (const f of findings) {
    const directive = unhonouredSuppressionOf(f.range.startPos, f.ruleId, directives, f.kind === 'analysis-failed');
    if (!directive) continue;
    const at = reportableNear(directive, lineCount);
    if (!at) throw new UnreportableSuppression(sourceFile.fileName, directive, f);
    const key = `${f.ruleId}:${directive.comment.start}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const pos = sourceFile.getPositionOfLineAndCharacter(at.line, at.character);
    extra.push({
      ruleId: f.ruleId,
      kind: 'unreasoned-suppression',
      message: hasRealReason(directive)
        ? `The eslint-disable comment on line ${directive.comment.startPos.line + 1} does not name ${eslintRuleName(f.ruleId)} but hides: ${f.message}`
        : `The eslint-disable comment on line ${directive.comment.startPos.line + 1} hides a PHI Guard finding (${f.message}) without a reason: ` +
          `write why after "--" (a placeholder such as "<reason>" does not count).`,
      range: { fileName: sourceFile.fileName, start: pos, end: pos, startPos: at, endPos: at },
      flow: [],
      fixes: [],
    });
  }
  return extra;
}

/**
 * A `/* eslint-disable *\/` at the very start of a file (or a one-line file's disable-line)
 * covers every place ESLint lets a rule report. Passing would hide a finding PHI Guard does not
 * honour without a word, so the run stops, as it does on a broken phi-guard.config.json, and
 * the message says how to go on. (The language server shows the finding itself.)
 */
class UnreportableSuppression extends Error {
  constructor(fileName: string, directive: ReturnType<typeof parseDirectives>[number], f: Finding) {
    const where = `${fileName}:${directive.comment.startPos.line + 1}:${directive.comment.startPos.character + 1}`;
    const why = hasRealReason(directive) ? `does not name ${eslintRuleName(f.ruleId)}` : 'gives no reason';
    super(
      `PHI Guard: the eslint-disable comment at ${where} ${why} but hides a PHI Guard finding (${f.message}), and it covers every place ESLint lets PHI Guard say so. ` +
        `Name the rule with a reason (/* eslint-disable ${eslintRuleName(f.ruleId)} -- why */), or start the comment after the first line.`,
    );
    this.name = 'UnreportableSuppression';
  }
}

const perLint = new WeakMap<object, FileAnalysis>();

let cacheWarned = false;

/**
 * `eslint --cache` re-lints a file only when its own text or the ESLint config changes. PHI
 * Guard's findings also depend on phi-guard.config.json and on every file a flow passes
 * through (a wrapper in another module starts sending PHI; an approval is revoked), so a cached
 * clean result can be stale. A plugin cannot add to ESLint's cache key, and refusing to run
 * would break every other rule's use of the cache; so the CLI flag is detected and the user
 * told, once per run, on stderr where CI logs show it. (The API's `cache` option cannot be seen.)
 */
export function warnIfCached(): void {
  if (cacheWarned || !process.argv.some((a) => a === '--cache' || a.startsWith('--cache-location') || a.startsWith('--cache-file'))) return;
  cacheWarned = true;
  process.stderr.write(
    'PHI Guard: eslint --cache does not know that PHI Guard findings depend on phi-guard.config.json and on the files a flow passes through; ' +
      'a file whose own text did not change keeps its cached result, which may be a stale clean one. Run eslint without --cache in CI, ' +
      'and delete the cache (.eslintcache) when phi-guard.config.json or shared code changes.\n',
  );
}

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
