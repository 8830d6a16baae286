/**
 * "PHI Guard: Create phi-guard.config.json": proposes the LLM vendors the workspace calls (for
 * approvedVendors: only those with a BAA, so none is preselected) and the exported functions
 * named like redactors (preselected), and writes what the user confirms.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { INVENTORY_REQUEST, REDACTOR_CANDIDATES_REQUEST, type InventoryResult, type RedactorCandidate } from '../../server/src/protocol';
import { draftConfig, redactorProposals, vendorProposals } from './configDraft';

type Pick = vscode.QuickPickItem & { vendor?: string; redactor?: { name: string; from: string } };

export async function createConfig(client: LanguageClient): Promise<vscode.Uri | undefined> {
  const folder = (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder for phi-guard.config.json' }) : vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    if (!vscode.workspace.workspaceFolders?.length) void vscode.window.showErrorMessage('PHI Guard: open a folder first; phi-guard.config.json goes at its root.');
    return undefined;
  }
  const target = vscode.Uri.joinPath(folder.uri, 'phi-guard.config.json');
  const exists = await vscode.workspace.fs.stat(target).then(
    () => true,
    () => false,
  );
  if (exists) {
    const choice = await vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(target)} already exists.`, { modal: true }, 'Open It', 'Replace');
    if (choice === 'Open It') await vscode.window.showTextDocument(target);
    if (choice !== 'Replace') return undefined;
  }
  const [inventory, candidates] = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'PHI Guard: looking for LLM calls and redactors…' }, () =>
    Promise.all([client.sendRequest<InventoryResult>(INVENTORY_REQUEST, { wait: true }), client.sendRequest<RedactorCandidate[]>(REDACTOR_CANDIDATES_REQUEST)]),
  );
  const vendors = vendorProposals(inventory.callSites);
  const redactors = redactorProposals(candidates, folder.uri.fsPath);
  const items: Pick[] = [
    { label: 'Vendors with a BAA (approvedVendors)', kind: vscode.QuickPickItemKind.Separator },
    ...vendors.map((v) => ({
      label: v.name,
      description: v.id,
      detail: `${v.callSites} call site${v.callSites === 1 ? '' : 's'}${v.withPhi ? `, ${v.withPhi} reached by PHI` : ''}. Select only if a Business Associate Agreement covers it.`,
      picked: false,
      vendor: v.id,
    })),
    { label: 'Redactors (functions whose result is safe to send)', kind: vscode.QuickPickItemKind.Separator },
    ...redactors.map((r) => ({ label: r.name, description: r.from, detail: vscode.workspace.asRelativePath(r.fileName), picked: true, redactor: { name: r.name, from: r.from } })),
  ];
  if (vendors.length === 0) items.splice(1, 0, { label: 'No LLM vendor calls found in this workspace', kind: vscode.QuickPickItemKind.Separator });
  const chosen = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: 'Create phi-guard.config.json',
    placeHolder: 'Select the vendors a BAA covers and the redactors to use, then press Enter',
    ignoreFocusOut: true,
  });
  if (!chosen) return undefined;
  const text = draftConfig(
    chosen.filter((c) => c.vendor).map((c) => c.vendor!),
    chosen.filter((c) => c.redactor).map((c) => c.redactor!),
  );
  await vscode.workspace.fs.writeFile(target, Buffer.from(text, 'utf8'));
  await vscode.window.showTextDocument(target);
  return target;
}
