/** File names, URIs, globs and the walk over a workspace folder's source files. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export function uriToFileName(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
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

/** A small glob: `**` any number of segments, `*` within a segment, `?` one character. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

export class ExcludeMatcher {
  private readonly patterns: RegExp[];
  constructor(globs: readonly string[]) {
    this.patterns = globs.map(globToRegExp);
  }
  /** `relative`: a path relative to the workspace folder, with forward slashes. */
  matches(relative: string): boolean {
    return this.patterns.some((p) => p.test(relative) || p.test(`${relative}/`));
  }
}

const ALWAYS_SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn']);

/**
 * Source files under `root`, skipping node_modules, VCS folders and excluded paths. Yields to
 * the event loop every few hundred directories so requests keep flowing on huge trees.
 */
export async function listSourceFiles(root: string, exclude: ExcludeMatcher, limit = 200_000): Promise<string[]> {
  const files: string[] = [];
  const stack = [root];
  let visited = 0;
  while (stack.length > 0 && files.length < limit) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const relative = path.relative(root, full).split(path.sep).join('/');
      if (entry.isDirectory()) {
        if (!ALWAYS_SKIPPED_DIRECTORIES.has(entry.name) && !exclude.matches(relative)) stack.push(full);
      } else if (entry.isFile() && isSourceFile(entry.name) && !exclude.matches(relative)) {
        files.push(full);
      }
    }
    if (++visited % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  return files.sort();
}

export function isInside(folder: string, fileName: string): boolean {
  const relative = path.relative(folder, fileName);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
