/**
 * PHI Guard for VS Code: starts the bundled language server and adds what only an editor can
 * show (status bar, inventory view, commands). Everything else lives in the server, so it
 * works in every LSP editor.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { STATUS_NOTIFICATION, type StatusParams } from '../../server/src/protocol';
import { showInventory } from './inventoryView';
import { RestartingErrorHandler } from './errorHandler';
import { StatusBar } from './statusBar';

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
    errorHandler: new RestartingErrorHandler(output),
  };
  client = new LanguageClient('phiGuard', 'PHI Guard', serverOptions, clientOptions);
  const status = new StatusBar();
  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand('phiGuard.restartServer', async () => {
      output.info('restarting the language server');
      await client?.restart();
    }),
    vscode.commands.registerCommand('phiGuard.showInventory', () => client && showInventory(client)),
    client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => status.serverStatus(params)),
  );
  await client.start();
  output.info(`PHI Guard started in ${vscode.env.appName} ${vscode.version}`);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
