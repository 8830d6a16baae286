/**
 * `npm run test:fuzz -- [--runs N] [--programs N] [--eslint-runs N] [--seed S]`: runs the fuzz
 * suites only, at the size asked for. `--runs` sizes the crash fuzzer and, unless `--programs`
 * is given, the labeled program generator too. Options become the PHI_GUARD_FUZZ_* and
 * PHI_GUARD_GEN_* variables the suites read (the same variables work with plain `npx mocha`).
 * Other arguments go to mocha, e.g. `--grep labeled` to run the generator alone.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const flags: Record<string, string> = { '--runs': 'PHI_GUARD_FUZZ_RUNS', '--programs': 'PHI_GUARD_GEN_PROGRAMS', '--eslint-runs': 'PHI_GUARD_FUZZ_ESLINT_RUNS', '--seed': 'PHI_GUARD_FUZZ_SEED', '--budget-ms': 'PHI_GUARD_FUZZ_BUDGET_MS' };
const env = { ...process.env };
const rest: string[] = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const [name, inline] = args[i]!.split('=', 2) as [string, string | undefined];
  const variable = flags[name];
  if (!variable) {
    rest.push(args[i]!);
    continue;
  }
  const value = inline ?? args[++i];
  if (value === undefined || !/^\d+$/.test(value)) {
    console.error(`test:fuzz: ${name} needs a non-negative integer`);
    process.exit(2);
  }
  env[variable] = value;
  if (name === '--runs' && !args.some((a) => a.split('=')[0] === '--programs')) env.PHI_GUARD_GEN_PROGRAMS = value;
}

const root = path.resolve(__dirname, '../../..');
const mocha = path.join(root, 'node_modules/mocha/bin/mocha.js');
const spec = path.join(root, 'test/dist/fuzz/*.test.js');
const setup = path.join(root, 'eslint-plugin/dist/tests/setup.js');
const result = spawnSync(process.execPath, [mocha, '--no-config', '--require', setup, '--timeout', '0', '--reporter', 'spec', ...rest, spec], { cwd: root, env, stdio: 'inherit' });
process.exit(result.status ?? 1);
