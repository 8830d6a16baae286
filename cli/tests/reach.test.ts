/**
 * `phi-guard scan` leaves out of the program the files that import nothing leading to an LLM
 * call (core/src/program/llmReach.ts). What it leaves out must not change a finding: ESLint, which
 * builds the whole program, is the reference.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { defaultConfig, llmReach, loadConfigForFile } from '@phi-guard/core';
import { copyFolder, eslintMessages, REPO_ROOT, removeCopy, runCli, scanJson } from './support';

const rows = (findings: { file: string; line: number; column: number; ruleId: string; message: string }[]) =>
  findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`).sort();

describe('phi-guard scan leaves out files that cannot reach an LLM', function () {
  this.timeout(300_000);

  it('finds what ESLint finds over the whole program, through barrels, type-only imports, require, fetch and a configured sink', () => {
    const project = copyFolder(path.join(REPO_ROOT, 'cli/tests/fixtures/reach'));
    try {
      const expected = eslintMessages({ cwd: project, patterns: ['src'], recommended: { files: ['**/*.ts', '**/*.cjs'], allowDefaultProject: [] } })
        .map((m) => `${m.file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`)
        .sort();
      const files = new Set(expected.map((r) => r.split(':')[0]));
      for (const f of ['src/routes/visit.ts', 'src/jobs/summarize.ts', 'src/http/post.ts', 'src/inhouse/notes.ts', 'src/legacy/notes.cjs']) {
        assert.ok(files.has(f), `ESLint reports a flow in ${f}: ${expected.join('\n')}`);
      }

      const scanned = scanJson(['src'], project);
      assert.deepEqual(scanned.report.filesNotReachingAnLlm, ['src/services/billing.ts', 'src/services/schedule.ts', 'src/util/dates.ts']);
      assert.equal(scanned.report.files, 14);
      assert.deepEqual(rows(scanned.findings), expected);

      const all = scanJson(['src', '--all-files'], project);
      assert.deepEqual(all.report.filesNotReachingAnLlm, []);
      assert.deepEqual(rows(all.findings), expected);

      const stylish = runCli(['scan', 'src', '--no-progress'], project);
      assert.match(stylish.stdout, /3 of 14 files import nothing that leads to an LLM call and were not analyzed/);
      const report = runCli(['report', 'src', '--no-progress'], project);
      assert.match(report.stdout, /- Files that import nothing leading to an LLM call \(.*\): 3\n/);
      assert.match(report.stdout, /None: every file that can reach an LLM call was analyzed\./);
    } finally {
      removeCopy(project);
    }
  });

  it('reports a baseline entry of a left-out file as no longer matching', () => {
    const project = copyFolder(path.join(REPO_ROOT, 'cli/tests/fixtures/reach'));
    try {
      assert.equal(runCli(['baseline', 'src', '--reason', 'legacy'], project).status, 0);
      const file = path.join(project, 'phi-guard.baseline.json');
      const baseline = JSON.parse(fs.readFileSync(file, 'utf8')) as { findings: { file: string }[] };
      assert.ok(baseline.findings.length > 5);
      // As if billing.ts had a finding once: it no longer can, so the entry is stale.
      baseline.findings.push({ ...baseline.findings[0]!, file: 'src/services/billing.ts' });
      fs.writeFileSync(file, JSON.stringify(baseline));
      const { report } = scanJson(['src'], project);
      assert.deepEqual((report.staleBaselineEntries as { file: string }[]).map((e) => e.file), ['src/services/billing.ts']);
    } finally {
      removeCopy(project);
    }
  });

  it('finds a flow through a referenced project that was never built (its sources stand in for its outputs)', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-refs-'));
    try {
      const files: Record<string, string> = {
        'packages/shared/package.json': '{ "name": "@acme/shared", "type": "module", "types": "dist/index.d.ts", "main": "dist/index.js" }',
        'packages/shared/tsconfig.json': JSON.stringify({ compilerOptions: { composite: true, rootDir: 'src', outDir: 'dist', module: 'nodenext', strict: true, skipLibCheck: true, types: [] }, include: ['src'] }),
        'packages/shared/src/index.ts':
          "import OpenAI from 'openai';\n\nconst client = new OpenAI();\n\nexport async function ask(q: string): Promise<void> {\n  await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: q }] });\n}\n",
        'packages/app/package.json': '{ "name": "@acme/app", "type": "module" }',
        'packages/app/tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, types: [] }, include: ['src'], references: [{ path: '../shared' }] }),
        'packages/app/src/models.ts': 'export interface Patient {\n  id: string;\n  /** @phi */\n  ssn: string;\n}\n',
        'packages/app/src/visit.ts': "import { ask } from '@acme/shared';\nimport type { Patient } from './models.js';\n\nexport async function visit(p: Patient): Promise<void> {\n  await ask(p.ssn);\n}\n",
        'packages/app/src/other.ts': "export const greeting = 'hello';\n",
      };
      for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
        fs.writeFileSync(path.join(root, name), text);
      }
      fs.mkdirSync(path.join(root, 'node_modules/@acme'), { recursive: true });
      fs.symlinkSync(path.join(REPO_ROOT, 'node_modules/openai'), path.join(root, 'node_modules/openai'), 'dir');
      fs.symlinkSync(path.join(root, 'packages/shared'), path.join(root, 'node_modules/@acme/shared'), 'dir');
      const app = path.join(root, 'packages/app');
      const scanned = scanJson(['src'], app);
      assert.deepEqual(
        scanned.findings.filter((f) => f.ruleId === 'phi-guard/no-phi-in-prompt').map((f) => `${f.file}:${f.line}`),
        ['src/visit.ts:5'],
      );
      assert.deepEqual(scanned.report.filesNotReachingAnLlm, ['src/other.ts']);
      assert.deepEqual(rows(scanJson(['src', '--all-files'], app).findings), rows(scanned.findings));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('llmReach', () => {
  let folder: string;
  const options: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, allowJs: true, strict: true, types: [] };
  const write = (files: Record<string, string>): void => {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      fs.writeFileSync(path.join(folder, name), text);
    }
  };
  const reach = (names: string[]) => {
    const r = llmReach(names.map((n) => path.join(folder, n)), options, [defaultConfig()]);
    return { kept: r.rootNames.map((f) => path.relative(folder, f)).sort(), keptAll: r.keptAll };
  };
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-reach-'));
    fs.mkdirSync(path.join(folder, 'node_modules'));
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules/openai'), path.join(folder, 'node_modules/openai'), 'dir');
    write({ 'package.json': '{ "name": "app", "type": "module" }', 'plain.ts': 'export const x = 1;\n' });
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('follows installed packages through their package.json dependencies, however deep', () => {
    write({
      'node_modules/@acme/llm-kit/package.json': '{ "name": "@acme/llm-kit", "types": "index.d.ts", "dependencies": { "openai": "^6" } }',
      'node_modules/@acme/llm-kit/index.d.ts': 'export declare function client(): unknown;\n',
      'node_modules/@acme/care/package.json': '{ "name": "@acme/care", "types": "index.d.ts", "dependencies": { "@acme/llm-kit": "1", "@acme/dates": "1" } }',
      'node_modules/@acme/care/index.d.ts': 'export declare function summarize(): unknown;\n',
      'node_modules/@acme/dates/package.json': '{ "name": "@acme/dates", "types": "index.d.ts" }',
      'node_modules/@acme/dates/index.d.ts': 'export declare function fmt(d: Date): string;\n',
      'kit.ts': "import { client } from '@acme/llm-kit';\nclient();\n",
      'care.ts': "import { summarize } from '@acme/care';\nsummarize();\n",
      'dates.ts': "import { fmt } from '@acme/dates';\nfmt(new Date());\n",
      'sdk.ts': "import OpenAI from 'openai';\nnew OpenAI();\n",
      'builtin.ts': "import * as fs from 'node:fs';\nimport * as p from 'path';\nfs.existsSync(p.sep);\n",
    });
    assert.deepEqual(reach(['kit.ts', 'care.ts', 'dates.ts', 'sdk.ts', 'builtin.ts', 'plain.ts']).kept, ['care.ts', 'kit.ts', 'sdk.ts']);
  });

  it('keeps a file whose import does not resolve, names the SDK in JSDoc, or calls fetch', () => {
    write({
      'missing.ts': "import { ask } from 'not-installed-llm';\nask();\n",
      'typed.js': "/** @param {import('openai').OpenAI} c */\nexport function use(c) {\n  return c;\n}\n",
      'http.ts': "export const go = () => fetch('https://api.openai.com/v1/chat/completions');\n",
      'user.ts': "import { use } from './typed.js';\nuse(null);\n",
    });
    assert.deepEqual(reach(['missing.ts', 'typed.js', 'http.ts', 'user.ts', 'plain.ts']).kept, ['http.ts', 'missing.ts', 'typed.js', 'user.ts']);
  });

  it('keeps scripts and global declarations in the program, and every file when they lead to an LLM', () => {
    write({
      'globals.d.ts': 'declare const BUILD_ID: string;\n',
      'env.ts': "export {};\ndeclare global {\n  var region: string;\n}\n",
    });
    assert.deepEqual(reach(['globals.d.ts', 'env.ts', 'plain.ts']), { kept: ['env.ts', 'globals.d.ts'], keptAll: undefined });
    write({ 'llm-global.ts': "import OpenAI from 'openai';\ndeclare global {\n  var llm: OpenAI;\n}\n" });
    const all = reach(['globals.d.ts', 'env.ts', 'plain.ts', 'llm-global.ts']);
    assert.deepEqual(all.kept, ['env.ts', 'globals.d.ts', 'llm-global.ts', 'plain.ts']);
    assert.match(all.keptAll ?? '', /llm-global\.ts declares globals/);
  });

  it('keeps the module a configured sink is declared in, and its importers', () => {
    write({
      'phi-guard.config.json': JSON.stringify({ vendors: [{ id: 'acme', name: 'Acme', hosts: ['llm.acme.test'] }], sinks: [{ module: './gateway', function: 'complete', vendor: 'acme' }] }),
      'gateway/index.ts': 'export function complete(s: string): string {\n  return s;\n}\n',
      'caller.ts': "import { complete } from './gateway/index.js';\ncomplete('x');\n",
    });
    const config = loadConfigForFile(path.join(folder, 'caller.ts'));
    const r = llmReach(['gateway/index.ts', 'caller.ts', 'plain.ts'].map((n) => path.join(folder, n)), options, [config]);
    assert.deepEqual(r.rootNames.map((f) => path.relative(folder, f)).sort(), ['caller.ts', 'gateway/index.ts']);
  });
});
