/** "Create phi-guard.config.json": the proposals, and a draft the engine accepts as it is. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseConfigText } from '@phi-guard/core';
import type { InventoryCallSite } from '../../server/src/protocol';
import { draftConfig, redactorProposals, vendorProposals } from '../src/configDraft';

const site = (vendorId: string, over: Partial<InventoryCallSite> = {}): InventoryCallSite => ({
  uri: 'file:///ws/a.ts',
  fileName: '/ws/a.ts',
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  call: 'create',
  vendorId,
  vendorName: vendorId.toUpperCase(),
  approved: false,
  firstParty: false,
  phi: [],
  ...over,
});

describe('client: phi-guard.config.json draft', () => {
  it('proposes each external vendor once, most used first, never first-party, local or unknown endpoints', () => {
    const proposals = vendorProposals([
      site('anthropic'),
      site('openai', { phi: ['Patient.ssn'] }),
      site('openai'),
      site('internal-gateway', { firstParty: true }),
      site('local', { status: 'local' }),
      site('unknown', { status: 'unknown-endpoint' }),
    ]);
    assert.deepEqual(proposals, [
      { id: 'openai', name: 'OPENAI', callSites: 2, withPhi: 1 },
      { id: 'anthropic', name: 'ANTHROPIC', callSites: 1, withPhi: 0 },
    ]);
  });

  it('turns redactor candidates into module specifiers relative to the config folder', () => {
    const c = (name: string, fileName: string) => ({ name, fileName, uri: `file://${fileName}`, line: 0 });
    const proposals = redactorProposals(
      [c('redact', '/ws/src/phi/redact.ts'), c('scrubNotes', '/ws/lib/scrub/index.js'), c('maskSsn', '/elsewhere/mask.ts'), c('redact', '/ws/src/phi/redact.ts')],
      '/ws/',
    );
    assert.deepEqual(
      proposals.map((p) => [p.name, p.from]),
      [
        ['redact', './src/phi/redact'],
        ['scrubNotes', './lib/scrub'],
      ],
    );
  });

  it('writes a config the engine parses without errors, with exactly what was chosen', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-draft-'));
    try {
      fs.mkdirSync(path.join(dir, 'src/phi'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'src/phi/redact.ts'), 'export function redact(v: unknown): string { return "[redacted]"; }\n');
      const text = draftConfig(['openai', 'aws-bedrock'], [{ name: 'redact', from: './src/phi/redact' }]);
      const config = parseConfigText(text, path.join(dir, 'phi-guard.config.json'));
      assert.deepEqual(
        config.approvedVendors.map((v) => v.id),
        ['openai', 'aws-bedrock'],
      );
      assert.deepEqual(
        config.redactors.map((r) => r.name),
        ['redact'],
      );
      assert.deepEqual(JSON.parse(draftConfig([], [])), { approvedVendors: [] });
      parseConfigText(draftConfig([], []), path.join(dir, 'phi-guard.config.json'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
