/**
 * A small LSP client for protocol tests: spawns the real server binary over stdio, answers the
 * server's requests (configuration, registrations, progress), records diagnostics, and waits on
 * conditions (never on sleeps).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');
/** The server under test; PHI_GUARD_SERVER_BIN=client/dist/server.js tests the bundle shipped in the .vsix. */
export const SERVER_BIN = path.resolve(REPO_ROOT, process.env.PHI_GUARD_SERVER_BIN ?? 'server/bin/phi-guard-language-server.js');

/** A diagnostic's message as text (LSP 3.18 allows markup). */
export const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

export const uriOf = (fileName: string): string => pathToFileURL(fileName).href;

export interface StartOptions {
  workspaceFolders: string[];
  settings?: Record<string, unknown>;
  /** Default true: the client registers file watchers (VS Code-like); false: Neovim 0.7-like. */
  watchFiles?: boolean;
  initializationOptions?: Record<string, unknown>;
  env?: Record<string, string>;
  /** Another server binary than SERVER_BIN (the install test runs the one installed from the tarball). */
  serverBin?: string;
  /** Run the server as this user and group (tests running as root use it to make chmod bite). */
  uid?: number;
  gid?: number;
}

export interface Progress {
  token: string | number;
  kinds: string[];
}

export class LspClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every publishDiagnostics, in order (to count how often a file was published). */
  readonly published: PublishDiagnosticsParams[] = [];
  readonly progress: Progress[] = [];
  readonly statuses: { state: string; findings: number }[] = [];
  readonly logs: string[] = [];
  readonly shownDocuments: unknown[] = [];
  readonly shownMessages: { type: number; message: string }[] = [];
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  settings: Record<string, unknown>;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? {};
  }

  static async start(options: StartOptions): Promise<LspClient> {
    const child = spawn(process.execPath, [options.serverBin ?? SERVER_BIN, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
      ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection, options);
    child.stderr!.on('data', (d: Buffer) => client.logs.push(d.toString()));
    client.wire();
    connection.listen();
    const watchFiles = options.watchFiles ?? true;
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeWatchedFiles: { dynamicRegistration: watchFiles },
        didChangeConfiguration: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
      },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true, dataSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        synchronization: { didSave: true },
      },
      window: { workDoneProgress: true, showDocument: { support: true } },
    };
    await connection.sendRequest('initialize', {
      // Another user cannot signal us: the server's parent watchdog would take EPERM for "gone".
      processId: options.uid !== undefined ? null : process.pid,
      rootUri: options.workspaceFolders[0] ? uriOf(options.workspaceFolders[0]) : null,
      workspaceFolders: options.workspaceFolders.map((f) => ({ uri: uriOf(f), name: path.basename(f) })),
      capabilities,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private wire(): void {
    const c = this.connection;
    c.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      this.published.push(params);
      if (process.env.LSP_TRACE) console.log('PUB', params.uri.split('/').pop(), params.version, params.diagnostics.length);
      this.changed();
    });
    c.onNotification('phiGuard/status', (params: { state: string; findings: number }) => {
      this.statuses.push(params);
      this.changed();
    });
    c.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    c.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      this.shownMessages.push(params);
      this.changed();
    });
    c.onNotification('$/progress', (params: { token: string | number; value: { kind: string } }) => {
      const entry = this.progress.find((p) => p.token === params.token);
      if (entry) entry.kinds.push(params.value.kind);
      this.changed();
    });
    c.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
      this.progress.push({ token: params.token, kinds: [] });
      return null;
    });
    c.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'phiGuard' ? this.settings : null)),
    );
    c.onRequest('client/registerCapability', () => null);
    c.onRequest('window/showMessageRequest', (params: { type: number; message: string }) => {
      this.shownMessages.push(params);
      this.changed();
      return null;
    });
    c.onRequest('window/showDocument', (params: unknown) => {
      this.shownDocuments.push(params);
      return { success: true };
    });
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Resolves when `condition` returns a value other than undefined/false; rejects after `timeoutMs`. */
  waitFor<T>(what: string | (() => string), condition: () => T | undefined | false, timeoutMs = 60_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        let value: T | undefined | false;
        try {
          value = condition();
        } catch (error) {
          cleanup();
          reject(error);
          return;
        }
        if (value !== undefined && value !== false) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        const description = typeof what === 'function' ? what() : what;
        reject(new Error(`timed out waiting for ${description}\nserver log:\n${this.logs.join('\n').slice(-4000)}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  /** Diagnostics for a file once published for its current version (open) or at all (closed). */
  diagnosticsFor(fileName: string, predicate: (d: Diagnostic[]) => boolean = () => true, timeoutMs?: number): Promise<Diagnostic[]> {
    const uri = uriOf(fileName);
    const state = () => {
      const published = this.diagnostics.get(uri);
      const lines = published?.diagnostics.map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} (severity ${d.severity}) ${messageOf(d)}`);
      return `diagnostics of ${fileName} (client version ${this.versions.get(uri)}; last published for version ${published?.version}:\n${lines?.join('\n') ?? '  none'})`;
    };
    return this.waitFor(
      state,
      () => {
        const published = this.diagnostics.get(uri);
        if (!published) return undefined;
        const version = this.versions.get(uri);
        if (version !== undefined && published.version !== version) return undefined;
        return predicate(published.diagnostics) ? published.diagnostics : undefined;
      },
      timeoutMs,
    );
  }

  open(fileName: string, text = fs.readFileSync(fileName, 'utf8')): void {
    const uri = uriOf(fileName);
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    const languageId = fileName.endsWith('.json') ? 'json' : /\.[cm]?jsx?$/.test(fileName) ? 'javascript' : 'typescript';
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  text(fileName: string): string {
    return this.texts.get(uriOf(fileName)) ?? fs.readFileSync(fileName, 'utf8');
  }

  /** Replaces the whole text (full sync through an incremental-shaped change). */
  change(fileName: string, text: string): void {
    const uri = uriOf(fileName);
    const version = (this.versions.get(uri) ?? 0) + 1;
    const old = TextDocument.create(uri, 'typescript', 0, this.text(fileName));
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    void this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: old.positionAt(old.getText().length) }, text }],
    });
  }

  close(fileName: string): void {
    const uri = uriOf(fileName);
    this.versions.delete(uri);
    this.texts.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Writes a file and tells the server, as a watching client would. */
  writeFile(fileName: string, text: string, created = !fs.existsSync(fileName)): void {
    fs.mkdirSync(path.dirname(fileName), { recursive: true });
    fs.writeFileSync(fileName, text);
    void this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(fileName), type: created ? 1 : 2 }] });
  }

  codeActions(fileName: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uriOf(fileName) },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    }) as Promise<CodeAction[]>;
  }

  hover(fileName: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(fileName) }, position: { line, character } }) as Promise<Hover | null>;
  }

  inventory(): Promise<{ complete: boolean; incomplete?: string; failedFiles: string[]; unreadableFolders: string[]; files: number; callSites: { fileName: string; call: string; vendorId: string; approved: boolean; phi: string[]; range: Diagnostic['range'] }[] }> {
    return this.connection.sendRequest('phiGuard/inventory', { wait: true }) as never;
  }

  /**
   * Applies a workspace edit like an editor: open documents change in memory (and the server is
   * told), other files are written to disk (and a watched-file event is sent).
   */
  applyEdit(edit: WorkspaceEdit): void {
    const perUri = new Map<string, TextEdit[]>();
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) perUri.set(uri, [...(perUri.get(uri) ?? []), ...edits]);
    for (const change of edit.documentChanges ?? []) {
      if ('kind' in change) {
        if (change.kind === 'create') {
          const fileName = new URL(change.uri).pathname;
          if (!fs.existsSync(fileName)) fs.writeFileSync(fileName, '');
        }
        continue;
      }
      perUri.set(change.textDocument.uri, [...(perUri.get(change.textDocument.uri) ?? []), ...(change.edits as TextEdit[])]);
    }
    for (const [uri, edits] of perUri) {
      const fileName = decodeURIComponent(new URL(uri).pathname);
      const before = TextDocument.create(uri, 'typescript', 0, this.text(fileName));
      const after = TextDocument.applyEdits(before, edits);
      if (this.versions.has(uri)) this.change(fileName, after);
      else this.writeFile(fileName, after, false);
    }
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      void this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}
