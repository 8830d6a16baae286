import type { TSESLint } from '@typescript-eslint/utils';
import * as tsParser from '@typescript-eslint/parser';
import noPhiInPrompt from './rules/no-phi-in-prompt';
import approvedVendors from './rules/approved-vendors';
import { warnIfCached } from './util/analysis';

// At load, not in a rule: with every file a cache hit, no rule runs, and that is the stale case.
warnIfCached();

const pkg = { name: 'eslint-plugin-phi-guard', version: '0.1.0' };

export const rules = {
  'no-phi-in-prompt': noPhiInPrompt,
  'approved-vendors': approvedVendors,
};

const plugin = {
  meta: pkg,
  rules,
  configs: {} as Record<string, TSESLint.FlatConfig.Config>,
};

/**
 * Turns both rules on. Typed linting is needed: the config enables the project service, so
 * `...phiGuard.configs.recommended` is enough in a flat config.
 */
plugin.configs.recommended = {
  name: 'phi-guard/recommended',
  plugins: { 'phi-guard': plugin as unknown as TSESLint.FlatConfig.Plugin },
  languageOptions: {
    parser: tsParser as unknown as TSESLint.FlatConfig.Parser,
    parserOptions: { projectService: true },
  },
  rules: {
    'phi-guard/no-phi-in-prompt': 'error',
    'phi-guard/approved-vendors': 'error',
  },
};

export const configs = plugin.configs;
export const meta = plugin.meta;
export default plugin;
module.exports = plugin;
