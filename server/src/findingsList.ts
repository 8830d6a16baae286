/**
 * `phiGuard/findings`: the findings behind the published diagnostics, with what a diagnostic
 * cannot carry (vendor, PHI, the call), for the editor's tree views. Only findings that were
 * published (severity not "off", not suppressed) are listed, so the tree and the Problems
 * panel agree.
 */
import type { FileResult } from './analysis';
import type { DiagnosticData } from './diagnostics';
import { toRange } from './diagnostics';
import { fileNameToUri } from './paths';
import type { FindingItem, FindingsResult } from './protocol';
import { buildInventory } from './inventory';

export function buildFindingsList(results: readonly FileResult[], settled: boolean, unreadableFolders: readonly string[] = []): FindingsResult {
  const findings: FindingItem[] = [];
  const failedFiles: FindingsResult['failedFiles'] = [];
  for (const result of results) {
    for (const diagnostic of result.diagnostics) {
      const index = (diagnostic.data as DiagnosticData | undefined)?.finding;
      const finding = typeof index === 'number' ? result.findings[index] : undefined;
      if (!finding) continue;
      if (finding.kind === 'analysis-failed') continue;
      findings.push({
        uri: fileNameToUri(result.fileName),
        fileName: result.fileName,
        range: toRange(finding.range),
        ruleId: finding.ruleId,
        kind: finding.kind,
        message: finding.message,
        severity: diagnostic.severity ?? 1,
        ...(finding.vendor ? { vendorId: finding.vendor.id, vendorName: finding.vendor.name } : {}),
        ...(finding.call ? { call: finding.call.name } : {}),
        phi: [...(finding.phi ?? [])],
        flow: finding.flow.map((step) => ({
          kind: step.kind,
          description: step.description,
          uri: fileNameToUri(step.range.fileName),
          fileName: step.range.fileName,
          range: toRange(step.range),
        })),
      });
    }
    if (result.failed) {
      // The fail-closed diagnostic's message says why (the engine's finding or the server's).
      const text = (d: { message: string | { value: string } }) => (typeof d.message === 'string' ? d.message : d.message.value);
      const failure = result.diagnostics.find((d) => /could not (finish )?analy[sz]/.test(text(d)));
      const why = (failure && text(failure)) ?? result.findings.find((f) => f.kind === 'analysis-failed')?.message;
      failedFiles.push({ fileName: result.fileName, uri: fileNameToUri(result.fileName), reason: why ?? 'the analysis did not finish' });
    }
  }
  findings.sort((a, b) => a.fileName.localeCompare(b.fileName) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  failedFiles.sort((a, b) => a.fileName.localeCompare(b.fileName));
  // Completeness is decided exactly as for the inventory.
  const { complete, incomplete, files } = buildInventory(results, settled, unreadableFolders);
  return { complete, ...(incomplete ? { incomplete } : {}), files, findings, failedFiles, unreadableFolders: [...unreadableFolders].sort() };
}
