/** The `phi-guard` command as a user runs it: exit codes, errors, progress, formats, output files. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyFolder, removeCopy, runCli, scanJson } from './support';

const FIXTURE = path.resolve(__dirname, '../../tests/fixtures/app');

describe('phi-guard command line', function () {
  this.timeout(120_000);
  let folder: string;
  before(() => {
    folder = copyFolder(FIXTURE);
  });
  after(() => removeCopy(folder));

  it('exits 2 with a clear message on usage errors', () => {
    const cases: [string[], RegExp][] = [
      [['lint'], /unknown command "lint" \(expected scan, baseline or report\)/],
      [['scan', '--format', 'xml'], /scan does not write format "xml" \(expected stylish, json, sarif, markdown, html\)/],
      [['scan', '--bogus'], /unknown option "--bogus"/],
      [['scan', '--output'], /--output needs a value/],
      [['scan', 'no/such/dir'], /no\/such\/dir: no such file or folder/],
      [['report', '--format', 'sarif'], /report does not write format "sarif"/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args, folder);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    }
    assert.match(runCli(['--help'], folder).stdout, /Usage: phi-guard <command>/);
  });

  it('exits 2 on a bad phi-guard.config.json, naming the file, the position, the key path and the problem', () => {
    const config = path.join(folder, 'phi-guard.config.json');
    const good = fs.readFileSync(config, 'utf8');
    try {
      fs.writeFileSync(config, '{\n  "approvedVendors": ["open-ai"]\n}\n');
      const r = runCli(['scan', '--no-progress'], folder);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /phi-guard\.config\.json is invalid: .*phi-guard\.config\.json:2:23: approvedVendors\[0\]: "open-ai" is not a known vendor id/);
    } finally {
      fs.writeFileSync(config, good);
    }
  });

  it('exits 1 on findings and prints each with its flow path; exits 0 on a clean file', () => {
    const r = runCli(['scan', '--no-progress'], folder);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^src\/chat\.ts\n/);
    assert.match(r.stdout, /path of Patient\.firstName: src\/prompt\.ts:4:\d+ Patient\.firstName \(marked @phi\) → .* → 13:\d+ sent to OpenAI by chat\.completions\.create/);
    assert.match(r.stdout, /✖ \d+ findings in 1 file \(1 suppressed in source\)/);
    const clean = runCli(['scan', '--no-progress', 'src/prompt.ts', 'src/models.ts'], folder);
    assert.equal(clean.status, 0, clean.stdout);
    assert.equal(clean.stdout, 'No findings in 2 files.\n');
  });

  it('a suppression without a reason hides nothing, as in the editor (the placeholder <reason> is no reason)', () => {
    const file = path.join(folder, 'src/chat.ts');
    const original = fs.readFileSync(file, 'utf8');
    const reasoned = '// eslint-disable-next-line phi-guard/no-phi-in-prompt -- the ETL de-identifies this field upstream';
    assert.ok(original.includes(reasoned));
    try {
      for (const directive of ['// eslint-disable-next-line phi-guard/no-phi-in-prompt', '// eslint-disable-next-line phi-guard/no-phi-in-prompt -- <reason>']) {
        fs.writeFileSync(file, original.replace(reasoned, directive));
        const { findings } = scanJson(['src/chat.ts'], folder);
        const legacy = findings.filter((f) => f.ruleId === 'phi-guard/no-phi-in-prompt' && f.line === 26);
        assert.deepEqual(legacy.map((f) => f.status), ['new'], directive);
        assert.equal(findings.filter((f) => f.status === 'suppressed').length, 0, directive);
      }
    } finally {
      fs.writeFileSync(file, original);
    }
    assert.deepEqual(scanJson(['src/chat.ts'], folder).findings.filter((f) => f.status === 'suppressed').map((f) => f.line), [26]);
  });

  it('shows progress on stderr with --progress (files done, elapsed), and none by default when stderr is not a terminal', () => {
    const withProgress = runCli(['scan', '--progress'], folder);
    assert.match(withProgress.stderr, /^phi-guard: 0\/4 files, 0\.\d s\n/);
    assert.match(withProgress.stderr, /phi-guard: 4\/4 files, \d+\.\d s\n/);
    assert.match(withProgress.stderr, /phi-guard: 4 files analyzed in \d+\.\d s\n$/);
    assert.equal(runCli(['scan'], folder).stderr, '');
  });

  it('writes --output files, taking the format from the extension; markdown and html list the findings', () => {
    const sarif = path.join(folder, 'out/phi-guard.sarif');
    const r = runCli(['scan', '--no-progress', '-o', sarif], folder);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.equal(JSON.parse(fs.readFileSync(sarif, 'utf8')).version, '2.1.0');
    const md = runCli(['scan', '--no-progress', '--format', 'markdown'], folder).stdout;
    assert.match(md, /\| src\/chat\.ts:12:\d+ \| phi-guard\/no-phi-in-prompt \| PHI Patient\.firstName \(from prompt\.ts:4\)/);
    assert.match(md, /suppressed in source \(the ETL de-identifies this field upstream\)/);
    const html = runCli(['scan', '--no-progress', '--format', 'html'], folder).stdout;
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<td>phi-guard\/approved-vendors<\/td>/);
  });
});
