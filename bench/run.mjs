#!/usr/bin/env node
// `npm run bench`: generates healthcare projects of each size (bench/generator.mjs) and measures,
// alternating A/B runs on the same project:
//   - ESLint with phiGuard.configs.recommended vs the same typed ESLint run without the rules,
//     and vs that run with one no-op rule enabled (ESLint's own cost of running any rule);
//   - the engine alone over the whole project (bench/engine.mjs) vs `tsc --noEmit`;
//   - wall time (median of the runs) and peak memory (max RSS, median) of each;
// then writes bench/results.md (table, growth from size to size, machine and versions).
// Before timing, each project must type-check (tsc exits 0) and the engine and ESLint must
// report exactly the findings the generator planted; a mismatch is reported in the results.
//
// Usage: npm run bench -- [--sizes 10k,100k,500k] [--runs 3 | --runs 3,3,2] [--seed 1] [--out bench/results.md]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { generateProject, parseSize } from './generator.mjs';
import { prepareRealProject, realName } from './real.mjs';
import { mb, renderMarkdown, sec } from './report.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const sizes = String(arg('sizes', '10k,100k,500k')).split(',').map((s) => s.trim()).filter((s) => s && s !== 'none');
// --real DIR: a real package measured like the generated ones (see bench/README.md, "Real code").
const realDirs = process.argv.flatMap((a, i) => (a === '--real' ? [path.resolve(process.argv[i + 1])] : []));
// --runs 3 for every size, or one count per size (--runs 3,3,2).
const runsList = String(arg('runs', '3')).split(',').map(Number);
const runsFor = (i) => runsList[Math.min(i, runsList.length - 1)];
const seed = Number(arg('seed', 1));
// The table goes to --out, the raw samples next to it (x.md -> x.json): any other name would
// have the table written over the samples.
const out = path.resolve(arg('out', path.join(repo, 'bench/results.md')));
if (!out.endsWith('.md')) {
  console.error(`--out ${out}: give a .md path (the raw samples are written next to it, as .json)`);
  process.exit(2);
}
const projects = path.join(repo, '.bench/projects');

const node = process.execPath;
const bin = {
  tsc: path.join(repo, 'node_modules/typescript/bin/tsc'),
  eslint: path.join(repo, 'node_modules/eslint/bin/eslint.js'),
  engine: path.join(repo, 'bench/engine.mjs'),
  cli: path.join(repo, 'cli/bin/phi-guard.js'),
};
const hasTime = fs.existsSync('/usr/bin/time');
const rssPreload = path.join(repo, 'bench/max-rss.cjs');

/** Run a command; wall time in ms (hrtime) and peak RSS in MB (/usr/bin/time -v, or a preload that reads resourceUsage()). */
function measure(args, cwd) {
  const stats = path.join(os.tmpdir(), `phi-guard-bench-${process.pid}.txt`);
  fs.rmSync(stats, { force: true });
  const env = { ...process.env };
  let cmd = node;
  let cmdArgs = args;
  if (hasTime) {
    cmd = '/usr/bin/time';
    cmdArgs = ['-v', '-o', stats, node, ...args];
  } else {
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${rssPreload}`.trim();
    env.PHI_GUARD_BENCH_RSS_FILE = stats;
  }
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, cmdArgs, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const text = fs.existsSync(stats) ? fs.readFileSync(stats, 'utf8') : '';
  const kb = hasTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1] ?? NaN) : Math.max(0, ...text.split('\n').filter(Boolean).map(Number));
  return { ms, rssMb: kb / 1024, status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}


// Every command gets the same heap limit: Node's default (about 4 GiB here) is within reach of
// typed ESLint on 500k lines, and a run that spends its time in GC near the limit measures the
// limit, not the tool. Large repositories set NODE_OPTIONS=--max-old-space-size in CI anyway.
const HEAP = '--max-old-space-size=8192';
const commands = {
  eslintRules: ['eslint with rules', (p) => [HEAP, bin.eslint, 'src', '--config', 'eslint.config.mjs']],
  eslintBase: ['eslint without rules', (p) => [HEAP, bin.eslint, 'src', '--config', 'eslint.baseline.config.mjs']],
  eslintNoop: ['eslint + a no-op rule', (p) => [HEAP, bin.eslint, 'src', '--config', 'eslint.noop.config.mjs']],
  engine: ['engine', (p) => [HEAP, bin.engine, p]],
  tsc: ['tsc --noEmit', (p) => [HEAP, bin.tsc, '--noEmit', '-p', p]],
  cli: ['phi-guard scan', (p) => [HEAP, bin.cli, 'scan', 'src', '--no-progress', '--format', 'json', '--output', path.join(os.tmpdir(), `phi-guard-bench-cli-${process.pid}.json`)]],
};

const results = [];
const targets = [
  ...sizes.map((size) => ({ size, dir: path.join(projects, size) })),
  ...realDirs.map((dir) => ({ size: realName(dir), dir, real: true })),
];
for (const [sizeIndex, { size, dir, real }] of targets.entries()) {
  const runs = runsFor(sizeIndex);
  let project;
  if (real) {
    project = prepareRealProject(dir, repo);
  } else {
    fs.rmSync(dir, { recursive: true, force: true });
    project = generateProject(dir, { lines: parseSize(size), seed });
  }
  console.log(`\n${size}: ${project.lines} lines in ${project.files} files (${dir})`);
  const checks = [...(project.notes ?? [])];

  // Correctness first: it type-checks, and both adapters report what was planted.
  const tsc0 = measure(commands.tsc[1](dir), dir);
  checks.push(tsc0.status === 0 ? 'tsc --noEmit exits 0' : `tsc --noEmit FAILED (exit ${tsc0.status}): ${tsc0.stdout.slice(0, 500)}`);
  const engine0 = measure(commands.engine[1](dir), dir);
  const engineOut = JSON.parse(engine0.stdout.trim().split('\n').pop() || '{}');
  // A real project has no planted count: ESLint must agree with the engine, and no file may fail.
  const want = project.expected ?? Object.fromEntries(Object.entries(engineOut.findings ?? {}).filter(([k]) => k !== 'analysis-failed'));
  const engineOk = engineOut.findings && Object.keys(want).every((k) => (engineOut.findings[k] ?? 0) === want[k]) && engineOut.failed === 0;
  checks.push(project.expected
    ? `engine findings ${JSON.stringify(engineOut.findings)} ${engineOk ? '=' : '!='} planted ${JSON.stringify(want)}`
    : `engine findings ${JSON.stringify(engineOut.findings)}, ${engineOut.failed} files failed closed (exit ${engine0.status})`);
  const jsonFile = path.join(os.tmpdir(), `phi-guard-bench-eslint-${process.pid}.json`);
  const eslint0 = measure([HEAP, bin.eslint, 'src', '--config', 'eslint.config.mjs', '--format', 'json', '--output-file', jsonFile], dir);
  const eslintCounts = {};
  for (const file of JSON.parse(fs.readFileSync(jsonFile, 'utf8'))) {
    for (const m of file.messages) {
      // A real package's own disable comments name rules this config does not load ("Definition
      // for rule ... was not found"): ESLint's, not PHI Guard's findings.
      if (real && !String(m.ruleId).startsWith('phi-guard/') && m.ruleId !== null) continue;
      const rule = String(m.ruleId).replace(/^phi-guard\//, '');
      eslintCounts[rule] = (eslintCounts[rule] ?? 0) + 1;
    }
  }
  fs.rmSync(jsonFile, { force: true });
  const eslintOk = Object.keys(want).every((k) => (eslintCounts[k] ?? 0) === want[k]) && Object.keys(eslintCounts).every((k) => k in want);
  checks.push(`ESLint findings ${JSON.stringify(eslintCounts)} ${eslintOk ? '=' : '!='} ${project.expected ? 'planted' : 'engine (files under src/)'} (exit ${eslint0.status})`);
  const cli0 = measure(commands.cli[1](dir), dir);
  const cliFile = commands.cli[1](dir).at(-1);
  const cliCounts = {};
  for (const f of fs.existsSync(cliFile) ? JSON.parse(fs.readFileSync(cliFile, 'utf8')).findings : []) {
    if (f.status === 'new') cliCounts[f.ruleId.replace(/^phi-guard\//, '')] = (cliCounts[f.ruleId.replace(/^phi-guard\//, '')] ?? 0) + 1;
  }
  const cliOk = Object.keys(want).every((k) => (cliCounts[k] ?? 0) === want[k]) && Object.keys(cliCounts).every((k) => k in want);
  checks.push(`phi-guard scan findings ${JSON.stringify(cliCounts)} ${cliOk ? '=' : '!='} ${project.expected ? 'planted' : 'engine'} (exit ${cli0.status})`);
  for (const c of checks) console.log(`  ${c}`);

  // Alternate A/B; the order flips every round so drift on a shared machine hits both sides.
  const samples = { eslintRules: [], eslintBase: [], eslintNoop: [], engine: [], tsc: [], cli: [] };
  const eslintOrders = [['eslintBase', 'eslintNoop', 'eslintRules'], ['eslintRules', 'eslintBase', 'eslintNoop'], ['eslintNoop', 'eslintRules', 'eslintBase']];
  for (let i = 0; i < runs; i++) {
    const groups = [eslintOrders[i % 3], i % 2 === 0 ? ['tsc', 'engine', 'cli'] : ['cli', 'engine', 'tsc']];
    for (const group of groups) {
      for (const key of group) {
        const r = measure(commands[key][1](dir), dir);
        samples[key].push(r);
        console.log(`  run ${i + 1}/${runs} ${commands[key][0].padEnd(22)} ${sec(r.ms).padStart(7)} s ${mb(r.rssMb).padStart(6)} MB (exit ${r.status})`);
      }
    }
  }
  const raw = (key) => samples[key].map((r) => ({ ms: Math.round(r.ms), rssMb: Math.round(r.rssMb) }));
  results.push({
    size, real: !!real, lines: project.lines, files: project.files, checks, runs,
    samples: { eslintBase: raw('eslintBase'), eslintNoop: raw('eslintNoop'), eslintRules: raw('eslintRules'), tsc: raw('tsc'), engine: raw('engine'), cli: raw('cli') },
  });
}

// ------------------------------------------------------------------ results
const version = (pkg) => {
  try {
    return require(path.join(repo, 'node_modules', pkg, 'package.json')).version;
  } catch {
    return '?';
  }
};
const cpus = os.cpus();
const data = {
  command: `npm run bench -- --sizes ${sizes.join(',') || 'none'} --runs ${runsList.join(',')}${seed !== 1 ? ` --seed ${seed}` : ''}${realDirs.map((d) => ` --real ${path.relative(repo, d)}`).join('')}`,
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  machine: `${cpus.length} x ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}`,
  versions: { node: process.version, typescript: version('typescript'), eslint: version('eslint'), 'typescript-eslint': version('typescript-eslint') },
  seed,
  results,
};
// The raw samples are kept next to the table, so the table can be re-rendered (bench/report.mjs).
fs.writeFileSync(out.replace(/\.md$/, '.json'), JSON.stringify(data, null, 1) + '\n');
const md = renderMarkdown(data);
fs.writeFileSync(out, md);
console.log(`\n${md}\nwritten to ${path.relative(process.cwd(), out)}`);
