import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const app = path.join(root, 'examples/telehealth-app');

interface Expected {
  file: string;
  line: number;
  rule: string;
}

/** Runs the real ESLint CLI on the example, exactly as its README says, and reads the JSON report. */
function lintExample(): { file: string; line: number; rule: string; message: string }[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), 'src', '--format', 'json'], { cwd: app, encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (err) {
    // ESLint exits 1 when it reports problems; the report is still on stdout.
    out = (err as { stdout?: string }).stdout ?? '';
    if (!out) throw err;
  }
  const report = JSON.parse(out) as { filePath: string; messages: { line: number; ruleId: string | null; message: string; fatal?: boolean }[] }[];
  return report.flatMap((r) =>
    r.messages.map((m) => ({ file: path.relative(app, r.filePath).split(path.sep).join('/'), line: m.line, rule: (m.ruleId ?? 'fatal').replace(/^phi-guard\//, ''), message: m.message })),
  );
}

describe('ESLint CLI on examples/telehealth-app', function () {
  this.timeout(180_000);
  const key = (f: Expected) => `${f.file}:${f.line} ${f.rule}`;

  it('reports exactly the findings marked // expect: in the sources', () => {
    const expected = (JSON.parse(fs.readFileSync(path.join(app, 'expected-findings.json'), 'utf8')) as Expected[]).map(key).sort();
    const actual = lintExample();
    const got = [...new Set(actual.map(key))].sort();
    assert.deepEqual(got, expected, `ESLint output:\n${actual.map((a) => `${key(a)}: ${a.message}`).join('\n')}`);
  });

  it('keeps expected-findings.json in step with the // expect: comments', () => {
    execFileSync(process.execPath, ['scripts/list-expectations.mjs', '--check'], { cwd: app, encoding: 'utf8' });
  });
});
