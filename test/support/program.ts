import * as path from 'node:path';
import ts from 'typescript';
import { analyzeFile, loadConfigForFile, type FileAnalysis, type Finding } from '@phi-guard/core';

export const ruleFixture = path.resolve(__dirname, '../../../eslint-plugin/tests/fixture');

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  allowJs: true,
  types: [],
};

const baseHost = ts.createCompilerHost(options, true);
const libCache = new Map<string, ts.SourceFile | undefined>();

/** A program over the rule fixture project with `file.ts` (or another name) replaced by `code`. */
export function programWith(code: string, fileName = 'file.ts'): { program: ts.Program; sourceFile: ts.SourceFile } {
  const target = path.join(ruleFixture, fileName);
  const host: ts.CompilerHost = {
    ...baseHost,
    getSourceFile(name, lang, onError) {
      if (path.resolve(name) === target) return ts.createSourceFile(name, code, lang, true);
      // Declaration files of the SDKs and the fixture's helpers do not change between tests.
      if (!libCache.has(name)) libCache.set(name, baseHost.getSourceFile(name, lang, onError));
      return libCache.get(name);
    },
    fileExists: (name) => path.resolve(name) === target || baseHost.fileExists(name),
    readFile: (name) => (path.resolve(name) === target ? code : baseHost.readFile(name)),
  };
  const program = ts.createProgram([target], options, host);
  return { program, sourceFile: program.getSourceFile(target)! };
}

/** The test workspace (test/): packages installed only for tests (legacy SDK versions) resolve from here. */
export const testWorkspace = path.resolve(__dirname, '../..');

/** A program over the rule fixture project (or `dir`) with extra files (name -> code) beside it; `file.ts` is the one analyzed. */
export function programWithFiles(files: Record<string, string>, dir = ruleFixture): { program: ts.Program; sourceFile: ts.SourceFile } {
  const byPath = new Map(Object.entries(files).map(([name, code]) => [path.join(dir, name), code]));
  const own = (name: string) => byPath.get(path.resolve(name));
  const host: ts.CompilerHost = {
    ...baseHost,
    getSourceFile(name, lang, onError) {
      const code = own(name);
      if (code !== undefined) return ts.createSourceFile(name, code, lang, true);
      if (!libCache.has(name)) libCache.set(name, baseHost.getSourceFile(name, lang, onError));
      return libCache.get(name);
    },
    fileExists: (name) => own(name) !== undefined || baseHost.fileExists(name),
    readFile: (name) => own(name) ?? baseHost.readFile(name),
  };
  const target = path.join(dir, 'file.ts');
  const program = ts.createProgram([...byPath.keys()], options, host);
  return { program, sourceFile: program.getSourceFile(target)! };
}

export function analyze(code: string, budgetMs?: number): FileAnalysis {
  const { program, sourceFile } = programWith(code);
  return analyzeFile(program, sourceFile, loadConfigForFile(sourceFile.fileName), budgetMs === undefined ? {} : { timeBudgetMs: budgetMs });
}

/** One line per finding: `rule@Lline: source@Lx -> hop@Ly -> ... -> call@Lz` (lines 1-based). */
export function renderFlows(findings: Finding[]): string[] {
  return findings.map((f) => {
    const steps = f.flow.map((s) => `${s.kind === 'sink' ? 'sink' : s.kind === 'source' ? 'source' : 'hop'}@L${s.range.startPos.line + 1}`);
    return `${f.ruleId}@L${f.range.startPos.line + 1}${steps.length ? ': ' + steps.join(' -> ') : ''}`;
  });
}
