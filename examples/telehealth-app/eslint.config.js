// Lints src/ with PHI Guard only, so `npm run lint` output is exactly the demo's findings
// (the end-to-end test compares it with expected-findings.json).
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import phiGuard from 'eslint-plugin-phi-guard';

export default defineConfig({
  files: ['src/**/*.ts'],
  extends: [phiGuard.configs.recommended],
  languageOptions: {
    parser: tseslint.parser,
    parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
  },
});
