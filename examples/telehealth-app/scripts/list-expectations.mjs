#!/usr/bin/env node
// Lists the findings PHI Guard must report on this app, from the `// expect: <rule>` comments
// in src/, and writes them to expected-findings.json (generated: never edit that file by hand).
//
//   node scripts/list-expectations.mjs           rewrite expected-findings.json
//   node scripts/list-expectations.mjs --check   exit 1 if expected-findings.json is stale
//   node scripts/list-expectations.mjs --stdout  print the list instead of writing it
//
// A marker is a trailing line comment naming one or more rules (comma-separated), without the
// plugin prefix: `// expect: no-phi-in-prompt` or `// expect: approved-vendors`. The line is
// the 1-based line ESLint reports.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const RULES = new Set(['no-phi-in-prompt', 'approved-vendors']);
const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = join(appRoot, 'expected-findings.json');
const MARKER = /\/\/\s*expect:\s*(.*?)\s*$/;

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
    });
}

export function listExpectations() {
  const expectations = [];
  const problems = [];
  for (const path of sourceFiles(join(appRoot, 'src'))) {
    const file = relative(appRoot, path).split(sep).join('/');
    readFileSync(path, 'utf8').split(/\r?\n/).forEach((text, index) => {
      const match = MARKER.exec(text);
      if (!match) return;
      const rules = match[1].split(',').map((rule) => rule.trim()).filter(Boolean);
      if (rules.length === 0) problems.push(`${file}:${index + 1}: empty expect: marker`);
      for (const rule of rules) {
        if (!RULES.has(rule)) problems.push(`${file}:${index + 1}: unknown rule "${rule}"`);
        else if (expectations.some((e) => e.file === file && e.line === index + 1 && e.rule === rule)) {
          problems.push(`${file}:${index + 1}: "${rule}" listed twice`);
        } else expectations.push({ file, line: index + 1, rule });
      }
    });
  }
  if (problems.length > 0) throw new Error(`bad expect: markers\n${problems.join('\n')}`);
  return expectations.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule));
}

function render(expectations) {
  return `[\n${expectations.map((e) => `  ${JSON.stringify(e)}`).join(',\n')}\n]\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = render(listExpectations());
  if (process.argv.includes('--stdout')) {
    process.stdout.write(text);
  } else if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(outFile, 'utf8');
    } catch {}
    if (current !== text) {
      process.stderr.write('expected-findings.json is stale: run node scripts/list-expectations.mjs\n');
      process.exit(1);
    }
  } else {
    writeFileSync(outFile, text);
    process.stdout.write(`wrote ${relative(process.cwd(), outFile) || outFile}\n`);
  }
}
