/**
 * Configuration, hover, the inventory, several workspace folders, and failures that must stay
 * local to one file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient, messageOf, uriOf } from './support/lspClient';
import { copyFixture, removeCopy } from './support/workspace';

const lineOf = (d: Diagnostic) => d.range.start.line + 1;

describe('language server: phi-guard.config.json', function () {
  this.timeout(120_000);
  let folder: string;
  let client: LspClient;
  let config: string;

  beforeEach(async () => {
    folder = copyFixture('basic');
    config = path.join(folder, 'phi-guard.config.json');
    client = await LspClient.start({ workspaceFolders: [folder] });
  });

  afterEach(async () => {
    await client?.stop();
    removeCopy(folder);
  });

  it('re-analyzes every file when the config changes on disk', async () => {
    const summary = path.join(folder, 'src/summary.ts');
    await client.diagnosticsFor(summary, (ds) => ds.length === 3);
    client.writeFile(config, JSON.stringify({ approvedVendors: ['openai'], redactors: [{ name: 'redact', from: './src/phi/redact' }] }));
    await client.diagnosticsFor(summary, (ds) => ds.length === 0);
    await client.diagnosticsFor(path.join(folder, 'loose/notes.cjs'), (ds) => ds.length === 0);
  });

  it('an invalid config: a diagnostic at the offending key, and the last valid config stays in use', async () => {
    const summary = path.join(folder, 'src/summary.ts');
    client.open(summary);
    await client.diagnosticsFor(summary, (ds) => ds.length === 3);
    const broken = '{\n  "approvedVendors": ["open-ai"],\n  "redactors": [{ "name": "redact", "from": "./src/phi/redact" }]\n}\n';
    client.writeFile(config, broken);
    const [problem] = await client.diagnosticsFor(config, (ds) => ds.length > 0);
    assert.equal(problem.source, 'phi-guard');
    assert.equal(problem.code, 'invalid-config');
    assert.equal(problem.severity, 1);
    assert.match(messageOf(problem), /^approvedVendors\[0\]: .*open-ai/);
    assert.deepEqual(problem.range.start, { line: 1, character: 22 });
    // Still analyzed with the previous (valid) config: same three findings, none about the config.
    client.change(summary, `${client.text(summary)}\n`);
    assert.equal((await client.diagnosticsFor(summary)).length, 3);
    // Fixing the file clears the config diagnostic and applies the new config.
    client.writeFile(config, broken.replace('open-ai', 'openai'));
    await client.diagnosticsFor(config, (ds) => ds.length === 0);
    await client.diagnosticsFor(summary, (ds) => ds.length === 0);
  });

  it('validates an open config document while typing, before it is saved', async () => {
    client.open(config);
    client.change(config, '{ "policy": { "phiToApprovedVendors": "sometimes" } }');
    const [problem] = await client.diagnosticsFor(config, (ds) => ds.length === 1);
    assert.match(messageOf(problem), /^policy\.phiToApprovedVendors: /);
    client.change(config, '{ "policy": { "phiToApprovedVendors": "report" } }');
    await client.diagnosticsFor(config, (ds) => ds.length === 0);
  });

  it('a client without file watching (Neovim 0.7) picks the config up on save', async () => {
    await client.stop();
    client = await LspClient.start({ workspaceFolders: [folder], watchFiles: false });
    const summary = path.join(folder, 'src/summary.ts');
    client.open(summary);
    await client.diagnosticsFor(summary, (ds) => ds.length === 3);
    client.open(config);
    const text = JSON.stringify({ approvedVendors: ['openai'] });
    client.change(config, text);
    fs.writeFileSync(config, text);
    void client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: uriOf(config) } });
    await client.diagnosticsFor(summary, (ds) => ds.length === 0);
  });
});

describe('language server: hover, inventory, folders, failures', function () {
  this.timeout(120_000);
  let folder: string;
  let second: string;
  let client: LspClient;

  before(async () => {
    folder = copyFixture('basic');
    second = copyFixture('second');
    client = await LspClient.start({ workspaceFolders: [folder], env: { PHI_GUARD_TEST_FAIL_ON: 'src/boom.ts' } });
  });

  after(async () => {
    await client?.stop();
    removeCopy(folder);
    removeCopy(second);
  });

  it('hover on a PHI-bearing expression names the PHI and the LLM call it reaches', async () => {
    const file = path.join(folder, 'src/summary.ts');
    client.open(file);
    await client.diagnosticsFor(file, (ds) => ds.length === 3);
    const line = client.text(file).split('\n')[7];
    const hover = await client.hover(file, 7, line.indexOf('ssn') + 1);
    const markdown = (hover?.contents as MarkupContent).value;
    assert.equal((hover?.contents as MarkupContent).kind, 'markdown');
    assert.match(markdown, /Patient\.ssn/);
    assert.match(markdown, /chat\.completions\.create/);
    assert.equal(await client.hover(file, 0, 0), null, 'nothing to say about an import');
  });

  it('phiGuard/inventory lists every LLM call with vendor, approval and PHI', async () => {
    const inventory = await client.inventory();
    assert.equal(inventory.complete, true);
    const rows = inventory.callSites.map((c) => `${path.relative(folder, c.fileName)}:${c.range.start.line + 1} ${c.call} ${c.vendorId} approved=${c.approved} phi=${[...c.phi].sort().join(',')}`);
    assert.deepEqual(rows, [
      'loose/notes.cjs:7 chat.completions.create openai approved=false phi=record.ssn',
      'src/clean.ts:8 chat.completions.create openai approved=false phi=',
      'src/multiline.ts:11 chat.completions.create openai approved=false phi=Patient.fullName,Patient.ssn',
      'src/summary.ts:9 chat.completions.create openai approved=false phi=Patient.dateOfBirth,Patient.ssn',
      'src/suppressed.ts:8 chat.completions.create openai approved=false phi=Patient.fullName,Patient.ssn',
    ]);
  });

  it('an exception analyzing one file becomes a diagnostic on it; other files go on', async () => {
    const boom = path.join(folder, 'src/boom.ts');
    client.writeFile(boom, 'export const x = 1;\n');
    const [failure] = await client.diagnosticsFor(boom, (ds) => ds.length === 1);
    assert.equal(failure.code, 'no-phi-in-prompt');
    assert.match(messageOf(failure), /could not analyze this file \(injected failure/);
    const summary = path.join(folder, 'src/summary.ts');
    client.change(summary, client.text(summary).replace('patient.ssn', 'patient.id'));
    await client.diagnosticsFor(summary, (ds) => ds.length === 2);
  });

  it('survives half-typed code and syntax errors while typing', async () => {
    const file = path.join(folder, 'src/summary.ts');
    const original = client.text(file);
    for (let cut = 40; cut < original.length; cut += 97) {
      client.change(file, original.slice(0, cut));
      await client.hover(file, 0, 3);
    }
    client.change(file, original.replace('{ role: \'user\', content: intro },', '{ role: \'user\', content: `${patient.ssn` },'));
    await client.diagnosticsFor(file);
    client.change(file, original);
    await client.diagnosticsFor(file, (ds) => ds.length === 2);
  });

  it('adds a workspace folder at run time and analyzes it with its own (default) config', async () => {
    void client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uriOf(second), name: 'second' }], removed: [] } });
    const diagnostics = await client.diagnosticsFor(path.join(second, 'src/triage.js'), (ds) => ds.length === 2);
    assert.deepEqual(diagnostics.map((d) => `${lineOf(d)} ${d.code}`).sort(), ['10 no-phi-in-prompt', '7 approved-vendors']);
    assert.match(messageOf(diagnostics.find((d) => d.code === 'approved-vendors')!), /Anthropic/);
  });
});
