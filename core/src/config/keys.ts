/**
 * What the validator accepts, as data: the keys of every object in the file and the patterns
 * strings must match. The JSON Schema (core/schema/phi-guard.config.schema.json) repeats
 * these, and tests/config.test.ts checks that both say the same thing.
 */

/** Objects of the config file, named by their path with `[]` for "any element". */
export type ObjectShape = '' | 'approvedVendors[]' | 'redactors[]' | 'vendors[]' | 'sinks[]' | 'phi' | 'phi.fields' | 'policy';

export const CONFIG_KEYS: Readonly<Record<ObjectShape, readonly string[]>> = {
  // "$schema" lets editors without the extension validate the file too.
  '': ['$schema', 'approvedVendors', 'redactors', 'vendors', 'sinks', 'phi', 'policy'],
  'approvedVendors[]': ['id', 'regions', 'models'],
  'redactors[]': ['name', 'from'],
  'vendors[]': ['id', 'name', 'hosts', 'firstParty'],
  'sinks[]': ['module', 'function', 'class', 'content', 'vendor'],
  phi: ['brandTypes', 'types', 'fields', 'builtinFieldNames', 'fhir', 'requestBodies'],
  'phi.fields': ['include', 'exclude'],
  policy: ['phiToApprovedVendors'],
};

/**
 * Pattern sources, written so they mean the same under JavaScript's RegExp with or without
 * the `u` flag (VS Code's JSON validator uses `u`), since the schema repeats them verbatim.
 */
export const PATTERNS = {
  /** Custom vendor ids: lower-case, digits and hyphens, like the built-in ids. */
  vendorId: '^[a-z0-9][a-z0-9-]*$',
  /** A JavaScript identifier (ASCII only: enough for function and type names in practice). */
  identifier: '^[A-Za-z_$][A-Za-z0-9_$]*$',
  /** "Name", "Namespace.Name", or "module#Name" where module is a package or path. */
  typeName: '^([^#\\s]+#)?[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*$',
  /** A host name or IP address, optionally "*." for every subdomain; no scheme, port or path. */
  host: '^(\\*\\.)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*$',
} as const;

export const POLICY_MODES: readonly string[] = ['allow', 'report'];

export const REQUEST_BODY_POLICIES: readonly string[] = ['whole', 'all', 'fieldNames'];
