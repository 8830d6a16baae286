import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  BUILTIN_VENDOR_IDS,
  ConfigError,
  clearConfigCache,
  defaultConfig,
  findConfigFile,
  loadConfigForFile,
  parseConfigText,
} from '../src/config/load';
import { CONFIG_KEYS, PATTERNS, POLICY_MODES, REQUEST_BODY_POLICIES, type ObjectShape } from '../src/config/keys';
import type { ResolvedConfig } from '../src/config/types';
import { matchesSchema, resolveRef, type Schema } from './jsonSchemaSubset';

const CONFIG = 'phi-guard.config.json';
const KNOWN = `(known: ${BUILTIN_VENDOR_IDS.join(', ')}; or one declared under "vendors")`;
const ALL_EXTS = '{ts,tsx,mts,cts,js,jsx,mjs,cjs,d.ts}';

// One temporary project for the whole file; every test writes under its own subdirectory.
const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-config-')));
const projectConfig = path.join(tmp, 'project', CONFIG);
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(file: string, text: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

function parseError(text: string, fileName = projectConfig): ConfigError {
  try {
    parseConfigText(text, fileName);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected ${JSON.stringify(text)} to be rejected`);
}

interface BadCase {
  text: string;
  keyPath: string;
  problem: string;
  line: number;
  column: number;
  /** Why the JSON Schema cannot catch this one (it only sees the file, one value at a time). */
  onlyValidator?: string;
}

/** Each malformed config and the first error it must produce, exactly. */
const malformed: BadCase[] = [
  // Syntax: TypeScript's own message, where TypeScript puts it.
  { text: '{\n  "approvedVendors": ["openai"\n}', keyPath: '', problem: "',' expected.", line: 3, column: 1 },
  { text: '{ "a": 1 "b": 2 }', keyPath: '', problem: "',' expected.", line: 1, column: 10 },
  { text: '', keyPath: '', problem: 'expected an object at the top level, got an empty file', line: 1, column: 1 },
  { text: '  // nothing\n', keyPath: '', problem: 'expected an object at the top level, got an empty file', line: 1, column: 1 },
  { text: '["openai"]', keyPath: '', problem: 'expected an object at the top level, got an array', line: 1, column: 1 },

  // Keys.
  {
    text: '{ "approvedVendor": ["openai"] }',
    keyPath: '',
    problem: 'unknown key "approvedVendor" (did you mean "approvedVendors"?)',
    line: 1,
    column: 3,
  },
  {
    text: '{ "colour": 1 }',
    keyPath: '',
    problem: 'unknown key "colour" (expected one of: $schema, approvedVendors, redactors, vendors, sinks, phi, policy)',
    line: 1,
    column: 3,
  },
  { text: '{ "phi": { "field": {} } }', keyPath: 'phi', problem: 'unknown key "field" (did you mean "fields"?)', line: 1, column: 12 },
  {
    text: '{\n  "policy": {},\n  "policy": {}\n}',
    keyPath: 'policy',
    problem: 'duplicate key (first at 2:3)',
    line: 3,
    column: 3,
    onlyValidator: 'JSON.parse keeps the last of two equal keys',
  },
  { text: '{ "$schema": 1 }', keyPath: '$schema', problem: 'expected a schema URL or path string, got a number', line: 1, column: 14 },

  // approvedVendors.
  { text: '{ "approvedVendors": "openai" }', keyPath: 'approvedVendors', problem: 'expected an array of vendor ids, got a string', line: 1, column: 22 },
  {
    text: '{\n  "approvedVendors": [\n    "openai",\n    "open-ai"\n  ]\n}',
    keyPath: 'approvedVendors[1]',
    problem: `"open-ai" is not a known vendor id (did you mean "openai"? ${KNOWN.slice(1)}`,
    line: 4,
    column: 5,
    onlyValidator: 'custom ids are declared elsewhere in the file',
  },
  {
    text: '{ "approvedVendors": [42] }',
    keyPath: 'approvedVendors[0]',
    problem: 'expected a vendor id or an object { id, regions?, models? }, got a number',
    line: 1,
    column: 23,
  },
  { text: '{ "approvedVendors": [{ "regions": ["us-*"] }] }', keyPath: 'approvedVendors[0]', problem: 'missing required key "id"', line: 1, column: 23 },
  {
    text: '{ "approvedVendors": [{ "id": "acme" }] }',
    keyPath: 'approvedVendors[0].id',
    problem: `"acme" is not a known vendor id ${KNOWN}`,
    line: 1,
    column: 31,
    onlyValidator: 'custom ids are declared elsewhere in the file',
  },
  {
    text: '{ "approvedVendors": [{ "id": "aws-bedrock", "region": ["us-east-1"] }] }',
    keyPath: 'approvedVendors[0]',
    problem: 'unknown key "region" (did you mean "regions"?)',
    line: 1,
    column: 46,
  },
  {
    text: '{ "approvedVendors": [{ "id": "aws-bedrock", "regions": "us-east-1" }] }',
    keyPath: 'approvedVendors[0].regions',
    problem: 'expected an array of region patterns, got a string',
    line: 1,
    column: 57,
  },
  {
    text: '{ "approvedVendors": [{ "id": "aws-bedrock", "regions": [] }] }',
    keyPath: 'approvedVendors[0].regions',
    problem: 'must not be empty (leave out "regions" to cover every region)',
    line: 1,
    column: 57,
  },
  {
    text: '{ "approvedVendors": [{ "id": "aws-bedrock", "models": ["anthropic.*", ""] }] }',
    keyPath: 'approvedVendors[0].models[1]',
    problem: 'must not be an empty string',
    line: 1,
    column: 72,
  },
  {
    text: '{ "approvedVendors": ["openai", "anthropic", "openai"] }',
    keyPath: 'approvedVendors[2]',
    problem: '"openai" is already listed at approvedVendors[0]',
    line: 1,
    column: 46,
    onlyValidator: 'uniqueness of ids across strings and objects',
  },
  {
    text: '{ "approvedVendors": ["aws-bedrock", { "id": "aws-bedrock", "regions": ["us-east-1"] }] }',
    keyPath: 'approvedVendors[1].id',
    problem: '"aws-bedrock" is already listed at approvedVendors[0]',
    line: 1,
    column: 46,
    onlyValidator: 'uniqueness of ids across strings and objects',
  },

  // vendors.
  {
    text: '{ "vendors": {} }',
    keyPath: 'vendors',
    problem: 'expected an array of { id, hosts, name?, firstParty? } objects, got an object',
    line: 1,
    column: 14,
  },
  {
    text: '{ "vendors": [{ "id": "Acme_GW", "hosts": ["llm.acme.internal"] }] }',
    keyPath: 'vendors[0].id',
    problem: '"Acme_GW" is not a valid vendor id (use lower-case letters, digits and "-", starting with a letter or digit)',
    line: 1,
    column: 23,
  },
  {
    text: '{ "vendors": [{ "id": "openai", "hosts": ["llm.acme.internal"] }] }',
    keyPath: 'vendors[0].id',
    problem: '"openai" is a built-in vendor id; a custom vendor needs an id of its own',
    line: 1,
    column: 23,
  },
  {
    text: '{ "vendors": [{ "id": "acme", "hosts": ["a.acme.internal"] }, { "id": "acme", "hosts": ["b.acme.internal"] }] }',
    keyPath: 'vendors[1].id',
    problem: 'duplicate vendor id "acme" (first declared at vendors[0])',
    line: 1,
    column: 71,
    onlyValidator: 'uniqueness of a property across array items',
  },
  { text: '{ "vendors": [{ "id": "acme" }] }', keyPath: 'vendors[0]', problem: 'missing required key "hosts"', line: 1, column: 15 },
  { text: '{ "vendors": [{ "id": "acme", "hosts": [] }] }', keyPath: 'vendors[0].hosts', problem: 'must list at least one host', line: 1, column: 40 },
  {
    text: '{ "vendors": [{ "id": "acme", "hosts": ["https://llm.acme.internal"] }] }',
    keyPath: 'vendors[0].hosts[0]',
    problem: '"https://llm.acme.internal" is not a host name: remove the scheme ("https://")',
    line: 1,
    column: 41,
  },
  {
    text: '{ "vendors": [{ "id": "acme", "hosts": ["llm.acme.internal/v1"] }] }',
    keyPath: 'vendors[0].hosts[0]',
    problem: '"llm.acme.internal/v1" is not a host name: remove the path ("/v1")',
    line: 1,
    column: 41,
  },
  {
    text: '{ "vendors": [{ "id": "acme", "hosts": ["localhost:8080"] }] }',
    keyPath: 'vendors[0].hosts[0]',
    problem: '"localhost:8080" is not a host name: remove the port (":8080"); hosts match on any port',
    line: 1,
    column: 41,
  },
  {
    text: '{ "vendors": [{ "id": "acme", "hosts": ["llm acme"] }] }',
    keyPath: 'vendors[0].hosts[0]',
    problem: '"llm acme" is not a host name (expected a name like "llm.acme.internal", or "*.acme.internal" for every subdomain)',
    line: 1,
    column: 41,
  },
  {
    text: '{ "vendors": [{ "id": "acme", "hosts": ["*.acme.internal"], "firstParty": "yes" }] }',
    keyPath: 'vendors[0].firstParty',
    problem: 'expected true or false, got a string',
    line: 1,
    column: 75,
  },

  {
    text: '{ "vendors": [{ "id": "acme", "hosts": ["*.com"], "firstParty": true }] }',
    keyPath: 'vendors[0].hosts[0]',
    problem: '"*.com" matches every host under a top-level domain; name the domain ("*.acme.com")',
    line: 1,
    column: 41,
    onlyValidator: 'a pattern cannot say "at least two labels after *." readably',
  },
  {
    text: '{ "vendors": [{ "id": "acme", "hosts": ["llm.acme.internal", "*.openai.com"], "firstParty": true }] }',
    keyPath: 'vendors[0].hosts',
    problem: '"*.openai.com" covers OpenAI\'s host "api.openai.com"; a first-party vendor cannot claim a third party\'s hosts (list your own host names)',
    line: 1,
    column: 40,
    onlyValidator: 'the catalog of vendor hosts is not in the schema',
  },

  // redactors.
  { text: '{ "redactors": ["redact"] }', keyPath: 'redactors[0]', problem: 'expected an object { name, from }, got a string', line: 1, column: 17 },
  { text: '{ "redactors": [{ "name": "redact" }] }', keyPath: 'redactors[0]', problem: 'missing required key "from"', line: 1, column: 17 },
  {
    text: '{ "redactors": [{ "name": "redact-phi", "from": "@acme/phi" }] }',
    keyPath: 'redactors[0].name',
    problem: '"redact-phi" is not a function name (expected an identifier like "redactPhi")',
    line: 1,
    column: 27,
  },
  { text: '{ "redactors": [{ "name": "redact", "from": "" }] }', keyPath: 'redactors[0].from', problem: 'must not be an empty string', line: 1, column: 45 },
  {
    text: '{ "redactors": [{ "name": "redact", "from": "./src/phi" }] }',
    keyPath: 'redactors[0].from',
    problem: `module "./src/phi" not found (looked for ./src/phi, ./src/phi.${ALL_EXTS}, ./src/phi/index.${ALL_EXTS}, relative to ${path.dirname(projectConfig)})`,
    line: 1,
    column: 45,
    onlyValidator: 'the file system',
  },
  {
    text: '{ "redactors": [{ "name": "redact", "from": "./src/phi.js" }] }',
    keyPath: 'redactors[0].from',
    problem: `module "./src/phi.js" not found (looked for ./src/phi.js, ./src/phi.ts, ./src/phi.tsx, ./src/phi.d.ts, relative to ${path.dirname(projectConfig)})`,
    line: 1,
    column: 45,
    onlyValidator: 'the file system',
  },
  {
    text: '{ "redactors": [{ "name": "redact", "from": "../../../etc/passwd" }] }',
    keyPath: 'redactors[0].from',
    problem: `"../../../etc/passwd" is outside the folder of phi-guard.config.json (${path.dirname(projectConfig)}); a redactor elsewhere is imported by its package name`,
    line: 1,
    column: 45,
    onlyValidator: 'depends on where the config file is',
  },
  {
    text: '{ "redactors": [{ "name": "redact", "from": "/home/me/phi" }] }',
    keyPath: 'redactors[0].from',
    problem: '"/home/me/phi" is an absolute path; use a path relative to the config file ("./...") or a package name',
    line: 1,
    column: 45,
    onlyValidator: 'kept out of the schema to keep its patterns simple',
  },

  // phi and policy.
  { text: '{ "phi": [] }', keyPath: 'phi', problem: 'expected an object { brandTypes?, types?, fields?, builtinFieldNames?, fhir?, requestBodies? }, got an array', line: 1, column: 10 },
  { text: '{ "phi": { "brandTypes": [1] } }', keyPath: 'phi.brandTypes[0]', problem: 'expected a type name string, got a number', line: 1, column: 27 },
  {
    text: '{ "phi": { "brandTypes": ["PHI<string>"] } }',
    keyPath: 'phi.brandTypes[0]',
    problem: '"PHI<string>" is not a type name (expected an identifier like "PHI")',
    line: 1,
    column: 27,
  },
  {
    text: '{ "phi": { "types": ["Patient", "foo#"] } }',
    keyPath: 'phi.types[1]',
    problem: '"foo#" is not a type name (expected "Name" or "module#Name", like "@acme/models#Patient")',
    line: 1,
    column: 33,
  },
  { text: '{ "phi": { "fields": { "include": [""] } } }', keyPath: 'phi.fields.include[0]', problem: 'must not be an empty string', line: 1, column: 36 },
  { text: '{ "phi": { "fields": { "exclude": "ssn" } } }', keyPath: 'phi.fields.exclude', problem: 'expected an array of field names, got a string', line: 1, column: 35 },
  { text: '{ "phi": { "fhir": "yes" } }', keyPath: 'phi.fhir', problem: 'expected true or false, got a string', line: 1, column: 20 },
  { text: '{ "phi": { "builtinFieldNames": null } }', keyPath: 'phi.builtinFieldNames', problem: 'expected true or false, got null', line: 1, column: 33 },
  { text: '{ "phi": { "fhir": undefined } }', keyPath: 'phi.fhir', problem: 'expected true or false, got `undefined`', line: 1, column: 20 },
  {
    text: '{ "policy": { "phiToApprovedVendors": "deny" } }',
    keyPath: 'policy.phiToApprovedVendors',
    problem: 'expected "allow" or "report", got "deny"',
    line: 1,
    column: 39,
  },
  {
    text: '{ "sinks": [{ "module": "@acme/llm", "function": "complete", "vendor": "acme" }] }',
    keyPath: 'sinks[0].vendor',
    problem: `"acme" is not a known vendor id (known: ${BUILTIN_VENDOR_IDS.join(', ')}; or one declared under "vendors")`,
    line: 1,
    column: 72,
    onlyValidator: 'custom ids are declared elsewhere in the file',
  },
  {
    text: '{ "sinks": [{ "module": "@acme/llm", "function": "llm.complete", "vendor": "openai", "content": [-1] }] }',
    keyPath: 'sinks[0].function',
    problem: '"llm.complete" is not a function or method name (expected an identifier like "complete")',
    line: 1,
    column: 50,
  },
  {
    text: '{ "sinks": [{ "function": "complete", "vendor": "openai" }] }',
    keyPath: 'sinks[0]',
    problem: 'missing required key "module"',
    line: 1,
    column: 13,
  },
  {
    text: '{ "phi": { "requestBodies": "none" } }',
    keyPath: 'phi.requestBodies',
    problem: 'expected "whole", "all", "fieldNames", got "none"',
    line: 1,
    column: 29,
  },
  {
    text: '{ "policy": { "phiToApprovedVendors": `allow` } }',
    keyPath: 'policy.phiToApprovedVendors',
    problem: 'expected "allow" or "report", got a template string (JSON strings use double quotes)',
    line: 1,
    column: 39,
  },
];

/** Configs that must be accepted; the schema must accept them too. */
const wellFormed: string[] = [
  '{}',
  '{ "$schema": "./node_modules/@phi-guard/core/schema/phi-guard.config.schema.json" }',
  '{ "approvedVendors": ["azure-openai", { "id": "aws-bedrock", "regions": ["us-east-1"], "models": ["anthropic.*"] }] }',
  // Several scoped entries for one vendor: a Bedrock BAA per region and model family.
  '{ "approvedVendors": [{ "id": "aws-bedrock", "regions": ["us-*"] }, { "id": "aws-bedrock", "regions": ["eu-*"], "models": ["amazon.*"] }] }',
  // A custom id is approvable wherever it is declared.
  '{ "approvedVendors": ["acme-gateway"], "vendors": [{ "id": "acme-gateway", "name": "Acme", "hosts": ["LLM.Acme.Internal", "*.acme.ai"], "firstParty": true }] }',
  '{ "redactors": [{ "name": "redact", "from": "@acme/phi" }] }',
  '{ "phi": { "brandTypes": ["PHI", "Sensitive"], "types": ["Patient", "Fhir.Patient", "@acme/models#Encounter", "./src/models#Visit"], "fields": { "include": ["chartNumber"], "exclude": ["patientCount"] }, "builtinFieldNames": false, "fhir": false } }',
  '{ "policy": { "phiToApprovedVendors": "report" } }',
  '{ "phi": { "requestBodies": "all" } }',
  '{ "sinks": [{ "module": "@acme/llm", "function": "complete", "content": [0], "vendor": "acme" }], "vendors": [{ "id": "acme", "hosts": ["llm.acme.internal"] }] }',
  '{ "sinks": [{ "module": "./src/llm", "class": "LlmClient", "function": "send", "vendor": "openai" }] }',
  '{ "phi": { "requestBodies": "fieldNames" } }',
  '// comments are fine (JSONC), as are trailing commas\n{ "approvedVendors": ["openai",], /* here too */ }',
];

describe('config: malformed files', () => {
  for (const c of malformed) {
    it(`${JSON.stringify(c.text)} -> ${c.keyPath || '(file)'}: ${c.problem.slice(0, 60)}`, () => {
      const error = parseError(c.text);
      assert.deepEqual(
        { keyPath: error.keyPath, problem: error.problem, line: error.line, column: error.column },
        { keyPath: c.keyPath, problem: c.problem, line: c.line, column: c.column },
      );
      assert.equal(error.fileName, projectConfig);
      assert.equal(error.issues[0].problem, error.problem);
    });
  }

  it('formats the message as file:line:column: keyPath: problem', () => {
    const error = parseError('{\n  "approvedVendors": [\n    "openai",\n    "open-ai"\n  ]\n}');
    assert.equal(
      error.message,
      `phi-guard.config.json is invalid: ${projectConfig}:4:5: approvedVendors[1]: "open-ai" is not a known vendor id ` +
        '(did you mean "openai"? known: openai, azure-openai, anthropic, google-gemini, google-vertex, aws-bedrock, mistral, cohere, groq, together, ' +
        'huggingface, replicate, deepseek, xai, openrouter, perplexity, vercel-gateway, assemblyai, deepgram, local; ' +
        'or one declared under "vendors")',
    );
    assert.equal(error.name, 'ConfigError');
  });

  it('leaves out the key path for errors about the whole file', () => {
    assert.equal(parseError('[]').message, `phi-guard.config.json is invalid: ${projectConfig}:1:1: expected an object at the top level, got an array`);
  });

  it('points start/end at the offending value', () => {
    const text = '{ "policy": { "phiToApprovedVendors": "deny" } }';
    const error = parseError(text);
    assert.equal(text.slice(error.start, error.end), '"deny"');
  });

  it('points start/end at the key for an unknown key', () => {
    const text = '{ "phi": { "fhir": true, "fihr": true } }';
    const error = parseError(text);
    assert.equal(text.slice(error.start, error.end), '"fihr"');
    assert.equal(error.problem, 'unknown key "fihr" (did you mean "fhir"?)');
  });

  it('lists every problem in issues, in the order of the text', () => {
    const error = parseError('{ "approvedVendors": ["nope", 1], "phi": { "fhir": 0 }, "extra": true }');
    assert.deepEqual(
      error.issues.map((i) => [i.keyPath, i.line, i.column]),
      [
        ['approvedVendors[0]', 1, 23],
        ['approvedVendors[1]', 1, 31],
        ['phi.fhir', 1, 52],
        ['', 1, 57],
      ],
    );
  });

  it('does not report an invalid custom id a second time where it is approved', () => {
    const error = parseError('{ "approvedVendors": ["Bad"], "vendors": [{ "id": "Bad", "hosts": ["x"] }] }');
    assert.deepEqual(
      error.issues.map((i) => i.keyPath),
      ['vendors[0].id'],
    );
  });

  it('rejects text over 1 MiB without parsing it', () => {
    const error = parseError(`{ "phi": { "types": [] } ${' '.repeat(1024 * 1024)}}`);
    assert.deepEqual([error.keyPath, error.problem, error.line, error.column], ['', 'file is larger than 1 MiB', 1, 1]);
  });
});

describe('config: valid files and defaults', () => {
  for (const text of wellFormed) {
    it(`accepts ${JSON.stringify(text).slice(0, 100)}`, () => {
      assert.doesNotThrow(() => parseConfigText(text, projectConfig));
    });
  }

  it('defaults', () => {
    const config = defaultConfig();
    assert.deepEqual({ ...config, key: undefined }, {
      configFile: undefined,
      approvedVendors: [],
      redactors: [],
      vendors: [],
      sinks: [],
      phi: { brandTypes: ['PHI'], types: [], fields: { include: [], exclude: [] }, builtinFieldNames: true, fhir: true, requestBodies: 'whole' },
      policy: { phiToApprovedVendors: 'allow' },
      key: undefined,
    });
    assert.notEqual(defaultConfig(), defaultConfig(), 'a fresh object each call');
  });

  it('an empty object means the defaults, from that file', () => {
    const config = parseConfigText('{}', projectConfig);
    assert.deepEqual({ ...config, configFile: undefined }, defaultConfig());
    assert.equal(config.configFile, projectConfig);
    assert.equal(config.key, defaultConfig().key);
  });

  it('normalizes the example from the spec', () => {
    const dir = path.join(tmp, 'spec-example');
    write(path.join(dir, 'src', 'phi.ts'), 'export function redact(x: unknown) { return "[redacted]"; }\n');
    const config = parseConfigText(
      JSON.stringify({
        approvedVendors: ['azure-openai', { id: 'aws-bedrock', regions: ['us-east-1'], models: ['anthropic.*'] }],
        redactors: [{ name: 'redact', from: './src/phi' }],
        vendors: [{ id: 'acme-gateway', hosts: ['LLM.acme.internal'], firstParty: true }],
        phi: { types: ['Patient', '@acme/models#Encounter'], fields: { include: ['chartNumber'] } },
        policy: { phiToApprovedVendors: 'report' },
      }),
      path.join(dir, CONFIG),
    );
    const expected: Omit<ResolvedConfig, 'key'> = {
      configFile: path.join(dir, CONFIG),
      approvedVendors: [{ id: 'azure-openai' }, { id: 'aws-bedrock', regions: ['us-east-1'], models: ['anthropic.*'] }],
      redactors: [{ name: 'redact', from: './src/phi', resolvedFrom: path.join(dir, 'src', 'phi'), resolvedFile: path.join(dir, 'src', 'phi.ts') }],
      // Host names are compared in lower case.
      vendors: [{ id: 'acme-gateway', hosts: ['llm.acme.internal'], firstParty: true }],
      sinks: [],
      phi: { brandTypes: ['PHI'], types: ['Patient', '@acme/models#Encounter'], fields: { include: ['chartNumber'], exclude: [] }, builtinFieldNames: true, fhir: true, requestBodies: 'whole' },
      policy: { phiToApprovedVendors: 'report' },
    };
    assert.deepEqual({ ...config, key: undefined }, { ...expected, key: undefined });
  });

  it('gives equal keys to equal settings, whatever the formatting, and different keys otherwise', () => {
    const a = parseConfigText('{ "approvedVendors": ["openai"] }', projectConfig);
    const b = parseConfigText('{\n  // same thing\n  "approvedVendors": [{ "id": "openai" }],\n  "phi": { "fhir": true }\n}', projectConfig);
    const c = parseConfigText('{ "approvedVendors": ["anthropic"] }', projectConfig);
    assert.equal(a.key, b.key);
    assert.notEqual(a.key, c.key);
    assert.doesNotThrow(() => JSON.parse(a.key));
  });

  it('tolerates a byte order mark', () => {
    assert.doesNotThrow(() => parseConfigText('\uFEFF{ "approvedVendors": ["openai"] }', projectConfig));
  });
});

describe('config: relative redactor modules', () => {
  const dir = path.join(tmp, 'redactors');
  const configFile = path.join(dir, CONFIG);
  before(() => {
    write(path.join(dir, 'src', 'phi.ts'), 'export const redact = (x: string) => "";\n');
    write(path.join(dir, 'lib', 'index.ts'), 'export const scrub = (x: string) => "";\n');
    write(path.join(dir, 'js', 'mask.js'), 'exports.mask = (x) => "";\n');
  });

  const cases: Array<{ from: string; file: string[] }> = [
    { from: './src/phi', file: ['src', 'phi.ts'] },
    { from: './src/phi.ts', file: ['src', 'phi.ts'] },
    // NodeNext: the import says .js, the source is .ts.
    { from: './src/phi.js', file: ['src', 'phi.ts'] },
    { from: './lib', file: ['lib', 'index.ts'] },
    { from: './lib/', file: ['lib', 'index.ts'] },
    { from: './js/mask', file: ['js', 'mask.js'] },
    { from: '../redactors/src/phi', file: ['src', 'phi.ts'] },
  ];
  for (const { from, file } of cases) {
    it(`resolves ${from} to ${file.join('/')}`, () => {
      const config = parseConfigText(JSON.stringify({ redactors: [{ name: 'redact', from }] }), configFile);
      assert.equal(config.redactors[0].resolvedFrom, path.resolve(dir, from));
      assert.equal(config.redactors[0].resolvedFile, path.join(dir, ...file));
    });
  }

  it('uses a bare module name as it is, without looking for it', () => {
    const config = parseConfigText('{ "redactors": [{ "name": "redact", "from": "@acme/phi-utils" }] }', configFile);
    assert.deepEqual(config.redactors, [{ name: 'redact', from: '@acme/phi-utils' }]);
  });

  it('resolves relative to the config file, not the working directory', () => {
    const error = parseError('{ "redactors": [{ "name": "redact", "from": "./src/phi" }] }', path.join(tmp, 'elsewhere', CONFIG));
    assert.equal(error.keyPath, 'redactors[0].from');
  });

  it('asks the host, when given one, instead of the disk', () => {
    const seen: string[] = [];
    const config = parseConfigText('{ "redactors": [{ "name": "r", "from": "./virtual" }] }', configFile, {
      fileExists: (f) => (seen.push(f), f === path.join(dir, 'virtual.tsx')),
    });
    assert.equal(config.redactors[0].resolvedFile, path.join(dir, 'virtual.tsx'));
    assert.deepEqual(seen, [path.join(dir, 'virtual'), path.join(dir, 'virtual.ts'), path.join(dir, 'virtual.tsx')]);
  });
});

describe('config: discovery and caching', () => {
  beforeEach(() => clearConfigCache());

  it('finds the nearest config by walking up from the file', () => {
    const root = path.join(tmp, 'walk');
    const outer = write(path.join(root, CONFIG), '{}');
    const inner = write(path.join(root, 'packages', 'api', CONFIG), '{ "approvedVendors": ["openai"] }');
    assert.equal(findConfigFile(path.join(root, 'packages', 'api', 'src', 'deep', 'file.ts')), inner);
    assert.equal(findConfigFile(path.join(root, 'packages', 'web', 'src', 'file.ts')), outer);
    assert.equal(findConfigFile(path.join(root, 'packages', 'api', 'file.ts')), inner);
  });

  it('ignores a directory with the config file name', () => {
    const root = path.join(tmp, 'dir-named-config');
    fs.mkdirSync(path.join(root, 'a', CONFIG), { recursive: true });
    const config = write(path.join(root, CONFIG), '{}');
    assert.equal(findConfigFile(path.join(root, 'a', 'file.ts')), config);
  });

  it('uses the defaults when there is no config file', () => {
    const file = path.join(tmp, 'no-config', 'src', 'file.ts');
    // Nothing above the temp dir is ours; only assert when the machine has no stray config.
    if (findConfigFile(tmp) !== undefined) return;
    assert.equal(findConfigFile(file), undefined);
    assert.deepEqual(loadConfigForFile(file), defaultConfig());
  });

  it('loads, caches, and shares a frozen result', () => {
    const configFile = write(path.join(tmp, 'cache', CONFIG), '{ "approvedVendors": ["openai"] }');
    const file = path.join(tmp, 'cache', 'src', 'a.ts');
    const first = loadConfigForFile(file);
    assert.equal(first.configFile, configFile);
    assert.deepEqual(first.approvedVendors, [{ id: 'openai' }]);
    assert.equal(loadConfigForFile(path.join(tmp, 'cache', 'b.ts')), first, 'same object from the cache');
    assert.ok(Object.isFrozen(first.approvedVendors[0]));
    assert.throws(() => (first.approvedVendors as unknown[]).push({ id: 'x' }), TypeError);
  });

  it('re-reads a file whose size changed', () => {
    const configFile = write(path.join(tmp, 'resize', CONFIG), '{ "approvedVendors": ["openai"] }');
    const file = path.join(tmp, 'resize', 'a.ts');
    assert.deepEqual(loadConfigForFile(file).approvedVendors, [{ id: 'openai' }]);
    fs.writeFileSync(configFile, '{ "approvedVendors": ["openai", "anthropic"] }');
    assert.deepEqual(loadConfigForFile(file).approvedVendors, [{ id: 'openai' }, { id: 'anthropic' }]);
  });

  it('re-reads a file of the same size whose mtime changed', () => {
    const configFile = write(path.join(tmp, 'touch', CONFIG), '{ "approvedVendors": ["openai"] }');
    const file = path.join(tmp, 'touch', 'a.ts');
    fs.utimesSync(configFile, new Date(2020, 0, 1), new Date(2020, 0, 1));
    assert.deepEqual(loadConfigForFile(file).approvedVendors, [{ id: 'openai' }]);
    fs.writeFileSync(configFile, '{ "approvedVendors": ["cohere"] }'); // "openai" and "cohere": same length
    fs.utimesSync(configFile, new Date(2021, 0, 1), new Date(2021, 0, 1));
    assert.deepEqual(loadConfigForFile(file).approvedVendors, [{ id: 'cohere' }]);
  });

  it('keeps the cached result while size and mtime are unchanged, until clearConfigCache()', () => {
    const configFile = write(path.join(tmp, 'stale', CONFIG), '{ "approvedVendors": ["openai"] }');
    const file = path.join(tmp, 'stale', 'a.ts');
    const when = new Date(2020, 0, 1);
    fs.utimesSync(configFile, when, when);
    const first = loadConfigForFile(file);
    // Same length, same mtime: indistinguishable by design (no hashing on every lookup).
    fs.writeFileSync(configFile, '{ "approvedVendors": ["cohere"] }');
    fs.utimesSync(configFile, when, when);
    assert.equal(loadConfigForFile(file), first);
    clearConfigCache();
    assert.deepEqual(loadConfigForFile(file).approvedVendors, [{ id: 'cohere' }]);
  });

  it('throws a ConfigError naming the absolute path, and recovers once the file is fixed', () => {
    const configFile = write(path.join(tmp, 'broken', CONFIG), '{ "approvedVendors": ["open-ai"] }');
    const file = path.join(tmp, 'broken', 'a.ts');
    for (let i = 0; i < 2; i++) {
      assert.throws(
        () => loadConfigForFile(file),
        (error: unknown) =>
          error instanceof ConfigError &&
          error.fileName === configFile &&
          error.message.startsWith(`phi-guard.config.json is invalid: ${configFile}:1:23: approvedVendors[0]: "open-ai" is not a known vendor id`),
      );
    }
    fs.writeFileSync(configFile, '{ "approvedVendors": ["openai"] }');
    assert.deepEqual(loadConfigForFile(file).approvedVendors, [{ id: 'openai' }]);
  });

  it('positions errors as editors do when the file starts with a byte order mark', () => {
    write(path.join(tmp, 'bom', CONFIG), '\uFEFF{ "phi": 1 }');
    assert.throws(
      () => loadConfigForFile(path.join(tmp, 'bom', 'a.ts')),
      (error: unknown) => error instanceof ConfigError && error.line === 1 && error.column === 10,
    );
  });

  it('rejects a file over 1 MiB without reading it', () => {
    const configFile = write(path.join(tmp, 'huge', CONFIG), `{${' '.repeat(1024 * 1024)}}`);
    assert.throws(
      () => loadConfigForFile(path.join(tmp, 'huge', 'a.ts')),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.problem === 'file is larger than 1 MiB' &&
        error.keyPath === '' &&
        error.message === `phi-guard.config.json is invalid: ${configFile}:1:1: file is larger than 1 MiB`,
    );
  });
});

describe('config: JSON Schema agrees with the validator', () => {
  const schema = JSON.parse(fs.readFileSync(findSchema(), 'utf8')) as Schema;

  /** Every object in the schema, by the same path notation as CONFIG_KEYS. */
  function schemaObjects(): Map<string, Schema> {
    const objects = new Map<string, Schema>();
    const walk = (node: Schema, at: string): void => {
      const s = resolveRef(schema, node);
      if (s.properties) {
        assert.ok(!objects.has(at), `two object schemas at "${at}"`);
        objects.set(at, s);
        for (const [key, child] of Object.entries(s.properties as Record<string, Schema>)) {
          walk(child, at ? `${at}.${key}` : key);
        }
      }
      if (s.items) walk(s.items as Schema, `${at}[]`);
      for (const alternative of [...((s.oneOf as Schema[]) ?? []), ...((s.anyOf as Schema[]) ?? [])]) walk(alternative, at);
    };
    walk(schema, '');
    return objects;
  }

  it('describes the same objects with the same keys', () => {
    const fromSchema = Object.fromEntries([...schemaObjects()].map(([at, s]) => [at, Object.keys(s.properties as object)]));
    assert.deepEqual(fromSchema, CONFIG_KEYS);
  });

  it('closes every object and describes every property', () => {
    for (const [at, s] of schemaObjects()) {
      assert.equal(s.additionalProperties, false, `additionalProperties at "${at}"`);
      for (const [key, child] of Object.entries(s.properties as Record<string, Schema>)) {
        assert.equal(typeof child.description, 'string', `description of "${at ? `${at}.` : ''}${key}"`);
      }
    }
  });

  it('lists the built-in vendor ids, the policy modes and the same patterns', () => {
    const definitions = schema.definitions as Record<string, Schema>;
    const vendorId = definitions.vendorId.anyOf as Schema[];
    assert.deepEqual(vendorId[0].enum, BUILTIN_VENDOR_IDS);
    assert.equal(vendorId[1].pattern, PATTERNS.vendorId);
    const objects = schemaObjects();
    const prop = (at: ObjectShape, key: string): Schema => (objects.get(at)!.properties as Record<string, Schema>)[key];
    assert.equal(prop('vendors[]', 'id').pattern, PATTERNS.vendorId);
    assert.equal((prop('vendors[]', 'hosts').items as Schema).pattern, PATTERNS.host);
    assert.equal(prop('redactors[]', 'name').pattern, PATTERNS.identifier);
    assert.equal((prop('phi', 'brandTypes').items as Schema).pattern, PATTERNS.identifier);
    assert.equal((prop('phi', 'types').items as Schema).pattern, PATTERNS.typeName);
    assert.deepEqual(prop('policy', 'phiToApprovedVendors').enum, POLICY_MODES);
    assert.deepEqual(prop('phi', 'requestBodies').enum, REQUEST_BODY_POLICIES);
  });

  it('states the defaults the validator applies', () => {
    const objects = schemaObjects();
    const defaults = defaultConfig();
    const phi = objects.get('phi')!.properties as Record<string, Schema>;
    assert.deepEqual(phi.brandTypes.default, defaults.phi.brandTypes);
    assert.deepEqual(phi.builtinFieldNames.default, defaults.phi.builtinFieldNames);
    assert.deepEqual(phi.fhir.default, defaults.phi.fhir);
    assert.deepEqual(phi.requestBodies.default, defaults.phi.requestBodies);
    assert.deepEqual((objects.get('policy')!.properties as Record<string, Schema>).phiToApprovedVendors.default, defaults.policy.phiToApprovedVendors);
  });

  for (const text of wellFormed) {
    it(`schema accepts ${JSON.stringify(text).slice(0, 80)}`, () => {
      assert.ok(matchesSchema(schema, schema, parseJsonc(text)));
    });
  }

  for (const c of malformed) {
    const value = tryParseJson(c.text);
    if (value === undefined) continue; // Not JSON: the schema never sees it.
    const verdict = c.onlyValidator ? `accepts (${c.onlyValidator})` : 'rejects';
    it(`schema ${verdict}: ${c.text.slice(0, 70)}`, () => {
      assert.equal(matchesSchema(schema, schema, value), c.onlyValidator !== undefined);
    });
  }
});

function findSchema(): string {
  // Compiled tests run from dist/tests; walk up to the package that holds schema/.
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'schema', 'phi-guard.config.schema.json');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error('schema/phi-guard.config.schema.json not found');
  }
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Comments and trailing commas out, for the well-formed JSONC examples. */
function parseJsonc(text: string): unknown {
  return JSON.parse(
    text
      .replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '')
      .replace(/,\s*([\]}])/g, '$1'),
  );
}

describe('config: files that are not regular files', () => {
  it('a FIFO named phi-guard.config.json is an error at once, not a read that never returns', () => {
    const dir = path.join(tmp, 'fifo');
    fs.mkdirSync(dir, { recursive: true });
    const configFile = path.join(dir, CONFIG);
    require('node:child_process').execFileSync('mkfifo', [configFile]);
    clearConfigCache();
    assert.throws(() => loadConfigForFile(path.join(dir, 'a.ts')), (error: unknown) => error instanceof ConfigError && /not a regular file/.test(error.message));
  });
});
