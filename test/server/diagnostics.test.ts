/**
 * The language server over stdio, as any LSP client sees it: diagnostics for open files and the
 * whole workspace, flow paths as related information, eslint-disable directives, edits.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, messageOf, uriOf } from './support/lspClient';
import { copyFixture, removeCopy } from './support/workspace';

const lineOf = (d: Diagnostic) => d.range.start.line + 1;
const summary = (ds: Diagnostic[]) => ds.map((d) => `${lineOf(d)} ${d.code}`).sort();

describe('language server: diagnostics', function () {
  this.timeout(120_000);
  let folder: string;
  let client: LspClient;

  before(async () => {
    folder = copyFixture('basic');
    client = await LspClient.start({ workspaceFolders: [folder] });
  });

  after(async () => {
    await client?.stop();
    removeCopy(folder);
  });

  it('analyzes the whole workspace at start-up, with work-done progress', async () => {
    const summaryFile = path.join(folder, 'src/summary.ts');
    const diagnostics = await client.diagnosticsFor(summaryFile);
    assert.deepEqual(summary(diagnostics), ['14 no-phi-in-prompt', '8 no-phi-in-prompt', '9 approved-vendors']);
    await client.waitFor('progress end', () => client.progress.some((p) => p.kinds.includes('begin') && p.kinds.includes('end')));
    await client.waitFor('idle status', () => client.statuses.some((s) => s.state === 'idle'));
  });

  it('sets source, rule code, doc link and severity', async () => {
    const diagnostics = await client.diagnosticsFor(path.join(folder, 'src/summary.ts'));
    const phi = diagnostics.find((d) => d.code === 'no-phi-in-prompt')!;
    assert.equal(phi.source, 'phi-guard');
    assert.match(phi.codeDescription!.href, /docs\/rules\/no-phi-in-prompt\.md$/);
    assert.equal(phi.severity, 1);
    assert.match(messageOf(phi), /PHI .*ssn.* reaches OpenAI/);
    const vendor = diagnostics.find((d) => d.code === 'approved-vendors')!;
    // One default with ESLint's configs.recommended: both rules are errors.
    assert.equal(vendor.severity, 1);
  });

  it('gives the flow path as related information: source, hops, the LLM call', async () => {
    const diagnostics = await client.diagnosticsFor(path.join(folder, 'src/summary.ts'));
    // `intro` is where the SSN is embedded; it is sent on line 9.
    const ssn = diagnostics.find((d) => d.code === 'no-phi-in-prompt' && lineOf(d) === 8)!;
    const related = ssn.relatedInformation!;
    assert.ok(related.length >= 3, JSON.stringify(related));
    assert.match(related[0].message, /^1\. PHI source: Patient\.ssn/);
    assert.equal(related[0].location.range.start.line + 1, 8);
    assert.ok(related.some((r) => /intro/.test(r.message)), 'the assignment to intro is a hop');
    assert.match(related[related.length - 1].message, /LLM call: .*chat\.completions\.create/);
    assert.equal(related[related.length - 1].location.range.start.line + 1, 9);
  });

  it('follows PHI across files (a function in another module returns it)', async () => {
    const diagnostics = await client.diagnosticsFor(path.join(folder, 'src/summary.ts'));
    const crossFile = diagnostics.find((d) => lineOf(d) === 14)!;
    assert.ok(crossFile.relatedInformation!.some((r) => r.location.uri === uriOf(path.join(folder, 'src/describe.ts'))), JSON.stringify(crossFile.relatedInformation));
  });

  it('hides what eslint-disable directives hide, nothing more', async () => {
    const diagnostics = await client.diagnosticsFor(path.join(folder, 'src/suppressed.ts'));
    assert.deepEqual(summary(diagnostics), ['13 no-phi-in-prompt']);
  });

  it('reports files outside any tsconfig (inferred project, plain JavaScript)', async () => {
    const diagnostics = await client.diagnosticsFor(path.join(folder, 'loose/notes.cjs'));
    assert.deepEqual(summary(diagnostics), ['7 approved-vendors', '9 no-phi-in-prompt']);
  });

  it('publishes nothing for compliant code', async () => {
    await client.waitFor('idle', () => client.statuses.some((s) => s.state === 'idle'));
    const clean = client.diagnostics.get(uriOf(path.join(folder, 'src/clean.ts')));
    assert.deepEqual(summary(clean?.diagnostics ?? []), ['8 approved-vendors']);
  });

  it('updates an open document while typing, with its version', async () => {
    const file = path.join(folder, 'src/summary.ts');
    client.open(file);
    await client.diagnosticsFor(file, (ds) => ds.length === 3);
    client.change(file, client.text(file).replace('`Patient ${patient.ssn}`', '`Patient ${patient.id}`'));
    const after = await client.diagnosticsFor(file, (ds) => ds.length === 2);
    assert.deepEqual(summary(after), ['14 no-phi-in-prompt', '9 approved-vendors']);
    client.change(file, client.text(file).replace('`Patient ${patient.id}`', '`Patient ${patient.fullName}`'));
    const again = await client.diagnosticsFor(file, (ds) => ds.length === 3);
    assert.match(messageOf(again.find((d) => lineOf(d) === 8)!), /fullName/);
  });

  it('re-analyzes dependents when an imported file changes', async () => {
    const summaryFile = path.join(folder, 'src/summary.ts');
    const describeFile = path.join(folder, 'src/describe.ts');
    await client.diagnosticsFor(summaryFile, (ds) => ds.some((d) => lineOf(d) === 14));
    client.open(describeFile);
    client.change(describeFile, client.text(describeFile).replace('${patient.dateOfBirth}', '${patient.id}'));
    await client.diagnosticsFor(summaryFile, (ds) => !ds.some((d) => lineOf(d) === 14));
    client.change(describeFile, client.text(describeFile).replace('${patient.id}', '${patient.dateOfBirth}'));
    await client.diagnosticsFor(summaryFile, (ds) => ds.some((d) => lineOf(d) === 14));
    client.close(describeFile);
  });

  it('takes severities from settings, and "off" hides a rule', async () => {
    const file = path.join(folder, 'src/summary.ts');
    client.settings = { severity: { 'no-phi-in-prompt': 'warning', 'approved-vendors': 'off' } };
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const diagnostics = await client.diagnosticsFor(file, (ds) => ds.every((d) => d.code === 'no-phi-in-prompt' && d.severity === 2));
    assert.equal(diagnostics.length, 2);
    client.settings = { enable: false };
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnosticsFor(file, (ds) => ds.length === 0);
    client.settings = {};
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnosticsFor(file, (ds) => ds.length === 3);
  });
});
