/** The data map as Markdown: for a pull request, a wiki page, or the compliance binder. */
import { SAFE_HARBOR } from '@phi-guard/core';
import { STATUS_TEXT, type ReportModel } from './model';

/** Table cells: no pipes or line breaks inside. */
export function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function markdownReport(m: ReportModel): string {
  const out: string[] = [];
  out.push('# PHI Guard: LLM data map', '');
  out.push(`Generated ${m.generatedAt} from ${m.files} file${m.files === 1 ? '' : 's'} under \`${m.root}\`.`, '');
  out.push(
    `- LLM call sites: **${m.callSites.length}** (${m.callSites.filter((c) => c.phi.length > 0).length} receive PHI)`,
    `- Vendors: **${m.map.vendors.length}**`,
    `- Findings: **${m.findings.new}** open, ${m.findings.suppressed} suppressed in source, ${m.findings.baselined} accepted by the baseline`,
    `- Files that could not be analyzed: **${m.failures.length}**`,
    ...(m.notReachingAnLlm > 0 ? [`- Files that import nothing leading to an LLM call (no call site can be in them; \`--all-files\` analyzes them): ${m.notReachingAnLlm}`] : []),
    '',
  );
  out.push('## Vendors', '', '| Vendor | BAA status | Call sites | PHI categories |', '|---|---|---|---|');
  for (const v of m.map.vendors) {
    const cats = v.categories.map((id) => SAFE_HARBOR.find((c) => c.id === id)!).map((c) => (c.id.length === 1 ? `${c.id}. ${c.title}` : c.title));
    out.push(`| ${cell(`${v.name} (${v.id})`)} | ${cell(v.statuses.map((s) => STATUS_TEXT[s]).join(', '))} | ${v.callSites} | ${cell(cats.join('; ') || 'none')} |`);
  }
  out.push('', '## LLM call sites', '', '| Where | Call | Vendor | Model | BAA status | PHI reaching it (Safe Harbor category) | Redactors on the way |', '|---|---|---|---|---|---|---|');
  for (const c of m.callSites) {
    const model = c.site.model === undefined ? 'n/a' : c.site.model === null ? 'not constant' : `\`${c.site.model}\``;
    const phi = c.phi.map((p) => `${p.name} (${p.category.id.length === 1 ? p.category.id : p.category.title})`).join(', ') || 'none';
    out.push(`| ${cell(`${c.file}:${c.line}`)} | \`${cell(c.site.call.name)}\` | ${cell(c.site.vendor.name)} | ${cell(model)} | ${cell(c.statusText)} | ${cell(phi)} | ${cell((c.site.redactors ?? []).join(', ') || 'none')} |`);
  }
  out.push('', '## PHI categories (HIPAA Safe Harbor, 45 CFR 164.514(b)(2)(i))', '', '| Category | Call sites reached | PHI |', '|---|---|---|');
  for (const c of m.map.categories) {
    out.push(`| ${cell(c.category.id.length === 1 ? `${c.category.id}. ${c.category.title}` : c.category.title)} | ${c.callSites} | ${cell(c.phi.join(', '))} |`);
  }
  if (m.map.categories.length === 0) out.push('| none | 0 | |');
  out.push('', '## Suppressions', '');
  if (m.suppressions.length === 0) out.push('None.');
  else {
    out.push('| Where | Rule | How | Reason | Finding |', '|---|---|---|---|---|');
    for (const s of m.suppressions) out.push(`| ${cell(`${s.file}:${s.line}`)} | ${s.rule} | ${s.how} | ${cell(s.reason || '(no reason given)')} | ${cell(s.message)} |`);
  }
  out.push('', '## Files that could not be analyzed', '');
  if (m.failures.length === 0) out.push(m.notReachingAnLlm > 0 ? 'None: every file that can reach an LLM call was analyzed.' : 'None: every file was analyzed.');
  else for (const f of m.failures) out.push(`- \`${f.file}\`: ${f.reason}`);
  out.push('');
  return out.join('\n');
}
