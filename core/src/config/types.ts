/** The shape of phi-guard.config.json once validated and defaulted. Data only. */

export type PolicyMode = 'allow' | 'report';

/**
 * What a request body that enters through a framework (Express/Fastify `req.body`, a web
 * `Request`'s `json()`, a Lambda `event.body`, NestJS `@Body()`) is:
 * - "whole": the body sent as a whole is PHI; a member read from it is judged by its name;
 * - "all": the body and every member of it are PHI;
 * - "fieldNames": only members whose names mark PHI are.
 */
export type RequestBodyPolicy = 'whole' | 'all' | 'fieldNames';

export interface ApprovedVendor {
  id: string;
  /** Glob-like patterns ("us-*") the BAA covers; undefined means every region. */
  regions?: string[];
  /** Glob-like patterns ("anthropic.*") the BAA covers; undefined means every model. */
  models?: string[];
}

export interface RedactorSpec {
  name: string;
  /** As written in the config: a bare module name, or a path relative to the config file. */
  from: string;
  /** Absolute path (without extension resolution) when `from` is relative; undefined for bare modules. */
  resolvedFrom?: string;
  /** The file `resolvedFrom` names, found like a TypeScript import (extensions, /index); undefined for bare modules. */
  resolvedFile?: string;
}

export interface CustomVendor {
  id: string;
  name?: string;
  hosts: string[];
  firstParty: boolean;
}

/** A call that sends content to an LLM, declared in the config (`sinks`), matched by declaration site like the catalog. */
export interface CustomSink {
  /** npm package (or workspace package) that declares the function, or a path relative to the config file. */
  module: string;
  /** Absolute path (without extension) when `module` is relative. */
  resolvedModule?: string;
  function: string;
  /** Declaring class or interface, for a method. */
  class?: string;
  /** Argument indexes that carry content; all when absent. */
  content?: number[];
  vendor: string;
}

export interface PhiSettings {
  brandTypes: string[];
  /** Type names, or "module#Name". */
  types: string[];
  fields: { include: string[]; exclude: string[] };
  builtinFieldNames: boolean;
  fhir: boolean;
  requestBodies: RequestBodyPolicy;
}

export interface ResolvedConfig {
  /** Absolute path of the file this came from; undefined when no file was found (defaults). */
  configFile?: string;
  approvedVendors: ApprovedVendor[];
  redactors: RedactorSpec[];
  vendors: CustomVendor[];
  sinks: CustomSink[];
  phi: PhiSettings;
  policy: { phiToApprovedVendors: PolicyMode };
  /** Stable key: equal keys mean equal configs (used to key caches). */
  key: string;
}
