/**
 * The server binary as a user meets it on a terminal: `--help` and `--version` answer and exit
 * 0; without a transport it says what to pass, with no stack trace.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, SERVER_BIN } from './support/lspClient';

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [SERVER_BIN, ...args], { encoding: 'utf8', timeout: 30_000, input: '' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'server/package.json'), 'utf8')) as { version: string }).version;

describe('phi-guard-language-server command line', function () {
  this.timeout(60_000);

  for (const flag of ['--help', '-h']) {
    it(`${flag} prints the usage with the transports and exits 0`, () => {
      const { code, stdout, stderr } = run(flag);
      assert.equal(code, 0, stderr);
      assert.match(stdout, /^Usage: phi-guard-language-server --stdio$/m);
      assert.match(stdout, /--version/);
      assert.equal(stderr, '');
    });
  }

  for (const flag of ['--version', '-v']) {
    it(`${flag} prints the package version and exits 0`, () => {
      const { code, stdout, stderr } = run(flag);
      assert.equal(code, 0, stderr);
      assert.equal(stdout, `phi-guard-language-server ${version}\n`);
      assert.equal(stderr, '');
    });
  }

  it('no transport: a one-line usage error, exit 2, no stack trace', () => {
    const { code, stdout, stderr } = run();
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^phi-guard-language-server: no transport option .*--stdio/);
    assert.equal(stderr.trim().split('\n').length, 1, stderr);
    assert.doesNotMatch(stderr, /\n\s+at /);
  });
});
