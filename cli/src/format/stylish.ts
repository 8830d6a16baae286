/** The terminal format: ESLint's stylish layout, with each finding's flow path under it. */
import type { FlowStep } from '@phi-guard/core';
import { relative, type ReportedFinding, type ScanResult } from '../scan';

export function stylish(result: ScanResult, color: boolean): string {
  const c = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const lines: string[] = [];
  let shown = 0;
  const filesWith = new Set<string>();
  for (const file of result.files) {
    const fresh = file.findings.filter((f) => f.status === 'new');
    if (fresh.length === 0) continue;
    filesWith.add(file.fileName);
    lines.push(c('4', relative(result.root, file.fileName)));
    for (const { finding } of fresh) {
      shown++;
      const at = `${finding.range.startPos.line + 1}:${finding.range.startPos.character + 1}`;
      lines.push(`  ${c('2', at.padEnd(7))} ${c('31', 'error')}  ${finding.message}  ${c('2', `phi-guard/${finding.ruleId}`)}`);
      const origins = finding.origins ?? (finding.flow.length > 0 ? [{ phi: finding.phi?.join(', ') ?? '', flow: finding.flow }] : []);
      for (const origin of origins) {
        const label = origins.length > 1 ? `path of ${origin.phi}: ` : 'path: ';
        lines.push(`  ${' '.repeat(7)}   ${c('2', label + pathText(origin.flow, file.fileName, result.root))}`);
      }
    }
    lines.push('');
  }
  const suppressed = result.findings.filter((f) => f.status === 'suppressed').length;
  const baselined = result.findings.filter((f) => f.status === 'baselined').length;
  const extras = [suppressed ? `${suppressed} suppressed in source` : '', baselined ? `${baselined} accepted by the baseline` : ''].filter(Boolean);
  const tail = extras.length ? ` (${extras.join(', ')})` : '';
  if (shown > 0) lines.push(c('31;1', `\u2716 ${shown} finding${shown === 1 ? '' : 's'} in ${filesWith.size} file${filesWith.size === 1 ? '' : 's'}${tail}`));
  else lines.push(`No findings in ${result.files.length} file${result.files.length === 1 ? '' : 's'}${tail}.`);
  const unreachable = result.files.filter((f) => f.unreachable).length;
  if (unreachable > 0) lines.push(`${unreachable} of ${result.files.length} files import nothing that leads to an LLM call and were not analyzed (--all-files analyzes them).`);
  return `${lines.join('\n')}\n`;
}

/** "3:10 patient.ssn (...) → 8:20 assigned to prompt → models.ts:12:3 ..." (other files named). */
export function pathText(flow: readonly FlowStep[], fileName: string, root: string): string {
  return flow
    .map((s) => {
      const where = `${s.range.fileName === fileName ? '' : `${relative(root, s.range.fileName)}:`}${s.range.startPos.line + 1}:${s.range.startPos.character + 1}`;
      return `${where} ${s.description}`;
    })
    .join(' \u2192 ');
}

export function statusWord(f: ReportedFinding): string {
  return f.status === 'new' ? 'new' : f.status === 'suppressed' ? 'suppressed in source' : 'accepted by the baseline';
}
