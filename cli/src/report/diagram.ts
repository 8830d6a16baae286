/**
 * The data map as a picture: PHI categories (left) to LLM call sites (middle) to vendors
 * (right), links as bands whose colour is the call's BAA status. Plain inline SVG: no
 * script, no network, readable when the page is opened from disk.
 */
import type { BaaStatus } from '@phi-guard/core';
import type { ReportModel } from './model';

export const STATUS_COLOR: Record<BaaStatus, string> = {
  approved: '#2e7d32',
  'out-of-scope': '#ef6c00',
  'first-party': '#1565c0',
  local: '#00838f',
  unapproved: '#c62828',
  'unknown-endpoint': '#6a1b9a',
};

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

interface Node {
  key: string;
  label: string;
  title: string;
  color: string;
  y: number;
}

const NODE_H = 24;
const GAP = 10;
const COL_W = 250;
const X = [10, 380, 750];
const TOP = 40;

export function dataMapSvg(m: ReportModel): string {
  // Call sites with PHI first; a page with hundreds of calls stays readable by listing at most 80.
  const sites = [...m.callSites].sort((a, b) => b.phi.length - a.phi.length || a.file.localeCompare(b.file) || a.line - b.line).slice(0, 80);
  const cats: Node[] = m.map.categories.map((c, i) => ({
    key: c.category.id,
    label: c.category.id.length === 1 ? `${c.category.id}. ${c.category.title}` : c.category.title,
    title: c.phi.join(', '),
    color: '#455a64',
    y: TOP + i * (NODE_H + GAP),
  }));
  const siteNodes: Node[] = sites.map((s, i) => ({
    key: `${s.file}:${s.line}:${s.column}`,
    label: `${s.file}:${s.line} ${s.site.call.name}`,
    title: `${s.site.call.name} at ${s.file}:${s.line}, ${s.statusText}`,
    color: STATUS_COLOR[s.status],
    y: TOP + i * (NODE_H + GAP),
  }));
  const vendorNodes: Node[] = m.map.vendors.map((v, i) => ({
    key: v.id,
    label: v.name,
    title: `${v.name} (${v.id}): ${v.callSites} call site${v.callSites === 1 ? '' : 's'}`,
    color: STATUS_COLOR[v.statuses.includes('unapproved') ? 'unapproved' : v.statuses[0] ?? 'unknown-endpoint'],
    y: TOP + i * (NODE_H + GAP),
  }));
  const rows = Math.max(cats.length, siteNodes.length, vendorNodes.length, 1);
  const height = TOP + rows * (NODE_H + GAP) + 20;
  const width = X[2]! + COL_W + 10;
  const links: string[] = [];
  const band = (x1: number, y1: number, x2: number, y2: number, color: string, weight: number, title: string) => {
    const mid = (x1 + x2) / 2;
    links.push(
      `<path class="link" d="M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}" stroke="${color}" stroke-width="${Math.min(2 + weight * 2, 12)}" fill="none" stroke-opacity="0.45"><title>${escapeXml(title)}</title></path>`,
    );
  };
  sites.forEach((s, i) => {
    const node = siteNodes[i]!;
    const perCategory = new Map<string, string[]>();
    for (const p of s.phi) perCategory.set(p.category.id, [...(perCategory.get(p.category.id) ?? []), p.name]);
    for (const [id, names] of perCategory) {
      const cat = cats.find((c) => c.key === id);
      if (cat) band(X[0]! + COL_W, cat.y + NODE_H / 2, X[1]!, node.y + NODE_H / 2, STATUS_COLOR[s.status], names.length, `${names.join(', ')} to ${node.label}`);
    }
    const vendor = vendorNodes.find((v) => v.key === s.site.vendor.id);
    if (vendor) band(X[1]! + COL_W, node.y + NODE_H / 2, X[2]!, vendor.y + NODE_H / 2, STATUS_COLOR[s.status], Math.max(1, s.phi.length), `${node.label} sends to ${vendor.label} (${s.statusText})`);
  });
  const nodes = (list: Node[], x: number) =>
    list
      .map(
        (n) =>
          `<g class="node"><title>${escapeXml(n.title)}</title><rect x="${x}" y="${n.y}" width="${COL_W}" height="${NODE_H}" rx="4" fill="${n.color}"/><text x="${x + 8}" y="${n.y + 16}">${escapeXml(truncate(n.label, 38))}</text></g>`,
      )
      .join('');
  const heading = (x: number, text: string) => `<text class="heading" x="${x}" y="22">${escapeXml(text)}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="PHI categories to LLM call sites to vendors" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    heading(X[0]!, 'PHI categories (Safe Harbor)'),
    heading(X[1]!, `LLM call sites${m.callSites.length > sites.length ? ` (first ${sites.length} of ${m.callSites.length})` : ''}`),
    heading(X[2]!, 'Vendors'),
    links.join(''),
    nodes(cats, X[0]!),
    nodes(siteNodes, X[1]!),
    nodes(vendorNodes, X[2]!),
    '</svg>',
  ].join('');
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}\u2026`;
}
