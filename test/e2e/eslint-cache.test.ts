/**
 * `eslint --cache` keys a file's result on its own text and the ESLint config only, so a PHI
 * Guard result can go stale when phi-guard.config.json or an imported file changes. The plugin
 * says so on stderr whenever the flag is used (see eslint-plugin/src/util/analysis.ts).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const app = path.join(root, 'examples/telehealth-app');

function eslint(...args: string[]): { stderr: string; stdout: string } {
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), ...args], { cwd: app, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { stderr: run.stderr, stdout: run.stdout };
}

describe('eslint --cache', function () {
  this.timeout(300_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-eslint-cache-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const WARNING = /PHI Guard: eslint --cache does not know that PHI Guard findings depend on phi-guard\.config\.json/;

  it('is reported on stderr on every run that uses it, cached or not', () => {
    const target = fs.readdirSync(path.join(app, 'src')).find((f) => f.endsWith('.ts'))!;
    const cache = path.join(dir, 'cache');
    const first = eslint('--cache', '--cache-location', cache, `src/${target}`);
    assert.match(first.stderr, WARNING);
    assert.ok(fs.existsSync(cache), 'ESLint wrote its cache');
    assert.match(eslint('--cache', '--cache-location', cache, `src/${target}`).stderr, WARNING);
    assert.doesNotMatch(eslint(`src/${target}`).stderr, WARNING);
  });
});
