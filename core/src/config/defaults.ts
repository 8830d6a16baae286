import type { ResolvedConfig } from './types';

/** The configuration used when no phi-guard.config.json is found. A fresh object each call. */
export function defaultConfig(): ResolvedConfig {
  return withKey({
    configFile: undefined,
    approvedVendors: [],
    redactors: [],
    vendors: [],
    sinks: [],
    phi: {
      brandTypes: ['PHI'],
      types: [],
      fields: { include: [], exclude: [] },
      builtinFieldNames: true,
      fhir: true,
      // An unexamined request body of a healthcare backend is what its clients sent about a
      // patient; the whole of it going to an LLM is reported, a named member by its name.
      requestBodies: 'whole',
    },
    policy: { phiToApprovedVendors: 'allow' },
  });
}

/**
 * Adds the cache key: the JSON of every setting that changes analysis. The file's own path is
 * left out on purpose (two files with the same settings analyze the same way); paths that do
 * matter, like a redactor's resolved module, are part of the settings.
 */
export function withKey(config: Omit<ResolvedConfig, 'key'>): ResolvedConfig {
  const { approvedVendors, redactors, vendors, sinks, phi, policy } = config;
  const key = JSON.stringify({ approvedVendors, redactors, vendors, sinks, phi, policy });
  return { ...config, key };
}
