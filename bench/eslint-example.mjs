#!/usr/bin/env node
// ESLint on examples/telehealth-app with PHI Guard's rules against the same typed ESLint run
// without them. Runs alternate A/B (default 5 pairs) and the medians are compared; a ratio
// measured in one run is robust to a noisy shared machine, absolute times are not.
import { spawnSync } from 'node:child_process';
import { writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const app = path.join(root, 'examples/telehealth-app');
const eslint = path.join(root, 'node_modules/eslint/bin/eslint.js');
const pairs = Number(process.argv[2] ?? 5);

// Same parser and project service, no rules: the cost of typed linting alone.
const baseline = path.join(app, 'eslint.baseline.config.js');
writeFileSync(baseline, `import tseslint from 'typescript-eslint';
export default [{ files: ['src/**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } }, rules: {} }];
`);

function run(args) {
  const t = process.hrtime.bigint();
  spawnSync(process.execPath, [eslint, 'src', ...args], { cwd: app, stdio: 'ignore' });
  return Number(process.hrtime.bigint() - t) / 1e6;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const withRules = [];
const without = [];
try {
  for (let i = 0; i < pairs; i++) {
    without.push(run(['--config', baseline]));
    withRules.push(run([]));
  }
} finally {
  rmSync(baseline, { force: true });
}
const a = median(withRules);
const b = median(without);
console.log(`ESLint on examples/telehealth-app, ${pairs} alternating pairs (wall clock, includes Node start-up)`);
console.log(`  typed ESLint, no rules:   median ${b.toFixed(0)} ms`);
console.log(`  with PHI Guard rules:     median ${a.toFixed(0)} ms`);
console.log(`  ratio: ${(a / b).toFixed(2)}x`);
