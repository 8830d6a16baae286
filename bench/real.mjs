// A real package measured by `npm run bench -- --real DIR`: the engine over its program, typed
// ESLint with and without the rules on its src/, tsc on its tsconfig. The package is a checkout
// the user fetched (never committed here); this writes the files a user would add to it
// (phi-guard.config.json) and the bench's three ESLint configs, importing this repository's
// packages by absolute path so the package's own dependencies stay untouched.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

/** The pinned commit of the real-code row in bench/results.md (masslight/ottehr). */
export const OTTEHR_COMMIT = 'e62070ba7b';

export function realName(dir) {
  const parts = dir.split(path.sep);
  return `real: ${parts.slice(-3).join('/')}`;
}

export function prepareRealProject(dir, repo) {
  if (!fs.existsSync(path.join(dir, 'tsconfig.json'))) throw new Error(`--real ${dir}: no tsconfig.json there`);
  const notes = [];
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: dir, encoding: 'utf8' });
  notes.push(head.status === 0 ? `checkout at ${head.stdout.trim()}` : `not a git checkout (the results name ${OTTEHR_COMMIT} for ottehr: check the files are that commit's)`);
  const config = path.join(dir, 'phi-guard.config.json');
  // What a team adopting PHI Guard writes first: no BAA on record yet, FHIR and field-name defaults.
  if (!fs.existsSync(config)) fs.writeFileSync(config, '{ "approvedVendors": [] }\n');
  notes.push(`phi-guard.config.json: ${fs.readFileSync(config, 'utf8').trim()}`);
  const plugin = path.join(repo, 'eslint-plugin/dist/src/index.js');
  const tseslint = path.join(repo, 'node_modules/typescript-eslint/dist/index.js');
  const files = "['src/**/*.ts']";
  const parserOptions = '{ projectService: true, tsconfigRootDir: import.meta.dirname }';
  const write = (name, lines) => fs.writeFileSync(path.join(dir, name), lines.join('\n') + '\n');
  write('eslint.config.mjs', [
    `import phiGuard from ${JSON.stringify(plugin)};`,
    // \`files\` after the spread: recommended's own \`files\` (every JS and TS extension) would
    // otherwise lint what the baseline does not (ottehr's src/scripts/detect-tls.js, which its
    // tsconfig excludes).
    `export default [{ ...phiGuard.configs.recommended, files: ${files}, languageOptions: { ...phiGuard.configs.recommended.languageOptions, parserOptions: ${parserOptions} } }];`,
  ]);
  write('eslint.baseline.config.mjs', [
    `import tseslint from ${JSON.stringify(tseslint)};`,
    `export default [{ files: ${files}, languageOptions: { parser: tseslint.parser, parserOptions: ${parserOptions} }, rules: {} }];`,
  ]);
  write('eslint.noop.config.mjs', [
    `import tseslint from ${JSON.stringify(tseslint)};`,
    "const noop = { meta: { type: 'problem', schema: [], messages: {} }, create: () => ({ Program() {} }) };",
    `export default [{ files: ${files}, plugins: { bench: { rules: { noop } } }, languageOptions: { parser: tseslint.parser, parserOptions: ${parserOptions} }, rules: { 'bench/noop': 'error' } }];`,
  ]);
  const { lines, files: count } = countSourceLines(dir);
  return { lines, files: count, notes };
}

/** Files and lines of the TypeScript sources under DIR/src (declarations left out), as the real rows count them. */
export function countSourceLines(dir) {
  let lines = 0;
  let files = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts')) {
        files++;
        lines += fs.readFileSync(p, 'utf8').split('\n').length;
      }
    }
  };
  walk(path.join(dir, 'src'));
  return { lines, files };
}
