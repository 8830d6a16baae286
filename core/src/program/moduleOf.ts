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
