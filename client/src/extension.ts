/**
 * PHI Guard for VS Code: starts the bundled language server and adds what only an editor can
 * show (status bar, the PHI Guard view, commands). Everything else lives in the server, so it
 * works in every LSP editor.
 */
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { INVENTORY_REQUEST, STATUS_NOTIFICATION, type StatusParams } from '../../server/src/protocol';
import { createConfig } from './createConfig';
import { RestartingErrorHandler } from './errorHandler';
import { exportInventory } from './exportInventory';
import { findingsRoots } from './findingsTree';
import { Heartbeat } from './heartbeat';
import type { ExportFormat } from './inventoryFormat';
import { inventoryRoots } from './inventoryTree';
import { StatusBar } from './statusBar';
import { NodeTreeProvider } from './treeNodes';
import { WorkspaceData } from './workspaceData';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // vscode-languageclient >= 10 needs a LogOutputChannel here.
  const output = vscode.window.createOutputChannel('PHI Guard', { log: true });
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...['typescript', 'typescriptreact', 'javascript', 'javascriptreact'].map((language) => ({ scheme: 'file', language })),
      { scheme: 'file', pattern: '**/phi-guard.config.json' },
    ],
    outputChannel: output,
    errorHandler: undefined,
    // package.json's jsonValidation makes VS Code's JSON service check phi-guard.config.json
    // with PHI Guard's schema: the server then leaves syntax and shape problems to it.
    initializationOptions: { configSchemaValidation: true },
  };
  const status = new StatusBar();
  status.serverStarting();
  const handler = new RestartingErrorHandler(output, (why) => {
    // The client drops every diagnostic of a stopped server: say that nothing is checked.
    status.serverDown(why);
    data.schedule();
    void vscode.window.showErrorMessage(`PHI Guard is not running (${why}): files are not being checked for PHI.`, 'Restart').then((choice) => {
      if (choice === 'Restart') void vscode.commands.executeCommand('phiGuard.restartServer');
    });
  });
  clientOptions.errorHandler = handler;
  const lsp = new LanguageClient('phiGuard', 'PHI Guard', serverOptions, clientOptions);
  client = lsp;
  const heartbeat = new Heartbeat(lsp, () => {
    output.error('the language server did not answer a heartbeat for 90 s (hung)');
    if (!handler.mayRestart()) {
      handler.giveUp('the language server hung repeatedly');
      void client?.stop(2000);
      return;
    }
    output.warn('restarting the hung language server');
    void client?.restart();
  });

  // The PHI Guard view: findings by vendor and by file, the LLM call inventory.
  const data = new WorkspaceData(lsp);
  const byVendor = new NodeTreeProvider();
  const byFile = new NodeTreeProvider();
  const inventory = new NodeTreeProvider();
  const views = {
    vendor: vscode.window.createTreeView('phiGuard.findingsByVendor', { treeDataProvider: byVendor, showCollapseAll: true }),
    file: vscode.window.createTreeView('phiGuard.findingsByFile', { treeDataProvider: byFile, showCollapseAll: true }),
    inventory: vscode.window.createTreeView('phiGuard.inventory', { treeDataProvider: inventory, showCollapseAll: true }),
  };
  let shown = '';
  const render = () => {
    // Unchanged data: no refresh, so nothing the user expanded or selected moves.
    const now = JSON.stringify([data.findings, data.inventory, data.error]);
    if (now === shown) return;
    shown = now;
    byVendor.setRoots(findingsRoots(data.findings, 'vendor', data.error));
    byFile.setRoots(findingsRoots(data.findings, 'file', data.error));
    inventory.setRoots(inventoryRoots(data.inventory, data.error));
    const findings = data.findings;
    const count = findings?.findings.length ?? 0;
    const incomplete = findings && !findings.complete ? `Incomplete: ${findings.incomplete}` : undefined;
    // One badge: the activity bar adds up the badges of the container's views.
    views.vendor.badge = count > 0 ? { value: count, tooltip: `${count} PHI Guard finding${count === 1 ? '' : 's'}` } : undefined;
    for (const view of [views.vendor, views.file]) view.message = incomplete;
    views.inventory.message = data.inventory && !data.inventory.complete ? `Incomplete: ${data.inventory.incomplete}` : undefined;
  };
  render();

  // Start-up is over when the server answers a waiting inventory request (it waits for the
  // folder listing and the queue): only then does the status bar show a count.
  const awaitStartup = () =>
    void lsp.sendRequest(INVENTORY_REQUEST, { wait: true }).then(
      () => {
        status.startupSettled();
        data.schedule();
      },
      () => undefined,
    );

  context.subscriptions.push(
    output,
    status,
    data,
    byVendor,
    byFile,
    inventory,
    ...Object.values(views),
    data.onDidChange(render),
    vscode.commands.registerCommand('phiGuard.restartServer', async () => {
      output.info('restarting the language server');
      handler.reset();
      status.serverStarting();
      if (lsp.state === State.Stopped) await lsp.start();
      else await lsp.restart();
    }),
    lsp.onDidChangeState((event) => {
      if (event.newState === State.Running) {
        status.serverUp();
        awaitStartup();
      } else if (event.newState === State.Stopped && !handler.gaveUp) status.serverStarting();
      data.schedule();
    }),
    { dispose: () => heartbeat.dispose() },
    vscode.commands.registerCommand('phiGuard.focusView', () => vscode.commands.executeCommand('phiGuard.findingsByVendor.focus')),
    vscode.commands.registerCommand('phiGuard.showInventory', async () => {
      await vscode.commands.executeCommand('phiGuard.inventory.focus');
      await data.refresh();
    }),
    vscode.commands.registerCommand('phiGuard.refreshViews', () => data.refresh()),
    vscode.commands.registerCommand('phiGuard.exportInventory', (format?: ExportFormat) => exportInventory(lsp, typeof format === 'string' ? format : undefined)),
    vscode.commands.registerCommand('phiGuard.createConfig', () => createConfig(lsp)),
    lsp.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => {
      status.serverStatus(params);
      data.schedule();
    }),
  );
  await lsp.start();
  heartbeat.start();
  output.info(`PHI Guard started in ${vscode.env.appName} ${vscode.version}`);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
