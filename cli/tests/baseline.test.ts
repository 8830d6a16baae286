/**
 * Baselines: `phi-guard baseline` records today's findings by fingerprint; `scan` then fails
 * only on new ones, keeps a finding matched when the file is edited elsewhere, treats a new
 * flow into the same call as new, reports entries that no longer match and prunes them.
 * ESLint reads the same file (beside phi-guard.config.json).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyFolder, eslintMessages, REPO_ROOT, removeCopy, runCli, scanJson } from './support';

const FIXTURE = path.resolve(__dirname, '../../tests/fixtures/app');

interface BaselineFile {
  version: number;
  findings: { fingerprint: string; rule: string; file: string; message: string; reason: string }[];
}

describe('phi-guard baseline', function () {
  this.timeout(300_000);
  let folder: string;
  let chat: string;
  let original: string;
  const baselineFile = () => path.join(folder, 'phi-guard.baseline.json');
  const readBaseline = () => JSON.parse(fs.readFileSync(baselineFile(), 'utf8')) as BaselineFile;

  before(() => {
    folder = copyFolder(FIXTURE);
    chat = path.join(folder, 'src/chat.ts');
    original = fs.readFileSync(chat, 'utf8');
  });
  after(() => removeCopy(folder));
  afterEach(() => {
    fs.writeFileSync(chat, original);
    fs.rmSync(baselineFile(), { force: true });
  });

  it('writes fingerprints (no line numbers) beside the config, and scan then passes', () => {
    const open = scanJson([], folder).findings.filter((f) => f.status === 'new');
    assert.ok(open.length >= 5);
    const r = runCli(['baseline', '--no-progress', '--reason', 'legacy, tracked in SEC-12'], folder);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`wrote ${open.length} entries to phi-guard\\.baseline\\.json \\(${open.length} new, 0 removed\\)`));
    const baseline = readBaseline();
    assert.equal(baseline.version, 1);
    assert.equal(baseline.findings.length, open.length);
    for (const e of baseline.findings) {
      assert.match(e.fingerprint, /^[0-9a-f]{32}:\d+$/);
      assert.equal(e.file, 'src/chat.ts');
      assert.equal(e.reason, 'legacy, tracked in SEC-12');
      assert.doesNotMatch(JSON.stringify(e), /"line"/);
    }
    const after = scanJson([], folder);
    assert.equal(after.status, 0);
    assert.equal(after.findings.filter((f) => f.status === 'new').length, 0);
    assert.ok(after.findings.filter((f) => f.status === 'baselined').every((f) => f.justification === 'legacy, tracked in SEC-12'));
  });

  it('keeps findings matched when code moves, reports a new flow into the same call, and keeps reasons on a rewrite', () => {
    assert.equal(runCli(['baseline', '--no-progress'], folder).status, 0);
    const edited = readBaseline();
    edited.findings[0]!.reason = 'accepted by the privacy officer, 2026-11';
    fs.writeFileSync(baselineFile(), JSON.stringify(edited, null, 2));
    // Lines added above every finding: nothing is new.
    fs.writeFileSync(chat, `// Moved down by a header\n\n${original.replace('export async function ask', '/** Asks. */\nexport async function ask')}`);
    const moved = scanJson([], folder);
    assert.equal(moved.status, 0, JSON.stringify(moved.findings.filter((f) => f.status === 'new')));
    // A new PHI flow into an existing call is new, and only it.
    fs.writeFileSync(chat, original.replace('content: p.ssn }', 'content: p.ssn + p.dateOfBirth }'));
    const grown = scanJson([], folder);
    assert.equal(grown.status, 1);
    const fresh = grown.findings.filter((f) => f.status === 'new');
    assert.equal(fresh.length, 1, JSON.stringify(fresh));
    assert.match(fresh[0]!.message, /^PHI Patient\.dateOfBirth reaches Anthropic/);
    assert.equal(grown.stderr, '', 'the accepted findings all still match');
    // Rewriting the baseline keeps the reasons of entries that still match, and adds the new one.
    assert.equal(runCli(['baseline', '--no-progress'], folder).status, 0);
    const rewritten = readBaseline().findings;
    assert.equal(rewritten.length, edited.findings.length + 1);
    assert.equal(rewritten.find((e) => e.fingerprint === edited.findings[0]!.fingerprint)?.reason, 'accepted by the privacy officer, 2026-11');
  });

  it('reports entries that no longer match, and --prune shrinks the file', () => {
    assert.equal(runCli(['baseline', '--no-progress'], folder).status, 0);
    const before = readBaseline().findings.length;
    // Fix one leak: wrap the SSN in the redactor.
    fs.writeFileSync(chat, original.replace("' SSN ' + p.ssn", "' SSN ' + redact(p.ssn)"));
    const fixed = runCli(['scan', '--no-progress'], folder);
    assert.equal(fixed.status, 0, fixed.stdout);
    assert.match(fixed.stderr, /1 entry of phi-guard\.baseline\.json no longer match a finding \(fixed or changed\); remove it with "phi-guard scan --prune"/);
    assert.match(fixed.stderr, /src\/chat\.ts no-phi-in-prompt [0-9a-f]{32}:0: PHI Patient\.ssn reaches OpenAI/);
    const pruned = runCli(['scan', '--no-progress', '--prune'], folder);
    assert.equal(pruned.status, 0);
    assert.match(pruned.stderr, /removed 1 baseline entry/);
    assert.equal(readBaseline().findings.length, before - 1);
    assert.equal(runCli(['scan', '--no-progress'], folder).stderr, '');
  });

  it('is honoured by ESLint when it sits beside phi-guard.config.json', () => {
    const lint = () =>
      eslintMessages({ cwd: folder, patterns: ['src'], recommended: { files: ['**/*.ts'], allowDefaultProject: [] } }).filter((m) => m.ruleId?.startsWith('phi-guard/'));
    const all = lint();
    assert.ok(all.length >= 5);
    assert.equal(runCli(['baseline', '--no-progress'], folder).status, 0);
    assert.deepEqual(lint(), []);
    fs.writeFileSync(chat, original.replace('content: p.ssn }', 'content: p.ssn + p.dateOfBirth }'));
    const fresh = lint();
    assert.equal(fresh.length, 1);
    assert.match(fresh[0]!.message, /^PHI Patient\.dateOfBirth reaches Anthropic/);
  });

  it('a malformed baseline is a configuration error naming the file, the key path and the problem', () => {
    fs.writeFileSync(baselineFile(), '{\n  "version": 1,\n  "findings": [\n    { "fingerprint": 12, "rule": "no-phi-in-prompt", "file": "src/chat.ts" }\n  ]\n}\n');
    const r = runCli(['scan', '--no-progress'], folder);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /phi-guard\.baseline\.json is invalid: .*phi-guard\.baseline\.json:4:22: findings\[0\]\.fingerprint: must be a string/);
  });
});

describe('phi-guard baseline in the editor', function () {
  this.timeout(300_000);

  it('the language server hides findings accepted in the baseline beside phi-guard.config.json, and shows new ones', async () => {
    // The server's test client (test/server/support), compiled by the same build.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { LspClient } = require(path.join(REPO_ROOT, 'test/dist/server/support/lspClient')) as {
      LspClient: { start(o: { workspaceFolders: string[] }): Promise<{ inventory(): Promise<unknown>; diagnosticsFor(f: string): Promise<{ code: string }[]>; stop(): Promise<void> }> };
    };
    const folder = copyFolder(path.join(REPO_ROOT, 'test/server/fixtures/basic'));
    try {
      const summary = path.join(folder, 'src/summary.ts');
      // Accept everything but summary.ts's PHI finding on `intro`, which the baseline then lacks.
      assert.equal(runCli(['baseline', '--no-progress'], folder).status, 0);
      const file = path.join(folder, 'phi-guard.baseline.json');
      const baseline = JSON.parse(fs.readFileSync(file, 'utf8')) as BaselineFile;
      const kept = baseline.findings.filter((e) => !(e.file === 'src/summary.ts' && /Patient\.ssn/.test(e.message)));
      assert.equal(kept.length, baseline.findings.length - 1);
      fs.writeFileSync(file, JSON.stringify({ ...baseline, findings: kept }, null, 2));
      const client = await LspClient.start({ workspaceFolders: [folder] });
      try {
        await client.inventory();
        const shown = await client.diagnosticsFor(summary);
        assert.deepEqual(shown.map((d) => d.code), ['no-phi-in-prompt']);
      } finally {
        await client.stop();
      }
    } finally {
      removeCopy(folder);
    }
  });
});
