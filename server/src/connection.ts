/**
 * Every LSP message the server handles, in one place. Handlers only translate and delegate to
 * the Session; each is guarded so an exception answers the request with an empty result and a
 * log line, never a dead server.
 */
import { serverVersion } from './commandLine';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { FIX_ALL_KIND, SELECT_REASON_COMMAND } from './codeActions';
import { uriToFileName } from './paths';
import { FINDINGS_REQUEST, INVENTORY_REQUEST, PING_REQUEST, REDACTOR_CANDIDATES_REQUEST, type InventoryParams } from './protocol';
import { Session, type SessionOptions } from './session';

const WATCHED = ['**/phi-guard.config.json', '**/{tsconfig,jsconfig}*.json', '**/package.json', '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];

export function wireConnection(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let session: Session | undefined;
  let sessionOptions: SessionOptions | undefined;

  // A request that fails answers its fallback (empty actions, no hover, an inventory that says
  // it is incomplete): nothing is shown as clean by it. A notification that fails (an edit, a
  // watched-file event) leaves the session's picture of the files wrong, so diagnostics could
  // go stale: that error is rethrown outside the handler, the process exits with an error
  // (server.ts), and the client restarts a server that analyzes everything afresh.
  const guard =
    <P, R>(what: string, fallback: R, handler: (s: Session, params: P) => R | Promise<R>, fatal = fallback === undefined) =>
    async (params: P): Promise<R> => {
      if (!session) return fallback;
      try {
        return await handler(session, params);
      } catch (error) {
        connection.console.error(`${what} failed: ${(error as Error)?.stack ?? error}`);
        if (fatal) {
          setImmediate(() => {
            throw error;
          });
        }
        return fallback;
      }
    };

  connection.onInitialize((params): InitializeResult => {
    const folders = params.workspaceFolders?.map((f) => uriToFileName(f.uri)) ?? [params.rootUri ? uriToFileName(params.rootUri) : undefined];
    sessionOptions = {
      capabilities: params.capabilities,
      workspaceFolders: folders.filter((f): f is string => !!f),
      initializationOptions: params.initializationOptions ?? undefined,
    };
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        executeCommandProvider: { commands: [SELECT_REASON_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'phi-guard-language-server', version: serverVersion() },
    };
  });

  connection.onInitialized(() => {
    session = new Session(connection, sessionOptions!);
    const capabilities = sessionOptions!.capabilities;
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED.map((globPattern) => ({ globPattern })) });
    }
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'phiGuard' });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) =>
        guard('workspace folders', undefined, (s) =>
          s.foldersChanged(
            event.added.map((f) => uriToFileName(f.uri)).filter((f): f is string => !!f),
            event.removed.map((f) => uriToFileName(f.uri)).filter((f): f is string => !!f),
          ),
        )(undefined),
      );
    }
    // Documents opened before `initialized` were queued by TextDocuments; take them now.
    for (const document of documents.all()) session.documentChanged(document);
    void session.analyzeWorkspace();
  });

  documents.onDidChangeContent(({ document }) => void guard('didChange', undefined, (s) => s.documentChanged(document))(undefined));
  documents.onDidClose(({ document }) => void guard('didClose', undefined, (s) => s.documentClosed(document))(undefined));
  documents.onDidSave(({ document }) => void guard('didSave', undefined, (s) => s.documentSaved(document))(undefined));
  connection.onDidChangeWatchedFiles(guard('watched files', undefined, (s, params) => s.watchedFilesChanged(params.changes)));
  connection.onDidChangeConfiguration(guard('configuration', undefined, (s, params) => s.settingsChanged(params.settings)));

  connection.onCodeAction(guard('codeAction', [], (s, params) => s.codeActions(params)));
  connection.onHover(guard('hover', null, (s, params) => s.hover(params)));
  // No guard and no session needed: answering at all is the point.
  connection.onRequest(PING_REQUEST, () => ({}));
  connection.onRequest(INVENTORY_REQUEST, guard('inventory', { complete: false, incomplete: 'the inventory request failed (see the PHI Guard log)', files: 0, callSites: [], failedFiles: [], unreadableFolders: [] }, (s, params: InventoryParams) => s.inventory(params)));
  connection.onRequest(FINDINGS_REQUEST, guard('findings', { complete: false, incomplete: 'the findings request failed (see the PHI Guard log)', files: 0, findings: [], failedFiles: [], unreadableFolders: [] }, (s, params: InventoryParams) => s.findings(params)));
  connection.onRequest(REDACTOR_CANDIDATES_REQUEST, guard('redactorCandidates', [], (s) => s.redactorCandidates()));
  connection.onExecuteCommand(
    guard('executeCommand', null, async (_s, params) => {
      if (params.command === SELECT_REASON_COMMAND && params.arguments?.length === 2) {
        const [uri, selection] = params.arguments;
        await connection.window.showDocument({ uri, selection, takeFocus: true });
      }
      return null;
    }),
  );

  documents.listen(connection);
}
