import type { RuleId } from './findings';

/** Where each rule's documentation lives; the editor links it through codeDescription. */
export function ruleDocsUrl(ruleId: RuleId): string {
  return `https://github.com/phi-guard/phi-guard/blob/main/eslint-plugin/docs/rules/${ruleId}.md`;
}
