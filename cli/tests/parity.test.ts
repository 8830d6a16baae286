/**
 * `phi-guard scan` and ESLint with eslint-plugin-phi-guard must report the same findings,
 * finding for finding: rule, file, line, column and message, eslint-disable directives included.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyFolder, eslintMessages, REPO_ROOT, removeCopy, scanJson, type LintRequest } from './support';

function eslintRows(request: LintRequest): string[] {
  return eslintMessages(request)
    .map((m) => {
      assert.ok(m.ruleId?.startsWith('phi-guard/'), `ESLint problem that is not a PHI Guard finding in ${m.file}: ${m.message}`);
      return `${m.file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`;
    })
    .sort();
}

function cliRows(cwd: string, paths: string[]): string[] {
  const { findings } = scanJson(paths, cwd);
  return findings.filter((f) => f.status === 'new').map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId} ${f.message}`).sort();
}

function filesWith(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => ext.test(f) && !f.includes('node_modules')).sort();
}

describe('phi-guard scan reports what ESLint reports', function () {
  this.timeout(600_000);

  it('on examples/telehealth-app (its own eslint.config.js)', () => {
    const app = path.join(REPO_ROOT, 'examples/telehealth-app');
    const expected = eslintRows({ cwd: app, patterns: ['src'] });
    assert.ok(expected.length > 10);
    assert.deepEqual(cliRows(app, ['src']), expected);
  });

  it('on the labeled corpus (test/corpus, its own eslint.config.js)', () => {
    const corpus = path.join(REPO_ROOT, 'test/corpus');
    const expected = eslintRows({ cwd: corpus, patterns: ['src'] });
    assert.ok(expected.length > 250, `the corpus has findings (${expected.length})`);
    assert.deepEqual(cliRows(corpus, ['src']), expected);
  });

  it('on the ESLint rule tests\' fixture project and the SDK shape fixtures', () => {
    const fixture = path.join(REPO_ROOT, 'eslint-plugin/tests/fixture');
    assert.deepEqual(cliRows(fixture, filesWith(fixture, /\.ts$/)), eslintRows({ cwd: fixture, patterns: ['.'], recommended: { files: ['**/*.ts'], allowDefaultProject: [] } }));
    const shapes = path.join(REPO_ROOT, 'test/fixtures/sdk-shapes');
    const expected = eslintRows({ cwd: shapes, patterns: ['.'], recommended: { files: ['**/*.ts', '**/*.cts'], allowDefaultProject: ['*.ts', '*.cts'] } });
    assert.ok(expected.length > 10);
    assert.deepEqual(cliRows(shapes, filesWith(shapes, /\.c?ts$/)), expected);
  });

  it('on the server fixtures "basic" (tsconfig, loose JavaScript, eslint-disable directives) and "second" (no config files)', () => {
    const basic = copyFolder(path.join(REPO_ROOT, 'test/server/fixtures/basic'));
    const second = copyFolder(path.join(REPO_ROOT, 'test/server/fixtures/second'));
    try {
      const expectedBasic = eslintRows({ cwd: basic, patterns: ['.'], recommended: { files: ['**/*.ts', '**/*.cjs'], allowDefaultProject: ['loose/*.cjs'] } });
      assert.ok(expectedBasic.length > 5);
      const { findings } = scanJson(['.'], basic);
      assert.ok(findings.some((f) => f.status === 'suppressed'), 'the fixture has findings hidden by eslint-disable comments, and the CLI hides them too');
      assert.deepEqual(cliRows(basic, ['.']), expectedBasic);
      const expectedSecond = eslintRows({ cwd: second, patterns: ['.'], recommended: { files: ['**/*.js'], allowDefaultProject: ['src/*.js'] } });
      assert.ok(expectedSecond.length > 0);
      assert.deepEqual(cliRows(second, ['.']), expectedSecond);
    } finally {
      removeCopy(basic);
      removeCopy(second);
    }
  });
});
