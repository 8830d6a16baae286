/**
 * PHI Guard for VS Code: starts the bundled language server and adds what only an editor can
 * show (status bar, inventory view, commands). Everything else lives in the server, so it
 * works in every LSP editor.
 */
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { STATUS_NOTIFICATION, type StatusParams } from '../../server/src/protocol';
import { showInventory } from './inventoryView';
import { RestartingErrorHandler } from './errorHandler';
import { Heartbeat } from './heartbeat';
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
    void vscode.window.showErrorMessage(`PHI Guard is not running (${why}): files are not being checked for PHI.`, 'Restart').then((choice) => {
      if (choice === 'Restart') void vscode.commands.executeCommand('phiGuard.restartServer');
    });
  });
  clientOptions.errorHandler = handler;
  client = new LanguageClient('phiGuard', 'PHI Guard', serverOptions, clientOptions);
  const heartbeat = new Heartbeat(client, () => {
    output.error('the language server did not answer a heartbeat for 90 s (hung)');
    if (!handler.mayRestart()) {
      handler.giveUp('the language server hung repeatedly');
      void client?.stop(2000);
      return;
    }
    output.warn('restarting the hung language server');
    void client?.restart();
  });
  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand('phiGuard.restartServer', async () => {
      output.info('restarting the language server');
      handler.reset();
      status.serverStarting();
      if (client?.state === State.Stopped) await client.start();
      else await client?.restart();
    }),
    client.onDidChangeState((event) => {
      if (event.newState === State.Running) status.serverUp();
      else if (event.newState === State.Stopped && !handler.gaveUp) status.serverStarting();
    }),
    { dispose: () => heartbeat.dispose() },
    vscode.commands.registerCommand('phiGuard.showInventory', () => client && showInventory(client)),
    client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => status.serverStatus(params)),
  );
  await client.start();
  heartbeat.start();
  output.info(`PHI Guard started in ${vscode.env.appName} ${vscode.version}`);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
