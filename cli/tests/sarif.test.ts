/**
 * SARIF for GitHub code scanning: valid against the SARIF 2.1.0 schema, rules with help,
 * one code flow per PHI with every step, related locations, repository-relative URIs, and
 * fingerprints that survive edits above the finding.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyFolder, removeCopy, runCli } from './support';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Ajv = require('ajv') as new (options: object) => { addMetaSchema(schema: object): void; compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown[] } };
const SCHEMA = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const FIXTURE = path.resolve(__dirname, '../../tests/fixtures/app');

function sarifOf(cwd: string, args: string[] = []): Json {
  const r = runCli(['scan', '--format', 'sarif', '--no-progress', ...args], cwd);
  assert.equal(r.status, 1, r.stderr);
  return JSON.parse(r.stdout);
}

describe('phi-guard scan --format sarif', function () {
  this.timeout(120_000);
  let folder: string;
  before(() => {
    folder = copyFolder(FIXTURE);
  });
  after(() => removeCopy(folder));

  it('is valid SARIF 2.1.0 (the OASIS schema, rtm.5)', () => {
    const log = sarifOf(folder);
    const schema = JSON.parse(fs.readFileSync(SCHEMA, 'utf8'));
    // The schema is draft-04: ajv 6 validates it once given that meta-schema.
    const ajv = new Ajv({ allErrors: true, schemaId: 'auto' });
    ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
    const validate = ajv.compile(schema);
    const ok = validate(log);
    assert.ok(ok, JSON.stringify(validate.errors, null, 2));
    assert.equal(log.version, '2.1.0');
    // The schema cannot fail this file if it checks nothing: a broken log must be rejected.
    assert.equal(validate({ ...log, runs: [{ ...log.runs[0], results: [{ message: 'not an object' }] }] }), false);
  });

  it('describes both rules with help text and a help URI', () => {
    const rules = sarifOf(folder).runs[0].tool.driver.rules as Json[];
    assert.deepEqual(rules.map((r) => r.id), ['phi-guard/no-phi-in-prompt', 'phi-guard/approved-vendors']);
    for (const r of rules) {
      assert.match(r.help.text, /BAA/);
      assert.match(r.helpUri, /^https:\/\/.*\/docs\/rules\/.*\.md$/);
      assert.ok(r.shortDescription.text && r.fullDescription.text);
    }
  });

  it('gives every PHI its own code flow with every step, related locations, and relative URIs under %SRCROOT%', () => {
    const run = sarifOf(folder).runs[0];
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${fs.realpathSync(folder).startsWith('/') ? '' : '/'}${fs.realpathSync(folder)}/`.replace(/\\/g, '/'));
    const joined = run.results.find((r: Json) => r.ruleId === 'phi-guard/no-phi-in-prompt' && r.properties.phi.includes('Patient.dateOfBirth'));
    assert.ok(joined, 'the finding that joins PHI read in prompt.ts');
    // The message names each PHI and where it was read; nothing is lost to "and 1 more".
    assert.match(joined.message.text, /Patient\.firstName \(from prompt\.ts:4\), Patient\.dateOfBirth \(from prompt\.ts:4\) reaches OpenAI/);
    assert.doesNotMatch(joined.message.text, /more/);
    assert.equal(joined.codeFlows.length, 2);
    const flows = joined.codeFlows.map((c: Json) => c.threadFlows[0].locations as Json[]);
    for (const steps of flows) {
      assert.ok(steps.length >= 4, 'source, hops and sink');
      assert.deepEqual(steps[0].kinds, ['source']);
      assert.deepEqual(steps[steps.length - 1].kinds, ['sink']);
      assert.equal(steps[0].location.physicalLocation.artifactLocation.uri, 'src/prompt.ts');
      assert.equal(steps[steps.length - 1].location.physicalLocation.artifactLocation.uri, 'src/chat.ts');
      assert.deepEqual(steps.map((s: Json) => s.executionOrder), steps.map((_: Json, i: number) => i + 1));
    }
    assert.deepEqual(joined.codeFlows.map((c: Json) => c.message.text), ['Patient.firstName to OpenAI', 'Patient.dateOfBirth to OpenAI']);
    // Related locations hold every step, and the message links the sources ([text](id)).
    const ids = new Set(joined.relatedLocations.map((l: Json) => l.id));
    for (const m of joined.message.text.matchAll(/\]\((\d+)\)/g)) assert.ok(ids.has(Number(m[1])), `link ${m[1]} resolves`);
    assert.match(joined.message.text, /\[Patient\.firstName\]\(\d+\)/);
    for (const result of run.results) {
      for (const loc of [...result.locations, ...(result.relatedLocations ?? [])]) {
        const a = loc.physicalLocation.artifactLocation;
        assert.equal(a.uriBaseId, '%SRCROOT%');
        assert.match(a.uri, /^src\/[a-z]+\.ts$/);
      }
    }
  });

  it('marks eslint-disable suppressions in source with their reason', () => {
    const run = sarifOf(folder).runs[0];
    const suppressed = run.results.filter((r: Json) => r.suppressions);
    assert.equal(suppressed.length, 1);
    assert.deepEqual(suppressed[0].suppressions, [{ kind: 'inSource', justification: 'the ETL de-identifies this field upstream' }]);
  });

  it('keeps partialFingerprints when lines are added above the findings, and changes them for a new flow', () => {
    const before = sarifOf(folder).runs[0].results as Json[];
    const chat = path.join(folder, 'src/chat.ts');
    const original = fs.readFileSync(chat, 'utf8');
    try {
      fs.writeFileSync(chat, `// A header comment\n// added above\n\n${original.replace('const openai = new OpenAI();', 'const openai = new OpenAI(); // the client\nconst unused = 1;')}`);
      const after = sarifOf(folder).runs[0].results as Json[];
      const key = (r: Json) => `${r.ruleId} ${r.partialFingerprints['phiGuardFindingHash/v1']}`;
      assert.deepEqual(after.map(key).sort(), before.map(key).sort());
      assert.notDeepEqual(after.map((r) => r.locations[0].physicalLocation.region.startLine), before.map((r) => r.locations[0].physicalLocation.region.startLine));
      // Another PHI into the same call is a different finding.
      fs.writeFileSync(chat, original.replace("' SSN ' + p.ssn", "' SSN ' + p.ssn + p.diagnosis"));
      const changed = sarifOf(folder).runs[0].results as Json[];
      const fresh = changed.map(key).filter((k) => !before.map(key).includes(k));
      assert.equal(fresh.length, 1, `one new fingerprint: ${fresh.join(', ')}`);
    } finally {
      fs.writeFileSync(chat, original);
    }
  });
});
