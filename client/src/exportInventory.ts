/** "PHI Guard: Export LLM Call Inventory…": Markdown, JSON or CSV, to a file the user picks. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { INVENTORY_REQUEST, type InventoryResult } from '../../server/src/protocol';
import { EXPORT_EXTENSIONS, formatInventory, type ExportFormat } from './inventoryFormat';

const FORMATS: { label: string; description: string; format: ExportFormat; filter: string }[] = [
  { label: 'Markdown', description: '.md: a table for a review or an audit file', format: 'markdown', filter: 'Markdown' },
  { label: 'JSON', description: '.json: for scripts and other tools', format: 'json', filter: 'JSON' },
  { label: 'CSV', description: '.csv: for a spreadsheet', format: 'csv', filter: 'CSV' },
];

export async function exportInventory(client: LanguageClient, format?: ExportFormat): Promise<vscode.Uri | undefined> {
  const chosen = format ? FORMATS.find((f) => f.format === format) : await vscode.window.showQuickPick(FORMATS, { title: 'Export the LLM call inventory as', placeHolder: 'Format' });
  if (!chosen) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const ext = EXPORT_EXTENSIONS[chosen.format];
  const target = await vscode.window.showSaveDialog({
    title: 'Export the LLM call inventory',
    saveLabel: 'Export',
    defaultUri: folder ? vscode.Uri.joinPath(folder, `phi-guard-inventory.${ext}`) : undefined,
    filters: { [chosen.filter]: [ext] },
  });
  if (!target) return undefined;
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'PHI Guard: collecting LLM call sites…' }, () =>
    client.sendRequest<InventoryResult>(INVENTORY_REQUEST, { wait: true }),
  );
  const relative = (fileName: string) => vscode.workspace.asRelativePath(fileName, false);
  await vscode.workspace.fs.writeFile(target, Buffer.from(formatInventory(result, chosen.format, relative), 'utf8'));
  const warning = result.complete ? '' : ` Incomplete: ${result.incomplete}.`;
  void vscode.window.showInformationMessage(`PHI Guard: exported ${result.callSites.length} LLM call sites to ${vscode.workspace.asRelativePath(target)}.${warning}`, 'Open').then((choice) => {
    if (choice === 'Open') void vscode.window.showTextDocument(target);
  });
  return target;
}
