/**
 * Bad configs (issue 5, part 3): malformed phi-guard.config.json files, each with the exact
 * error it must produce, run through the real ESLint CLI on a tiny typed project in a temp
 * directory. ESLint must stop with exit code 2 and print one message that names the file, the
 * key path and the problem, with no stack trace. (core/tests/config.test.ts covers the API.)
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILTIN_VENDOR_IDS } from '@phi-guard/core/dist/src/config/load';
import { repoRoot } from './harness';

const eslintBin = path.join(repoRoot, 'node_modules/eslint/bin/eslint.js');
const pluginEntry = pathToFileURL(path.join(repoRoot, 'eslint-plugin/dist/src/index.js')).href;
const KNOWN = `(known: ${BUILTIN_VENDOR_IDS.join(', ')}; or one declared under "vendors")`;
const EXTS = '{ts,tsx,mts,cts,js,jsx,mjs,cjs,d.ts}';

interface Case {
  name: string;
  /** The file's text, or bytes. */
  text: string | Buffer;
  /** The exact error: 1-based line and column, key path ("" for the whole file), problem. `dir` is the project's directory. */
  error?: (dir: string) => { line: number; column: number; keyPath: string; problem: string };
  /** A file the project needs besides the config (relative path -> text). */
  extra?: Record<string, string>;
}

const bad = (line: number, column: number, keyPath: string, problem: string) => () => ({ line, column, keyPath, problem });

const cases: Case[] = [
  // Broken JSON: TypeScript's own message, where TypeScript puts it.
  { name: 'missing bracket', text: '{\n  "approvedVendors": ["openai"\n}\n', error: bad(3, 1, '', "',' expected.") },
  { name: 'missing comma between keys', text: '{ "approvedVendors": [] "phi": {} }', error: bad(1, 25, '', "',' expected.") },
  { name: 'truncated file', text: '{ "approvedVendors": ["ope', error: bad(1, 27, '', 'Unterminated string literal.') },
  { name: 'empty file', text: '', error: bad(1, 1, '', 'expected an object at the top level, got an empty file') },
  { name: 'top level is an array', text: '["openai"]\n', error: bad(1, 1, '', 'expected an object at the top level, got an array') },
  { name: 'top level is null', text: 'null', error: bad(1, 1, '', 'expected an object at the top level, got null') },
  // Wrong types.
  { name: 'approvedVendors is a string', text: '{ "approvedVendors": "openai" }', error: bad(1, 22, 'approvedVendors', 'expected an array of vendor ids, got a string') },
  { name: 'approvedVendors entry is a number', text: '{ "approvedVendors": [42] }', error: bad(1, 23, 'approvedVendors[0]', 'expected a vendor id or an object { id, regions?, models? }, got a number') },
  { name: 'phi.fhir is a string', text: '{ "phi": { "fhir": "yes" } }', error: bad(1, 20, 'phi.fhir', 'expected true or false, got a string') },
  { name: 'phi.fields.include is an object', text: '{ "phi": { "fields": { "include": { "ssn": true } } } }', error: bad(1, 35, 'phi.fields.include', 'expected an array of field names, got an object') },
  { name: 'phi.brandTypes element is not a type name', text: '{ "phi": { "brandTypes": ["PHI<T>"] } }', error: bad(1, 27, 'phi.brandTypes[0]', '"PHI<T>" is not a type name (expected an identifier like "PHI")') },
  { name: 'policy value unknown', text: '{ "policy": { "phiToApprovedVendors": "deny" } }', error: bad(1, 39, 'policy.phiToApprovedVendors', 'expected "allow" or "report", got "deny"') },
  { name: 'NaN is not JSON', text: '{ "phi": { "fhir": NaN } }', error: bad(1, 20, 'phi.fhir', 'expected true or false, got `NaN`') },
  { name: 'a template string instead of a string', text: '{ "approvedVendors": [`openai`] }', error: bad(1, 23, 'approvedVendors[0]', 'expected a vendor id or an object { id, regions?, models? }, got a template string (JSON strings use double quotes)') },
  // Unknown keys, with a suggestion when one is close.
  { name: 'unknown top-level key (typo)', text: '{ "approvedVendor": ["openai"] }', error: bad(1, 3, '', 'unknown key "approvedVendor" (did you mean "approvedVendors"?)') },
  { name: 'unknown nested key (swapped letters)', text: '{ "phi": { "fihr": false } }', error: bad(1, 12, 'phi', 'unknown key "fihr" (did you mean "fhir"?)') },
  { name: 'unknown key, nothing close', text: '{ "rules": {} }', error: bad(1, 3, '', 'unknown key "rules" (expected one of: $schema, approvedVendors, redactors, vendors, sinks, phi, policy)') },
  { name: 'duplicate key', text: '{\n  "phi": {},\n  "phi": {}\n}', error: bad(3, 3, 'phi', 'duplicate key (first at 2:3)') },
  // Unknown vendor ids.
  { name: 'unknown vendor id', text: '{ "approvedVendors": ["open-ai"] }', error: bad(1, 23, 'approvedVendors[0]', `"open-ai" is not a known vendor id (did you mean "openai"? ${KNOWN.slice(1)}`) },
  { name: 'unknown vendor id in an object entry', text: '{ "approvedVendors": [{ "id": "bedrock", "regions": ["us-*"] }] }', error: bad(1, 31, 'approvedVendors[0].id', `"bedrock" is not a known vendor id ${KNOWN}`) },
  { name: 'custom vendor reusing a built-in id', text: '{ "vendors": [{ "id": "openai", "hosts": ["llm.acme.internal"] }] }', error: bad(1, 23, 'vendors[0].id', '"openai" is a built-in vendor id; a custom vendor needs an id of its own') },
  { name: 'custom vendor host is a URL', text: '{ "vendors": [{ "id": "acme", "hosts": ["https://llm.acme.internal/v1"] }] }', error: bad(1, 41, 'vendors[0].hosts[0]', '"https://llm.acme.internal/v1" is not a host name: remove the scheme ("https://")') },
  { name: 'empty regions', text: '{ "approvedVendors": [{ "id": "aws-bedrock", "regions": [] }] }', error: bad(1, 57, 'approvedVendors[0].regions', 'must not be empty (leave out "regions" to cover every region)') },
  // Redactors.
  {
    name: 'redactor module that does not exist',
    text: '{ "redactors": [{ "name": "redact", "from": "./src/phi/redact" }] }',
    error: (dir) => ({ line: 1, column: 45, keyPath: 'redactors[0].from', problem: `module "./src/phi/redact" not found (looked for ./src/phi/redact, ./src/phi/redact.${EXTS}, ./src/phi/redact/index.${EXTS}, relative to ${dir})` }),
  },
  { name: 'redactor without from', text: '{ "redactors": [{ "name": "redact" }] }', error: bad(1, 17, 'redactors[0]', 'missing required key "from"') },
  { name: 'redactor name is not an identifier', text: '{ "redactors": [{ "name": "redact-phi", "from": "@acme/phi" }] }', error: bad(1, 27, 'redactors[0].name', '"redact-phi" is not a function name (expected an identifier like "redactPhi")') },
  { name: 'redactor from an absolute path', text: '{ "redactors": [{ "name": "redact", "from": "/etc/phi" }] }', error: bad(1, 45, 'redactors[0].from', '"/etc/phi" is an absolute path; use a path relative to the config file ("./...") or a package name') },
  // Huge files.
  { name: 'a file over 1 MiB', text: `{ "approvedVendors": [${'"openai", '.repeat(110_000)}"openai"] }`, error: bad(1, 1, '', 'file is larger than 1 MiB') },
  {
    name: 'a large file (900 KB) with the problem at its end',
    text: `{\n  "phi": { "fields": { "include": [\n${'    "chartNumber",\n'.repeat(45_000)}    42\n  ] } }\n}\n`,
    error: bad(45_003, 5, 'phi.fields.include[45000]', 'expected a field name string, got a number'),
  },
  // ts.parseJsonText recurses per level and overflows near 1,000 levels (a 2 KB file): the
  // loader refuses anything nested past 64 levels before parsing, at the bracket that goes too deep.
  {
    name: 'deeply nested arrays (10,000 levels)',
    text: `{ "phi": { "types": ${'['.repeat(10_000)}${']'.repeat(10_000)} } }`,
    error: bad(1, 83, '', 'nested more than 64 levels deep'),
  },
  {
    name: 'deeply nested objects (10,000 levels)',
    text: `{ "policy": ${'{ "a": '.repeat(10_000)}1${' }'.repeat(10_000)} }`,
    error: bad(1, 13 + 7 * 63, '', 'nested more than 64 levels deep'),
  },
  {
    name: 'brackets inside strings and comments do not count as nesting',
    text: `// ${'['.repeat(100)}\n/* ${'{'.repeat(100)} */\n{ "phi": { "fields": { "include": ["${'['.repeat(100)}"], "exclude": [42] } } }`,
    error: bad(3, 153, 'phi.fields.exclude[0]', 'expected a field name string, got a number'),
  },
  { name: 'a NUL byte', text: '{ "approvedVendors": ["openai"] }\u0000', error: bad(1, 34, '', 'Invalid character.') },
  // Controls: valid files lint cleanly.
  { name: 'valid, with a byte order mark, comments and a trailing comma', text: '\uFEFF// BAA signed 2024\n{ "approvedVendors": ["azure-openai",], }\n' },
  { name: 'valid, with a redactor that exists', text: '{ "redactors": [{ "name": "redact", "from": "./src/phi" }] }', extra: { 'src/phi.ts': 'export const redact = (v: unknown) => String(v).replace(/./g, "*");\n' } },
];

const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-bad-configs-')));

function makeProject(index: number, c: Case): string {
  const dir = path.join(root, `case-${String(index).padStart(2, '0')}`);
  const files: Record<string, string | Buffer> = {
    'package.json': '{ "name": "bad-config-case", "private": true, "type": "module" }\n',
    'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'es2022', lib: ['es2022'], module: 'nodenext', strict: true, noEmit: true, types: [] }, include: ['src'] }),
    'eslint.config.mjs': `import phiGuard from '${pluginEntry}';\nexport default [{ files: ['src/**/*.ts'], ...phiGuard.configs.recommended, languageOptions: { ...phiGuard.configs.recommended.languageOptions, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } }];\n`,
    'src/a.ts': 'export const greeting: string = "hello";\n',
    'phi-guard.config.json': c.text,
    ...c.extra,
  };
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

function runEslint(dir: string): Promise<Run> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [eslintBin, 'src'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr, ms: performance.now() - t0 });
    });
  });
}

describe('bad configs through the ESLint CLI', function () {
  this.timeout(600_000);
  const runs = new Map<Case, Promise<Run>>();
  const dirs = new Map<Case, string>();

  before(async () => {
    // Every case is its own ESLint process; run them a few at a time.
    const queue = [...cases];
    const width = Math.max(1, Math.min(4, os.availableParallelism()));
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: width }, async () => {
        for (let c = queue.shift(); c; c = queue.shift()) {
          const dir = makeProject(cases.indexOf(c), c);
          dirs.set(c, dir);
          const run = runEslint(dir);
          runs.set(c, run);
          await run;
        }
      }),
    );
    console.log(`      ${cases.length} ESLint runs in ${((performance.now() - t0) / 1000).toFixed(1)} s (${width} at a time)`);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  for (const c of cases) {
    it(c.error ? `${c.name}: exit 2 with the exact error` : `${c.name}: lints cleanly`, async () => {
      const run = await runs.get(c)!;
      const dir = dirs.get(c)!;
      const output = `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
      if (!c.error) {
        assert.equal(run.code, 0, output);
        return;
      }
      const e = c.error(dir);
      const file = path.join(dir, 'phi-guard.config.json');
      const expected = `PHI Guard: phi-guard.config.json is invalid: ${file}:${e.line}:${e.column}: ${e.keyPath ? `${e.keyPath}: ` : ''}${e.problem}`;
      assert.equal(run.code, 2, output);
      const lines = run.stderr.split('\n');
      assert.ok(lines.includes(expected), `expected this line on stderr:\n${expected}\n${output}`);
      assert.deepEqual(lines.filter((l) => /^\s+at /.test(l)), [], `stack trace printed:\n${output}`);
      assert.equal(run.stdout, '', output);
    });
  }
});
