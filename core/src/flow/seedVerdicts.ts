import type ts from 'typescript';
import type { ResolvedConfig } from '../config/types';
import { declarationsOf, filesWithUnchangedTypes, shapeOf, type ProgramShape } from '../program/unchangedFiles';

/**
 * The sink matcher's verdicts on each file's seed calls (see wrapperIndex.ts), carried from one
 * program of a project to the next. The editor makes a new program per edit, and asking the
 * new checker about every SDK-shaped call of the project again was most of an edit's time on a
 * large package (0.36 s of 0.56 s on ottehr). A file's verdicts are reused only where its
 * types cannot have changed (program/unchangedFiles.ts); the others are asked again.
 */
interface Remembered {
  program: WeakRef<ts.Program>;
  shape: ProgramShape;
  verdicts: WeakMap<ts.SourceFile, readonly boolean[]>;
}

/** Projects remembered at once (a workspace with more projects recomputes, never errs). */
const MAX_PROJECTS = 4;
const remembered = new Map<string, Remembered>();
const configIds = new WeakMap<ResolvedConfig, number>();
let nextConfigId = 0;

function keyOf(program: ts.Program, config: ResolvedConfig): string {
  let id = configIds.get(config);
  if (id === undefined) configIds.set(config, (id = nextConfigId++));
  return `${id}|${String(program.getCompilerOptions().configFilePath ?? '')}`;
}

/**
 * A file the user is editing: its declarations are remembered now, so that its next version,
 * if they read the same, leaves its importers' verdicts alone. Without this a file's first edit
 * could not be compared and counted as changed for every file that imports it, and a large
 * package imports its shared modules from everywhere.
 */
export function noteEditedFile(program: ts.Program, config: ResolvedConfig, sf: ts.SourceFile): void {
  const entry = remembered.get(keyOf(program, config));
  if (!entry || entry.program.deref() !== program) return;
  const shape = entry.shape;
  if ( shape.apis.has(sf.fileName) || shape.files.get(sf.fileName)?.sf.deref() !== sf) return;
  const api = declarationsOf(program, sf);
  if (api !== undefined) shape.apis.set(sf.fileName, api);
}

export class SeedVerdicts {
  /** Seed calls whose verdict came from the program before, and calls asked. */
  reused = 0;
  asked = 0;
  private readonly trusted: ReadonlySet<ts.SourceFile> | undefined;
  private readonly previous: WeakMap<ts.SourceFile, readonly boolean[]> | undefined;
  private readonly current = new WeakMap<ts.SourceFile, readonly boolean[]>();

  constructor(program: ts.Program, config: ResolvedConfig) {
    const key = keyOf(program, config);
    const shape = shapeOf(program);
    const before = remembered.get(key);
    remembered.delete(key);
    if (before && shape) {
      this.trusted = filesWithUnchangedTypes(before.shape, shape, program);
      this.previous = before.verdicts;
    }
    if (!shape) return;
    remembered.set(key, { program: new WeakRef(program), shape, verdicts: this.current });
    if (remembered.size > MAX_PROJECTS) remembered.delete(remembered.keys().next().value!);
  }

  /** Whether each of `calls` (a file's seed calls, in order) is an LLM call. */
  of(sf: ts.SourceFile, calls: readonly ts.CallExpression[], isSink: (call: ts.CallExpression) => boolean): readonly boolean[] {
    let verdicts = this.trusted?.has(sf) ? this.previous?.get(sf) : undefined;
    if (verdicts && verdicts.length === calls.length) {
      this.reused += calls.length;
    } else {
      verdicts = calls.map(isSink);
      this.asked += calls.length;
    }
    this.current.set(sf, verdicts);
    return verdicts;
  }
}
