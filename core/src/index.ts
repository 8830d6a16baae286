/**
 * PHI Guard's engine. Give it a TypeScript program, a source file and a configuration; it
 * returns plain findings with their flow paths. It knows nothing of ESLint or LSP, never
 * executes analyzed code or workspace configuration, and never opens a network connection.
 */
export * from './findings';
export type { ResolvedConfig, ApprovedVendor, RedactorSpec, CustomVendor, PhiSettings, PolicyMode } from './config/types';
export { ConfigError, defaultConfig, parseConfigText, findConfigFile, loadConfigForFile, clearConfigCache } from './config/load';
export type { ConfigIssue } from './config/errors';
export { analyzeFile, explainAt, failClosedFindings } from './analyze';
export type { AnalyzeOptions, Explanation } from './analyze';
export { ruleDocsUrl } from './docs';
export { catalog } from './vendors/catalog';
export { parseDirectives, isSuppressed, honouredDirectives, eslintRuleName, type Directive } from './directives';
export { DEFAULT_PROJECT_OPTIONS, defaultProjectFolder, defaultProjectRoots } from './defaultProject';
export { jsDocParsingModeFor } from './program/jsdocMode';
export { llmReach, useResolutions, type LlmReach } from './program/llmReach';
export {
  BASELINE_FILE_NAME,
  baselineFor,
  baselineText,
  fingerprintFindings,
  isBaselinable,
  loadBaselineIfPresent,
  matchBaseline,
  parseBaselineText,
  withoutBaselined,
  type Baseline,
  type BaselineEntry,
  type BaselineMatch,
} from './baseline';
export { SAFE_HARBOR, safeHarborCategory, buildDataMap, statusOf, type SafeHarborCategory, type DataMap, type DataMapCallSite, type DataMapVendor } from './dataMap';
