#!/usr/bin/env node
// The README's demo: lint the bundled telehealth app with PHI Guard and print what it finds.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const app = path.join(__dirname, '..', 'examples', 'telehealth-app');
const eslint = path.join(__dirname, '..', 'node_modules', 'eslint', 'bin', 'eslint.js');
// The plugin's formatter prints, under each finding, where the PHI came from and each hop to the LLM call.
const formatter = require.resolve('eslint-plugin-phi-guard/formatter', { paths: [app] });
const shown = path.relative(app, formatter);
console.log(`PHI Guard demo: eslint src -f ${shown} (in ${path.relative(process.cwd(), app) || '.'})`);
const started = Date.now();
const r = spawnSync(process.execPath, [eslint, 'src', '-f', formatter], { cwd: app, stdio: 'inherit' });
console.log(`Linted in ${((Date.now() - started) / 1000).toFixed(1)} s. The findings above are the demo's intended leaks; see examples/telehealth-app/README.md.`);
// ESLint exits 1 when it finds problems, which is the point of the demo; 2 means it failed.
process.exit(r.status === 1 ? 0 : r.status ?? 2);
