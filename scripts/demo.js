#!/usr/bin/env node
// The README's demo: lint the bundled telehealth app with PHI Guard and print what it finds.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const app = path.join(__dirname, '..', 'examples', 'telehealth-app');
const eslint = path.join(__dirname, '..', 'node_modules', 'eslint', 'bin', 'eslint.js');
console.log(`PHI Guard demo: eslint src (in ${path.relative(process.cwd(), app) || '.'})\n`);
const started = Date.now();
const r = spawnSync(process.execPath, [eslint, 'src'], { cwd: app, stdio: 'inherit' });
console.log(`\nLinted in ${((Date.now() - started) / 1000).toFixed(1)} s. The findings above are the demo's intended leaks; see examples/telehealth-app/README.md.`);
// ESLint exits 1 when it finds problems, which is the point of the demo; 2 means it failed.
process.exit(r.status === 1 ? 0 : r.status ?? 2);
