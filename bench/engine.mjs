#!/usr/bin/env node
// The engine alone over a whole project, the way a CI script would run it: build the program
// from tsconfig.json, load phi-guard.config.json, analyzeFile() every project source file.
// Prints one JSON line: { files, findings: { rule: count }, failed, ms, maxRssMb }.
// Usage: node bench/engine.mjs <project-dir> [--list]   (--list prints every finding too)
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const { analyzeFile, loadConfigForFile } = require('@phi-guard/core');

const root = path.resolve(process.argv[2] ?? '.');
const list = process.argv.includes('--list');
const started = performance.now();
const configPath = path.join(root, 'tsconfig.json');
const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } });
const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, projectReferences: parsed.projectReferences });
const counts = {};
let failed = 0;
let files = 0;
for (const sf of program.getSourceFiles()) {
  if (sf.isDeclarationFile || sf.fileName.includes('/node_modules/')) continue;
  files++;
  const analysis = analyzeFile(program, sf, loadConfigForFile(sf.fileName));
  for (const f of analysis.findings) {
    if (f.kind === 'analysis-failed') failed++;
    counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
    if (list) console.log(`${path.relative(root, f.range.fileName)}:${f.range.startPos.line + 1}:${f.range.startPos.character + 1} ${f.ruleId} ${f.message}`);
  }
}
const ms = Math.round(performance.now() - started);
console.log(JSON.stringify({ files, findings: counts, failed, ms, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
