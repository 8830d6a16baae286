/**
 * The editor and CI must never disagree: on the same files and config, the language server
 * publishes exactly the findings ESLint reports with eslint-plugin-phi-guard (same rule, same
 * line), eslint-disable directives included.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LspClient, messageOf, REPO_ROOT } from './support/lspClient';
import { runEslint, type LintRequest } from './support/eslintRun';
import { copyFixture, removeCopy } from './support/workspace';

type Row = string; // "file:line rule"

function eslintRows(request: LintRequest): Row[] {
  const outcome = runEslint(request);
  if ('stopped' in outcome) assert.fail(`ESLint stopped: ${outcome.stopped}`);
  const results = outcome.results;
  const rows: Row[] = [];
  for (const result of results) {
    for (const message of result.messages) {
      assert.ok(message.ruleId?.startsWith('phi-guard/'), `ESLint problem that is not a PHI Guard finding in ${result.filePath}: ${message.message}`);
      rows.push(`${path.relative(request.cwd, result.filePath)}:${message.line} ${message.ruleId!.slice('phi-guard/'.length)}`);
    }
  }
  return rows.sort();
}

/**
 * The rows the server publishes for the folder. Every PHI finding must carry its flow path as
 * relatedInformation: the PHI source first, the LLM call last, each step in a file.
 */
async function serverRows(folder: string): Promise<Row[]> {
  const client = await LspClient.start({ workspaceFolders: [folder] });
  try {
    await client.inventory(); // resolves once the start-up pass is done
    const rows: Row[] = [];
    const withoutFlow: Row[] = [];
    for (const [uri, published] of client.diagnostics) {
      for (const d of published.diagnostics) {
        const row = `${path.relative(folder, fileURLToPath(uri))}:${d.range.start.line + 1} ${d.code}`;
        rows.push(row);
        if (d.code !== 'no-phi-in-prompt' || /could not (finish )?analyz/.test(messageOf(d))) continue;
        const steps = d.relatedInformation ?? [];
        const complete =
          steps.length >= 2 &&
          /^\d+\. PHI source: /.test(steps[0].message) &&
          /^\d+\. LLM call: /.test(steps[steps.length - 1].message) &&
          steps.every((s) => s.location.uri.startsWith('file://'));
        if (!complete) withoutFlow.push(`${row}: ${JSON.stringify(steps.map((s) => s.message))}`);
      }
    }
    assert.deepEqual(withoutFlow, [], 'PHI findings without a complete flow path');
    return rows.sort();
  } finally {
    await client.stop();
  }
}

describe('language server and ESLint report the same findings', function () {
  this.timeout(300_000);

  it('on examples/telehealth-app, with its own eslint.config.js', async () => {
    const app = path.join(REPO_ROOT, 'examples/telehealth-app');
    const expected = eslintRows({ cwd: app, patterns: ['src'] });
    assert.ok(expected.length > 10, 'the example has findings');
    assert.deepEqual(await serverRows(app), expected);
  });

  it('on the labeled corpus (test/corpus: 78 files, every SDK and flow kind, with its own eslint.config.js)', async () => {
    const corpus = path.join(REPO_ROOT, 'test/corpus');
    const expected = eslintRows({ cwd: corpus, patterns: ['src'] });
    assert.ok(expected.length > 250, `the corpus has findings (${expected.length})`);
    const files = new Set(expected.map((row) => row.split(':')[0]));
    assert.ok(files.size > 60, `findings in most corpus files (${files.size})`);
    assert.deepEqual(await serverRows(corpus), expected);
  });

  it('on the ESLint rule tests\' fixture project (eslint-plugin/tests/fixture)', async () => {
    const folder = path.join(REPO_ROOT, 'eslint-plugin/tests/fixture');
    const expected = eslintRows({ cwd: folder, patterns: ['.'], recommended: { files: ['**/*.ts'], allowDefaultProject: [] } });
    assert.deepEqual(await serverRows(folder), expected);
  });

  it('on the SDK shape fixtures (test/fixtures/sdk-shapes: every vendor SDK, no tsconfig)', async () => {
    const folder = path.join(REPO_ROOT, 'test/fixtures/sdk-shapes');
    const expected = eslintRows({ cwd: folder, patterns: ['.'], recommended: { files: ['**/*.ts', '**/*.cts'], allowDefaultProject: ['*.ts', '*.cts'] } });
    assert.ok(expected.length > 10);
    assert.deepEqual(await serverRows(folder), expected);
  });

  it('on the server fixture "basic" (tsconfig project, loose JavaScript, eslint-disable directives)', async () => {
    const folder = copyFixture('basic');
    try {
      const expected = eslintRows({ cwd: folder, patterns: ['.'], recommended: { files: ['**/*.ts', '**/*.cjs'], allowDefaultProject: ['loose/*.cjs'] } });
      assert.ok(expected.length > 5);
      assert.deepEqual(await serverRows(folder), expected);
    } finally {
      removeCopy(folder);
    }
  });

  it('on the server fixture "second" (plain JavaScript folder, no config files)', async () => {
    const folder = copyFixture('second');
    try {
      const expected = eslintRows({ cwd: folder, patterns: ['.'], recommended: { files: ['**/*.js'], allowDefaultProject: ['src/*.js'] } });
      assert.ok(expected.length > 0);
      assert.deepEqual(await serverRows(folder), expected);
    } finally {
      removeCopy(folder);
    }
  });
});
