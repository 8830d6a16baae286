// Language server benchmark (not a timed test). Generates a TypeScript project of LINES lines
// (default 100k) with bench/generator.mjs (real LLM SDK packages), then reports:
//   - `tsc --noEmit` wall time on it, and the memory of a plain TypeScript LanguageService that
//     type-checks the whole project (the baseline any TS editor pays);
//   - the server (bin/phi-guard-language-server.js --stdio): start-up to the first diagnostics,
//     to the end of the whole-workspace pass, and its resident memory then;
//   - edit-to-diagnostics latency over EDITS edits of one open file (p50, p95, max), measured
//     from sending didChange to receiving publishDiagnostics for that version, debounce included.
// Usage: node server/bench/latency.mjs [--lines 100000] [--edits 100] [--keep] [--server-only]
//        node server/bench/latency.mjs --real DIR [--edit-files a.ts,b.ts,c.ts] [--edits 100]
// --real measures a checkout the user fetched (a folder with a tsconfig.json, opened as the
// workspace): the edits go round-robin to the three largest files under DIR/src (or
// --edit-files), each edit appending or removing a statement at the end of the file, and the
// latencies are reported per file as well. The real project is never modified on disk.
// Needs a built server: npx tsc -b server. SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/p" profiles the server;
// "--max-old-space-size=600" shows the memory growth over the edits is lazy GC, not retention.
// SERVER_BIN=path/to/phi-guard-language-server.js benchmarks another build (A/B against a commit).
import { spawn, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { generateProject } from '../../bench/generator.mjs';
import { countSourceLines } from '../../bench/real.mjs';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const LINES = +arg('lines', 100_000);
const EDITS = +arg('edits', 100);
const KEEP = process.argv.includes('--keep');
/** Only the server (no tsc / plain LanguageService baseline): for A/B runs. */
const SERVER_ONLY = process.argv.includes('--server-only');
const REAL = arg('real', undefined);
const EDIT_FILES = arg('edit-files', undefined);

// ---------------------------------------------------------------- project generator
// The shared generator of the benchmarks (bench/generator.mjs): domain models with @phi members,
// services, prompt builders and a few percent of modules calling the real LLM SDKs.
function generate(root, lines) {
  fs.mkdirSync(root, { recursive: true });
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const project = generateProject(root, { lines });
  return { modules: project.files, lines: project.lines, editFile: project.editFile };
}

/** The three largest non-declaration TypeScript files under DIR/src (by lines): where a developer edits most. */
function largestFiles(root, count = 3) {
  const found = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') && !/\.test\.tsx?$/.test(e.name)) found.push({ p, lines: fs.readFileSync(p, 'utf8').split('\n').length });
    }
  };
  walk(path.join(root, 'src'));
  return found.sort((a, b) => b.lines - a.lines).slice(0, count).map((f) => f.p);
}

// ---------------------------------------------------------------- helpers
const ms = (t) => Number(t.toFixed(0));
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
/** CPU time (user + system) a process used so far, in ms: the work per edit, whatever the machine's load. */
const cpuMs = (pid) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return ((+fields[11] + +fields[12]) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
};
const rssMb = (pid) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(+/VmRSS:\s+(\d+)/.exec(status)[1] / 1024);
};

function languageServiceBaseline(root) {
  // A child process so its memory is its own.
  const script = `
    const ts = require('typescript');
    const path = require('path');
    const root = process.argv[1];
    const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} });
    const host = {
      getScriptFileNames: () => parsed.fileNames, getScriptVersion: () => '1',
      getScriptSnapshot: (f) => ts.sys.fileExists(f) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(f)) : undefined,
      getCompilationSettings: () => parsed.options, getCurrentDirectory: () => root,
      getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o), fileExists: ts.sys.fileExists, readFile: ts.sys.readFile,
      readDirectory: ts.sys.readDirectory, directoryExists: ts.sys.directoryExists, getDirectories: ts.sys.getDirectories, realpath: ts.sys.realpath,
    };
    const started = Date.now();
    const service = ts.createLanguageService(host, ts.createDocumentRegistry());
    let count = 0;
    for (const f of parsed.fileNames) count += service.getSemanticDiagnostics(f).length;
    global.gc && global.gc();
    console.log(JSON.stringify({ ms: Date.now() - started, rssMb: Math.round(process.memoryUsage().rss / 1048576), diagnostics: count }));
  `;
  return JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '-e', script, root], { cwd: repo, encoding: 'utf8' }));
}

async function serverRun(root, files) {
  const started = performance.now();
  const child = spawn(process.execPath, [...(process.env.SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean), process.env.SERVER_BIN || path.join(repo, 'server/bin/phi-guard-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = [];
  let firstDiagnostics;
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    if (firstDiagnostics === undefined && params.diagnostics.length > 0) firstDiagnostics = performance.now() - started;
    for (const w of [...waiters]) w(params);
  });
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', () => {});
  connection.onNotification('$/progress', () => {});
  connection.onNotification('phiGuard/status', () => {});
  connection.listen();
  const uri = (f) => pathToFileURL(f).href;
  await connection.sendRequest('initialize', {
    processId: process.pid, rootUri: uri(root), workspaceFolders: [{ uri: uri(root), name: 'bench' }],
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true } },
  });
  await connection.sendNotification('initialized', {});
  await connection.sendRequest('phiGuard/inventory', { wait: true });
  const startup = performance.now() - started;
  const memoryAfterStartup = rssMb(child.pid);

  // Edits. Generated project: toggle the first prompt's intro between a PHI read and a redacted
  // one. Real project: append a statement to the end of the file and take it out again.
  const texts = files.map((file) => {
    const original = fs.readFileSync(file, 'utf8');
    if (!REAL) {
      return [original.replace(/const intro = [^;]+;/, 'const intro = patient.ssn;'), original.replace(/const intro = [^;]+;/, 'const intro = redact(patient.ssn);')];
    }
    return [`${original}\nvoid 0;\n`, original];
  });
  const versions = files.map(() => 1);
  files.forEach((file, i) => connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(file), languageId: 'typescript', version: 1, text: fs.readFileSync(file, 'utf8') } }));
  const latencies = [];
  const perFile = files.map(() => []);
  let cpuBefore;
  for (let e = 0; e < EDITS; e++) {
    if (e === files.length) cpuBefore = cpuMs(child.pid); // after each file's first edit (which waits for the didOpen analysis)
    const f = e % files.length;
    const file = files[f];
    const round = Math.floor(e / files.length);
    const text = texts[f][round % 2];
    const v = ++versions[f];
    const published = new Promise((resolve) => {
      const w = (params) => {
        if (params.uri === uri(file) && params.version === v) {
          waiters.splice(waiters.indexOf(w), 1);
          resolve(params);
        }
      };
      waiters.push(w);
    });
    const t = performance.now();
    connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(file), version: v }, contentChanges: [{ text }] });
    await published;
    latencies.push(performance.now() - t);
    perFile[f].push(performance.now() - t);
  }
  const cpuPerEdit = (cpuMs(child.pid) - cpuBefore) / Math.max(1, EDITS - files.length);
  const memoryAfterEdits = rssMb(child.pid);
  await connection.sendRequest('shutdown');
  const exited = new Promise((resolve) => child.on('exit', resolve));
  connection.sendNotification('exit');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  connection.dispose();
  if (child.exitCode === null) child.kill();
  return { firstDiagnostics, startup, memoryAfterStartup, memoryAfterEdits, latencies, perFile, cpuPerEdit };
}

// ---------------------------------------------------------------- main
const root = REAL ? path.resolve(REAL) : fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-bench-server-'));
try {
  let project;
  let files;
  if (REAL) {
    if (!fs.existsSync(path.join(root, 'tsconfig.json'))) throw new Error(`--real ${REAL}: no tsconfig.json there`);
    const counted = countSourceLines(root);
    project = { modules: counted.files, lines: counted.lines };
    files = EDIT_FILES ? EDIT_FILES.split(',').map((f) => path.resolve(root, f)) : largestFiles(root);
    console.log(`project: ${root}, ${project.modules} files, ${project.lines} lines under src/; edited: ${files.map((f) => path.relative(root, f)).join(', ')}`);
  } else {
    project = generate(root, LINES);
    files = [path.join(root, project.editFile)];
    console.log(`project: ${project.modules} files, ${project.lines} lines (${root})`);
  }
  let tsc = NaN;
  let baseline = { ms: NaN, rssMb: NaN };
  if (!SERVER_ONLY) {
    const t = performance.now();
    try {
      execFileSync(process.execPath, ['--max-old-space-size=8192', path.join(repo, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', root], { stdio: 'pipe' });
    } catch (error) {
      console.log(`tsc reported errors:\n${String(error.stdout).slice(0, 2000)}`);
    }
    tsc = performance.now() - t;
    baseline = languageServiceBaseline(root);
  }
  const server = await serverRun(root, files);
  const rows = [
    ['tsc --noEmit (wall)', `${ms(tsc)} ms`],
    ['plain LanguageService, whole project type-checked', `${baseline.ms} ms, ${baseline.rssMb} MB RSS`],
    ['server: start-up to first diagnostics', `${ms(server.firstDiagnostics)} ms`],
    ['server: start-up to whole workspace analyzed', `${ms(server.startup)} ms`],
    ['server: memory after the workspace pass', `${server.memoryAfterStartup} MB RSS`],
    [`server: edit-to-diagnostics over ${EDITS} edits (p50 / p95 / max)`, `${ms(percentile(server.latencies, 50))} / ${ms(percentile(server.latencies, 95))} / ${ms(Math.max(...server.latencies))} ms`],
    ...(files.length > 1
      ? files.map((f, i) => [`  ${path.relative(root, f)} (${fs.readFileSync(f, 'utf8').split('\n').length} lines, ${server.perFile[i].length} edits: p50 / p95 / max)`, `${ms(percentile(server.perFile[i], 50))} / ${ms(percentile(server.perFile[i], 95))} / ${ms(Math.max(...server.perFile[i]))} ms`])
      : []),
    ['server: CPU time per edit (mean, user + system)', `${ms(server.cpuPerEdit)} ms`],
    ['server: memory after the edits', `${server.memoryAfterEdits} MB RSS`],
  ];
  console.log(`\n| ${project.lines} lines, ${os.cpus().length} CPUs, Node ${process.version} | |\n|---|---|`);
  for (const [k, v] of rows) console.log(`| ${k} | ${v} |`);
} finally {
  if (!KEEP && !REAL) fs.rmSync(root, { recursive: true, force: true });
}
