/** Machine-readable results: 1-based lines and columns, paths relative to the root, fingerprints. */
import type { FlowStep, SourceRange } from '@phi-guard/core';
import { relative, type ReportedFinding, type ScanResult } from '../scan';

export function jsonReport(result: ScanResult): string {
  const loc = (r: SourceRange) => ({ file: relative(result.root, r.fileName), line: r.startPos.line + 1, column: r.startPos.character + 1, endLine: r.endPos.line + 1, endColumn: r.endPos.character + 1 });
  const step = (s: FlowStep) => ({ kind: s.kind, description: s.description, ...loc(s.range) });
  const finding = (f: ReportedFinding) => ({
    ruleId: `phi-guard/${f.finding.ruleId}`,
    kind: f.finding.kind,
    message: f.finding.message,
    ...loc(f.finding.range),
    status: f.status,
    ...(f.justification !== undefined ? { justification: f.justification } : {}),
    fingerprint: f.fingerprint,
    phi: f.finding.phi ?? [],
    vendor: f.finding.vendor ?? null,
    call: f.finding.call ? { name: f.finding.call.name, ...loc(f.finding.call.range) } : null,
    origins: (f.finding.origins ?? []).map((o) => ({ phi: o.phi, flow: o.flow.map(step) })),
  });
  return `${JSON.stringify(
    {
      version: 1,
      root: result.root,
      files: result.files.length,
      // Left out of the program: nothing they import leads to an LLM call (--all-files analyzes them).
      filesNotReachingAnLlm: result.files.filter((f) => f.unreachable).map((f) => relative(result.root, f.fileName)),
      findings: result.findings.map(finding),
      callSites: result.files.flatMap((f) =>
        f.callSites.map((s) => ({ ...s, call: { name: s.call.name, ...loc(s.call.range) } })),
      ),
      failures: result.files.filter((f) => f.failure).map((f) => ({ file: relative(result.root, f.fileName), reason: f.failure })),
      staleBaselineEntries: result.stale.map((s) => ({ baseline: s.baseline.file, ...s.entry })),
    },
    null,
    2,
  )}\n`;
}
