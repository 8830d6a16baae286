/**
 * The "LLM Call Inventory" view: vendors, their call sites (click: open the call), and under
 * each call its BAA standing with the model/region scope and the PHI categories reaching it.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { InventoryCallSite, InventoryResult } from '../../server/src/protocol';
import { baaText, scopeText, statusOf } from './inventoryFormat';
import { incompleteNodes } from './findingsTree';
import { node, openAt, type Node } from './treeNodes';

const BAA_ICON: Record<string, [string, string | undefined]> = {
  approved: ['verified', 'testing.iconPassed'],
  'first-party': ['home', undefined],
  local: ['home', undefined],
  'out-of-scope': ['warning', 'problemsWarningIcon.foreground'],
  'unknown-endpoint': ['question', 'problemsWarningIcon.foreground'],
  unapproved: ['error', 'problemsErrorIcon.foreground'],
};


function callSiteNode(site: InventoryCallSite): Node {
  const status = statusOf(site);
  const [icon, color] = BAA_ICON[status] ?? BAA_ICON.unapproved;
  const scope = scopeText(site);
  const details: Node[] = [
    node(`BAA: ${baaText(site)}`, { description: [scope, site.statusDetail].filter(Boolean).join(' · ') || undefined, tooltip: site.statusDetail, icon, color }),
  ];
  const categories = site.phiCategories ?? [];
  if (categories.length > 0) {
    details.push(
      node('PHI reaching it', {
        description: categories.map((c) => c.title).join(', '),
        icon: 'shield',
        color: 'problemsErrorIcon.foreground',
        expanded: true,
        children: categories.map((c) => node(c.title, { description: c.phi.join(', '), icon: 'symbol-field' })),
      }),
    );
  } else details.push(node('No PHI reaches it', { icon: 'pass' }));
  return node(site.call, {
    description: `${path.basename(site.fileName)}:${site.range.start.line + 1}${site.phi.length ? ` · ${site.phi.length} PHI` : ''}`,
    tooltip: `${vscode.workspace.asRelativePath(site.fileName)}:${site.range.start.line + 1} · ${site.vendorName} · ${baaText(site)}${scope ? ` (${scope})` : ''}`,
    icon: 'symbol-method',
    command: openAt(site.uri, site.range, 'Open call site'),
    children: details,
    contextValue: 'phiGuard.callSite',
    id: `inventory:${site.uri}:${site.range.start.line}:${site.range.start.character}`,
  });
}

export function inventoryRoots(result: InventoryResult | undefined, error?: string): Node[] {
  if (error) return [node('PHI Guard is not available', { description: error, icon: 'error', color: 'problemsErrorIcon.foreground' })];
  if (!result) return [node('Waiting for the language server…', { icon: 'sync~spin' })];
  const vendors = new Map<string, InventoryCallSite[]>();
  for (const site of result.callSites) vendors.set(site.vendorId, [...(vendors.get(site.vendorId) ?? []), site]);
  const roots = [...vendors.values()]
    .sort((a, b) => a[0].vendorName.localeCompare(b[0].vendorName))
    .map((sites) => {
      const statuses = [...new Set(sites.map((s) => baaText(s)))];
      const worst = sites.map(statusOf).find((s) => s === 'unapproved' || s === 'unknown-endpoint' || s === 'out-of-scope') ?? statusOf(sites[0]);
      const [icon, color] = BAA_ICON[worst] ?? BAA_ICON.unapproved;
      return node(sites[0].vendorName, {
        description: `${sites.length} call site${sites.length === 1 ? '' : 's'} · ${statuses.join(', ')}`,
        icon,
        color,
        children: sites.map(callSiteNode),
        expanded: true,
        id: `inventory:${sites[0].vendorId}`,
        contextValue: 'phiGuard.inventoryVendor',
      });
    });
  const failed = result.failedFiles.map((fileName) => ({ fileName, uri: vscode.Uri.file(fileName).toString(), reason: 'the analysis of this file did not finish (see its diagnostic)' }));
  const top = incompleteNodes({ ...result, failedFiles: failed });
  if (roots.length === 0 && result.complete) return [node('No LLM calls found', { description: `${result.files} files analyzed`, icon: 'info' })];
  return [...top, ...roots];
}
