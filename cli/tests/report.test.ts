/**
 * The LLM data map (`phi-guard report`): every call site with vendor, model, BAA status, the
 * Safe Harbor categories of the PHI that reaches it, redactors, suppressions with reasons, and
 * files that could not be analyzed; the HTML page renders in headless Chromium offline.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { safeHarborCategory } from '@phi-guard/core';
import { chromium } from 'playwright-core';
import { copyFolder, REPO_ROOT, removeCopy, runCli } from './support';

const FIXTURE = path.resolve(__dirname, '../../tests/fixtures/app');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts/cli');

function row(markdown: string, startsWith: string): string {
  const line = markdown.split('\n').find((l) => l.startsWith(`| ${startsWith}`));
  assert.ok(line, `a row starting with ${startsWith} in:\n${markdown}`);
  return line;
}

describe('phi-guard report', function () {
  this.timeout(300_000);
  let folder: string;
  before(() => {
    folder = copyFolder(FIXTURE);
  });
  after(() => removeCopy(folder));

  it('maps PHI names to the HIPAA Safe Harbor categories and clinical content', () => {
    const cases: [string, string][] = [
      ['Patient.firstName', 'A'],
      ['Patient.address.city', 'B'],
      ['Patient.dateOfBirth', 'C'],
      ['Contact.homePhone', 'D'],
      ['Contact.faxNumber', 'E'],
      ['Contact.email', 'F'],
      ['Patient.ssn', 'G'],
      ['Patient.mrn', 'H'],
      ['Coverage.insuranceMemberId', 'I'],
      ['Billing.accountNumber', 'J'],
      ['Provider.licenseNumber', 'K'],
      ['Implant.deviceSerial', 'M'],
      ['Session.ipAddress', 'O'],
      ['Patient.photoUrl', 'N'],
      ['Patient.id', 'R'],
      ['Encounter.diagnosis', 'clinical'],
      ['ClinicalNote.assessmentAndPlan', 'clinical'],
      ['Patient', 'record'],
    ];
    assert.deepEqual(cases.map(([phi]) => [phi, safeHarborCategory(phi).id]), cases);
  });

  it('lists every call site with vendor, model, BAA status, PHI categories and redactors (Markdown)', () => {
    const r = runCli(['report', '--no-progress'], folder);
    assert.equal(r.status, 0, r.stderr);
    const md = r.stdout;
    assert.match(md, /^# PHI Guard: LLM data map/);
    assert.match(row(md, 'src/chat.ts:13 '), /`chat\.completions\.create` \| OpenAI \| `gpt-4o` \| unapproved \(no BAA\) \| Patient\.firstName \(A\), Patient\.dateOfBirth \(C\), Patient\.ssn \(G\) \| none \|/);
    assert.match(row(md, 'src/chat.ts:17 '), /Anthropic \| `claude-3-5-sonnet-latest` \| approved, BAA scoped to models claude-3-5-\* \| Patient\.diagnosis \(Clinical content.*\) \| redact\(\) \|/);
    assert.match(row(md, 'src/chat.ts:33 '), /Local \(loopback\) \| `llama3\.1:8b` \| local model \|/);
    assert.match(row(md, 'src/chat.ts:37 '), /an unknown endpoint \| not constant \| unknown endpoint: .*baseURL/);
    assert.match(row(md, 'src/chat.ts:41 '), /outside the BAA scope: its model "claude-3-opus-latest" is outside the BAA/);
    assert.match(row(md, 'G. Social Security numbers'), /\| 2 \| Patient\.ssn \|/);
    assert.match(md, /\| src\/chat\.ts:26 \| phi-guard\/no-phi-in-prompt \| eslint-disable comment \| the ETL de-identifies this field upstream \|/);
    assert.match(md, /## Files that could not be analyzed\n\nNone: every file was analyzed\./);
  });

  it('lists files that could not be analyzed', () => {
    const deep = path.join(folder, 'src/deep.ts');
    // Deeper than the analyzer (or TypeScript's binder) follows: it fails closed on this file.
    fs.writeFileSync(deep, `import OpenAI from 'openai';\nconst o = new OpenAI();\nexport const x = ${'('.repeat(6000)}1${')'.repeat(6000)};\nexport async function f(s: string) { await o.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: s }] }); }\n`);
    try {
      const r = runCli(['report', '--no-progress', '--time-budget', '2000'], folder);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /## Files that could not be analyzed\n\n- `src\/deep\.ts`: PHI Guard could not finish analyzing this file: the code nests too deeply/);
      // And scan fails closed on it.
      const scanRun = runCli(['scan', '--no-progress', 'src/deep.ts'], folder);
      assert.equal(scanRun.status, 1);
      assert.match(scanRun.stdout, /src\/deep\.ts\n  1:1 +error  PHI Guard could not finish analyzing this file/);
    } finally {
      fs.rmSync(deep);
    }
  });

  it('renders the HTML page with its diagram in headless Chromium, offline, without console errors', async () => {
    const out = path.join(folder, 'data-map.html');
    const r = runCli(['report', '--no-progress', '--format', 'html', '--output', out], folder);
    assert.equal(r.status, 0, r.stderr);
    const html = fs.readFileSync(out, 'utf8');
    assert.doesNotMatch(html, /<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/, 'self-contained: no script, no remote resource');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const screenshot = path.join(ARTIFACTS, 'data-map.png');
    fs.rmSync(screenshot, { force: true });
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-cli-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      offline: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()}`));
      await page.goto(`file://${out}`);
      await page.waitForSelector('svg');
      const nodes = await page.$$eval('svg g.node text', (ts) => ts.map((t) => t.textContent ?? ''));
      assert.ok(nodes.includes('G. Social Security numbers'), nodes.join(' | '));
      assert.ok(nodes.some((n) => n.startsWith('src/chat.ts:13 chat.completions.create')), nodes.join(' | '));
      assert.ok(nodes.includes('OpenAI') && nodes.includes('Anthropic'), nodes.join(' | '));
      const links = await page.$$eval('svg path.link', (ps) => ps.length);
      assert.ok(links >= 10, `bands from categories to calls to vendors (${links})`);
      const box = await page.$eval('svg', (svg) => svg.getBoundingClientRect().width);
      assert.ok(box > 500, 'the diagram is laid out');
      await page.screenshot({ path: screenshot, fullPage: true });
      assert.ok(fs.statSync(screenshot).size > 10_000, 'a screenshot with content');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  });
});
