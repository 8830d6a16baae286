/**
 * Reads one file from disk the way the analysis may rely on: only regular files (a FIFO never
 * blocks the server, a link to /dev/zero never fills its memory), at most `maxBytes`, decoded
 * as TypeScript's `sys.readFile` decodes (UTF-8, UTF-16LE or UTF-16BE by their byte order mark,
 * UTF-8 without one). Every way this can fail is returned as a reason, never thrown, so the
 * caller can fail closed on the file instead of treating it as missing.
 */
import * as fs from 'node:fs';

/** Default cap on one file's size: far above any hand-written source, well below memory trouble. */
export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

export type ReadOutcome =
  | { kind: 'text'; text: string; mtimeMs: number }
  | { kind: 'missing' }
  /** Exists but cannot be analyzed: `reason` says why, for the fail-closed diagnostic. */
  | { kind: 'unreadable'; reason: string; mtimeMs: number };

/** Errors that mean "there is no file here", as opposed to "there is one we cannot read". */
const MISSING = new Set(['ENOENT', 'ENOTDIR']);

export function statMtime(fileName: string): { mtimeMs: number } | { missing: true } | { error: string } {
  try {
    return { mtimeMs: fs.statSync(fileName).mtimeMs };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ELOOP (a symlink loop) is not missing either: the file name exists and cannot be followed.
    if (code && MISSING.has(code)) return { missing: true };
    return { error: describe(error) };
  }
}

export function readSourceFile(fileName: string, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadOutcome {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
    fd = fs.openSync(fileName, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code && MISSING.has(code)) return { kind: 'missing' };
    return { kind: 'unreadable', reason: `it cannot be opened (${describe(error)})`, mtimeMs: -1 };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { kind: 'unreadable', reason: `it is not a regular file (${kindOf(stat)})`, mtimeMs: stat.mtimeMs };
    if (stat.size > maxBytes) {
      return { kind: 'unreadable', reason: `it is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit for one file`, mtimeMs: stat.mtimeMs };
    }
    // Read at most one byte past the cap: a file that grows while we read still fails closed.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) break;
    }
    if (length > maxBytes) return { kind: 'unreadable', reason: `it grew past the ${formatBytes(maxBytes)} limit for one file while being read`, mtimeMs: stat.mtimeMs };
    return { kind: 'text', text: decodeLikeTypeScript(buffer.subarray(0, length)), mtimeMs: stat.mtimeMs };
  } catch (error) {
    return { kind: 'unreadable', reason: `it cannot be read (${describe(error)})`, mtimeMs: -1 };
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // Safe to ignore: the descriptor was open and its content is already read or rejected.
    }
  }
}

/** TypeScript's `sys.readFile`: a UTF-16 BOM selects UTF-16 (BE bytes swapped), a UTF-8 BOM is dropped. */
export function decodeLikeTypeScript(buffer: Buffer): string {
  let len = buffer.length;
  if (len >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) {
    len &= ~1;
    const swapped = Buffer.alloc(len - 2);
    for (let i = 2; i < len; i += 2) {
      swapped[i - 2] = buffer[i + 1]!;
      swapped[i - 1] = buffer[i]!;
    }
    return swapped.toString('utf16le');
  }
  if (len >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.toString('utf16le', 2);
  if (len >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return buffer.toString('utf8', 3);
  return buffer.toString('utf8');
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MiB` : `${n} bytes`;
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e?.code ?? e?.message ?? String(error);
}
