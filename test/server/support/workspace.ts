/**
 * Throwaway copies of fixture projects, so tests may edit files on disk. The copy lives in the
 * OS temp folder with a `node_modules` link to the repository's, so the real SDKs resolve.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './lspClient';

export const FIXTURES = path.join(REPO_ROOT, 'test/server/fixtures');

export function copyFixture(name: string, source = path.join(FIXTURES, name)): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `phi-guard-server-${name}-`));
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const target = path.join(root, name);
  fs.cpSync(source, target, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
  return target;
}

export function removeCopy(folder: string): void {
  fs.rmSync(path.dirname(folder), { recursive: true, force: true });
}
