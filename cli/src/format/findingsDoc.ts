/** `scan --format markdown|html`: the findings with their paths, for a pull request comment or a page. */
import { htmlPage } from '../report/html';
import { cell } from '../report/markdown';
import { escapeXml as esc } from '../report/diagram';
import { relative, type ReportedFinding, type ScanResult } from '../scan';
import { pathText, statusWord } from './stylish';

function paths(f: ReportedFinding, root: string): { label: string; text: string }[] {
  const origins = f.finding.origins ?? (f.finding.flow.length ? [{ phi: (f.finding.phi ?? []).join(', '), flow: f.finding.flow }] : []);
  return origins.map((o) => ({ label: o.phi, text: pathText(o.flow, f.finding.range.fileName, root) }));
}

export function markdownFindings(result: ScanResult): string {
  const shown = result.findings.filter((f) => f.status !== 'baselined');
  const open = shown.filter((f) => f.status === 'new').length;
  const out = ['# PHI Guard findings', '', `${open} open finding${open === 1 ? '' : 's'} in ${result.files.length} files.`, ''];
  if (shown.length > 0) {
    out.push('| Where | Rule | Finding | Path | Status |', '|---|---|---|---|---|');
    for (const f of shown) {
      const where = `${relative(result.root, f.finding.range.fileName)}:${f.finding.range.startPos.line + 1}:${f.finding.range.startPos.character + 1}`;
      const p = paths(f, result.root).map((x) => `${x.label}: ${x.text}`).join('<br>');
      out.push(`| ${cell(where)} | phi-guard/${f.finding.ruleId} | ${cell(f.finding.message)} | ${cell(p)} | ${statusWord(f)}${f.justification ? ` (${cell(f.justification)})` : ''} |`);
    }
  }
  out.push('');
  return out.join('\n');
}

export function htmlFindings(result: ScanResult): string {
  const shown = result.findings.filter((f) => f.status !== 'baselined');
  const open = shown.filter((f) => f.status === 'new').length;
  const rows = shown.map((f) => {
    const where = `${relative(result.root, f.finding.range.fileName)}:${f.finding.range.startPos.line + 1}:${f.finding.range.startPos.character + 1}`;
    const p = paths(f, result.root).map((x) => `<b>${esc(x.label)}</b>: ${esc(x.text)}`).join('<br>');
    return `<tr><td><code>${esc(where)}</code></td><td>phi-guard/${esc(f.finding.ruleId)}</td><td>${esc(f.finding.message)}</td><td>${p}</td><td>${esc(statusWord(f))}${f.justification ? ` (${esc(f.justification)})` : ''}</td></tr>`;
  });
  const body = `<h1>PHI Guard findings</h1><p>${open} open finding${open === 1 ? '' : 's'} in ${result.files.length} files.</p>
<table><tr><th>Where</th><th>Rule</th><th>Finding</th><th>Path</th><th>Status</th></tr>${rows.join('\n')}</table>`;
  return htmlPage('PHI Guard findings', body);
}
