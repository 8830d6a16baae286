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

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const sizes = String(arg('sizes', '10k,100k,500k')).split(',').map((s) => s.trim()).filter(Boolean);
// --runs 3 for every size, or one count per size (--runs 3,3,2).
const runsList = String(arg('runs', '3')).split(',').map(Number);
const runsFor = (i) => runsList[Math.min(i, runsList.length - 1)];
const seed = Number(arg('seed', 1));
const out = path.resolve(arg('out', path.join(repo, 'bench/results.md')));
const projects = path.join(repo, '.bench/projects');

const node = process.execPath;
const bin = {
  tsc: path.join(repo, 'node_modules/typescript/bin/tsc'),
  eslint: path.join(repo, 'node_modules/eslint/bin/eslint.js'),
  engine: path.join(repo, 'bench/engine.mjs'),
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

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sec = (ms) => (ms / 1000).toFixed(1);
const mb = (x) => Math.round(x).toString();
const ratio = (a, b) => (a / b).toFixed(2);

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
};

const results = [];
for (const [sizeIndex, size] of sizes.entries()) {
  const runs = runsFor(sizeIndex);
  const lines = parseSize(size);
  const dir = path.join(projects, size);
  fs.rmSync(dir, { recursive: true, force: true });
  const project = generateProject(dir, { lines, seed });
  console.log(`\n${size}: ${project.lines} lines in ${project.files} files (${dir})`);
  const checks = [];

  // Correctness first: it type-checks, and both adapters report what was planted.
  const tsc0 = measure(commands.tsc[1](dir), dir);
  checks.push(tsc0.status === 0 ? 'tsc --noEmit exits 0' : `tsc --noEmit FAILED (exit ${tsc0.status}): ${tsc0.stdout.slice(0, 500)}`);
  const engine0 = measure(commands.engine[1](dir), dir);
  const engineOut = JSON.parse(engine0.stdout.trim().split('\n').pop() || '{}');
  const want = project.expected;
  const engineOk = engineOut.findings && Object.keys(want).every((k) => (engineOut.findings[k] ?? 0) === want[k]) && engineOut.failed === 0;
  checks.push(`engine findings ${JSON.stringify(engineOut.findings)} ${engineOk ? '=' : '!='} planted ${JSON.stringify(want)}`);
  const jsonFile = path.join(os.tmpdir(), `phi-guard-bench-eslint-${process.pid}.json`);
  const eslint0 = measure([HEAP, bin.eslint, 'src', '--config', 'eslint.config.mjs', '--format', 'json', '--output-file', jsonFile], dir);
  const eslintCounts = {};
  for (const file of JSON.parse(fs.readFileSync(jsonFile, 'utf8'))) {
    for (const m of file.messages) {
      const rule = String(m.ruleId).replace(/^phi-guard\//, '');
      eslintCounts[rule] = (eslintCounts[rule] ?? 0) + 1;
    }
  }
  fs.rmSync(jsonFile, { force: true });
  const eslintOk = Object.keys(want).every((k) => (eslintCounts[k] ?? 0) === want[k]) && Object.keys(eslintCounts).every((k) => k in want);
  checks.push(`ESLint findings ${JSON.stringify(eslintCounts)} ${eslintOk ? '=' : '!='} planted (exit ${eslint0.status})`);
  for (const c of checks) console.log(`  ${c}`);

  // Alternate A/B; the order flips every round so drift on a shared machine hits both sides.
  const samples = { eslintRules: [], eslintBase: [], eslintNoop: [], engine: [], tsc: [] };
  const eslintOrders = [['eslintBase', 'eslintNoop', 'eslintRules'], ['eslintRules', 'eslintBase', 'eslintNoop'], ['eslintNoop', 'eslintRules', 'eslintBase']];
  for (let i = 0; i < runs; i++) {
    const groups = [eslintOrders[i % 3], i % 2 === 0 ? ['tsc', 'engine'] : ['engine', 'tsc']];
    for (const group of groups) {
      for (const key of group) {
        const r = measure(commands[key][1](dir), dir);
        samples[key].push(r);
        console.log(`  run ${i + 1}/${runs} ${commands[key][0].padEnd(22)} ${sec(r.ms).padStart(7)} s ${mb(r.rssMb).padStart(6)} MB (exit ${r.status})`);
      }
    }
  }
  const m = (key) => ({ ms: median(samples[key].map((r) => r.ms)), rssMb: median(samples[key].map((r) => r.rssMb)) });
  // The per-pair ratios' median, too: robust to a noisy neighbour during one pair.
  const pairRatio = (a, b) => median(samples[a].map((r, i) => r.ms / samples[b][i].ms));
  results.push({
    size, lines: project.lines, files: project.files, checks, runs,
    eslintRules: m('eslintRules'), eslintBase: m('eslintBase'), eslintNoop: m('eslintNoop'), engine: m('engine'), tsc: m('tsc'),
    eslintPairRatio: pairRatio('eslintRules', 'eslintBase'), noopPairRatio: pairRatio('eslintNoop', 'eslintBase'), overNoopPairRatio: pairRatio('eslintRules', 'eslintNoop'),
    enginePairRatio: pairRatio('engine', 'tsc'),
  });
}

// ------------------------------------------------------------------ results.md
const version = (pkg) => {
  try {
    return require(path.join(repo, 'node_modules', pkg, 'package.json')).version;
  } catch {
    return '?';
  }
};
const cpus = os.cpus();
const md = [];
md.push('# PHI Guard benchmarks', '');
md.push(`Generated by \`npm run bench -- --sizes ${sizes.join(',')} --runs ${runsList.join(',')}\` on ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}; do not edit by hand.`);
md.push(`Machine: ${cpus.length} x ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()} (shared; figures are medians of alternating runs).`);
md.push(`Versions: Node ${process.version}, TypeScript ${version('typescript')}, ESLint ${version('eslint')}, typescript-eslint ${version('typescript-eslint')}, seed ${seed}.`);
md.push('');
md.push('Times are wall clock per run (Node start-up included), medians of the runs; memory is peak RSS (max resident set size), median. Every command runs with `--max-old-space-size=8192`.');
md.push('"ratio" is median(A) / median(B); "pair" is the median of the per-run ratios A/B (A and B run back to back, so a noisy neighbour during one run moves one pair, not the median).');
md.push('');
md.push('## ESLint: the rules\' overhead', '');
md.push('"No rules" is the typed run (parser, `projectService`) with no rule enabled. "No-op rule" is the same run with one enabled rule that does nothing: ESLint\'s own cost once any rule is on, which every real setup pays. "PHI Guard" is `phiGuard.configs.recommended`.');
md.push('');
md.push('| project | no rules | no-op rule | PHI Guard | **PHI Guard / no rules** (pair) | no-op / no rules (pair) | PHI Guard / no-op (pair) | memory: no rules / no-op / PHI Guard |');
md.push('|---|---|---|---|---|---|---|---|');
for (const r of results) {
  md.push(`| ${r.size} (${r.lines.toLocaleString('en-US')} lines, ${r.files} files, ${r.runs} runs) | ${sec(r.eslintBase.ms)} s | ${sec(r.eslintNoop.ms)} s | ${sec(r.eslintRules.ms)} s | **${ratio(r.eslintRules.ms, r.eslintBase.ms)}x** (${r.eslintPairRatio.toFixed(2)}x) | ${ratio(r.eslintNoop.ms, r.eslintBase.ms)}x (${r.noopPairRatio.toFixed(2)}x) | ${ratio(r.eslintRules.ms, r.eslintNoop.ms)}x (${r.overNoopPairRatio.toFixed(2)}x) | ${mb(r.eslintBase.rssMb)} / ${mb(r.eslintNoop.rssMb)} / ${mb(r.eslintRules.rssMb)} MB |`);
}
md.push('', '## The engine alone against `tsc --noEmit`', '');
md.push('| project | tsc --noEmit | engine alone | **ratio** (pair) | memory: tsc / engine |');
md.push('|---|---|---|---|---|');
for (const r of results) {
  md.push(`| ${r.size} | ${sec(r.tsc.ms)} s | ${sec(r.engine.ms)} s | **${ratio(r.engine.ms, r.tsc.ms)}x** (${r.enginePairRatio.toFixed(2)}x) | ${mb(r.tsc.rssMb)} / ${mb(r.engine.rssMb)} MB |`);
}
if (results.length > 1) {
  md.push('', '## Growth', '', 'Each figure divided by the same figure on the previous size (lines grew by the factor in the second column).', '');
  md.push('| from → to | lines | ESLint no rules | ESLint no-op rule | ESLint + PHI Guard | tsc | engine | memory ESLint no rules / + PHI Guard | memory tsc / engine |');
  md.push('|---|---|---|---|---|---|---|---|---|');
  for (let i = 1; i < results.length; i++) {
    const a = results[i - 1];
    const b = results[i];
    const g = (k, f) => (b[k][f] / a[k][f]).toFixed(2) + 'x';
    md.push(`| ${a.size} → ${b.size} | ${(b.lines / a.lines).toFixed(2)}x | ${g('eslintBase', 'ms')} | ${g('eslintNoop', 'ms')} | ${g('eslintRules', 'ms')} | ${g('tsc', 'ms')} | ${g('engine', 'ms')} | ${g('eslintBase', 'rssMb')} / ${g('eslintRules', 'rssMb')} | ${g('tsc', 'rssMb')} / ${g('engine', 'rssMb')} |`);
  }
}
md.push('', '## Checks', '');
for (const r of results) for (const c of r.checks) md.push(`- ${r.size}: ${c}`);
md.push('');
fs.writeFileSync(out, md.join('\n'));
console.log(`\n${md.join('\n')}\nwritten to ${path.relative(process.cwd(), out)}`);
