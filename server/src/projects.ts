/**
 * Which project a file belongs to, like tsserver (and so like typescript-eslint's project
 * service, which is what ESLint uses): the nearest tsconfig.json or jsconfig.json that includes
 * it, directly or through its `references`, walking up; otherwise an inferred project per
 * workspace folder (or per directory, for files outside every folder).
 */
import * as path from 'node:path';
import * as ts from 'typescript';
import type { FileStore } from './files';
import { isInside } from './paths';
import { Project, type ProjectLog } from './project';

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];

export class ProjectManager {
  private readonly registry: ts.DocumentRegistry;
  private readonly configured = new Map<string, Project>();
  private readonly inferred = new Map<string, Project>();
  private readonly owner = new Map<string, Project>();
  private folders: string[] = [];

  constructor(
    private readonly files: FileStore,
    private readonly log: ProjectLog,
  ) {
    this.registry = ts.createDocumentRegistry(ts.sys.useCaseSensitiveFileNames);
  }

  setWorkspaceFolders(folders: string[]): void {
    // Longest first, so nested folders win.
    this.folders = [...folders].sort((a, b) => b.length - a.length);
  }

  projectFor(fileName: string): Project {
    const known = this.owner.get(fileName);
    if (known) return known;
    const project = this.findConfigured(fileName) ?? this.inferredFor(fileName);
    if (project.kind === 'inferred') project.addRoot(fileName);
    this.owner.set(fileName, project);
    return project;
  }

  allProjects(): Project[] {
    return [...this.configured.values(), ...this.inferred.values()];
  }

  /** A tsconfig/jsconfig changed, appeared or went away: forget every project decision. */
  projectFilesChanged(): void {
    for (const project of this.allProjects()) project.dispose();
    this.configured.clear();
    this.inferred.clear();
    this.owner.clear();
  }

  /** A source file was created or deleted: include patterns may now match differently. */
  sourceFilesAddedOrRemoved(fileNames: string[]): void {
    for (const project of this.configured.values()) project.reload();
    for (const fileName of fileNames) {
      const owner = this.owner.get(fileName);
      if (owner?.kind === 'inferred') owner.removeRoot(fileName);
      this.owner.delete(fileName);
    }
    // Loose files may now belong to a tsconfig, and vice versa.
    for (const [fileName, project] of [...this.owner]) {
      if (project.kind === 'inferred' || !project.hasRoot(fileName)) this.owner.delete(fileName);
    }
  }

  /**
   * Files whose findings may change when `fileName` changes: those that import it, directly or
   * not (flow crosses files through parameters and returns), in every project that has it.
   */
  dependentsOf(fileName: string): string[] {
    const result = new Set<string>();
    for (const project of this.allProjects()) {
      const program = project.program();
      if (!program?.getSourceFile(fileName)) continue;
      const importers = reverseImports(project, program);
      const queue = [fileName];
      while (queue.length > 0) {
        const next = queue.pop()!;
        for (const importer of importers.get(next) ?? []) {
          if (importer !== fileName && !result.has(importer)) {
            result.add(importer);
            queue.push(importer);
          }
        }
      }
    }
    return [...result];
  }

  private findConfigured(fileName: string): Project | undefined {
    let dir = path.dirname(fileName);
    for (;;) {
      for (const name of CONFIG_NAMES) {
        const candidate = path.join(dir, name);
        if (!this.files.exists(candidate)) continue;
        const found = this.searchConfig(candidate, fileName, new Set());
        if (found) return found;
      }
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }

  private searchConfig(configFile: string, fileName: string, seen: Set<string>): Project | undefined {
    if (seen.has(configFile)) return undefined;
    seen.add(configFile);
    const project = this.configuredProject(configFile);
    if (project.hasRoot(fileName)) return project;
    for (const reference of project.referencedConfigs()) {
      if (!this.files.exists(reference)) continue;
      const found = this.searchConfig(reference, fileName, seen);
      if (found) return found;
    }
    return undefined;
  }

  private configuredProject(configFile: string): Project {
    let project = this.configured.get(configFile);
    if (!project) {
      project = Project.configured(configFile, this.files, this.registry, this.log);
      this.configured.set(configFile, project);
    }
    return project;
  }

  private inferredFor(fileName: string): Project {
    const folder = this.folders.find((f) => isInside(f, fileName)) ?? path.dirname(fileName);
    let project = this.inferred.get(folder);
    if (!project) {
      project = Project.inferred(folder, this.files, this.registry, this.log);
      this.inferred.set(folder, project);
    }
    return project;
  }
}

type ProgramWithResolutions = ts.Program & {
  /** Internal in TypeScript 5.x/6.0 (`file` limits it to that file's imports); guarded at run time. */
  forEachResolvedModule?(
    callback: (resolution: ts.ResolvedModuleWithFailedLookupLocations, moduleName: string, mode: ts.ResolutionMode, filePath: string) => void,
    file?: ts.SourceFile,
  ): void;
};

/**
 * For each file, the files of the program that import it. Kept per project and updated
 * incrementally: an edit changes one SourceFile object (the LanguageService reuses the others),
 * so only that file's imports are read again. When the set of files or the compiler options
 * change (either may change how unchanged files' imports resolve), it is rebuilt.
 */
interface ImportGraph {
  program: ts.Program;
  /** Per file of the program: the SourceFile object its edges were read from, and its targets. */
  forward: Map<string, { sourceFile: ts.SourceFile; targets: string[] }>;
  importers: Map<string, Set<string>>;
}

const importGraphs = new WeakMap<object, ImportGraph>();

function reverseImports(owner: object, program: ts.Program): Map<string, Set<string>> {
  const previous = importGraphs.get(owner);
  if (previous?.program === program) return previous.importers;
  const withResolutions = program as ProgramWithResolutions;
  const sourceFiles = program.getSourceFiles();
  const importers = new Map<string, Set<string>>();
  const forward = new Map<string, { sourceFile: ts.SourceFile; targets: string[] }>();
  const graph: ImportGraph = { program, forward, importers };
  importGraphs.set(owner, graph);
  if (typeof withResolutions.forEachResolvedModule !== 'function') {
    // Without the internal API every project file may depend on every other: be conservative.
    const all = sourceFiles.filter((f) => !program.isSourceFileFromExternalLibrary(f) && !f.isDeclarationFile).map((f) => path.normalize(f.fileName));
    for (const target of all) importers.set(target, new Set(all));
    return importers;
  }
  const sameFiles =
    previous !== undefined &&
    previous.program.getCompilerOptions() === program.getCompilerOptions() &&
    previous.forward.size === sourceFiles.length && sourceFiles.every((f) => previous.forward.has(path.normalize(f.fileName)));
  for (const sourceFile of sourceFiles) {
    const fileName = path.normalize(sourceFile.fileName);
    const old = sameFiles ? previous.forward.get(fileName) : undefined;
    let targets: string[];
    if (old && old.sourceFile === sourceFile) targets = old.targets;
    else {
      targets = [];
      withResolutions.forEachResolvedModule((resolution) => {
        const target = resolution.resolvedModule?.resolvedFileName;
        if (target && !resolution.resolvedModule?.isExternalLibraryImport) targets.push(path.normalize(target));
      }, sourceFile);
    }
    forward.set(fileName, { sourceFile, targets });
    for (const target of targets) {
      const list = importers.get(target);
      if (list) list.add(fileName);
      else importers.set(target, new Set([fileName]));
    }
  }
  return importers;
}
