import * as ts from 'typescript';
import type { ApprovedVendor, CustomVendor } from './types';
import { JsonReader, join } from './jsonReader';
import { PATTERNS } from './keys';
import { BUILTIN_VENDOR_IDS } from './vendorIds';
import { closest } from './suggest';
import { catalog } from '../vendors/catalog';
import { hostMatches } from '../vendors/constants';

const VENDOR_ID = new RegExp(PATTERNS.vendorId);
const HOST = new RegExp(PATTERNS.host);

/** `vendors`: extra endpoints. Returns the entries, and the ids declared (even by broken entries). */
export function readVendors(reader: JsonReader, node: ts.Expression): { vendors?: CustomVendor[]; ids: Set<string> } {
  const ids = new Set<string>();
  const elements = reader.array(node, 'vendors', 'an array of { id, hosts, name?, firstParty? } objects');
  if (!elements) return { ids };
  const firstIndex = new Map<string, number>();
  const vendors: CustomVendor[] = [];
  let ok = true;
  elements.forEach((element, index) => {
    const keyPath = `vendors[${index}]`;
    const properties = reader.object(element, keyPath, 'vendors[]', 'an object { id, hosts, name?, firstParty? }');
    if (!properties) {
      ok = false;
      return;
    }
    const before = reader.issues.length;

    const idProperty = reader.requireKey(properties, element, keyPath, 'id');
    const id = idProperty && reader.string(idProperty.value, join(keyPath, 'id'), 'a vendor id string');
    if (idProperty && id !== undefined) {
      const problem = customIdProblem(id, firstIndex.get(id));
      if (problem) reader.report(idProperty.value, join(keyPath, 'id'), problem);
      // Declared even when invalid, so approvedVendors does not report it a second time.
      ids.add(id);
      if (!firstIndex.has(id)) firstIndex.set(id, index);
    }

    const nameProperty = properties.get('name');
    const name = nameProperty && reader.string(nameProperty.value, join(keyPath, 'name'), 'a display name string');

    const hostsProperty = reader.requireKey(properties, element, keyPath, 'hosts');
    const hosts = hostsProperty && readHosts(reader, hostsProperty.value, join(keyPath, 'hosts'));

    const firstPartyProperty = properties.get('firstParty');
    const firstParty = firstPartyProperty ? reader.boolean(firstPartyProperty.value, join(keyPath, 'firstParty')) : false;

    if (hosts && firstParty === true && hostsProperty) {
      // First party means "the data stays in-house": it must not be able to vouch for a vendor's API.
      const claimed = thirdPartyHostCovered(hosts);
      if (claimed) {
        reader.report(
          hostsProperty.value,
          join(keyPath, 'hosts'),
          `"${claimed.pattern}" covers ${claimed.vendor}'s host "${claimed.host}"; a first-party vendor cannot claim a third party's hosts (list your own host names)`,
        );
      }
    }
    if (reader.issues.length > before || id === undefined || !hosts || firstParty === undefined) {
      ok = false;
      return;
    }
    vendors.push({ id, ...(name !== undefined ? { name } : {}), hosts, firstParty });
  });
  return { vendors: ok ? vendors : undefined, ids };
}

function customIdProblem(id: string, firstIndex: number | undefined): string | undefined {
  if (!VENDOR_ID.test(id)) {
    return `"${id}" is not a valid vendor id (use lower-case letters, digits and "-", starting with a letter or digit)`;
  }
  if (BUILTIN_VENDOR_IDS.includes(id)) {
    return `"${id}" is a built-in vendor id; a custom vendor needs an id of its own`;
  }
  if (firstIndex !== undefined) return `duplicate vendor id "${id}" (first declared at vendors[${firstIndex}])`;
  return undefined;
}

function readHosts(reader: JsonReader, node: ts.Expression, keyPath: string): string[] | undefined {
  const hosts = reader.strings(node, keyPath, { array: 'an array of host names', element: 'a host name string' }, hostProblem);
  if (hosts && hosts.length === 0) {
    reader.report(node, keyPath, 'must list at least one host');
    return undefined;
  }
  // Host names are case-insensitive (RFC 4343); matching compares lower case.
  return hosts?.map((host) => host.toLowerCase());
}

/** A built-in third-party vendor host that one of `patterns` matches, if any. */
function thirdPartyHostCovered(patterns: readonly string[]): { pattern: string; vendor: string; host: string } | undefined {
  for (const vendor of catalog.vendors) {
    if ((vendor as { firstParty?: boolean }).firstParty) continue;
    for (const vendorHost of vendor.hosts) {
      // A wildcard of the vendor's stands for some label: try one such host.
      const sample = vendorHost.replace(/\*/g, 'x');
      const pattern = patterns.find((p) => hostMatches(sample, p));
      if (pattern) return { pattern, vendor: vendor.name, host: sample };
    }
  }
  return undefined;
}

/** Says what to remove when someone pastes a URL instead of a host name. */
export function hostProblem(host: string): string | undefined {
  if (HOST.test(host) && host.startsWith('*.') && !host.slice(2).includes('.')) {
    return `"${host}" matches every host under a top-level domain; name the domain ("*.acme${host.slice(1)}")`;
  }
  if (HOST.test(host)) return undefined;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(host);
  if (scheme) return `"${host}" is not a host name: remove the scheme ("${scheme[0]}")`;
  const slash = host.indexOf('/');
  if (slash > 0) return `"${host}" is not a host name: remove the path ("${host.slice(slash)}")`;
  const port = /:\d*$/.exec(host);
  if (port && port.index > 0) return `"${host}" is not a host name: remove the port ("${port[0]}"); hosts match on any port`;
  return `"${host}" is not a host name (expected a name like "llm.acme.internal", or "*.acme.internal" for every subdomain)`;
}

/**
 * `approvedVendors`: vendor ids with a BAA, each a plain id or `{ id, regions?, models? }`.
 * An id may appear in several objects (a Bedrock BAA per region and model family), but an
 * unrestricted entry next to another entry for the same id is a mistake: one of them is moot.
 */
export function readApprovedVendors(reader: JsonReader, node: ts.Expression, customIds: ReadonlySet<string>): ApprovedVendor[] | undefined {
  const elements = reader.array(node, 'approvedVendors', 'an array of vendor ids');
  if (!elements) return undefined;
  const seen = new Map<string, { index: number; plain: boolean }>();
  const approved: ApprovedVendor[] = [];
  let ok = true;
  elements.forEach((element, index) => {
    const keyPath = `approvedVendors[${index}]`;
    const entry = ts.isStringLiteral(element)
      ? readPlainEntry(reader, element, keyPath, customIds)
      : readObjectEntry(reader, element, keyPath, customIds);
    if (!entry) {
      ok = false;
      return;
    }
    const plain = ts.isStringLiteral(element);
    const previous = seen.get(entry.vendor.id);
    if (previous && (previous.plain || plain)) {
      reader.report(entry.idNode, entry.idPath, `"${entry.vendor.id}" is already listed at approvedVendors[${previous.index}]`);
      ok = false;
      return;
    }
    if (!previous) seen.set(entry.vendor.id, { index, plain });
    approved.push(entry.vendor);
  });
  return ok ? approved : undefined;
}

interface Entry {
  vendor: ApprovedVendor;
  idNode: ts.Node;
  idPath: string;
}

function readPlainEntry(reader: JsonReader, node: ts.StringLiteral, keyPath: string, customIds: ReadonlySet<string>): Entry | undefined {
  if (!checkKnownId(reader, node, keyPath, node.text, customIds)) return undefined;
  return { vendor: { id: node.text }, idNode: node, idPath: keyPath };
}

function readObjectEntry(reader: JsonReader, node: ts.Expression, keyPath: string, customIds: ReadonlySet<string>): Entry | undefined {
  const properties = reader.object(node, keyPath, 'approvedVendors[]', 'a vendor id or an object { id, regions?, models? }');
  if (!properties) return undefined;
  const before = reader.issues.length;
  const idProperty = reader.requireKey(properties, node, keyPath, 'id');
  const idPath = join(keyPath, 'id');
  const id = idProperty && reader.string(idProperty.value, idPath, 'a vendor id string');
  if (idProperty && id !== undefined) checkKnownId(reader, idProperty.value, idPath, id, customIds);
  const regions = readPatterns(reader, properties.get('regions'), join(keyPath, 'regions'), 'region');
  const models = readPatterns(reader, properties.get('models'), join(keyPath, 'models'), 'model');
  if (reader.issues.length > before || !idProperty || id === undefined) return undefined;
  const vendor: ApprovedVendor = { id };
  if (regions) vendor.regions = regions;
  if (models) vendor.models = models;
  return { vendor, idNode: idProperty.value, idPath };
}

export function checkKnownId(reader: JsonReader, node: ts.Node, keyPath: string, id: string, customIds: ReadonlySet<string>): boolean {
  if (BUILTIN_VENDOR_IDS.includes(id) || customIds.has(id)) return true;
  const nearest = closest(id, [...BUILTIN_VENDOR_IDS, ...customIds]);
  const hint = nearest ? `did you mean "${nearest}"? ` : '';
  reader.report(node, keyPath, `"${id}" is not a known vendor id (${hint}known: ${BUILTIN_VENDOR_IDS.join(', ')}; or one declared under "vendors")`, nearest ? { replacement: JSON.stringify(nearest) } : undefined);
  return false;
}

/** `regions` / `models`: "*" wildcards only. An empty list would approve nothing, so it is refused. */
function readPatterns(reader: JsonReader, property: { value: ts.Expression } | undefined, keyPath: string, what: 'region' | 'model'): string[] | undefined {
  if (!property) return undefined;
  const patterns = reader.strings(property.value, keyPath, { array: `an array of ${what} patterns`, element: `a ${what} pattern string` });
  if (patterns && patterns.length === 0) {
    reader.report(property.value, keyPath, `must not be empty (leave out "${what}s" to cover every ${what})`);
  }
  return patterns;
}
