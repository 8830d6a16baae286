/** `phiGuard/inventory`: every LLM call site found, for audits and the editor's command. */
import type { FileResult } from './analysis';
import { toRange } from './diagnostics';
import { safeHarborCategory, statusOf } from './engine';
import { fileNameToUri } from './paths';
import type { InventoryCallSite, InventoryResult } from './protocol';

/**
 * `settled`: no analysis queued or running. The inventory is complete only when settled and
 * every file was analyzed: a file that failed closed may hold LLM calls nobody has seen.
 */
export function buildInventory(results: readonly FileResult[], settled: boolean, unreadableFolders: readonly string[] = []): InventoryResult {
  const failedFiles = results.filter((r) => r.failed).map((r) => r.fileName).sort();
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
        status: statusOf(site),
        ...(site.statusDetail ? { statusDetail: site.statusDetail } : {}),
        ...(site.model !== undefined ? { model: site.model } : {}),
        ...(site.region !== undefined ? { region: site.region } : {}),
        phiCategories: categoriesOf(site.phi),
      });
    }
  }
  callSites.sort((a, b) => a.fileName.localeCompare(b.fileName) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const complete = settled && failedFiles.length === 0 && unreadableFolders.length === 0;
  const incomplete: string[] = [];
  if (!settled) incomplete.push('analysis was still running');
  if (failedFiles.length > 0) incomplete.push(`${failedFiles.length} file${failedFiles.length === 1 ? '' : 's'} could not be analyzed`);
  if (unreadableFolders.length > 0) incomplete.push(`${unreadableFolders.length} folder${unreadableFolders.length === 1 ? '' : 's'} could not be listed`);
  return { complete, ...(complete ? {} : { incomplete: incomplete.join('; ') }), files: results.length, callSites, failedFiles, unreadableFolders: [...unreadableFolders].sort() };
}

function categoriesOf(phi: readonly string[]): { id: string; title: string; phi: string[] }[] {
  const byId = new Map<string, { id: string; title: string; phi: string[] }>();
  for (const name of phi) {
    const category = safeHarborCategory(name);
    let entry = byId.get(category.id);
    if (!entry) byId.set(category.id, (entry = { id: category.id, title: category.title, phi: [] }));
    entry.phi.push(name);
  }
  return [...byId.values()];
}
