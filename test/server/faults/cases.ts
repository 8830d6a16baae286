/**
 * Fault injection over the real language server (stdio): each case builds a hostile or unlucky
 * workspace, starts the server on it, and checks that the server answers, and that every source
 * file is either analyzed or carries a fail-closed diagnostic. Used by `faults.test.ts` (which
 * asserts) and `measure.ts` (which reports time and peak RSS per case).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, messageOf, REPO_ROOT, uriOf, type StartOptions } from '../support/lspClient';

/** Sends PHI (`@phi` ssn) to OpenAI, which no config approves: always at least one finding. */
export const LEAK = `import OpenAI from 'openai';
interface Patient {
  id: string;
  /** @phi */
  ssn: string;
}
const openai = new OpenAI();
export async function send(p: Patient) {
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: p.ssn }] });
}
`;

export const FAIL_CLOSED = /could not (?:finish )?analyz/;

export interface Workspace {
  root: string;
  /** The workspace folder. */
  folder: string;
  file(relative: string): string;
}

/** A temporary workspace with `node_modules` linked to the repository's (the real SDKs). */
export function makeWorkspace(files: Record<string, string | Buffer>, name = 'faults'): Workspace {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `phi-guard-${name}-`));
  fs.chmodSync(root, 0o755);
  const folder = path.join(root, 'ws');
  fs.mkdirSync(folder);
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
  for (const [relative, content] of Object.entries(files)) {
    const full = path.join(folder, relative);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return { root, folder, file: (relative) => path.join(folder, relative) };
}

export function removeWorkspace(ws: Workspace): void {
  // Folders made unreadable by a case must be readable again to be removed.
  try {
    execFileSync('chmod', ['-R', 'u+rwx', ws.root], { stdio: 'ignore' });
  } catch {
    // best effort: rmSync below reports what it cannot remove
  }
  fs.rmSync(ws.root, { recursive: true, force: true });
}

/** Peak resident set size of a process, from /proc (Linux), in MiB. */
export function peakRssMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export const published = (client: LspClient, fileName: string): Diagnostic[] => client.diagnostics.get(uriOf(fileName))?.diagnostics ?? [];

/** The file carries a PHI Guard finding that is not a fail-closed one. */
export async function hasFinding(client: LspClient, fileName: string): Promise<void> {
  await client.diagnosticsFor(fileName, (ds) => ds.some((d) => d.code === 'no-phi-in-prompt' && !FAIL_CLOSED.test(messageOf(d))));
}

/** The file carries a fail-closed diagnostic whose message matches `why`. */
export async function failsClosed(client: LspClient, fileName: string, why: RegExp): Promise<Diagnostic> {
  const [d] = await client.diagnosticsFor(fileName, (ds) => ds.some((x) => FAIL_CLOSED.test(messageOf(x)) && why.test(messageOf(x))));
  return d!;
}

export interface FaultCase {
  name: string;
  /** Why the case exists (shown by the measurement script). */
  what: string;
  /** Skipped (with the reason) where the platform cannot express the fault. */
  unsupported?: () => string | undefined;
  files: () => Record<string, string | Buffer>;
  prepare?: (ws: Workspace) => void;
  options?: (ws: Workspace) => Partial<StartOptions>;
  /** The case ends the server on purpose (crash, hang): the runner does not ask it for a last answer. */
  serverEnds?: boolean;
  /** Drives the session and asserts; the server must still answer afterwards (checked by the runner). */
  check: (client: LspClient, ws: Workspace) => Promise<void>;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const NOBODY = 65534;

export const CASES: FaultCase[] = [
  {
    name: 'non-regular files: a FIFO, a link to /dev/zero, a directory named .ts',
    what: 'the start-up pass never blocks on a FIFO nor reads an endless device',
    files: () => ({ 'src/leak.ts': LEAK, 'src/uses.ts': `import { z } from './zero';\nexport const y = z;\n`, 'src/dir.ts/inner.txt': 'x' }),
    prepare: (ws) => {
      execFileSync('mkfifo', [ws.file('src/pipe.ts')]);
      fs.symlinkSync('/dev/zero', ws.file('src/zero.ts'));
    },
    check: async (client, ws) => {
      await hasFinding(client, ws.file('src/leak.ts'));
      await failsClosed(client, ws.file('src/pipe.ts'), /not a regular file \(a named pipe\)/);
      await failsClosed(client, ws.file('src/zero.ts'), /not a regular file \(a character device\)/);
      const inventory = await client.inventory();
      assert.equal(inventory.complete, false);
      assert.deepEqual(inventory.failedFiles, [ws.file('src/pipe.ts'), ws.file('src/zero.ts')]);
      assert.match(inventory.incomplete ?? '', /2 files could not be analyzed/);
    },
  },
  {
    name: 'a file over the size cap',
    what: 'a file larger than maxFileBytes is not read and fails closed, saying so',
    files: () => ({ 'src/leak.ts': LEAK, 'src/big.ts': `${LEAK}\n${'// padding\n'.repeat(20_000)}` }),
    options: () => ({ initializationOptions: { maxFileBytes: 64 * 1024 } }),
    check: async (client, ws) => {
      await hasFinding(client, ws.file('src/leak.ts'));
      await failsClosed(client, ws.file('src/big.ts'), /over the 65536 bytes limit/);
    },
  },
  {
    name: 'encodings: UTF-8, UTF-16LE and UTF-16BE with a byte order mark; a binary file',
    what: 'decoded as TypeScript decodes; what cannot be parsed fails closed',
    files: () => ({
      'src/utf8bom.ts': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LEAK, 'utf8')]),
      'src/utf16le.ts': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LEAK, 'utf16le')]),
      'src/utf16be.ts': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(LEAK, 'utf16le').swap16()]),
      'src/nobom16.ts': Buffer.from(LEAK, 'utf16le'),
      'src/binary.ts': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    }),
    check: async (client, ws) => {
      for (const f of ['utf8bom', 'utf16le', 'utf16be']) await hasFinding(client, ws.file(`src/${f}.ts`));
      await failsClosed(client, ws.file('src/nobom16.ts'), /TypeScript cannot parse it/);
      const d = await failsClosed(client, ws.file('src/binary.ts'), /TypeScript cannot parse it/);
      assert.ok(d.range.end.line > d.range.start.line || d.range.end.character > d.range.start.character, 'spans the rest of the file');
    },
  },
  {
    name: 'symbolic links: a loop of folders, a link to itself, a linked source file',
    what: 'the listing follows links as ESLint does, walks a loop once, and an unfollowable link fails closed',
    files: () => ({ 'src/leak.ts': LEAK, 'shared/target.ts': LEAK }),
    prepare: (ws) => {
      fs.symlinkSync('..', ws.file('src/loop'));
      fs.symlinkSync('self.ts', ws.file('src/self.ts'));
      fs.symlinkSync('../shared/target.ts', ws.file('src/linked.ts'));
    },
    check: async (client, ws) => {
      await hasFinding(client, ws.file('src/leak.ts'));
      await hasFinding(client, ws.file('src/linked.ts'));
      await failsClosed(client, ws.file('src/self.ts'), /ELOOP/);
      const inventory = await client.inventory();
      assert.ok(!inventory.callSites.some((s) => s.fileName.includes('/loop/loop/')), 'the loop is walked once');
    },
  },
  {
    name: 'deletions and renames during start-up',
    what: 'files deleted or renamed while the start-up pass runs leave no diagnostic behind, and the renamed ones are analyzed',
    files: () => Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`src/f${i}.ts`, LEAK])),
    check: async (client, ws) => {
      const changes: { uri: string; type: number }[] = [];
      for (let i = 0; i < 120; i += 2) {
        fs.rmSync(ws.file(`src/f${i}.ts`));
        changes.push({ uri: uriOf(ws.file(`src/f${i}.ts`)), type: 3 });
      }
      for (let i = 1; i < 120; i += 4) {
        fs.renameSync(ws.file(`src/f${i}.ts`), ws.file(`src/r${i}.ts`));
        changes.push({ uri: uriOf(ws.file(`src/f${i}.ts`)), type: 3 }, { uri: uriOf(ws.file(`src/r${i}.ts`)), type: 1 });
      }
      void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
      const inventory = await client.inventory();
      for (const site of inventory.callSites) assert.ok(fs.existsSync(site.fileName), `inventory lists a deleted file ${site.fileName}`);
      for (let i = 0; i < 120; i++) {
        const gone = i % 2 === 0 || i % 4 === 1;
        if (gone) assert.deepEqual(published(client, ws.file(`src/f${i}.ts`)), [], `f${i}.ts is gone`);
        else await hasFinding(client, ws.file(`src/f${i}.ts`));
      }
      for (let i = 1; i < 120; i += 4) await hasFinding(client, ws.file(`src/r${i}.ts`));
    },
  },
  {
    name: 'a config broken at start-up, then fixed',
    what: 'no file is analyzed with the defaults in place of a broken config (ESLint stops on it): each fails closed',
    files: () => ({
      'src/leak.ts': LEAK,
      'src/custom.ts': `import OpenAI from 'openai';\nimport type { Chart } from './chart';\nconst openai = new OpenAI();\nexport const f = (c: Chart) => openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: c.note }] });\n`,
      'src/chart.ts': 'export interface Chart { note: string }\n',
      'phi-guard.config.json': '{ "phi": { "types": ["Chart"] }, "approvedVendors": ["open-ai"] }',
    }),
    check: async (client, ws) => {
      const [problem] = await client.diagnosticsFor(ws.file('phi-guard.config.json'), (ds) => ds.length > 0);
      assert.match(messageOf(problem!), /no valid version was loaded/);
      assert.doesNotMatch(messageOf(problem!), /last valid configuration/);
      await failsClosed(client, ws.file('src/custom.ts'), /phi-guard\.config\.json is invalid/);
      await failsClosed(client, ws.file('src/leak.ts'), /phi-guard\.config\.json is invalid/);
      client.writeFile(ws.file('phi-guard.config.json'), '{ "phi": { "types": ["Chart"] }, "approvedVendors": [] }');
      await hasFinding(client, ws.file('src/custom.ts'));
      await client.diagnosticsFor(ws.file('phi-guard.config.json'), (ds) => ds.length === 0);
      // Broken mid-session: the last valid configuration stays in use, and the message says so.
      client.writeFile(ws.file('phi-guard.config.json'), '{ "phi": { "types": ["Chart"] }, "approvedVendors": [1] }');
      const [later] = await client.diagnosticsFor(ws.file('phi-guard.config.json'), (ds) => ds.length > 0);
      assert.match(messageOf(later!), /last valid configuration stays in use/);
      await hasFinding(client, ws.file('src/custom.ts'));
    },
  },
  {
    name: 'unreadable files and folders',
    what: 'EACCES is not "missing": the file fails closed, the folder is reported, the inventory is incomplete',
    unsupported: () => (process.platform !== 'linux' ? 'needs Linux permissions' : undefined),
    files: () => ({ 'src/leak.ts': LEAK, 'src/secret.ts': LEAK, 'locked/inner.ts': LEAK }),
    prepare: (ws) => {
      fs.chmodSync(ws.file('src/secret.ts'), 0o000);
      fs.chmodSync(ws.file('locked'), 0o000);
      // As root, chmod does not stop reads: the server runs as nobody then (see options), which
      // can read everything else (created 0644/0755 by root) but not these.
    },
    options: () => (isRoot ? { uid: NOBODY, gid: NOBODY, env: { HOME: os.tmpdir() } } : {}),
    check: async (client, ws) => {
      await hasFinding(client, ws.file('src/leak.ts'));
      await failsClosed(client, ws.file('src/secret.ts'), /EACCES/);
      await client.diagnosticsFor(ws.file('locked'), (ds) => ds.some((d) => /could not list this folder \(EACCES\)/.test(messageOf(d))));
      const inventory = await client.inventory();
      assert.equal(inventory.complete, false);
      assert.deepEqual(inventory.unreadableFolders, [ws.file('locked')]);
      assert.deepEqual(inventory.failedFiles, [ws.file('src/secret.ts')]);
    },
  },
  {
    name: 'a hostile phiGuard.exclude',
    what: 'runs of wildcards are collapsed (`**?**?` is `??*`), a pattern that still backtracks is refused with a warning (so more is analyzed, not less); neither blocks the server',
    files: () => ({ 'src/leak.ts': LEAK, [`src/${'a'.repeat(60)}.ts`]: LEAK }),
    options: () => ({ settings: { exclude: ['**?**?**?**?**?**?**?**?**?**?**!', '*a*a*a*a*a*a*a*a*b', '**/dist/**'] } }),
    check: async (client, ws) => {
      await hasFinding(client, ws.file(`src/${'a'.repeat(60)}.ts`));
      await hasFinding(client, ws.file('src/leak.ts'));
      await client.waitFor('a warning about the refused pattern', () => client.shownMessages.some((m) => /exclude pattern "\*a\*a\*a.*" is not used: .* more than 3 wildcards/.test(m.message)));
      assert.equal(client.shownMessages.length, 1, 'the collapsed pattern is used, silently');
    },
  },
  {
    name: 'one file breaks the TypeScript program, then is fixed',
    what: 'each file says what failed and where; no failure diagnostic outlives its cause',
    files: () => ({
      'src/leak.ts': LEAK,
      'src/deep.ts': `export const d = ${"'a' + (".repeat(5000)}'b'${')'.repeat(5000)};\n`,
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, noEmit: true, skipLibCheck: true }, include: ['src'] }),
    }),
    check: async (client, ws) => {
      await failsClosed(client, ws.file('src/deep.ts'), /TypeScript cannot parse this file \(Maximum call stack size exceeded\): it nests too deeply/);
      await failsClosed(client, ws.file('src/leak.ts'), /TypeScript could not build this file's program \(.*; deep\.ts nests too deeply to parse\)/);
      client.writeFile(ws.file('src/deep.ts'), 'export const d = 1;\n');
      await hasFinding(client, ws.file('src/leak.ts'));
      await client.diagnosticsFor(ws.file('src/deep.ts'), (ds) => ds.length === 0);
      assert.equal((await client.inventory()).complete, true);
    },
  },
  {
    name: 'a fail-closed finding under a bare eslint-disable-line on line 1',
    what: '"this file is unchecked" spans the file and is hidden only by a directive naming its rule',
    files: () => {
      return {
        // 5,000 inferred variables: the checker cannot type the last one, and the engine fails closed.
        'failing/line1.ts': [
          "import OpenAI from 'openai'; // eslint-disable-line -- the import is fine",
          'interface Patient {\n  /** @phi */\n  ssn: string;\n}',
          'const openai = new OpenAI();',
          'export const f = (p: Patient) => {',
          '  const v0 = p.ssn;',
          ...Array.from({ length: 5000 }, (_, i) => `  const v${i + 1} = v${i};`),
          "  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: String(v5000) }] });",
          '};\n',
        ].join('\n'),
      };
    },
    check: async (client, ws) => {
      const d = await failsClosed(client, ws.file('failing/line1.ts'), /nests too deeply to follow/);
      assert.match(messageOf(d), /hidden only by a comment that names its rule/);
      assert.deepEqual(d.range.start, { line: 0, character: 0 });
      assert.ok(d.range.end.line >= 8, 'the whole file');
    },
  },
  {
    name: 'suppressions need a reason',
    what: 'a bare eslint-disable or the <reason> placeholder does not hide a PHI Guard finding; a real reason does',
    files: () => {
      const leakWith = (comment: string) => LEAK.replace('  return openai', `  ${comment}\n  return openai`);
      return {
        'src/bare.ts': leakWith('// eslint-disable-next-line'),
        'src/placeholder.ts': leakWith('// eslint-disable-next-line phi-guard/no-phi-in-prompt, phi-guard/approved-vendors -- <reason>'),
        'src/reasoned.ts': leakWith('// eslint-disable-next-line phi-guard/no-phi-in-prompt, phi-guard/approved-vendors -- ids only, reviewed by privacy (PRIV-12)'),
      };
    },
    check: async (client, ws) => {
      for (const f of ['bare', 'placeholder']) {
        const ds = await client.diagnosticsFor(ws.file(`src/${f}.ts`), (x) => x.length === 2);
        for (const d of ds) assert.match(messageOf(d), /gives no reason, so it does not hide a PHI Guard finding/);
      }
      const inventory = await client.inventory();
      assert.equal(inventory.callSites.length, 3);
      assert.deepEqual(published(client, ws.file('src/reasoned.ts')), []);
    },
  },
  {
    name: 'the server crashes: an error escapes every guard',
    what: 'the process exits with an error, so the client restarts it, instead of living on with whatever state the error left',
    serverEnds: true,
    files: () => ({ 'src/leak.ts': LEAK, 'src/crash.ts': LEAK }),
    options: () => ({ env: { PHI_GUARD_TEST_CRASH_ON: 'crash.ts' } }),
    check: async (client) => {
      const code = await new Promise<number | null>((resolve) => {
        if (client.process.exitCode !== null) resolve(client.process.exitCode);
        else client.process.once('exit', (c) => resolve(c));
      });
      assert.equal(code, 1);
      assert.ok(client.logs.some((l) => /uncaught exception: Error: injected crash/.test(l)));
    },
  },
  {
    name: 'the server hangs: its thread never returns',
    what: 'phiGuard/ping, the client heartbeat, is answered by a free server and not by a hung one',
    serverEnds: true,
    files: () => ({ 'src/leak.ts': LEAK, 'src/zz-hang.ts': LEAK }),
    options: () => ({ env: { PHI_GUARD_TEST_HANG_ON: 'zz-hang.ts' } }),
    check: async (client, ws) => {
      // leak.ts is analyzed before zz-hang.ts (the start-up pass goes in name order)...
      await hasFinding(client, ws.file('src/leak.ts'));
      // ...then the thread spins: a ping gets no answer (the client restarts such a server).
      const answer = await Promise.race([client.connection.sendRequest('phiGuard/ping').then(() => 'answered'), new Promise((r) => setTimeout(() => r('no answer'), 5000))]);
      assert.equal(answer, 'no answer');
      client.process.kill('SIGKILL');
    },
  },
  {
    name: 'a malformed message on stdin (Content-Length: abc)',
    what: 'one bad frame costs one message, not the session',
    files: () => ({ 'src/leak.ts': LEAK }),
    check: async (client, ws) => {
      await hasFinding(client, ws.file('src/leak.ts'));
      assert.deepEqual(await client.connection.sendRequest('phiGuard/ping'), {});
      client.process.stdin!.write('Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","id":999,"method":"phiGuard/inventory","params":{}}');
      client.process.stdin!.write('Content-Length: 12x\r\n\r\n{}');
      const inventory = await client.inventory();
      assert.equal(inventory.callSites.length, 1);
      await client.waitFor('the dropped frames in the log', () => client.logs.some((l) => /malformed message: Content-Length "abc" is not a number/.test(l)));
    },
  },
];

/** Runs one case: workspace, server, checks, a final answer from the server, `andThen` on the same session, and the numbers. */
export async function runCase(c: FaultCase, andThen?: (client: LspClient, ws: Workspace) => Promise<void>): Promise<{ ms: number; peakRssMiB: number | undefined }> {
  const ws = makeWorkspace(c.files());
  let client: LspClient | undefined;
  try {
    c.prepare?.(ws);
    const started = Date.now();
    client = await LspClient.start({ workspaceFolders: [ws.folder], ...c.options?.(ws) });
    await c.check(client, ws);
    const peak = peakRssMiB(client.process.pid);
    // Still answering after the fault.
    if (!c.serverEnds) await client.inventory();
    const ms = Date.now() - started;
    if (andThen && !c.serverEnds) await andThen(client, ws);
    return { ms, peakRssMiB: peak };
  } finally {
    await client?.stop();
    removeWorkspace(ws);
  }
}
