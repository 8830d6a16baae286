/**
 * The engine API the server uses, in one place. (ESLint directive parsing lives in core so the
 * plugin's tests and the server share it; until core's index re-exports it, it is imported
 * from its module here.)
 */
export * from '@phi-guard/core';
export { eslintRuleName, isSuppressed, parseDirectives, hasRealReason, honouredDirectives, unhonouredSuppressionOf, type Directive } from '@phi-guard/core/dist/src/directives';
