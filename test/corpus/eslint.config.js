// Lints src/ with PHI Guard exactly as a user would: the recommended flat config with typed linting.
// test/e2e/corpus.test.ts runs the ESLint CLI here and compares with the // expect: comments.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import phiGuard from 'eslint-plugin-phi-guard';

export default defineConfig({
  files: ['src/**/*.{ts,js}'],
  extends: [phiGuard.configs.recommended],
  languageOptions: {
    parser: tseslint.parser,
    parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
  },
});
