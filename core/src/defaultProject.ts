import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

/**
 * Files that no tsconfig.json/jsconfig.json includes (a JavaScript project without a jsconfig,
 * an eslint.config.js next to a tsconfig that includes only `src`) are typed by a default
 * project. ESLint (through the plugin's parser) and the language server use these same options,
 * so the editor and CI give the same verdicts. Close to tsserver's inferred projects: JavaScript
 * allowed, JSX kept, imports resolved like a bundler would, both `import` and `require`.
 */
export const DEFAULT_PROJECT_OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  allowNonTsExtensions: true,
  jsx: ts.JsxEmit.Preserve,
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.Preserve,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  maxNodeModuleJsDepth: 2,
  skipLibCheck: true,
  strict: true,
  noEmit: true,
};

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const PROJECT_MARKERS = ['package.json', 'tsconfig.json', 'jsconfig.json'];
/** A default project is for loose files; a folder with more than this is not loose, and is cut. */
export const DEFAULT_PROJECT_MAX_FILES = 5000;

/** The folder whose loose files share a default project: the nearest one with a package.json. */
export function defaultProjectFolder(fileName: string): string {
  let dir = path.dirname(fileName);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.dirname(fileName);
    dir = parent;
  }
}

/**
 * The source files of a default project: those under `folder`, not in node_modules or a dot
 * folder, and not in a subfolder that is a project or package of its own.
 */
export function defaultProjectRoots(folder: string): string[] {
  const roots: string[] = [];
  const visit = (dir: string, top: boolean) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      // Safe: roots only give the linted file its neighbours; the linted file is always a root,
      // and a folder that cannot be listed is reported by the host (the server's listing).
      return;
    }
    if (!top && entries.some((e) => e.isFile() && PROJECT_MARKERS.includes(e.name))) return;
    for (const e of entries) {
      if (roots.length >= DEFAULT_PROJECT_MAX_FILES) return;
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && !e.name.startsWith('.')) visit(path.join(dir, e.name), false);
      } else if (e.isFile() && SOURCE.test(e.name) && !e.name.endsWith('.d.ts')) {
        roots.push(path.join(dir, e.name));
      }
    }
  };
  visit(folder, true);
  return roots;
}
