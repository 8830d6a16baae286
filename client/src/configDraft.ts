/**
 * The first phi-guard.config.json, from what "Create phi-guard.config.json" found in the
 * workspace and the user confirmed. Pure (no `vscode`), so it is unit-tested against the
 * engine's own config parser.
 */
import type { InventoryCallSite, RedactorCandidate } from '../../server/src/protocol';

export interface VendorProposal {
  id: string;
  name: string;
  callSites: number;
  /** Call sites reached by PHI. */
  withPhi: number;
}

export interface RedactorProposal {
  name: string;
  /** Module specifier relative to the config's folder: "./src/phi/redact". */
  from: string;
  fileName: string;
}

/** Vendors an approval can name: not first party, not local, with a known endpoint. */
export function vendorProposals(sites: readonly InventoryCallSite[]): VendorProposal[] {
  const byId = new Map<string, VendorProposal>();
  for (const site of sites) {
    if (site.firstParty || site.vendorId === 'unknown' || site.vendorId === 'local' || site.status === 'local' || site.status === 'first-party') continue;
    let v = byId.get(site.vendorId);
    if (!v) byId.set(site.vendorId, (v = { id: site.vendorId, name: site.vendorName, callSites: 0, withPhi: 0 }));
    v.callSites++;
    if (site.phi.length > 0) v.withPhi++;
  }
  return [...byId.values()].sort((a, b) => b.callSites - a.callSites || a.id.localeCompare(b.id));
}

/**
 * Redactor candidates inside `configDir`, with a "./relative/path" module specifier (no
 * extension, "/index" dropped), as the config's `redactors[].from` wants. Paths use `/`.
 */
export function redactorProposals(candidates: readonly RedactorCandidate[], configDir: string): RedactorProposal[] {
  const dir = configDir.replace(/\\/g, '/').replace(/\/+$/, '');
  const out: RedactorProposal[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    const file = c.fileName.replace(/\\/g, '/');
    if (!file.startsWith(`${dir}/`)) continue;
    let rel = file.slice(dir.length + 1).replace(/\.(d\.)?[mc]?[jt]sx?$/, '');
    rel = rel.replace(/\/index$/, '');
    const from = `./${rel}`;
    const key = `${c.name}@${from}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ name: c.name, from, fileName: c.fileName });
  }
  return out;
}

/** The config text: only what the user chose, in the schema's key order. */
export function draftConfig(approvedVendors: readonly string[], redactors: readonly { name: string; from: string }[]): string {
  const config: Record<string, unknown> = { approvedVendors: [...approvedVendors] };
  if (redactors.length > 0) config.redactors = redactors.map((r) => ({ name: r.name, from: r.from }));
  return `${JSON.stringify(config, null, 2)}\n`;
}
