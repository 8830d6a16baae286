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

interface Report {
  filePath: string;
  output?: string;
  messages: { line: number; column: number; ruleId: string | null; message: string; fatal?: boolean; fix?: unknown; suggestions?: { desc: string }[] }[];
}

/** Runs the real ESLint CLI on the example (its README's command, plus `extra` flags) and reads the JSON report. */
function eslintReport(extra: string[] = []): Report[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), 'src', '--format', 'json', ...extra], { cwd: app, encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (err) {
    // ESLint exits 1 when it reports problems; the report is still on stdout.
    out = (err as { stdout?: string }).stdout ?? '';
    if (!out) throw err;
  }
  return JSON.parse(out) as Report[];
}

function lintExample(): { file: string; line: number; rule: string; message: string }[] {
  return eslintReport().flatMap((r) =>
    r.messages.map((m) => ({ file: path.relative(app, r.filePath).split(path.sep).join('/'), line: m.line, rule: (m.ruleId ?? 'fatal').replace(/^phi-guard\//, ''), message: m.message })),
  );
}

describe('ESLint CLI on examples/telehealth-app', function () {
  // Typed ESLint runs, four of them; a loaded machine has taken over 3 minutes for two.
  this.timeout(600_000);
  const key = (f: Expected) => `${f.file}:${f.line} ${f.rule}`;

  it('reports exactly the findings marked // expect: in the sources', () => {
    const expected = (JSON.parse(fs.readFileSync(path.join(app, 'expected-findings.json'), 'utf8')) as Expected[]).map(key).sort();
    const actual = lintExample();
    const got = [...new Set(actual.map(key))].sort();
    assert.deepEqual(got, expected, `ESLint output:\n${actual.map((a) => `${key(a)}: ${a.message}`).join('\n')}`);
  });

  it('--fix never applies the redactor: it is a suggestion, and --fix-dry-run changes no file', () => {
    const report = eslintReport(['--fix-dry-run']);
    const phi = report.flatMap((r) => r.messages.filter((m) => m.ruleId === 'phi-guard/no-phi-in-prompt'));
    assert.ok(phi.length > 5, `PHI findings on the example (${phi.length})`);
    assert.ok(
      phi.some((m) => m.suggestions?.some((x) => /redact/i.test(x.desc))),
      'the redactor is offered as a suggestion',
    );
    assert.deepEqual(report.filter((r) => r.output !== undefined).map((r) => r.filePath), [], 'files --fix would rewrite');
    assert.deepEqual(phi.filter((m) => m.fix !== undefined).map((m) => `${m.line}: ${m.message}`), [], 'PHI findings carrying an autofix');
  });

  it('--concurrency 2 reports exactly the findings of a serial run', () => {
    const rows = (report: Report[]) => report.flatMap((r) => r.messages.map((m) => `${path.relative(app, r.filePath)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`)).sort();
    const serial = rows(eslintReport());
    assert.ok(serial.length > 10);
    assert.deepEqual(rows(eslintReport(['--concurrency', '2'])), serial);
  });

  it('keeps expected-findings.json in step with the // expect: comments', () => {
    execFileSync(process.execPath, ['scripts/list-expectations.mjs', '--check'], { cwd: app, encoding: 'utf8' });
  });
});
