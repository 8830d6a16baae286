import * as path from 'node:path';
import * as ts from 'typescript';
import type { ConfigIssue } from './errors';
import type { PhiSettings, PolicyMode, RequestBodyPolicy, ResolvedConfig } from './types';
import { defaultConfig } from './defaults';
import { JsonReader, join, type JsonProperty } from './jsonReader';
import { PATTERNS, POLICY_MODES, REQUEST_BODY_POLICIES } from './keys';
import { defaultHost, readRedactors, type ConfigHost } from './redactors';
import { readApprovedVendors, readVendors } from './vendors';
import { readSinks } from './sinks';

const IDENTIFIER = new RegExp(PATTERNS.identifier);
const TYPE_NAME = new RegExp(PATTERNS.typeName);

export type ValidationResult =
  | { config: Omit<ResolvedConfig, 'key'>; issues?: undefined }
  | { config?: undefined; issues: ConfigIssue[] };

/**
 * Turns the text of a config file into settings with defaults applied, or every problem in
 * it, in the order of the text. Nothing in the file is executed; the only file-system access
 * is checking that relative redactor modules exist.
 */
export function validateConfigText(text: string, fileName: string, host: ConfigHost = defaultHost): ValidationResult {
  const file = ts.parseJsonText(fileName, text);
  const reader = new JsonReader(file);
  // parseDiagnostics is internal but stable: it is how tsc itself reports a broken tsconfig.json.
  const syntaxErrors = (file as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  // Only the first: the parser recovers badly (one stray `"` gives dozens of "',' expected"), and
  // every later error may be a consequence of the first.
  const first = syntaxErrors[0];
  if (first) reader.reportAt(first.start, first.start + first.length, '', ts.flattenDiagnosticMessageText(first.messageText, ' '), { alsoFoundBy: 'json-syntax' });
  if (reader.issues.length > 0) return { issues: reader.issues };

  const root = file.statements[0]?.expression;
  if (!root) {
    reader.reportAt(0, text.length, '', 'expected an object at the top level, got an empty file');
    return { issues: reader.issues };
  }
  const config = readRoot(reader, root, path.dirname(path.resolve(fileName)), host);
  if (reader.issues.length > 0 || !config) {
    return { issues: [...reader.issues].sort((a, b) => a.start - b.start) };
  }
  return { config: { ...config, configFile: path.resolve(fileName) } };
}

function readRoot(reader: JsonReader, root: ts.Expression, configDir: string, host: ConfigHost): Omit<ResolvedConfig, 'key'> | undefined {
  const properties = reader.object(root, '', '', 'an object at the top level');
  if (!properties) return undefined;
  const config = defaultConfig();
  const schema = properties.get('$schema');
  if (schema) reader.string(schema.value, '$schema', 'a schema URL or path string');

  // Custom vendors first: their ids are valid in approvedVendors, wherever they appear in the file.
  const vendors = properties.get('vendors');
  const custom = vendors ? readVendors(reader, vendors.value) : { vendors: [], ids: new Set<string>() };
  const approved = properties.get('approvedVendors');
  const redactors = properties.get('redactors');
  const phi = properties.get('phi');
  const policy = properties.get('policy');
  const sinks = properties.get('sinks');
  return {
    approvedVendors: (approved && readApprovedVendors(reader, approved.value, custom.ids)) || config.approvedVendors,
    redactors: (redactors && readRedactors(reader, redactors.value, configDir, host)) || config.redactors,
    vendors: custom.vendors ?? config.vendors,
    sinks: (sinks && readSinks(reader, sinks.value, custom.ids, configDir)) || config.sinks,
    phi: phi ? readPhi(reader, phi.value, config.phi) : config.phi,
    policy: { phiToApprovedVendors: (policy && readPolicy(reader, policy.value)) || config.policy.phiToApprovedVendors },
  };
}

function readPhi(reader: JsonReader, node: ts.Expression, defaults: PhiSettings): PhiSettings {
  const properties = reader.object(node, 'phi', 'phi', 'an object { brandTypes?, types?, fields?, builtinFieldNames?, fhir?, requestBodies? }');
  if (!properties) return defaults;
  const brandTypes = properties.get('brandTypes');
  const types = properties.get('types');
  const fields = properties.get('fields');
  return {
    brandTypes:
      (brandTypes &&
        reader.strings(brandTypes.value, 'phi.brandTypes', { array: 'an array of type names', element: 'a type name string' }, (name) =>
          IDENTIFIER.test(name) ? undefined : `"${name}" is not a type name (expected an identifier like "PHI")`,
        )) ||
      defaults.brandTypes,
    types:
      (types &&
        reader.strings(types.value, 'phi.types', { array: 'an array of type names', element: 'a type name string' }, (name) =>
          TYPE_NAME.test(name) ? undefined : `"${name}" is not a type name (expected "Name" or "module#Name", like "@acme/models#Patient")`,
        )) ||
      defaults.types,
    fields: fields ? readFields(reader, fields.value, defaults.fields) : defaults.fields,
    builtinFieldNames: readOptionalBoolean(reader, properties.get('builtinFieldNames'), 'phi.builtinFieldNames') ?? defaults.builtinFieldNames,
    fhir: readOptionalBoolean(reader, properties.get('fhir'), 'phi.fhir') ?? defaults.fhir,
    requestBodies: (readChoice(reader, properties.get('requestBodies'), 'phi.requestBodies', REQUEST_BODY_POLICIES) as RequestBodyPolicy | undefined) ?? defaults.requestBodies,
  };
}

function readFields(reader: JsonReader, node: ts.Expression, defaults: PhiSettings['fields']): PhiSettings['fields'] {
  const properties = reader.object(node, 'phi.fields', 'phi.fields', 'an object { include?, exclude? }');
  if (!properties) return defaults;
  const list = (key: 'include' | 'exclude'): string[] => {
    const property = properties.get(key);
    const what = { array: 'an array of field names', element: 'a field name string' };
    return (property && reader.strings(property.value, join('phi.fields', key), what)) || defaults[key];
  };
  return { include: list('include'), exclude: list('exclude') };
}

function readPolicy(reader: JsonReader, node: ts.Expression): PolicyMode | undefined {
  const properties = reader.object(node, 'policy', 'policy', 'an object { phiToApprovedVendors? }');
  const mode = properties?.get('phiToApprovedVendors');
  if (!mode) return undefined;
  const expected = POLICY_MODES.map((m) => `"${m}"`).join(' or ');
  if (ts.isStringLiteral(mode.value) && POLICY_MODES.includes(mode.value.text)) return mode.value.text as PolicyMode;
  const got = ts.isStringLiteral(mode.value) ? `"${mode.value.text}"` : reader.describe(mode.value);
  reader.reportShape(mode.value, 'policy.phiToApprovedVendors', `expected ${expected}, got ${got}`);
  return undefined;
}

function readChoice(reader: JsonReader, property: JsonProperty | undefined, keyPath: string, choices: readonly string[]): string | undefined {
  if (!property) return undefined;
  if (ts.isStringLiteral(property.value) && choices.includes(property.value.text)) return property.value.text;
  const got = ts.isStringLiteral(property.value) ? `"${property.value.text}"` : reader.describe(property.value);
  reader.reportShape(property.value, keyPath, `expected ${choices.map((m) => `"${m}"`).join(', ')}, got ${got}`);
  return undefined;
}

function readOptionalBoolean(reader: JsonReader, property: JsonProperty | undefined, keyPath: string): boolean | undefined {
  return property && reader.boolean(property.value, keyPath);
}
