import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import * as tsParser from '@typescript-eslint/parser';
import { DEFAULT_PROJECT_OPTIONS, defaultProjectFolder, defaultProjectRoots } from '@phi-guard/core';

/**
 * typescript-eslint's parser, plus a default project for files no tsconfig.json/jsconfig.json
 * includes. With `projectService: true` alone such a file is a parse error ("was not found by
 * the project service"), while the language server types it with an inferred project; a plain
 * JavaScript project would then get findings in the editor and a parse error per file in CI.
 * Here both use the same default project (`DEFAULT_PROJECT_OPTIONS`, core): the loose files of
 * the file's package folder, handed to typescript-eslint as a ready program.
 */
type ParserOptions = tsParser.ParserOptions & { filePath?: string };

export const meta = { name: 'eslint-plugin-phi-guard/parser', version: '0.1.0' };

export function parseForESLint(code: string, options?: ParserOptions): ReturnType<typeof tsParser.parseForESLint> {
  const filePath = options?.filePath;
  if (filePath && path.isAbsolute(filePath) && (options.projectService || options.project)) {
    const fileName = path.normalize(filePath);
    if (!inAnyProject(fileName)) return withDefaultProject(code, options, fileName, 'folder');
    try {
      return tsParser.parseForESLint(code, options);
    } catch (err) {
      // A tsconfig exists but does not include this file (eslint.config.js next to a tsconfig of `src`).
      if (!(err instanceof Error) || !/was not found by the project service|not included in any of the projects|does not include this file/.test(err.message)) throw err;
      return withDefaultProject(code, options, fileName, 'file');
    }
  }
  return tsParser.parseForESLint(code, options);
}

export function parse(code: string, options?: ParserOptions): ReturnType<typeof tsParser.parse> {
  return parseForESLint(code, options).ast;
}

/**
 * `folder`: no tsconfig/jsconfig anywhere above, the package's loose files are one program (a
 * JavaScript project). `file`: a file its project leaves out (eslint.config.js next to a
 * tsconfig of `src`) gets a program of its own and what it imports, not a second copy of `src`.
 */
function withDefaultProject(code: string, options: ParserOptions, fileName: string, scope: 'folder' | 'file') {
  const { projectService: _service, project: _project, ...rest } = options;
  return tsParser.parseForESLint(code, { ...rest, programs: [defaultProgram(fileName, code, scope)] });
}

/** Is there a tsconfig.json or jsconfig.json in the file's folder or above it? */
function inAnyProject(fileName: string): boolean {
  let dir = path.dirname(fileName);
  for (;;) {
    const known = configDirs.get(dir);
    if (known !== undefined) return known;
    const here = fs.existsSync(path.join(dir, 'tsconfig.json')) || fs.existsSync(path.join(dir, 'jsconfig.json'));
    if (here) {
      configDirs.set(dir, true);
      return true;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
}
const configDirs = new Map<string, boolean>();

interface DefaultProject {
  program: ts.Program;
  /** The text each linted file had when the program was built (an editor lints unsaved text). */
  texts: Map<string, string>;
}
const defaultProjects = new Map<string, DefaultProject>();

/**
 * One program per package folder (or per left-out file), built once for a CLI run. When ESLint lints a text that
 * differs from the program's (an unsaved editor buffer), the program is rebuilt from the old
 * one, which reuses every unchanged source file.
 */
function defaultProgram(fileName: string, code: string, scope: 'folder' | 'file'): ts.Program {
  const key = scope === 'folder' ? defaultProjectFolder(fileName) : fileName;
  const current = defaultProjects.get(key);
  if (current) {
    const sf = current.program.getSourceFile(fileName);
    if (sf && sf.text === code) return current.program;
  }
  const texts = new Map(current?.texts);
  texts.set(fileName, code);
  const roots = new Set(current ? current.program.getRootFileNames() : scope === 'folder' ? defaultProjectRoots(key) : []);
  roots.add(fileName);
  const host = ts.createCompilerHost(DEFAULT_PROJECT_OPTIONS, true);
  const readFile = host.readFile.bind(host);
  host.readFile = (f) => texts.get(path.normalize(f)) ?? readFile(f);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, languageVersion, onError, shouldCreate) => {
    const text = texts.get(path.normalize(f));
    return text !== undefined ? ts.createSourceFile(f, text, languageVersion, true) : getSourceFile(f, languageVersion, onError, shouldCreate);
  };
  const program = ts.createProgram({ rootNames: [...roots], options: DEFAULT_PROJECT_OPTIONS, host, oldProgram: current?.program });
  defaultProjects.set(key, { program, texts });
  return program;
}
