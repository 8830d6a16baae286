/**
 * The server's state for one client: open documents, projects, configs, results, the queue.
 * Every LSP handler in connection.ts calls one method here. Nothing here throws to a handler:
 * a failure on one file becomes a diagnostic on that file, and the other files go on.
 */
import * as path from 'node:path';
import { clearConfigCache } from './engine';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type FileEvent,
  type Hover,
  type TextDocumentPositionParams,
} from 'vscode-languageserver/node';
import { Analyzer } from './analysis';
import { codeActionsFor, fixAllAction, FIX_ALL_KIND, type CodeActionContext } from './codeActions';
import { configActionsFor } from './configActions';
import { ConfigManager } from './configs';
import { FileStore } from './files';
import { failureDiagnostic, folderFailureDiagnostic } from './diagnostics';
import { hoverAt } from './hover';
import { buildInventory } from './inventory';
import { buildFindingsList } from './findingsList';
import { redactorCandidates } from './redactorCandidates';
import { excludeMatcherFor } from './exclude';
import { fileNameToUri, isConfigFile, isInside, isProjectFile, isSourceFile, listSourceFiles, uriToFileName } from './paths';
import { ProjectManager } from './projects';
import { STATUS_NOTIFICATION, type FindingsResult, type InventoryParams, type InventoryResult, type RedactorCandidate, type StatusParams } from './protocol';
import { Scheduler } from './scheduler';
import { SettingsStore, type Settings } from './settings';

export interface SessionOptions {
  capabilities: ClientCapabilities;
  workspaceFolders: string[];
  initializationOptions?: {
    settings?: unknown;
    debounceMs?: number;
    /** Pause after the last keystroke in phi-guard.config.json before validating it (default 300). */
    configDebounceMs?: number;
    /** The client validates phi-guard.config.json with PHI Guard's JSON schema (see ConfigOptions). */
    configSchemaValidation?: boolean;
    timeBudgetMs?: number;
    maxFileBytes?: number;
  };
}

export class Session {
  readonly files = new FileStore();
  private readonly projects: ProjectManager;
  private readonly configs: ConfigManager;
  private readonly analyzer: Analyzer;
  private readonly scheduler: Scheduler;
  private readonly settings: SettingsStore;
  private folders: string[];
  /** Findings published per file, for the status counts. */
  private readonly published = new Map<string, number>();
  /** Documents edited since their last analysis: their dependents follow them. */
  private readonly edited = new Set<string>();
  private readonly capabilities: ClientCapabilities;
  /** Folders that could not be listed (their files are unknown): the inventory is incomplete. */
  private readonly unreadableFolders = new Set<string>();
  /** Rejected exclude patterns already reported, so the warning is shown once. */
  private readonly reportedExcludes = new Set<string>();
  /** Folder listings in progress: until they are queued, the scheduler may look idle. */
  private readonly listings = new Set<Promise<void>>();
  /** Config documents being typed in: validated once the typing pauses. */
  private readonly configTimers = new Map<string, NodeJS.Timeout>();
  private readonly configDebounceMs: number;

  constructor(
    private readonly connection: Connection,
    options: SessionOptions,
  ) {
    this.capabilities = options.capabilities;
    this.folders = options.workspaceFolders;
    const log = (message: string) => this.connection.console.log(message);
    this.projects = new ProjectManager(this.files, log);
    this.projects.setWorkspaceFolders(this.folders);
    const init = options.initializationOptions ?? {};
    this.configs = new ConfigManager(this.files, (configFile, diagnostics) => this.publish(configFile, diagnostics, this.files.openDocument(configFile)?.version ?? null), log, {
      clientValidatesSchema: init.configSchemaValidation === true,
    }, () => this.sendStatus(this.scheduler.isIdle() ? 'idle' : 'analyzing'));
    this.configDebounceMs = typeof init.configDebounceMs === 'number' ? init.configDebounceMs : 300;
    this.analyzer = new Analyzer(this.files, this.projects, this.configs, log, { timeBudgetMs: init.timeBudgetMs, displayPath: (f) => this.displayPath(f) });
    this.scheduler = new Scheduler(
      (fileName) => this.analyzeAndPublish(fileName),
      (fileName, error) => {
        // Fails closed: the file shows that it is unchecked rather than its last (or no) result.
        this.connection.console.error(`analysis of ${fileName}: ${(error as Error)?.stack ?? error}`);
        this.publish(fileName, [failureDiagnostic(error)], this.files.openDocument(fileName)?.version ?? null);
      },
      () => this.sendStatus('idle'),
      typeof init.debounceMs === 'number' ? init.debounceMs : 30,
    );
    this.settings = new SettingsStore(connection, !!options.capabilities.workspace?.configuration, init.settings);
    if (typeof init.maxFileBytes === 'number' && init.maxFileBytes > 0) this.files.maxFileBytes = init.maxFileBytes;
    this.files.pollDisk = !options.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  }

  // ------------------------------------------------------------------ documents

  documentChanged(document: TextDocument): void {
    const fileName = uriToFileName(document.uri);
    if (!fileName) return;
    this.retryFailed(fileName);
    const wasOpen = this.files.isOpen(fileName);
    this.files.setOpen(fileName, document);
    if (isConfigFile(fileName)) {
      if (!wasOpen) this.configs.validate(fileName);
      else this.validateConfigSoon(fileName);
    } else if (isSourceFile(fileName)) {
      if (!wasOpen) this.scheduler.soon([fileName]);
      else {
        this.edited.add(fileName);
        this.scheduler.changed(fileName);
      }
    }
  }

  /** Each keystroke would publish a problem that the next one fixes: wait for a pause. */
  private validateConfigSoon(configFile: string): void {
    clearTimeout(this.configTimers.get(configFile));
    this.configTimers.set(
      configFile,
      setTimeout(() => {
        this.configTimers.delete(configFile);
        this.configs.validate(configFile);
      }, this.configDebounceMs),
    );
  }

  documentClosed(document: TextDocument): void {
    const fileName = uriToFileName(document.uri);
    if (!fileName) return;
    this.files.close(fileName);
    if (isConfigFile(fileName)) {
      clearTimeout(this.configTimers.get(fileName));
      this.configTimers.delete(fileName);
      this.configs.validate(fileName);
      return;
    }
    if (!isSourceFile(fileName)) return;
    if (this.folderOf(fileName)) {
      // Back to its saved text, as part of the workspace's diagnostics.
      this.scheduler.later([fileName, ...this.projects.dependentsOf(fileName)]);
    } else {
      this.analyzer.forget(fileName);
      this.publish(fileName, [], null);
    }
  }

  documentSaved(document: TextDocument): void {
    // Clients without file watching (Neovim 0.7) still tell us about saves of the config.
    const fileName = uriToFileName(document.uri);
    if (fileName && isConfigFile(fileName) && this.files.pollDisk) this.configChanged(fileName);
  }

  // ------------------------------------------------------------------ workspace

  watchedFilesChanged(changes: FileEvent[]): void {
    this.retryFailed();
    let projectsChanged = false;
    const addedOrRemoved: string[] = [];
    const sources = new Set<string>();
    for (const change of changes) {
      const fileName = uriToFileName(change.uri);
      if (!fileName) continue;
      this.files.invalidate(fileName);
      if (isConfigFile(fileName)) this.configChanged(fileName);
      else if (isProjectFile(fileName)) projectsChanged = true;
      else if (isSourceFile(fileName)) {
        if (change.type !== FileChangeType.Changed) addedOrRemoved.push(fileName);
        if (change.type === FileChangeType.Deleted) {
          this.analyzer.forget(fileName);
          this.publish(fileName, [], null);
        } else sources.add(fileName);
      }
    }
    if (projectsChanged) {
      this.projects.projectFilesChanged();
      this.reanalyzeAll();
      return;
    }
    if (addedOrRemoved.length > 0) this.projects.sourceFilesAddedOrRemoved(addedOrRemoved);
    const affected = new Set<string>();
    for (const fileName of [...sources, ...addedOrRemoved]) {
      if (sources.has(fileName) && !this.files.isOpen(fileName) && this.folderOf(fileName)) affected.add(fileName);
      for (const dependent of this.projects.dependentsOf(fileName)) affected.add(dependent);
    }
    this.queueByPriority(affected);
  }

  configChanged(configFile: string): void {
    clearConfigCache();
    this.configs.validate(configFile);
    this.reanalyzeAll();
  }

  settingsChanged(pushed: unknown): void {
    this.settings.changed(pushed);
    this.reanalyzeAll();
  }

  foldersChanged(added: string[], removed: string[]): void {
    this.folders = [...this.folders.filter((f) => !removed.includes(f)), ...added];
    this.projects.setWorkspaceFolders(this.folders);
    for (const result of this.analyzer.allResults()) {
      if (removed.some((f) => isInside(f, result.fileName)) && !this.folderOf(result.fileName) && !this.files.isOpen(result.fileName)) {
        this.analyzer.forget(result.fileName);
        this.publish(result.fileName, [], null);
      }
    }
    for (const folder of added) void this.analyzeFolder(folder);
  }

  /** The start-up pass: every source file of every workspace folder, with work-done progress. */
  async analyzeWorkspace(): Promise<void> {
    await Promise.all(this.folders.map((folder) => this.analyzeFolder(folder)));
  }

  private analyzeFolder(folder: string): Promise<void> {
    const listing = this.listFolder(folder).finally(() => this.listings.delete(listing));
    this.listings.add(listing);
    return listing;
  }

  private async listFolder(folder: string): Promise<void> {
    try {
      const settings = await this.settingsFor(folder);
      if (!settings.enable) return;
      const exclude = excludeMatcherFor(settings.exclude);
      this.reportRejectedExcludes(folder, exclude.rejected);
      const { files: fileNames, unreadableFolders } = await listSourceFiles(folder, exclude);
      for (const { folder: unreadable, reason } of unreadableFolders) {
        this.connection.console.error(`cannot list ${unreadable} (${reason}): its files are not analyzed`);
        this.unreadableFolders.add(unreadable);
        // Fail closed: on the folder itself (the Problems view lists it), since its files are unknown.
        this.publish(unreadable, [folderFailureDiagnostic(reason)], null);
      }
      // Progress is optional UI: a client that refuses it still gets every diagnostic.
      const progress = await this.connection.window.createWorkDoneProgress().catch(() => undefined);
      progress?.begin('PHI Guard', 0, `Analyzing ${fileNames.length} files in ${path.basename(folder)}`, false);
      const started = Date.now();
      this.scheduler.batch(fileNames, {
        report: (done, total) => {
          progress?.report(Math.floor((done / total) * 100), `${done}/${total} files`);
          this.sendStatus('analyzing');
        },
        finish: () => {
          progress?.done();
          this.connection.console.log(`analyzed ${fileNames.length} files in ${folder} in ${Date.now() - started} ms`);
        },
      });
    } catch (error) {
      // Fails closed: the whole folder is reported as unchecked, never as clean.
      this.connection.console.error(`listing ${folder}: ${(error as Error)?.stack ?? error}`);
      this.unreadableFolders.add(folder);
      this.publish(folder, [folderFailureDiagnostic((error as Error)?.message ?? String(error))], null);
    }
  }

  /**
   * A file that failed closed may have failed because of another file (a program TypeScript
   * could not build, a referenced project): after any change, analyze it again, so its
   * diagnostic never outlives its cause.
   */
  private retryFailed(except?: string): void {
    const failed = this.analyzer.failedFiles().filter((f) => f !== except);
    if (failed.length > 0) this.queueByPriority(failed);
  }

  private reportRejectedExcludes(folder: string, rejected: readonly { pattern: string; why: string }[]): void {
    for (const { pattern, why } of rejected) {
      if (this.reportedExcludes.has(pattern)) continue;
      this.reportedExcludes.add(pattern);
      const message = `PHI Guard: the phiGuard.exclude pattern "${pattern.length > 80 ? `${pattern.slice(0, 80)}...` : pattern}" is not used: ${why}. Files it would exclude are analyzed.`;
      this.connection.console.warn(`${folder}: ${message}`);
      // A notification: the request form rejects in clients without it, for nothing.
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    }
  }

  private reanalyzeAll(): void {
    const all = new Set([...this.analyzer.allResults().map((r) => r.fileName), ...this.files.openFileNames().filter(isSourceFile)]);
    this.queueByPriority(all);
  }

  private queueByPriority(fileNames: Iterable<string>): void {
    const open: string[] = [];
    const closed: string[] = [];
    for (const fileName of fileNames) (this.files.isOpen(fileName) ? open : closed).push(fileName);
    this.scheduler.soon(open);
    this.scheduler.later(closed);
  }

  // ------------------------------------------------------------------ analysis

  private async analyzeAndPublish(fileName: string): Promise<void> {
    const folder = this.folderOf(fileName);
    const settings = await this.settingsFor(folder);
    const open = this.files.isOpen(fileName);
    const excluded = folder !== undefined && excludeMatcherFor(settings.exclude).matches(path.relative(folder, fileName).split(path.sep).join('/'));
    const gone = !open && !this.files.exists(fileName) && this.files.unreadableReason(fileName) === undefined;
    if (!settings.enable || excluded || gone) {
      this.analyzer.forget(fileName);
      this.publish(fileName, [], this.files.openDocument(fileName)?.version ?? null);
      return;
    }
    const result = this.analyzer.analyze(fileName, settings);
    this.publish(fileName, result.diagnostics, result.version);
    if (this.edited.delete(fileName)) this.queueByPriority(this.projects.dependentsOf(fileName));
  }

  private publish(fileName: string, diagnostics: Diagnostic[], version: number | null): void {
    const before = this.published.get(fileName) ?? 0;
    if (diagnostics.length === 0 && before === 0 && !this.files.isOpen(fileName) && !isConfigFile(fileName)) return;
    this.published.set(fileName, diagnostics.length);
    const uri = this.files.openDocument(fileName)?.uri ?? fileNameToUri(fileName);
    void this.connection.sendDiagnostics({ uri, diagnostics, version: version ?? undefined });
  }

  private sendStatus(state: StatusParams['state']): void {
    const { done, total } = this.scheduler.progress();
    let findings = 0;
    let filesWithFindings = 0;
    for (const count of this.published.values()) {
      findings += count;
      if (count > 0) filesWithFindings++;
    }
    const brokenConfigs = this.configs.brokenConfigs().map((f) => this.files.openDocument(f)?.uri ?? fileNameToUri(f));
    void this.connection.sendNotification(STATUS_NOTIFICATION, { state, done, total, findings, filesWithFindings, brokenConfigs } satisfies StatusParams);
  }

  /** Analyzes now if the open document changed since its last analysis (code actions need exact offsets). */
  private async freshResult(fileName: string) {
    const document = this.files.openDocument(fileName);
    const result = this.analyzer.result(fileName);
    if (result && (!document || result.version === document.version)) return result;
    await this.analyzeAndPublish(fileName);
    return this.analyzer.result(fileName);
  }

  // ------------------------------------------------------------------ requests

  async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const only = params.context.only;
    const quickFixes = !only || only.some((kind) => kind === 'quickfix' || 'quickfix'.startsWith(`${kind}.`) || kind === '');
    // The fix-all source action only when asked for by its own kind or the Source Action menu:
    // a bare `source.fixAll` (ESLint users' codeActionsOnSave) must not redact on every save.
    const fixAll = !!only && only.some((kind) => kind === FIX_ALL_KIND || kind === 'source');
    if (!quickFixes && !fixAll) return [];
    const fileName = uriToFileName(params.textDocument.uri);
    const document = fileName ? this.files.openDocument(fileName) : undefined;
    if (fileName && document && isConfigFile(fileName)) {
      if (!quickFixes) return [];
      const found = this.configs.issues(fileName);
      return found ? configActionsFor(document.uri, found.text, found.issues, params.range, params.context.diagnostics) : [];
    }
    if (!fileName || !document || !isSourceFile(fileName)) return [];
    const result = await this.freshResult(fileName);
    if (!result || result.findings.length === 0) return [];
    const project = this.projects.projectFor(fileName);
    const edit = this.capabilities.workspace?.workspaceEdit;
    const program = project.program();
    const ctx: CodeActionContext = {
      uri: document.uri,
      document,
      result,
      sourceFile: program?.getSourceFile(fileName),
      textOf: (f) => this.files.text(path.normalize(f)),
      analyzedTextOf: (f) => program?.getSourceFile(f)?.text,
      newConfigDirectory: this.folderOf(fileName) ?? project.directory,
      canCreateFiles: !!edit?.documentChanges && !!edit.resourceOperations?.includes('create'),
      canSelectAfterEdit: !!this.capabilities.window?.showDocument?.support,
    };
    const actions = quickFixes ? codeActionsFor(ctx, params.range, params.context.diagnostics) : [];
    const source = fixAll ? fixAllAction(ctx, FIX_ALL_KIND) : undefined;
    return source ? [...actions, source] : actions;
  }

  async hover(params: TextDocumentPositionParams): Promise<Hover | null> {
    const fileName = uriToFileName(params.textDocument.uri);
    const document = fileName ? this.files.openDocument(fileName) : undefined;
    if (!fileName || !document || !isSourceFile(fileName)) return null;
    const settings = await this.settingsFor(this.folderOf(fileName));
    if (!settings.enable) return null;
    const program = this.projects.projectFor(fileName).program();
    const sourceFile = program?.getSourceFile(fileName);
    if (!program || !sourceFile) return null;
    const config = this.configs.forFile(fileName).config;
    return config ? hoverAt(program, sourceFile, document.offsetAt(params.position), config, (f) => this.displayPath(f)) : null;
  }

  async inventory(params: InventoryParams | undefined): Promise<InventoryResult> {
    if (params?.wait !== false) {
      while (this.listings.size > 0) await Promise.all([...this.listings]);
      await this.scheduler.whenIdle();
    }
    return buildInventory(this.analyzer.allResults(), this.listings.size === 0 && this.scheduler.isIdle(), [...this.unreadableFolders]);
  }

  async findings(params: InventoryParams | undefined): Promise<FindingsResult> {
    if (params?.wait !== false) {
      while (this.listings.size > 0) await Promise.all([...this.listings]);
      await this.scheduler.whenIdle();
    }
    const results = this.analyzer.allResults().filter((r) => this.folderOf(r.fileName));
    return buildFindingsList(results, this.listings.size === 0 && this.scheduler.isIdle(), [...this.unreadableFolders]);
  }

  /** Workspace files only (never node_modules): the ones the start-up pass analyzed. */
  async redactorCandidates(): Promise<RedactorCandidate[]> {
    while (this.listings.size > 0) await Promise.all([...this.listings]);
    await this.scheduler.whenIdle();
    const sourceFiles = this.analyzer
      .allResults()
      .filter((r) => this.folderOf(r.fileName) && !/[\\/]node_modules[\\/]/.test(r.fileName))
      .map((r) => this.projects.projectFor(r.fileName).program()?.getSourceFile(r.fileName))
      .filter((sf) => sf !== undefined);
    return redactorCandidates(sourceFiles);
  }

  // ------------------------------------------------------------------ helpers

  /** A file as the user names it: relative to its workspace folder (with `/`), else absolute. */
  private displayPath(fileName: string): string {
    const folder = this.folderOf(fileName);
    return folder ? path.relative(folder, fileName).split(path.sep).join('/') : fileName;
  }

  private folderOf(fileName: string): string | undefined {
    let best: string | undefined;
    for (const folder of this.folders) if (isInside(folder, fileName) && (!best || folder.length > best.length)) best = folder;
    return best;
  }

  private settingsFor(folder: string | undefined): Promise<Settings> {
    return this.settings.get(folder ? fileNameToUri(folder) : undefined);
  }
}
