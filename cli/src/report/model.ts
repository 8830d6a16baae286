/**
 * The data map of a scan (`phi-guard report`): call sites with their BAA standing, PHI
 * categories, redactors; suppressions with their reasons; files that could not be analyzed.
 * Rendered as Markdown and as one self-contained HTML page.
 */
import { buildDataMap, type ApprovedVendor, type BaaStatus, type DataMap, type DataMapCallSite } from '@phi-guard/core';
import { relative, type ReportedFinding, type ScanResult } from '../scan';

export interface ReportCallSite extends DataMapCallSite {
  file: string;
  line: number;
  column: number;
  /** "approved (BAA covers models anthropic.*)", "unapproved", ... */
  statusText: string;
}

export interface ReportModel {
  generatedAt: string;
  root: string;
  files: number;
  map: DataMap;
  callSites: ReportCallSite[];
  findings: { new: number; suppressed: number; baselined: number };
  suppressions: { file: string; line: number; rule: string; message: string; how: 'eslint-disable comment' | 'baseline'; reason: string }[];
  failures: { file: string; reason: string }[];
  /** Files left out because they import nothing that leads to an LLM call: no call site can be in them. */
  notReachingAnLlm: number;
}

export const STATUS_TEXT: Record<BaaStatus, string> = {
  approved: 'approved (BAA on record)',
  'out-of-scope': 'outside the BAA scope',
  'first-party': 'first party',
  local: 'local model',
  unapproved: 'unapproved (no BAA)',
  'unknown-endpoint': 'unknown endpoint',
};

export function buildReport(result: ScanResult, now = new Date()): ReportModel {
  const sites = result.files.flatMap((f) => f.callSites.map((site) => ({ site, config: f.config })));
  const map = buildDataMap(sites.map((s) => s.site));
  const callSites: ReportCallSite[] = map.callSites.map((entry, i) => {
    const { config } = sites[i]!;
    const r = entry.site.call.range;
    let statusText = STATUS_TEXT[entry.status];
    if (entry.status === 'approved') {
      const scope = scopeText(config.approvedVendors.filter((a) => a.id === entry.site.vendor.id));
      if (scope) statusText = `approved, BAA scoped to ${scope}`;
    } else if (entry.site.statusDetail) statusText += `: ${entry.site.statusDetail}`;
    return { ...entry, file: relative(result.root, r.fileName), line: r.startPos.line + 1, column: r.startPos.character + 1, statusText };
  });
  const count = (s: ReportedFinding['status']) => result.findings.filter((f) => f.status === s).length;
  return {
    generatedAt: now.toISOString(),
    root: result.root,
    files: result.files.length,
    map,
    callSites,
    findings: { new: count('new'), suppressed: count('suppressed'), baselined: count('baselined') },
    suppressions: result.findings
      .filter((f) => f.status !== 'new')
      .map((f) => ({
        file: relative(result.root, f.finding.range.fileName),
        line: f.finding.range.startPos.line + 1,
        rule: `phi-guard/${f.finding.ruleId}`,
        message: f.finding.message,
        how: f.status === 'baselined' ? ('baseline' as const) : ('eslint-disable comment' as const),
        reason: f.justification ?? '',
      })),
    failures: result.files.filter((f) => f.failure).map((f) => ({ file: relative(result.root, f.fileName), reason: f.failure! })),
    notReachingAnLlm: result.files.filter((f) => f.unreachable).length,
  };
}

function scopeText(entries: ApprovedVendor[]): string {
  const parts = entries.flatMap((e) => [e.models ? `models ${e.models.join(', ')}` : '', e.regions ? `regions ${e.regions.join(', ')}` : '']).filter(Boolean);
  return [...new Set(parts)].join('; ');
}
