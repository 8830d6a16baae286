/**
 * Entry point of the PHI Guard language server: `phi-guard-language-server --stdio`.
 * The transport comes from the command line (--stdio, --node-ipc, --socket=N).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { wireConnection } from './connection';

const connection = createConnection(ProposedFeatures.all);

// A bug must not take the editor's diagnostics down with it: log and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error?.stack ?? error}`));
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${(reason as Error)?.stack ?? reason}`));

wireConnection(connection);
connection.listen();
