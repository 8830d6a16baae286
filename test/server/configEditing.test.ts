/**
 * Editing phi-guard.config.json in the editor: one diagnostic per problem (a stray quote is one
 * syntax error, not a cascade), validation after typing pauses, nothing the client's JSON
 * schema already reports, and quick fixes for misspelled keys and vendor ids.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, messageOf, uriOf } from './support/lspClient';
import { copyFixture, removeCopy } from './support/workspace';

const VALID = '{\n  "approvedVendors": ["anthropic"],\n  "redactors": [{ "name": "redact", "from": "./src/phi/redact" }],\n  "policy": { "phiToApprovedVendors": "allow" }\n}\n';

describe('language server: editing phi-guard.config.json', function () {
  this.timeout(120_000);
  let folder: string;
  let config: string;
  let client: LspClient | undefined;

  beforeEach(() => {
    folder = copyFixture('basic');
    config = path.join(folder, 'phi-guard.config.json');
  });

  afterEach(async () => {
    await client?.stop();
    client = undefined;
    removeCopy(folder);
  });

  async function start(schemaClient: boolean): Promise<LspClient> {
    client = await LspClient.start({ workspaceFolders: [folder], initializationOptions: schemaClient ? { configSchemaValidation: true } : undefined });
    client.open(config, VALID);
    // A valid config publishes nothing: give the server a moment to read it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    return client;
  }

  /** Waits until the server has been quiet on the config for a while, then returns its diagnostics. */
  async function settled(c: LspClient): Promise<Diagnostic[]> {
    await c.diagnosticsFor(config);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return c.diagnosticsFor(config);
  }

  it('a stray quote while typing is one syntax error, not a cascade', async () => {
    const c = await start(false);
    c.change(config, VALID.replace('"anthropic"]', '"anthropic"]"'));
    const diagnostics = await settled(c);
    assert.equal(diagnostics.length, 1, diagnostics.map(messageOf).join('\n'));
    assert.equal(diagnostics[0].range.start.line, 1);
  });

  it('validates once typing pauses, not on every keystroke', async () => {
    const c = await start(false);
    const before = c.published.filter((p) => p.uri === uriOf(config)).length;
    const typed = '"open-ai"';
    // Typing `"open-ai"` into the list, one keystroke every 20 ms: each prefix is a different error.
    for (let i = 1; i <= typed.length; i++) {
      c.change(config, VALID.replace('["anthropic"]', `["anthropic", ${typed.slice(0, i)}]`));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const diagnostics = await settled(c);
    assert.deepEqual(diagnostics.map(messageOf).map((m) => m.replace(/ \(.*/, '')), ['approvedVendors[1]: "open-ai" is not a known vendor id']);
    assert.equal(c.published.filter((p) => p.uri === uriOf(config)).length - before, 1, 'one publication after the typing stopped');
  });

  it('with a schema in the client, a syntax error it leaves to the client still marks the config broken in the status', async () => {
    const c = await start(true);
    const brokenNow = () => ((c.statuses.at(-1) as { brokenConfigs?: string[] } | undefined)?.brokenConfigs ?? []);
    c.change(config, VALID.replace('"anthropic"]', '"anthropic"]"'));
    await c.waitFor('a status naming the broken config', () => (brokenNow().includes(uriOf(config)) ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(c.diagnostics.get(uriOf(config))?.diagnostics ?? [], [], 'the syntax error is the JSON service\'s to report');
    c.change(config, VALID);
    await c.waitFor('a status with no broken config', () => (brokenNow().length === 0 ? true : undefined));
  });

  it('without a schema in the client: every problem once, with quick fixes for a misspelled key and an unknown vendor id', async () => {
    const c = await start(false);
    c.change(config, VALID.replace('"redactors"', '"redactor"').replace('"anthropic"', '"open-ai"'));
    const diagnostics = await settled(c);
    assert.deepEqual(
      diagnostics.map((d) => `${d.range.start.line + 1} ${messageOf(d).replace(/ \(.*/, '')}`),
      ['2 approvedVendors[0]: "open-ai" is not a known vendor id', '3 unknown key "redactor"'],
    );
    await applyFix(c, diagnostics[1], 'Change "redactor" to "redactors"');
    await applyFix(c, (await c.diagnosticsFor(config, (ds) => ds.length === 1))[0], 'Change "open-ai" to "openai"');
    await c.diagnosticsFor(config, (ds) => ds.length === 0);
    assert.equal(c.text(config), VALID.replace('"anthropic"', '"openai"'));
  });

  it('with the schema in the client (VS Code): only what the schema cannot see, and the fix on the schema\'s own warning', async () => {
    const c = await start(true);
    c.change(config, VALID.replace('"redactors"', '"redactor"').replace('"anthropic"', '"open-ai"').replace('"allow"', '"sometimes"'));
    const diagnostics = await settled(c);
    // The unknown key and the enum value are the schema's to report; the vendor id is not (any id may be declared under "vendors").
    assert.deepEqual(
      diagnostics.map((d) => messageOf(d).replace(/ \(.*/, '')),
      ['approvedVendors[0]: "open-ai" is not a known vendor id'],
    );
    // A stray quote: the JSON service reports it; the server says nothing more.
    c.change(config, VALID.replace('"anthropic"]', '"anthropic"]"'));
    assert.deepEqual(await c.diagnosticsFor(config, (ds) => ds.length === 0), []);
    // The quick fix answers the schema's "Property redactor is not allowed." too.
    c.change(config, VALID.replace('"redactors"', '"redactor"'));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const line = c.text(config).split('\n').findIndex((l) => l.includes('"redactor"'));
    const column = c.text(config).split('\n')[line].indexOf('"redactor"');
    const schemaWarning: Diagnostic = { range: { start: { line, character: column }, end: { line, character: column + 10 } }, message: 'Property redactor is not allowed.', severity: 2, source: 'json' };
    await applyFix(c, schemaWarning, 'Change "redactor" to "redactors"');
    assert.equal(c.text(config), VALID);
  });

  async function applyFix(c: LspClient, diagnostic: Diagnostic, title: string): Promise<void> {
    const actions = (await c.codeActions(config, diagnostic)) as CodeAction[];
    const action = actions.find((a) => a.title === title);
    assert.ok(action?.edit, `"${title}" among ${JSON.stringify(actions.map((a) => a.title))}`);
    c.applyEdit(action.edit);
  }
});
