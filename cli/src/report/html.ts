/** The data map as one self-contained HTML page: inline CSS and SVG, no script, no network. */
import { SAFE_HARBOR } from '@phi-guard/core';
import { dataMapSvg, escapeXml as esc, STATUS_COLOR } from './diagram';
import { STATUS_TEXT, type ReportModel } from './model';

export function htmlPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #1b1f24; }
h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 28px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
code { font: 12px ui-monospace, monospace; }
.status { display: inline-block; padding: 0 6px; border-radius: 8px; color: #fff; white-space: nowrap; }
.summary li { margin: 2px 0; }
svg text { font: 12px system-ui, sans-serif; fill: #fff; }
svg text.heading { fill: #1b1f24; font-weight: 600; font-size: 13px; }
.legend span { margin-right: 12px; }
.diagram { overflow-x: auto; border: 1px solid #d0d7de; padding: 8px; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function badge(status: keyof typeof STATUS_COLOR, text = STATUS_TEXT[status]): string {
  return `<span class="status" style="background:${STATUS_COLOR[status]}">${esc(text)}</span>`;
}

export function htmlReport(m: ReportModel): string {
  const b: string[] = [];
  b.push('<h1>PHI Guard: LLM data map</h1>');
  b.push(`<p>Generated ${esc(m.generatedAt)} from ${m.files} files under <code>${esc(m.root)}</code>.</p>`);
  b.push('<ul class="summary">');
  b.push(`<li>LLM call sites: <b>${m.callSites.length}</b> (${m.callSites.filter((c) => c.phi.length > 0).length} receive PHI)</li>`);
  b.push(`<li>Vendors: <b>${m.map.vendors.length}</b></li>`);
  b.push(`<li>Findings: <b>${m.findings.new}</b> open, ${m.findings.suppressed} suppressed in source, ${m.findings.baselined} accepted by the baseline</li>`);
  b.push(`<li>Files that could not be analyzed: <b>${m.failures.length}</b></li>`);
  if (m.notReachingAnLlm > 0) b.push(`<li>Files that import nothing leading to an LLM call (no call site can be in them; <code>--all-files</code> analyzes them): ${m.notReachingAnLlm}</li>`);
  b.push('</ul>');
  b.push('<h2>Where PHI goes</h2>');
  b.push(`<p class="legend">${(Object.keys(STATUS_COLOR) as (keyof typeof STATUS_COLOR)[]).map((s) => badge(s)).join(' ')}</p>`);
  b.push(`<div class="diagram">${dataMapSvg(m)}</div>`);
  b.push('<h2>Vendors</h2><table><tr><th>Vendor</th><th>BAA status</th><th>Call sites</th><th>PHI categories</th></tr>');
  for (const v of m.map.vendors) {
    const cats = v.categories.map((id) => SAFE_HARBOR.find((c) => c.id === id)!).map((c) => (c.id.length === 1 ? `${c.id}. ${c.title}` : c.title));
    b.push(`<tr><td>${esc(v.name)} <code>${esc(v.id)}</code></td><td>${v.statuses.map((s) => badge(s)).join(' ')}</td><td>${v.callSites}</td><td>${esc(cats.join('; ') || 'none')}</td></tr>`);
  }
  b.push('</table>');
  b.push('<h2>LLM call sites</h2><table><tr><th>Where</th><th>Call</th><th>Vendor</th><th>Model</th><th>BAA status</th><th>PHI reaching it (Safe Harbor category)</th><th>Redactors on the way</th></tr>');
  for (const c of m.callSites) {
    const model = c.site.model === undefined ? 'n/a' : c.site.model === null ? 'not constant' : c.site.model;
    const phi = c.phi.map((p) => `${esc(p.name)} <small>(${esc(p.category.id.length === 1 ? `${p.category.id}. ${p.category.title}` : p.category.title)})</small>`).join('<br>') || 'none';
    b.push(
      `<tr><td><code>${esc(`${c.file}:${c.line}`)}</code></td><td><code>${esc(c.site.call.name)}</code></td><td>${esc(c.site.vendor.name)}</td><td>${esc(model)}</td><td>${badge(c.status, c.statusText)}</td><td>${phi}</td><td>${esc((c.site.redactors ?? []).join(', ') || 'none')}</td></tr>`,
    );
  }
  b.push('</table>');
  b.push('<h2>PHI categories (HIPAA Safe Harbor, 45 CFR 164.514(b)(2)(i))</h2><table><tr><th>Category</th><th>Call sites reached</th><th>PHI</th></tr>');
  for (const c of m.map.categories) b.push(`<tr><td>${esc(c.category.id.length === 1 ? `${c.category.id}. ${c.category.title}` : c.category.title)}</td><td>${c.callSites}</td><td>${esc(c.phi.join(', '))}</td></tr>`);
  b.push('</table>');
  b.push('<h2>Suppressions</h2>');
  if (m.suppressions.length === 0) b.push('<p>None.</p>');
  else {
    b.push('<table><tr><th>Where</th><th>Rule</th><th>How</th><th>Reason</th><th>Finding</th></tr>');
    for (const s of m.suppressions) b.push(`<tr><td><code>${esc(`${s.file}:${s.line}`)}</code></td><td>${esc(s.rule)}</td><td>${esc(s.how)}</td><td>${esc(s.reason || '(no reason given)')}</td><td>${esc(s.message)}</td></tr>`);
    b.push('</table>');
  }
  b.push('<h2>Files that could not be analyzed</h2>');
  if (m.failures.length === 0) b.push(`<p>${m.notReachingAnLlm > 0 ? 'None: every file that can reach an LLM call was analyzed.' : 'None: every file was analyzed.'}</p>`);
  else b.push(`<ul>${m.failures.map((f) => `<li><code>${esc(f.file)}</code>: ${esc(f.reason)}</li>`).join('')}</ul>`);
  return htmlPage('PHI Guard: LLM data map', b.join('\n'));
}
