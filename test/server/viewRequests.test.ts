/**
 * The requests behind the VS Code view and "Create phi-guard.config.json", over stdio:
 * phiGuard/findings (vendor, PHI, flow of each published finding; files not analyzed),
 * phiGuard/redactorCandidates (exported functions named like redactors), and the inventory's
 * BAA status and Safe Harbor categories.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FindingsResult, InventoryResult, RedactorCandidate } from '../../server/src/protocol';
import { LspClient } from './support/lspClient';
import { copyFixture, removeCopy } from './support/workspace';

describe('language server: requests for the editor views', function () {
  this.timeout(120_000);
  let folder: string;
  let client: LspClient;

  before(async () => {
    folder = copyFixture('basic');
    fs.writeFileSync(
      path.join(folder, 'src/scrubbers.ts'),
      [
        'export const scrubNotes = (text: string) => text.replace(/\\d/g, "#");',
        'function maskSsn(ssn: string) { return "***-**-" + ssn.slice(-4); }',
        'function anonymizeRecord(r: object) { return {}; }',
        'export { anonymizeRecord };',
        'export const redactedCount = 3;',
        'export function deidentifyNote(n: string) { return n; }',
        'export function summarizeNote(n: string) { return n; }',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(folder, 'src/boom.ts'), 'export const x = 1;\n');
    client = await LspClient.start({ workspaceFolders: [folder], env: { PHI_GUARD_TEST_FAIL_ON: 'src/boom.ts' } });
  });

  after(async () => {
    await client?.stop();
    removeCopy(folder);
  });

  it('phiGuard/findings gives each published finding its vendor, PHI and flow, and names the files not analyzed', async () => {
    const result = await client.connection.sendRequest<FindingsResult>('phiGuard/findings', { wait: true });
    const summary = result.findings.filter((f) => f.fileName === path.join(folder, 'src/summary.ts') && f.ruleId === 'no-phi-in-prompt');
    assert.ok(summary.length > 0, JSON.stringify(result.findings.map((f) => f.message)));
    const ssn = summary.find((f) => f.phi.includes('Patient.ssn'))!;
    assert.equal(ssn.vendorId, 'openai');
    assert.equal(ssn.vendorName, 'OpenAI');
    assert.equal(ssn.call, 'chat.completions.create');
    assert.equal(ssn.flow[0].kind, 'source');
    assert.equal(ssn.flow[ssn.flow.length - 1].kind, 'sink');
    assert.equal(ssn.flow[0].range.start.line, 7, 'the source is patient.ssn on line 8');
    assert.match(ssn.flow[0].uri, /^file:\/\/.*summary\.ts$/);
    // Suppressed findings are not published, so they are not listed either (the SSN line is not suppressed).
    const suppressedFile = result.findings.filter((f) => f.fileName.endsWith('suppressed.ts'));
    assert.deepEqual(suppressedFile.map((f) => `${f.ruleId} ${f.phi.join(',')}`), ['no-phi-in-prompt Patient.ssn']);
    // The file that failed closed makes the list incomplete and is named, with the reason.
    assert.equal(result.complete, false);
    assert.match(result.incomplete ?? '', /1 file could not be analyzed/);
    assert.deepEqual(result.failedFiles.map((f) => path.relative(folder, f.fileName)), [path.join('src', 'boom.ts')]);
    assert.match(result.failedFiles[0].reason, /injected failure/);
  });

  it('phiGuard/redactorCandidates lists exported functions named like redactors, from the declarations', async () => {
    const candidates = await client.connection.sendRequest<RedactorCandidate[]>('phiGuard/redactorCandidates');
    const names = candidates.map((c) => `${path.relative(folder, c.fileName).split(path.sep).join('/')}#${c.name}:${c.line + 1}`);
    assert.deepEqual(names, ['src/phi/redact.ts#redact:2', 'src/scrubbers.ts#scrubNotes:1', 'src/scrubbers.ts#anonymizeRecord:3', 'src/scrubbers.ts#deidentifyNote:6']);
  });

  it('phiGuard/inventory gives each call site its BAA status and the Safe Harbor categories of its PHI', async () => {
    const inventory = await client.connection.sendRequest<InventoryResult>('phiGuard/inventory', { wait: true });
    const site = inventory.callSites.find((c) => c.fileName.endsWith('summary.ts'))!;
    assert.equal(site.status, 'unapproved');
    assert.equal(site.model, 'gpt-4o');
    const titles = (site.phiCategories ?? []).map((c) => `${c.title}: ${c.phi.join(',')}`).sort();
    assert.deepEqual(titles, ['Dates (except year) related to an individual: Patient.dateOfBirth', 'Social Security numbers: Patient.ssn']);
  });
});
