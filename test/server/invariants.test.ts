/**
 * What already holds and must keep holding (issue 13): the server opens no socket, and a long
 * editing session leaves no stale diagnostic and no memory growth. The ESLint side (`--fix`
 * never applies the redactor, `--concurrency` changes nothing) is in test/e2e/example-eslint.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, messageOf, REPO_ROOT, SERVER_BIN, uriOf } from './support/lspClient';
import { LEAK, makeWorkspace, removeWorkspace } from './faults/cases';

/** Current resident set size of a process, in MiB (/proc, Linux). */
function rssMiB(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

/** Deterministic PRNG (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MODEL = `export interface Patient {\n  id: string;\n  /** @phi */\n  ssn: string;\n}\n`;
const HELPER = (leaks: boolean) => `import type { Patient } from './model';\nexport function describePatient(p: Patient): string {\n  return ${leaks ? '`patient ${p.ssn}`' : '`patient ${p.id}`'};\n}\n`;
type Variant = 'leak' | 'clean' | 'helper' | 'broken' | 'spaced';
const FILE = (variant: Variant, i: number) => {
  const content = { leak: 'p.ssn', clean: 'p.id', helper: 'describePatient(p)', broken: 'p.', spaced: '  p.id  ' }[variant];
  return `import OpenAI from 'openai';\nimport type { Patient } from './model';\nimport { describePatient } from './helper';\nconst openai = new OpenAI();\nvoid describePatient;\nexport async function ask${i}(p: Patient) {\n  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: ${content} }] });\n}\n`;
};
const VARIANTS: Variant[] = ['leak', 'clean', 'helper', 'broken', 'spaced'];

describe('invariants that must keep holding', function () {
  this.timeout(1_800_000);

  it('the language server opens no socket (strace -f -e trace=socket,connect over a whole session)', async () => {
    const strace = spawnSync('strace', ['-V'], { encoding: 'utf8' });
    assert.equal(strace.status, 0, `strace is needed for this probe (apt-get install strace): ${strace.error?.message ?? strace.stderr}`);
    const trace = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-strace-')), 'trace');
    // strace runs the real server binary; the client talks to it over strace's inherited stdio.
    const wrapper = path.join(path.dirname(trace), 'server.js');
    fs.writeFileSync(
      wrapper,
      `const { spawn } = require('child_process');\nconst c = spawn('strace', ['-f', '-qq', '-e', 'trace=socket,connect', '-o', ${JSON.stringify(trace)}, process.execPath, ${JSON.stringify(SERVER_BIN)}, ...process.argv.slice(2)], { stdio: 'inherit' });\nc.on('exit', (code) => process.exit(code ?? 1));\n`,
    );
    const app = path.join(REPO_ROOT, 'examples/telehealth-app');
    const client = await LspClient.start({ workspaceFolders: [app], serverBin: wrapper });
    try {
      const inventory = await client.inventory();
      assert.ok(inventory.callSites.length > 5, 'the session analyzed the example');
      const file = path.join(app, 'src/features/chartSummary.ts');
      client.open(file);
      const [d] = await client.diagnosticsFor(file, (ds) => ds.length > 0);
      await client.hover(file, d!.range.start.line, d!.range.start.character);
      await client.codeActions(file, d!);
    } finally {
      await client.stop();
    }
    await new Promise((r) => setTimeout(r, 500));
    const calls = fs.readFileSync(trace, 'utf8').split('\n').filter((l) => /socket\(|connect\(/.test(l));
    // Node's own plumbing may use AF_UNIX socket pairs; anything reaching a network is a failure.
    const network = calls.filter((l) => !/AF_UNIX|AF_LOCAL/.test(l));
    assert.deepEqual(network, [], 'network sockets opened by the server');
    fs.rmSync(path.dirname(trace), { recursive: true, force: true });
  });

  it('no workspace file is executed: sources, eslint.config.js, a TypeScript plugin in tsconfig, the redactor module', async () => {
    const canaries = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-canary-'));
    const run = (name: string) => `require('fs').writeFileSync(${JSON.stringify(path.join(canaries, name))}, 'ran');\n`;
    const ws = makeWorkspace(
      {
        'src/leak.ts': `${run('source.ts')}${LEAK}`,
        'src/helper.js': `${run('helper.js')}module.exports = { x: 1 };\n`,
        'src/redact.js': `${run('redact.js')}exports.redact = (s) => '[redacted]';\n`,
        'eslint.config.js': run('eslint.config.js'),
        'evil-plugin/index.js': `${run('ts-plugin')}module.exports = () => ({ create: (info) => info.languageService });\n`,
        'evil-plugin/package.json': '{ "name": "evil-plugin", "main": "index.js" }',
        'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, allowJs: true, noEmit: true, skipLibCheck: true, plugins: [{ name: './evil-plugin' }] }, include: ['src'] }),
        'phi-guard.config.json': JSON.stringify({ approvedVendors: [], redactors: [{ name: 'redact', from: './src/redact.js' }] }),
      },
      'canary',
    );
    const client = await LspClient.start({ workspaceFolders: [ws.folder] });
    try {
      const inventory = await client.inventory();
      assert.ok(inventory.callSites.length > 0, 'the workspace was analyzed');
      await client.diagnosticsFor(ws.file('src/leak.ts'), (ds) => ds.some((d) => d.code === 'no-phi-in-prompt'));
    } finally {
      await client.stop();
      removeWorkspace(ws);
    }
    assert.deepEqual(fs.readdirSync(canaries), [], 'files the server ran');
    fs.rmSync(canaries, { recursive: true, force: true });
  });

  it('6,000 random edits over 30 open files: no stale diagnostic, no memory growth', async () => {
    const files: Record<string, string> = { 'src/model.ts': MODEL, 'src/helper.ts': HELPER(false), 'phi-guard.config.json': '{ "approvedVendors": [] }' };
    for (let i = 0; i < 29; i++) files[`src/f${i}.ts`] = FILE('clean', i);
    const ws = makeWorkspace(files, 'edits');
    const open = ['src/helper.ts', ...Array.from({ length: 29 }, (_, i) => `src/f${i}.ts`)].map((f) => ws.file(f));
    const texts = new Map<string, string>();
    const client = await LspClient.start({ workspaceFolders: [ws.folder] });
    let fresh: LspClient | undefined;
    try {
      await client.inventory();
      for (const f of open) client.open(f);
      const next = random(13);
      const samples: number[] = [];
      for (let edit = 1; edit <= 6000; edit++) {
        const at = Math.floor(next() * open.length);
        const file = open[at]!;
        const text = at === 0 ? HELPER(next() < 0.5) : FILE(VARIANTS[Math.floor(next() * VARIANTS.length)]!, at - 1);
        texts.set(file, text);
        client.change(file, text);
        if (edit % 1000 === 0) {
          // A typing pause: the server catches up with the last file edited before more come.
          await client.diagnosticsFor(file, () => true, 600_000);
          samples.push(Math.round(rssMiB(client.process.pid!)));
        }
      }
      // The final state, as the long session published it...
      const settled = new Map<string, string[]>();
      for (const f of open) settled.set(f, (await client.diagnosticsFor(f, () => true, 600_000)).map((d) => `${d.range.start.line + 1} ${d.code} ${messageOf(d)}`).sort());
      const settledRss = rssMiB(client.process.pid!);
      // ...and as a fresh server sees the same texts from disk.
      for (const [f, text] of texts) fs.writeFileSync(f, text);
      fresh = await LspClient.start({ workspaceFolders: [ws.folder] });
      await fresh.inventory();
      const stale: string[] = [];
      let leaking = 0;
      for (const f of open) {
        const expected = (fresh.diagnostics.get(uriOf(f))?.diagnostics ?? []).map((d) => `${d.range.start.line + 1} ${d.code} ${messageOf(d)}`).sort();
        if (expected.some((e) => / no-phi-in-prompt PHI/.test(e))) leaking++;
        if (JSON.stringify(expected) !== JSON.stringify(settled.get(f))) stale.push(`${path.relative(ws.folder, f)}: session ${JSON.stringify(settled.get(f))}, fresh ${JSON.stringify(expected)}`);
      }
      assert.deepEqual(stale, []);
      assert.ok(leaking > 0 && leaking < open.length, `the final texts mix leaking and clean files (${leaking} of ${open.length} leak)`);
      console.log(`      RSS (MiB) every 1,000 edits: ${samples.join(' ')}; settled ${Math.round(settledRss)}`);
      // A program or an analysis kept per edit would add gigabytes over 5,000 edits. RSS swings
      // by ~200 MiB with garbage collection, so the floors of the two halves are compared.
      const floor = (xs: number[]) => Math.min(...xs);
      const growth = floor(samples.slice(3)) - floor(samples.slice(0, 3));
      assert.ok(growth < 250, `the RSS floor grew by ${growth} MiB from the first 3,000 edits to the last (${samples.join(' ')})`);
    } finally {
      await client.stop();
      await fresh?.stop();
      removeWorkspace(ws);
    }
  });
});
