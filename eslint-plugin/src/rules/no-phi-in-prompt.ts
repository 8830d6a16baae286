import type { TSESLint } from '@typescript-eslint/utils';
import { createRule } from '../util/createRule';
import { findingsFor, toLoc } from '../util/analysis';

type MessageIds = 'phiInPrompt' | 'analysisFailed' | 'wrapInRedactor';

/**
 * Reports PHI where it is embedded into what is sent to an LLM vendor that is not approved
 * (or to any external vendor under policy "report"). The suggestion wraps it in the
 * configured redactor; it is never an autofix, because redacting changes behaviour.
 */
export default createRule<[], MessageIds>({
  name: 'no-phi-in-prompt',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow protected health information in content sent to LLM vendors without a BAA',
      recommended: true,
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    messages: {
      phiInPrompt: '{{message}}',
      analysisFailed: '{{message}}',
      wrapInRedactor: '{{title}}',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        for (const f of findingsFor(context, 'no-phi-in-prompt')) {
          const fix = f.fixes[0];
          context.report({
            loc: toLoc(f.range),
            messageId: f.kind === 'analysis-failed' ? 'analysisFailed' : 'phiInPrompt',
            data: { message: f.message },
            suggest: fix
              ? [
                  {
                    messageId: 'wrapInRedactor',
                    data: { title: fix.title },
                    fix: (fixer: TSESLint.RuleFixer) => fix.edits.map((e) => fixer.replaceTextRange([e.start, e.end], e.newText)),
                  },
                ]
              : [],
          });
        }
      },
    };
  },
});
