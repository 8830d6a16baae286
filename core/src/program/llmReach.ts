import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import ts from 'typescript';
import type { ResolvedConfig } from '../config/types';
import { catalog } from '../vendors/catalog';
import { packageOfFile, workspacePackageOf } from './moduleOf';

/**
 * Which files of a project can hold a finding, decided from their import statements alone,
 * before anything is parsed. A finding needs an LLM call, and a file's code can reach one only
 * through what it imports: the SDK itself, a project module that (directly or not) imports it,
 * a package whose typings do, a configured sink module, or the global `fetch`. Types travel the
 * same way: a declaration in another file is visible to the checker only through an import
 * chain or a global. So the files that import nothing leading to an LLM cannot hold a finding,
 * and a command-line scan can leave them out of the program: on a backend where a few modules
 * talk to an LLM, most of the parse, bind and analysis is spent on them (the generated 100k-line
 * project: 454 of 473 files).
 *
 * Kept out only when it is certain from the text: an import that does not resolve (a package
 * not installed, a project reference not built) may lead anywhere and keeps its file; a file
 * that declares globals (a script, `declare global`, `declare module`, `export as namespace`)
 * is always in the program, and when such a file itself leads to an LLM, every file is kept
 * (its globals reach files without an import). Node's built-in modules lead nowhere.
 */
export interface LlmReach {
  /** The program's root files: the files that can reach an LLM and the files that declare globals. */
  rootNames: string[];
  /** Root files left out: nothing they import leads to an LLM call. */
  unreachable: Set<string>;
  /** Why every file was kept, when one was found that makes the pre-filter unsafe. */
  keptAll?: string;
  /** The module resolutions made on the way, for the program to reuse (`useResolutions`). */
  resolutionCache: ts.ModuleResolutionCache;
}

/**
 * Catalog packages that declare the global `fetch` (TypeScript's DOM lib, @types/node and the
 * undici-types it depends on): every Node or DOM file reaches them. `fetch` is found by name.
 */
const GLOBAL_DECLARERS = new Set(['typescript', '@types/node', 'undici-types']);

export function llmReach(
  rootNames: readonly string[],
  options: ts.CompilerOptions,
  configs: readonly ResolvedConfig[],
  readFile: (fileName: string) => string | undefined = ts.sys.readFile,
): LlmReach {
  const sinkPackages = new Set<string>();
  collectModules(catalog, sinkPackages);
  for (const p of GLOBAL_DECLARERS) sinkPackages.delete(p);
  /** Configured sinks: modules by path (without extension), workspace packages by name. */
  const sinkFiles = new Set<string>();
  const sinkWorkspaces = new Set<string>();
  for (const config of configs) {
    for (const sink of config.sinks) {
      if (sink.resolvedModule) sinkFiles.add(path.normalize(sink.resolvedModule));
      else {
        sinkPackages.add(sink.module);
        sinkWorkspaces.add(sink.module);
      }
    }
  }
  const declaresConfiguredSink = (file: string): boolean => {
    const bare = withoutExtension(file);
    if (sinkFiles.has(bare) || (path.basename(bare) === 'index' && sinkFiles.has(path.dirname(bare)))) return true;
    if (sinkWorkspaces.size === 0) return false;
    const name = workspacePackageOf(file);
    return name !== undefined && sinkWorkspaces.has(name);
  };
  const globalNames = new Set<string>();
  for (const h of catalog.http) if (GLOBAL_DECLARERS.has(h.module)) for (const f of h.functions) globalNames.add(f);
  const mentionsGlobalSink = new RegExp(`\\b(?:${[...globalNames].map(escape).join('|')})\\b`);
  const isSinkSpecifier = (spec: string): boolean => {
    for (const p of sinkPackages) if (spec === p || spec.startsWith(`${p}/`)) return true;
    return false;
  };

  const host: ts.ModuleResolutionHost = { fileExists: ts.sys.fileExists, readFile, realpath: ts.sys.realpath, directoryExists: ts.sys.directoryExists, getCurrentDirectory: () => process.cwd(), getDirectories: ts.sys.getDirectories };
  const cache = ts.createModuleResolutionCache(process.cwd(), (f) => (ts.sys.useCaseSensitiveFileNames ? f : f.toLowerCase()), options);
  const kind = resolutionKind(options);
  /**
   * The file an import resolves to, in the mode TypeScript's program resolves an `import` of that
   * file in (so the program finds it in the cache), else in the other mode (`require`).
   */
  const resolve = (spec: string, file: string): string | undefined => {
    if (kind !== 'node' && kind !== 'bundler') return ts.resolveModuleName(spec, file, options, host, cache).resolvedModule?.resolvedFileName;
    const first: ts.ResolutionMode =
      kind === 'bundler' ? ts.ModuleKind.ESNext : (ts.getImpliedNodeFormatForFile(file, cache.getPackageJsonInfoCache(), host, options) ?? ts.ModuleKind.CommonJS);
    for (const mode of [first, first === ts.ModuleKind.ESNext ? ts.ModuleKind.CommonJS : ts.ModuleKind.ESNext] as ts.ResolutionMode[]) {
      const r = ts.resolveModuleName(spec, file, options, host, cache, undefined, mode).resolvedModule;
      if (r) return path.normalize(r.resolvedFileName);
    }
    return undefined;
  };
  const packageLeads = packageLeadsToLlm(sinkPackages);

  /** file -> the files it imports (resolved); seeds lead to an LLM by themselves. */
  const importers = new Map<string, string[]>();
  const seeds = new Set<string>();
  const globals = new Map<string, string>();
  const ambientPatterns: { pattern: RegExp; file: string }[] = [];
  const unresolvedBy = new Map<string, string[]>();
  const visited = new Set<string>();
  const work: string[] = [];
  const roots = rootNames.map((f) => path.normalize(f));
  for (const f of roots) {
    visited.add(f);
    work.push(f);
  }
  const edge = (from: string, to: string): void => {
    const list = importers.get(to);
    if (list) list.push(from);
    else importers.set(to, [from]);
    if (!visited.has(to)) {
      visited.add(to);
      work.push(to);
    }
  };

  while (work.length > 0) {
    const file = work.pop()!;
    if (!/\.(?:[cm]?[jt]sx?)$/i.test(file)) continue; // JSON and other assets import nothing
    const text = readFile(file);
    if (text === undefined) continue;
    const js = /\.[cm]?jsx?$/i.test(file);
    {
      if (globalNames.size > 0 && mentionsGlobalSink.test(text)) seeds.add(file);
      if (declaresConfiguredSink(file)) seeds.add(file);
      const why = globalDeclarations(text, js);
      if (why) {
        globals.set(file, why);
        for (const m of text.matchAll(/\bdeclare\s+module\s+(['"])([^'"]+)\1/g)) ambientPatterns.push({ pattern: wildcard(m[2]!), file });
      }
    }
    const info = ts.preProcessFile(text, true, js);
    const specifiers = info.importedFiles.map((r) => r.fileName);
    // JSDoc types in JavaScript (`@type {import('openai').OpenAI}`) are imports the scanner does not see.
    if (js) for (const m of text.matchAll(/\bimport\(\s*(['"])([^'"]+)\1\s*\)/g)) specifiers.push(m[2]!);
    for (const spec of specifiers) {
      if (isSinkSpecifier(spec)) {
        seeds.add(file);
        continue;
      }
      const target = resolve(spec, file);
      if (target !== undefined) {
        const pkg = packageOfFile(target);
        if (pkg === undefined) edge(file, target);
        else if (packageLeads(target, pkg)) seeds.add(file);
      } else if (!isBuiltin(spec)) {
        const list = unresolvedBy.get(spec);
        if (list) list.push(file);
        else unresolvedBy.set(spec, [file]);
      }
    }
    for (const ref of info.referencedFiles) edge(file, path.normalize(path.resolve(path.dirname(file), ref.fileName)));
    for (const ref of info.typeReferenceDirectives) {
      if (isSinkSpecifier(ref.fileName)) {
        seeds.add(file);
        continue;
      }
      const r = ts.resolveTypeReferenceDirective(ref.fileName, file, options, host).resolvedTypeReferenceDirective?.resolvedFileName;
      const target = r && path.normalize(r);
      const pkg = target && packageOfFile(target);
      if (target && pkg === undefined) edge(file, target);
      else if (target && pkg && packageLeads(target, pkg)) seeds.add(file);
    }
  }
  // An import that resolves to no file: an ambient module a project file declares, or unknown.
  for (const [spec, files] of unresolvedBy) {
    const ambient = ambientPatterns.filter((a) => a.pattern.test(spec));
    if (ambient.length > 0) for (const file of files) for (const a of ambient) edge(file, a.file);
    else for (const file of files) seeds.add(file);
  }

  const reaches = new Set<string>(seeds);
  const stack = [...seeds];
  while (stack.length > 0) {
    for (const importer of importers.get(stack.pop()!) ?? []) {
      if (reaches.has(importer)) continue;
      reaches.add(importer);
      stack.push(importer);
    }
  }
  for (const [file, why] of globals) {
    if (reaches.has(file)) return { rootNames: [...rootNames], unreachable: new Set(), keptAll: `${file} ${why} and leads to an LLM call`, resolutionCache: cache };
  }
  const kept: string[] = [];
  const unreachable = new Set<string>();
  rootNames.forEach((name, i) => {
    const f = roots[i]!;
    if (reaches.has(f) || globals.has(f)) kept.push(name);
    else unreachable.add(f);
  });
  return { rootNames: kept, unreachable, resolutionCache: cache };
}

/**
 * Makes a compiler host resolve modules through `cache` as TypeScript's own loader would (same
 * function, same mode per import), so the resolutions made by `llmReach` are not made twice.
 */
export function useResolutions(host: ts.CompilerHost, cache: ts.ModuleResolutionCache): void {
  host.getModuleResolutionCache = () => cache;
  host.resolveModuleNameLiterals = (literals, containingFile, redirectedReference, options, containingSourceFile) =>
    literals.map((literal) =>
      ts.resolveModuleName(literal.text, containingFile, options, host, cache, redirectedReference, ts.getModeForUsageLocation(containingSourceFile, literal, options)),
    );
}

/**
 * Whether an installed package can lead to an LLM: it is an SDK (or a configured sink package),
 * or one of its dependencies (peer and optional included) can, however deep. Read from
 * package.json files instead of the package's typings: a real backend's dependencies hold
 * thousands of declaration files (3,116 on ottehr), and a package's typings can only import what
 * it depends on.
 */
function packageLeadsToLlm(sinkPackages: ReadonlySet<string>): (file: string, pkg: string) => boolean {
  const memo = new Map<string, boolean>();
  const leads = (dir: string, name: string): boolean => {
    if (sinkPackages.has(name)) return true;
    const known = memo.get(dir);
    if (known !== undefined) return known;
    memo.set(dir, false); // a dependency cycle adds nothing
    let manifest: Record<string, unknown> = {};
    try {
      manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    } catch {
      // no readable package.json: nothing declared (its imports resolve like any package's)
    }
    let result = false;
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
      const deps = manifest[field];
      if (!deps || typeof deps !== 'object') continue;
      for (const dep of Object.keys(deps)) {
        if (sinkPackages.has(dep)) result = true;
        else {
          const depDir = installedDir(dir, dep);
          if (depDir && leads(depDir, dep)) result = true;
        }
        if (result) break;
      }
      if (result) break;
    }
    memo.set(dir, result);
    return result;
  };
  return (file, pkg) => {
    const norm = file.split(path.sep).join('/');
    const at = norm.lastIndexOf(`/node_modules/${pkg}/`);
    return leads(at < 0 ? path.dirname(file) : norm.slice(0, at + '/node_modules/'.length + pkg.length), pkg);
  };
}

/** Where `dep` is installed for the package in `dir`: node_modules folders from there up, as Node looks. */
function installedDir(dir: string, dep: string): string | undefined {
  for (let d = dir; ; ) {
    const candidate = path.join(d, 'node_modules', dep);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    const parent = path.dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
}

/** Why a file's declarations can be seen without an import, if they can. */
function globalDeclarations(text: string, js: boolean): string | undefined {
  if (/\bdeclare\s+global\b/.test(text)) return 'declares globals (`declare global`)';
  if (/\bdeclare\s+module\s+['"]/.test(text)) return 'declares modules (`declare module`)';
  if (/\bexport\s+as\s+namespace\b/.test(text)) return 'declares a UMD global (`export as namespace`)';
  // A module has an import or export statement (CommonJS counts in JavaScript); anything else is
  // a script, whose top-level declarations are global.
  if (/^[ \t]*(?:import|export)\b/m.test(text)) return undefined;
  if (js && /\b(?:require\s*\(|module\.exports\b|exports\.)/.test(text)) return undefined;
  return 'is a script (no import or export: its declarations are global)';
}

function collectModules(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) collectModules(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'module' && typeof v === 'string') out.add(v);
      else collectModules(v, out);
    }
  }
}

/**
 * Node 16+ and bundler resolution differ for `import` and `require` (package `exports`
 * conditions); the others do not. As TypeScript derives it when `moduleResolution` is unset.
 */
function resolutionKind(options: ts.CompilerOptions): 'node' | 'bundler' | 'other' {
  const r = options.moduleResolution;
  if (r === ts.ModuleResolutionKind.Node16 || r === ts.ModuleResolutionKind.NodeNext) return 'node';
  if (r === ts.ModuleResolutionKind.Bundler) return 'bundler';
  if (r !== undefined) return 'other';
  const m = options.module;
  if (m === ts.ModuleKind.Preserve) return 'bundler';
  if (m !== undefined && m >= ts.ModuleKind.Node16 && m <= ts.ModuleKind.NodeNext) return 'node';
  return 'other';
}

const BUILTINS = new Set(builtinModules);
function isBuiltin(spec: string): boolean {
  return spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0]!);
}

function withoutExtension(file: string): string {
  return file.replace(/\.(?:d\.)?[cm]?[jt]sx?$/i, '');
}

function wildcard(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map(escape).join('.*')}$`);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
