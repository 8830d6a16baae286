/**
 * Which files to analyze, and in which TypeScript program: like the language server and
 * typescript-eslint's project service (both follow tsserver), a file belongs to the nearest
 * tsconfig.json or jsconfig.json that includes it, directly or through its `references`,
 * walking up; files no config includes form one inferred project with tsserver-like options.
 * Each project becomes one `ts.Program`, built once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { DEFAULT_PROJECT_OPTIONS, jsDocParsingModeFor, useResolutions } from '@phi-guard/core';

export const SOURCE_EXTENSIONS = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/i;
const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];

/** Options for files outside any tsconfig: core's default project, as ESLint and the language server use. */
export const INFERRED_OPTIONS: ts.CompilerOptions = DEFAULT_PROJECT_OPTIONS;

export class PathError extends Error {
  override readonly name = 'PathError';
}

/**
 * Source files under the given paths: TypeScript and JavaScript, no declaration files, no
 * `node_modules` and no hidden folders (a file named explicitly is always taken).
 */
export function collectFiles(paths: readonly string[], cwd: string): string[] {
  const out = new Set<string>();
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        walk(p);
      } else if (entry.isFile() && SOURCE_EXTENSIONS.test(entry.name) && !/\.d\.[cm]?ts$/i.test(entry.name)) {
        out.add(p);
      }
    }
  };
  for (const given of paths) {
    const abs = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      throw new PathError(`${given}: no such file or folder`);
    }
    if (stat.isDirectory()) walk(abs);
    else out.add(abs);
  }
  return [...out].sort();
}

export interface ProjectPlan {
  /** tsconfig/jsconfig path, or undefined for the inferred project. */
  configFile?: string;
  options: ts.CompilerOptions;
  rootNames: string[];
  projectReferences?: readonly ts.ProjectReference[];
  /** Files of this project to analyze (a subset of the program's files). */
  files: string[];
  /** Problems reading the tsconfig (shown as warnings; TypeScript goes on like tsc does). */
  configErrors: string[];
}

/** Groups files by the project that owns them. */
export function planProjects(files: readonly string[]): ProjectPlan[] {
  const parsed = new Map<string, ts.ParsedCommandLine>();
  const parse = (configFile: string): ts.ParsedCommandLine => {
    let result = parsed.get(configFile);
    if (!result) {
      result = parseConfig(configFile);
      parsed.set(configFile, result);
    }
    return result;
  };
  const rootSets = new Map<string, Set<string>>();
  const roots = (configFile: string): Set<string> => {
    let set = rootSets.get(configFile);
    if (!set) {
      set = new Set(parse(configFile).fileNames.map((f) => path.normalize(f)));
      rootSets.set(configFile, set);
    }
    return set;
  };
  const search = (configFile: string, fileName: string, seen: Set<string>): string | undefined => {
    if (seen.has(configFile)) return undefined;
    seen.add(configFile);
    if (roots(configFile).has(fileName)) return configFile;
    for (const ref of parse(configFile).projectReferences ?? []) {
      const refPath = ts.resolveProjectReferencePath(ref);
      if (!fs.existsSync(refPath)) continue;
      const found = search(refPath, fileName, seen);
      if (found) return found;
    }
    return undefined;
  };
  const owner = (fileName: string): string | undefined => {
    let dir = path.dirname(fileName);
    for (;;) {
      for (const name of CONFIG_NAMES) {
        const candidate = path.join(dir, name);
        if (!fs.existsSync(candidate)) continue;
        const found = search(candidate, fileName, new Set());
        if (found) return found;
      }
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  };

  const byConfig = new Map<string, string[]>();
  const loose: string[] = [];
  for (const file of files) {
    const configFile = owner(path.normalize(file));
    if (!configFile) loose.push(file);
    else {
      const list = byConfig.get(configFile);
      if (list) list.push(file);
      else byConfig.set(configFile, [file]);
    }
  }
  const plans: ProjectPlan[] = [];
  for (const [configFile, own] of byConfig) {
    const p = parse(configFile);
    plans.push({
      configFile,
      options: { ...p.options, noEmit: true },
      rootNames: p.fileNames,
      projectReferences: p.projectReferences,
      files: own,
      configErrors: p.errors.map((d) => `${configFile}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`),
    });
  }
  if (loose.length > 0) plans.push({ options: { ...INFERRED_OPTIONS }, rootNames: loose, files: loose, configErrors: [] });
  return plans;
}

function parseConfig(configFile: string): ts.ParsedCommandLine {
  const text = ts.sys.readFile(configFile);
  if (text === undefined) return { options: {}, fileNames: [], errors: [problem(`cannot read ${configFile}`)] };
  const json = ts.parseJsonText(configFile, text);
  return ts.parseJsonSourceFileConfigFileContent(json, ts.sys, path.dirname(configFile), undefined, configFile);
}

function problem(message: string): ts.Diagnostic {
  return { category: ts.DiagnosticCategory.Error, code: 0, file: undefined, start: undefined, length: undefined, messageText: message };
}

/**
 * Declaration files (the standard library, @types, SDK typings) parsed once and shared by
 * every program of the run: a monorepo's projects read the same ones.
 */
const sharedDeclarations = new Map<string, ts.SourceFile>();

/** What `llmReach` found before the program: the roots to build, resolutions and file texts already made. */
export interface Prepared {
  rootNames: readonly string[];
  /** Absent for a project with references: the program resolves into them through their sources, which llmReach does not. */
  resolutionCache?: ts.ModuleResolutionCache;
  readFile(fileName: string): string | undefined;
}

/**
 * The program of a project. `unparsable` receives the files TypeScript's parser could not read
 * (it recurses once per nesting level and overflows the stack on a few thousand nested
 * parentheses): they enter the program empty, so the rest of the project is still analyzed,
 * and the caller reports them as not analyzed (fail closed).
 */
export function buildProgram(plan: ProjectPlan, unparsable: Map<string, string> = new Map(), prepared?: Prepared): ts.Program {
  const host = ts.createCompilerHost(plan.options) as ts.CompilerHost & { useSourceOfProjectReferenceRedirect?(): boolean };
  if (prepared) {
    host.readFile = prepared.readFile;
    if (prepared.resolutionCache) useResolutions(host, prepared.resolutionCache);
  }
  // The compiler host's own getSourceFile, but with only the JSDoc the analysis reads.
  const read: ts.CompilerHost['getSourceFile'] = (fileName, languageVersionOrOptions, onError) => {
    let text: string | undefined;
    try {
      text = host.readFile(fileName);
    } catch (err) {
      onError?.(err instanceof Error ? err.message : String(err));
      text = '';
    }
    if (text === undefined) return undefined;
    const options = typeof languageVersionOrOptions === 'object' ? languageVersionOrOptions : { languageVersion: languageVersionOrOptions };
    return ts.createSourceFile(fileName, text, { ...options, jsDocParsingMode: jsDocParsingModeFor(fileName, text) });
  };
  const getSourceFile: typeof read = (fileName, languageVersionOrOptions, onError, shouldCreate) => {
    try {
      return read(fileName, languageVersionOrOptions, onError, shouldCreate);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      unparsable.set(path.normalize(fileName), 'the code nests too deeply to parse (TypeScript ran out of stack)');
      return ts.createSourceFile(fileName, '', languageVersionOrOptions);
    }
  };
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreate) => {
    if (!/\.d\.[cm]?ts$/.test(fileName)) return getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreate);
    const key = `${fileName}|${JSON.stringify(languageVersionOrOptions)}`;
    let sf = sharedDeclarations.get(key);
    if (!sf) {
      sf = getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreate);
      if (sf) sharedDeclarations.set(key, sf);
    }
    return sf;
  };
  // Like tsserver (and so like ESLint and the editor): a referenced project's sources, not its build output.
  host.useSourceOfProjectReferenceRedirect = () => true;
  return ts.createProgram({ rootNames: prepared?.rootNames ?? plan.rootNames, options: plan.options, projectReferences: plan.projectReferences, host });
}
