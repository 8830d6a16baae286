/** "PHI Guard: Show LLM Call Inventory": every LLM call site, as a Markdown document. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { INVENTORY_REQUEST, type InventoryCallSite, type InventoryResult } from '../../server/src/protocol';

export async function showInventory(client: LanguageClient): Promise<void> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'PHI Guard: collecting LLM call sites…' },
    () => client.sendRequest<InventoryResult>(INVENTORY_REQUEST, { wait: true }),
  );
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: renderInventory(result) });
  await vscode.window.showTextDocument(document, { preview: false });
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderInventory(result: InventoryResult): string {
  const sites = result.callSites;
  const unapproved = sites.filter((s) => !s.approved && !s.firstParty);
  const withPhi = sites.filter((s) => s.phi.length > 0);
  const lines = [
    '# PHI Guard: LLM call inventory',
    '',
    `${sites.length} LLM call site${sites.length === 1 ? '' : 's'} in ${result.files} analyzed files; ` +
      `${unapproved.length} to vendors without a BAA in phi-guard.config.json; ${withPhi.length} reached by PHI.` +
      (result.complete ? '' : ` **Incomplete:** ${result.incomplete ?? 'analysis was still running'}; call sites in those may be missing.`),
    '',
    ...(result.failedFiles?.length ? ['Not analyzed (see their diagnostics):', '', ...result.failedFiles.map((f) => `- ${cell(vscode.workspace.asRelativePath(f))}`), ''] : []),
    ...(result.unreadableFolders?.length ? ['Folders that could not be listed:', '', ...result.unreadableFolders.map((f) => `- ${cell(vscode.workspace.asRelativePath(f))}`), ''] : []),
    '| File | Line | Call | Vendor | BAA | PHI that reaches it |',
    '| --- | ---: | --- | --- | --- | --- |',
    ...sites.map(row),
    '',
  ];
  return lines.join('\n');
}

function row(site: InventoryCallSite): string {
  const file = vscode.workspace.asRelativePath(site.fileName) || path.basename(site.fileName);
  const line = site.range.start.line + 1;
  const link = `[${cell(file)}](${vscode.Uri.file(site.fileName).with({ fragment: `L${line},${site.range.start.character + 1}` }).toString(true)})`;
  const baa = site.firstParty ? 'first party' : site.approved ? 'yes' : '**no**';
  return `| ${link} | ${line} | \`${cell(site.call)}\` | ${cell(site.vendorName)} (\`${site.vendorId}\`) | ${baa} | ${cell(site.phi.join(', ')) || '-'} |`;
}
