/**
 * The LLM call inventory as a file: Markdown (for a review), JSON (for tools), CSV (for a
 * spreadsheet). Pure: no `vscode`, so the unit tests run it under mocha. `relative` turns an
 * absolute file name into the path shown (relative to the workspace).
 */
import type { InventoryCallSite, InventoryResult } from '../../server/src/protocol';

export type ExportFormat = 'markdown' | 'json' | 'csv';

export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { markdown: 'md', json: 'json', csv: 'csv' };

type Relative = (fileName: string) => string;

/** The BAA standing, also from a server that predates `status`. */
export function statusOf(site: InventoryCallSite): string {
  return site.status ?? (site.firstParty ? 'first-party' : site.approved ? 'approved' : 'unapproved');
}

/** Human words for a call site's BAA standing. */
export function baaText(site: InventoryCallSite): string {
  switch (statusOf(site)) {
    case 'approved':
      return 'BAA';
    case 'out-of-scope':
      return 'BAA, but outside its scope';
    case 'first-party':
      return 'first party';
    case 'local':
      return 'local';
    case 'unknown-endpoint':
      return 'unknown endpoint';
    default:
      return 'no BAA';
  }
}

/** "model gpt-4o, region unknown"; empty when neither applies. */
export function scopeText(site: InventoryCallSite): string {
  const parts: string[] = [];
  if (site.model !== undefined) parts.push(`model ${site.model ?? 'unknown'}`);
  if (site.region !== undefined) parts.push(`region ${site.region ?? 'unknown'}`);
  return parts.join(', ');
}

export function categoriesText(site: InventoryCallSite): string {
  return (site.phiCategories ?? []).map((c) => c.title).join('; ');
}

export function formatInventory(result: InventoryResult, format: ExportFormat, relative: Relative): string {
  if (format === 'json') return inventoryToJson(result, relative);
  if (format === 'csv') return inventoryToCsv(result, relative);
  return inventoryToMarkdown(result, relative);
}

// ------------------------------------------------------------------ JSON

export function inventoryToJson(result: InventoryResult, relative: Relative): string {
  const json = {
    complete: result.complete,
    ...(result.incomplete ? { incomplete: result.incomplete } : {}),
    filesAnalyzed: result.files,
    callSites: result.callSites.map((site) => ({
      file: relative(site.fileName),
      line: site.range.start.line + 1,
      column: site.range.start.character + 1,
      call: site.call,
      vendor: { id: site.vendorId, name: site.vendorName },
      baa: statusOf(site),
      ...(site.statusDetail ? { baaDetail: site.statusDetail } : {}),
      ...(site.model !== undefined ? { model: site.model } : {}),
      ...(site.region !== undefined ? { region: site.region } : {}),
      phi: site.phi,
      phiCategories: (site.phiCategories ?? []).map((c) => ({ id: c.id, title: c.title, phi: c.phi })),
    })),
    notAnalyzed: result.failedFiles.map(relative),
    unreadableFolders: result.unreadableFolders.map(relative),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

// ------------------------------------------------------------------ CSV (RFC 4180)

export const CSV_HEADER = ['file', 'line', 'column', 'call', 'vendor_id', 'vendor', 'baa', 'baa_detail', 'model', 'region', 'phi', 'phi_categories'];

/**
 * One CSV field: quoted when it holds a comma, quote, CR or LF, quotes doubled (RFC 4180).
 * A field that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading
 * apostrophe: file names and call names come from the analyzed code, not from the user.
 */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function inventoryToCsv(result: InventoryResult, relative: Relative): string {
  const rows = [CSV_HEADER];
  for (const site of result.callSites) {
    rows.push([
      relative(site.fileName),
      String(site.range.start.line + 1),
      String(site.range.start.character + 1),
      site.call,
      site.vendorId,
      site.vendorName,
      statusOf(site),
      site.statusDetail ?? '',
      site.model === undefined ? '' : (site.model ?? 'unknown'),
      site.region === undefined ? '' : (site.region ?? 'unknown'),
      site.phi.join('; '),
      categoriesText(site),
    ]);
  }
  // Rows end in CRLF, as RFC 4180 says; spreadsheets accept it everywhere.
  return rows.map((row) => row.map((field, i) => (i === 1 || i === 2 ? field : csvField(field))).join(',')).join('\r\n') + '\r\n';
}

// ------------------------------------------------------------------ Markdown

const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function inventoryToMarkdown(result: InventoryResult, relative: Relative): string {
  const sites = result.callSites;
  const uncovered = sites.filter((s) => ['unapproved', 'out-of-scope', 'unknown-endpoint'].includes(statusOf(s)));
  const withPhi = sites.filter((s) => s.phi.length > 0);
  const lines = [
    '# PHI Guard: LLM call inventory',
    '',
    `${sites.length} LLM call site${sites.length === 1 ? '' : 's'} in ${result.files} analyzed file${result.files === 1 ? '' : 's'}; ` +
      `${uncovered.length} not covered by a BAA in phi-guard.config.json; ${withPhi.length} reached by PHI.`,
    '',
  ];
  if (!result.complete) lines.push(`**Incomplete:** ${result.incomplete ?? 'analysis was still running'}; call sites in those may be missing.`, '');
  if (result.failedFiles.length) lines.push('Not analyzed:', '', ...result.failedFiles.map((f) => `- ${cell(relative(f))}`), '');
  if (result.unreadableFolders.length) lines.push('Folders that could not be listed:', '', ...result.unreadableFolders.map((f) => `- ${cell(relative(f))}`), '');
  lines.push('| File | Line | Call | Vendor | BAA | Scope | PHI that reaches it | Categories |', '| --- | ---: | --- | --- | --- | --- | --- | --- |');
  for (const site of sites) {
    const baa = baaText(site) + (site.statusDetail ? ` (${site.statusDetail})` : '');
    lines.push(
      `| ${cell(relative(site.fileName))} | ${site.range.start.line + 1} | \`${cell(site.call).replace(/`/g, "'")}\` | ${cell(site.vendorName)} (\`${cell(site.vendorId)}\`) | ${cell(baa)} | ${cell(scopeText(site)) || '-'} | ${cell(site.phi.join(', ')) || '-'} | ${cell(categoriesText(site)) || '-'} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
