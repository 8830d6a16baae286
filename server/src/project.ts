/**
 * One TypeScript project: a tsconfig.json/jsconfig.json (configured) or a folder's loose files
 * (inferred), held in a `ts.LanguageService`. The service rebuilds the program on demand and
 * reuses every SourceFile whose version did not change, so an edit costs one re-parse and a
 * fresh checker, not a new world.
 */
import * as path from 'node:path';
import * as ts from 'typescript';
import { DEFAULT_PROJECT_OPTIONS } from './engine';
import type { FileStore } from './files';

/** Options for files outside any tsconfig: the same default project as ESLint's (core). */
export const INFERRED_OPTIONS: ts.CompilerOptions = DEFAULT_PROJECT_OPTIONS;

/**
 * `path.normalize`, remembered: the LanguageService asks for the version and text of every file
 * of the program on each edit, and module resolution asks about the same paths again and again.
 */
const normalized = new Map<string, string>();
function normalizePath(fileName: string): string {
  let result = normalized.get(fileName);
  if (result === undefined) {
    result = path.normalize(fileName);
    normalized.set(fileName, result);
  }
  return result;
}

export interface ProjectLog {
  (message: string): void;
}

export class Project {
  private service: ts.LanguageService;
  private roots: Set<string>;
  private options: ts.CompilerOptions;
  private references: readonly ts.ProjectReference[] | undefined;
  private rootsVersion = 0;
  /** Problems reading the tsconfig itself, shown in the log. */
  configErrors: string[] = [];
  /** Referenced tsconfigs TypeScript could not read: the files of this project fail closed. */
  referenceFailures: string[] = [];

  private constructor(
    readonly kind: 'configured' | 'inferred',
    /** tsconfig path, or the folder of an inferred project. */
    readonly key: string,
    private readonly files: FileStore,
    private readonly documentRegistry: ts.DocumentRegistry,
    private readonly log: ProjectLog,
  ) {
    this.roots = new Set();
    this.options = { ...INFERRED_OPTIONS };
    this.service = ts.createLanguageService(this.createHost(), documentRegistry);
  }

  static configured(configFile: string, files: FileStore, registry: ts.DocumentRegistry, log: ProjectLog): Project {
    const project = new Project('configured', configFile, files, registry, log);
    project.reload();
    return project;
  }

  static inferred(folder: string, files: FileStore, registry: ts.DocumentRegistry, log: ProjectLog): Project {
    return new Project('inferred', folder, files, registry, log);
  }

  get directory(): string {
    return this.kind === 'configured' ? path.dirname(this.key) : this.key;
  }

  /** Re-reads the tsconfig (file added or deleted, tsconfig edited). */
  reload(): void {
    if (this.kind !== 'configured') return;
    const parsed = parseConfig(this.key, this.files);
    this.configErrors = parsed.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    if (this.configErrors.length > 0) this.log(`${this.key}: ${this.configErrors.join('; ')}`);
    this.roots = new Set(parsed.fileNames.map((f) => normalizePath(f)));
    this.options = { ...parsed.options, noEmit: true };
    this.references = parsed.projectReferences;
    this.rootsVersion++;
  }

  hasRoot(fileName: string): boolean {
    return this.roots.has(fileName);
  }

  /** Inferred projects grow as loose files are opened or found. */
  addRoot(fileName: string): void {
    if (!this.roots.has(fileName)) {
      this.roots.add(fileName);
      this.rootsVersion++;
    }
  }

  removeRoot(fileName: string): void {
    if (this.roots.delete(fileName)) this.rootsVersion++;
  }

  rootFileNames(): string[] {
    return [...this.roots];
  }

  referencedConfigs(): string[] {
    return (this.references ?? []).map((r) => ts.resolveProjectReferencePath(r));
  }

  /**
   * The current program. When TypeScript throws while building it (its parser or binder out of
   * stack on one deeply nested file), the LanguageService is left half-updated: later calls
   * return no program, or spin in createProgram. So the service is replaced and the error
   * rethrown; the caller fails closed, and the next call starts from a clean service.
   */
  program(): ts.Program | undefined {
    try {
      return this.service.getProgram();
    } catch (error) {
      this.service.dispose();
      this.service = ts.createLanguageService(this.createHost(), this.documentRegistry);
      throw error;
    }
  }

  /** A program containing the file, as it is now. */
  containsInProgram(fileName: string): boolean {
    return !!this.program()?.getSourceFile(fileName);
  }

  dispose(): void {
    this.service.dispose();
  }

  private createHost(): ts.LanguageServiceHost {
    const files = this.files;
    const host: ts.LanguageServiceHost & { useSourceOfProjectReferenceRedirect?(): boolean } = {
      getProjectVersion: () => (files.pollDisk ? (undefined as unknown as string) : `${files.generation}:${this.rootsVersion}`),
      getScriptFileNames: () => [...this.roots],
      getScriptVersion: (fileName) => files.version(normalizePath(fileName)),
      getScriptSnapshot: (fileName) => {
        const text = files.text(normalizePath(fileName));
        return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
      },
      getCompilationSettings: () => this.options,
      getProjectReferences: () => this.references,
      getParsedCommandLine: (configFile) => {
        try {
          const parsed = parseConfig(configFile, files);
          this.referenceFailures = this.referenceFailures.filter((f) => !f.startsWith(`${configFile}:`));
          return parsed;
        } catch (error) {
          // Fails closed: without the referenced project its flows are lost, so every file of
          // this project reports the failure (see Analyzer) instead of passing as clean.
          const entry = `${configFile}: ${(error as Error)?.message ?? error}`;
          if (!this.referenceFailures.includes(entry)) this.referenceFailures.push(entry);
          this.log(`cannot read the referenced project ${entry}`);
          return undefined;
        }
      },
      // Like tsserver: a referenced project's sources, not its (maybe missing) build output.
      useSourceOfProjectReferenceRedirect: () => true,
      getCurrentDirectory: () => this.directory,
      getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
      fileExists: (fileName) => files.exists(normalizePath(fileName)),
      readFile: (fileName) => files.text(normalizePath(fileName)),
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
      realpath: ts.sys.realpath,
      useCaseSensitiveFileNames: () => ts.sys.useCaseSensitiveFileNames,
    };
    return host;
  }
}

export function parseConfig(configFile: string, files: FileStore): ts.ParsedCommandLine {
  const text = files.text(configFile);
  const unreadable = files.unreadableReason(configFile);
  // Fails closed: a tsconfig that is there but cannot be read is not a project without files.
  if (unreadable) throw new Error(`cannot read ${configFile}: ${unreadable}`);
  if (text === undefined) {
    return { options: {}, fileNames: [], errors: [configProblem(`cannot read ${configFile}`)] };
  }
  const json = ts.parseJsonText(configFile, text);
  const parseHost: ts.ParseConfigHost = {
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    readDirectory: ts.sys.readDirectory,
    fileExists: (f) => files.exists(normalizePath(f)),
    readFile: (f) => files.text(normalizePath(f)),
  };
  return ts.parseJsonSourceFileConfigFileContent(json, parseHost, path.dirname(configFile), undefined, configFile);
}

function configProblem(message: string): ts.Diagnostic {
  return { category: ts.DiagnosticCategory.Error, code: 0, file: undefined, start: undefined, length: undefined, messageText: message };
}
