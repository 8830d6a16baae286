import * as path from 'node:path';
import ts from 'typescript';

/**
 * Which files of a new program the checker sees as it saw them in the program before: the
 * editor makes a program per keystroke and reuses the SourceFile objects of unchanged files, but
 * an unchanged file's types still change when a file it imports changes. A file keeps its types
 * when its SourceFile object is the same and nothing it imports, directly or through other
 * files, was changed, added or removed. A changed file that can reach every file without an
 * import (a script, `declare global`, `declare module "x"`, `export as namespace`) or changed
 * compiler options make every file count as changed.
 *
 * The import graph is read through `forEachResolvedModule`, which TypeScript's Program has but
 * does not declare; without it nothing is reused (answers are recomputed, never wrong).
 */
export interface ProgramShape {
  readonly options: string;
  /** Weakly: a shape kept for the next program must not keep this one's files alive. */
  readonly files: ReadonlyMap<string, { readonly sf: WeakRef<ts.SourceFile>; readonly global: boolean }>;
  /** fileName -> the files that import it (or reference it with `/// <reference>`). */
  readonly importers: ReadonlyMap<string, readonly string[]>;
  /** fileName -> its declaration output, where computed (see filesWithUnchangedTypes). */
  readonly apis: Map<string, string>;
}

interface ResolutionWalker {
  forEachResolvedModule?(cb: (resolution: { resolvedModule?: { resolvedFileName: string } }, name: string, mode: unknown, filePath: string) => void): void;
  forEachResolvedTypeReferenceDirective?(
    cb: (resolution: { resolvedTypeReferenceDirective?: { resolvedFileName?: string } }, name: string, mode: unknown, filePath: string) => void,
  ): void;
}

export function shapeOf(program: ts.Program): ProgramShape | undefined {
  const walker = program as unknown as ResolutionWalker;
  if (typeof walker.forEachResolvedModule !== 'function' || typeof walker.forEachResolvedTypeReferenceDirective !== 'function') return undefined;
  const files = new Map<string, { sf: WeakRef<ts.SourceFile>; global: boolean }>();
  for (const sf of program.getSourceFiles()) files.set(sf.fileName, { sf: new WeakRef(sf), global: reachesEveryFile(sf) });
  const importers = new Map<string, string[]>();
  const edge = (from: string | undefined, to: string | undefined): void => {
    if (!to) return;
    const target = program.getSourceFile(to)?.fileName;
    if (!from || !target || from === target) return;
    const list = importers.get(target);
    if (list) list.push(from);
    else importers.set(target, [from]);
  };
  const byPath = (filePath: string) => program.getSourceFileByPath(filePath as ts.Path)?.fileName;
  walker.forEachResolvedModule((r, _n, _m, filePath) => edge(byPath(filePath), r.resolvedModule?.resolvedFileName));
  walker.forEachResolvedTypeReferenceDirective((r, _n, _m, filePath) => edge(byPath(filePath), r.resolvedTypeReferenceDirective?.resolvedFileName));
  for (const sf of program.getSourceFiles()) {
    for (const ref of sf.referencedFiles) edge(sf.fileName, path.resolve(path.dirname(sf.fileName), ref.fileName));
  }
  return { options: optionsKey(program.getCompilerOptions()), files, importers, apis: new Map() };
}

/**
 * The files of `next` (the shape of `program`) whose types are as in `prev`; undefined when
 * none can be trusted. A changed file whose declarations (its .d.ts, all an importer sees) read
 * as they did the last time they were computed does not change its importers: typing inside a
 * function body is most edits. A file whose declarations were not noted before (see
 * noteEditedFile), added and removed files, and files reached through a changed one count as
 * changed for their importers too.
 */
export function filesWithUnchangedTypes(prev: ProgramShape, next: ProgramShape, program: ts.Program): ReadonlySet<ts.SourceFile> | undefined {
  if (prev.options !== next.options) return undefined;
  const changed: string[] = [];
  for (const [name, file] of next.files) {
    const before = prev.files.get(name)?.sf.deref();
    if (before !== undefined && before === file.sf.deref()) continue;
    if (file.global || prev.files.get(name)?.global) return undefined;
    changed.push(name);
  }
  for (const [name, file] of prev.files) {
    if (next.files.has(name)) continue;
    if (file.global) return undefined;
    changed.push(name);
  }
  const affected = new Set(changed);
  const work: string[] = [];
  for (const name of changed) {
    // Only files whose declarations were noted before (open in the editor) are compared: the
    // emit type-checks the file, which a CLI or ESLint run never needs.
    const before = prev.apis.get(name);
    const sf = before === undefined ? undefined : next.files.get(name)?.sf.deref();
    const api = sf && declarationsOf(program, sf);
    if (api !== undefined) next.apis.set(name, api);
    if (api === undefined || api !== before) work.push(name);
  }
  // Everything that imports a file whose declarations changed, in either program (an import of
  // a removed file no longer resolves in the new one), directly or not.
  while (work.length > 0) {
    const name = work.pop()!;
    for (const graph of [next.importers, prev.importers]) {
      for (const importer of graph.get(name) ?? []) {
        if (affected.has(importer)) continue;
        affected.add(importer);
        work.push(importer);
      }
    }
  }
  // Declarations known from before stay known for the files whose types did not change.
  for (const [name, api] of prev.apis) if (!affected.has(name) && !next.apis.has(name)) next.apis.set(name, api);
  const same = new Set<ts.SourceFile>();
  for (const [name, file] of next.files) {
    const sf = file.sf.deref();
    if (sf && !affected.has(name)) same.add(sf);
  }
  return same;
}

type EmitWithForce = (
  target: ts.SourceFile,
  write: ts.WriteFileCallback,
  cancel: undefined,
  emitOnlyDts: boolean,
  transformers: undefined,
  forceDtsEmit: boolean,
) => ts.EmitResult;

/**
 * What importers see of a file: its declaration output, made even where the options say noEmit
 * (TypeScript's own builder does the same to decide what to re-check; the `forceDtsEmit`
 * argument is not declared). Undefined when it cannot be made.
 */
export function declarationsOf(program: ts.Program, sf: ts.SourceFile): string | undefined {
  let text = '';
  try {
    (program.emit as unknown as EmitWithForce)(sf, (_name, data) => (text += data), undefined, true, undefined, true);
  } catch {
    return undefined;
  }
  return text.length > 0 ? text : undefined;
}

function reachesEveryFile(sf: ts.SourceFile): boolean {
  if (!ts.isExternalModule(sf)) return true;
  return sf.statements.some(
    (s) => ts.isNamespaceExportDeclaration(s) || (ts.isModuleDeclaration(s) && (ts.isStringLiteral(s.name) || s.name.text === 'global')),
  );
}

function optionsKey(options: ts.CompilerOptions): string {
  const plain: [string, unknown][] = [];
  // `configFile` is the tsconfig's own SourceFile; its text is in the other options already.
  for (const [k, v] of Object.entries(options)) if (v !== undefined && k !== 'configFile') plain.push([k, v]);
  plain.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return JSON.stringify(plain);
}
