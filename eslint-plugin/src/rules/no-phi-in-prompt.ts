import * as path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import { createRule } from '../util/createRule';
import { findingsFor, toLoc } from '../util/analysis';

type MessageIds = 'phiInPrompt' | 'analysisFailed' | 'wrapInRedactor';

/**
 * Reports PHI where it is embedded into what is sent to an LLM vendor that is not approved
 * (or to any external vendor under policy "report"). The suggestion wraps it in the
 * configured redactor; it is never an autofix, because redacting changes behaviour. Fixes that
 * edit another file (the fix at the source) are not offered: a suggestion edits one file.
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
          // A suggestion can only edit the linted file: a fix at the source (the helper in
          // another file that embeds the PHI) is the editor's; ESLint then offers none rather
          // than wrapping the helper's whole result here, and the message names the helper's file.
          const fix = f.fixes.find((x) => x.edits.every((e) => path.resolve(e.fileName) === path.resolve(context.filename)));
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
