import * as fs from 'node:fs';
import * as path from 'node:path';

/** The npm package a file belongs to ("@scope/name" or "name"), from its node_modules path. */
export function packageOfFile(fileName: string): string | undefined {
  const norm = fileName.split(path.sep).join('/');
  const idx = norm.lastIndexOf('/node_modules/');
  if (idx < 0) return undefined;
  const rest = norm.slice(idx + '/node_modules/'.length).split('/');
  if (rest[0] === undefined) return undefined;
  if (rest[0].startsWith('@') && rest[1] !== undefined) return `${rest[0]}/${rest[1]}`;
  return rest[0];
}

/** True for the project's own source (not a declaration file, not a dependency). */
export function isProjectFile(fileName: string): boolean {
  return !fileName.includes('/node_modules/') && !/\.d\.[cm]?ts$/.test(fileName);
}

const packageNames = new Map<string, string | null>();

/**
 * The name in the nearest package.json above a file: a monorepo's workspace packages resolve to
 * their sources (symlinks followed), outside node_modules, so their path does not name them.
 */
export function workspacePackageOf(file: string): string | undefined {
  let dir = path.dirname(file);
  const seen: string[] = [];
  for (let i = 0; i < 30; i++) {
    const cached = packageNames.get(dir);
    if (cached !== undefined) {
      for (const d of seen) packageNames.set(d, cached);
      return cached ?? undefined;
    }
    seen.push(dir);
    let name: string | null | undefined;
    try {
      const json = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown };
      name = typeof json.name === 'string' ? json.name : null;
    } catch {
      name = undefined; // no package.json here (or unreadable): look further up
    }
    const parent = path.dirname(dir);
    if (name !== undefined || parent === dir) {
      for (const d of seen) packageNames.set(d, name ?? null);
      return name ?? undefined;
    }
    dir = parent;
  }
  return undefined;
}
