/** `phiGuard/inventory`: every LLM call site found, for audits and the editor's command. */
import type { FileResult } from './analysis';
import { toRange } from './diagnostics';
import { fileNameToUri } from './paths';
import type { InventoryCallSite, InventoryResult } from './protocol';

export function buildInventory(results: readonly FileResult[], complete: boolean): InventoryResult {
  const callSites: InventoryCallSite[] = [];
  for (const result of results) {
    for (const site of result.callSites) {
      callSites.push({
        uri: fileNameToUri(site.call.range.fileName),
        fileName: site.call.range.fileName,
        range: toRange(site.call.range),
        call: site.call.name,
        vendorId: site.vendor.id,
        vendorName: site.vendor.name,
        approved: site.approved,
        firstParty: site.firstParty,
        phi: [...site.phi],
      });
    }
  }
  callSites.sort((a, b) => a.fileName.localeCompare(b.fileName) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { complete, files: results.length, callSites };
}
