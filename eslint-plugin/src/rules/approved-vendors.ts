import { createRule } from '../util/createRule';
import { findingsFor, toLoc } from '../util/analysis';

type MessageIds = 'unapprovedVendor' | 'unknownEndpoint' | 'outsideBaaScope' | 'analysisFailed';

const MESSAGE_ID = {
  'unapproved-vendor': 'unapprovedVendor',
  'unknown-endpoint': 'unknownEndpoint',
  'outside-baa-scope': 'outsideBaaScope',
  'analysis-failed': 'analysisFailed',
} as const;

/** Reports every call that sends data to an LLM vendor not in approvedVendors, at its callee. */
export default createRule<[], MessageIds>({
  name: 'approved-vendors',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require LLM calls to go to vendors listed in approvedVendors (a signed BAA)',
      recommended: true,
      requiresTypeChecking: true,
    },
    messages: {
      unapprovedVendor: '{{message}}',
      unknownEndpoint: '{{message}}',
      outsideBaaScope: '{{message}}',
      analysisFailed: '{{message}}',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      Program() {
        for (const f of findingsFor(context, 'approved-vendors')) {
          const messageId = MESSAGE_ID[f.kind as keyof typeof MESSAGE_ID] ?? 'unapprovedVendor';
          context.report({ loc: toLoc(f.range), messageId, data: { message: f.message } });
        }
      },
    };
  },
});
