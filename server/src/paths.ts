/** File names, URIs and the walk over a workspace folder's source files. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ExcludeMatcher } from './exclude';

export function uriToFileName(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
    // Safe: a URI that names no local file is no file the server could analyze or publish for.
    return undefined;
  }
}

export function fileNameToUri(fileName: string): string {
  return pathToFileURL(fileName).href;
}

const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/i;
const DECLARATION_FILE = /\.d\.(?:[cm]?ts|[^.]+\.ts)$/i;

/** TypeScript and JavaScript sources the engine analyzes (declaration files have no calls). */
export function isSourceFile(fileName: string): boolean {
  return SOURCE_FILE.test(fileName) && !DECLARATION_FILE.test(fileName);
}

export function isConfigFile(fileName: string): boolean {
  return path.basename(fileName) === 'phi-guard.config.json';
}

export function isProjectFile(fileName: string): boolean {
  const base = path.basename(fileName);
  return base === 'tsconfig.json' || base === 'jsconfig.json' || /^tsconfig\..*\.json$/.test(base) || base === 'package.json';
}

const ALWAYS_SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface Listing {
  /** Source files, sorted. Includes names that are not regular files: they fail closed when analyzed. */
  files: string[];
  /** Folders that could not be listed, with why: their files are unchecked and must be reported. */
  unreadableFolders: { folder: string; reason: string }[];
}

/**
 * Source files under `root`, skipping node_modules, VCS folders and excluded paths. Symbolic
 * links are followed like ESLint follows them (a linked file is linted under its link's name);
 * a folder reached twice through links (a loop) is walked once. Yields to the event loop every
 * few hundred directories so requests keep flowing on huge trees.
 */
export async function listSourceFiles(root: string, exclude: ExcludeMatcher, limit = 200_000): Promise<Listing> {
  const files: string[] = [];
  const unreadableFolders: Listing['unreadableFolders'] = [];
  const stack = [root];
  const seen = new Set<string>();
  let visited = 0;
  while (stack.length > 0 && files.length < limit) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      const real = fs.realpathSync(dir);
      if (seen.has(real)) continue;
      seen.add(real);
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      // Fail closed: the caller reports the folder; its files are not silently clean.
      unreadableFolders.push({ folder: dir, reason: (error as NodeJS.ErrnoException)?.code ?? String(error) });
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      let isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          isDirectory = fs.statSync(full).isDirectory();
        } catch {
          // A dangling link or a loop: listed as a file if its name is a source file's, so the
          // analysis reports that it cannot be read; otherwise nothing here to analyze.
          isDirectory = false;
        }
      }
      if (isDirectory) {
        if (!ALWAYS_SKIPPED_DIRECTORIES.has(entry.name) && !exclude.matches(relative)) stack.push(full);
      } else if (isSourceFile(entry.name) && !exclude.matches(relative)) {
        files.push(full);
      }
    }
    if (++visited % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return { files: files.sort(), unreadableFolders };
}

export function isInside(folder: string, fileName: string): boolean {
  const relative = path.relative(folder, fileName);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
