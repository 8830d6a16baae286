import type { TSESLint } from '@typescript-eslint/utils';
import * as parser from './parser';
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
 * Turns both rules on, as errors, for every TypeScript and JavaScript file ESLint lints (also at
 * a monorepo root). Typed linting is needed: the parser is typescript-eslint's with its project
 * service, and a default project for files no tsconfig/jsconfig includes (`./parser`).
 */
plugin.configs.recommended = {
  name: 'phi-guard/recommended',
  files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
  plugins: { 'phi-guard': plugin as unknown as TSESLint.FlatConfig.Plugin },
  languageOptions: {
    parser: parser as unknown as TSESLint.FlatConfig.Parser,
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
