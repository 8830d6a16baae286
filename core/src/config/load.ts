import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError, fileError } from './errors';
import { defaultConfig, withKey } from './defaults';
import type { ConfigHost } from './redactors';
import type { ResolvedConfig } from './types';
import { validateConfigText } from './validate';

export { ConfigError, type ConfigIssue } from './errors';
export { defaultConfig } from './defaults';
export type { ConfigHost } from './redactors';
export { BUILTIN_VENDOR_IDS } from './vendorIds';

export const CONFIG_FILE_NAME = 'phi-guard.config.json';

/** A config is a few hundred bytes; anything this large is not one, and is not worth parsing. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
const TOO_LARGE = 'file is larger than 1 MiB';

/**
 * Validates the text of a config file and applies defaults. `fileName` locates relative
 * redactor modules and names the file in errors. Throws ConfigError (with every problem in
 * `issues`). The editor calls this with unsaved text.
 */
export function parseConfigText(text: string, fileName: string, host?: ConfigHost): ResolvedConfig {
  if (Buffer.byteLength(text, 'utf8') > MAX_CONFIG_BYTES) throw fileError(fileName, TOO_LARGE);
  const tooDeep = nestingBeyond(text, MAX_NESTING);
  if (tooDeep !== undefined) {
    const { line, character } = lineAndColumn(text, tooDeep);
    throw new ConfigError(fileName, { keyPath: '', problem: `nested more than ${MAX_NESTING} levels deep`, start: tooDeep, end: tooDeep + 1, line: line + 1, column: character + 1 });
  }
  const result = validateConfigText(text, fileName, host);
  if (result.issues) throw new ConfigError(fileName, result.issues[0], result.issues);
  return withKey(result.config);
}

/** The schema nests 4 levels; the JSON parser recurses per level and overflows near 1,000. */
const MAX_NESTING = 64;

/** Offset of the first `[` or `{` deeper than `max`, skipping strings and JSONC comments. */
function nestingBeyond(text: string, max: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === '[' || c === '{') {
      if (++depth > max) return i;
    } else if (c === ']' || c === '}') {
      depth--;
    }
  }
  return undefined;
}

function lineAndColumn(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** The nearest phi-guard.config.json in the file's directory or above it. */
export function findConfigFile(fromFile: string): string | undefined {
  let dir = path.dirname(path.resolve(fromFile));
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    // Anything but a folder by that name is the config: a FIFO or a device is an error when
    // loaded (fail closed), not a reason to fall back to the defaults.
    const stat = fs.statSync(candidate, { throwIfNoEntry: false });
    if (stat && !stat.isDirectory()) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

interface CacheEntry {
  mtimeMs: number;
  size: number;
  result: ResolvedConfig | ConfigError;
}

/**
 * Keyed by the config's absolute path; an entry is good while mtime and size are unchanged,
 * so an edited file is re-read on the next call without any file watching. Errors are cached
 * too: an unchanged broken file fails the same way.
 */
const cache = new Map<string, CacheEntry>();

/**
 * The configuration that applies to `fileName`: the nearest config file above it, or the
 * defaults when there is none. Throws ConfigError for a broken file. The result is shared
 * between callers and frozen.
 */
export function loadConfigForFile(fileName: string): ResolvedConfig {
  const configFile = findConfigFile(fileName);
  if (!configFile) return defaultConfig();
  let stat: fs.Stats;
  try {
    stat = fs.statSync(configFile);
  } catch (error) {
    // Deleted between the lookup and now: retry the lookup once, as if it had never existed.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return findConfigFile(fileName) ? loadConfigForFile(fileName) : defaultConfig();
    throw fileError(configFile, `cannot read file: ${(error as Error).message}`);
  }
  // A FIFO would block the read forever, a link to /dev/zero never end it (its size reads 0).
  if (!stat.isFile()) throw fileError(configFile, 'cannot read file: it is not a regular file');
  const cached = cache.get(configFile);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return unwrap(cached.result);
  const result = readConfigFile(configFile, stat.size);
  cache.set(configFile, { mtimeMs: stat.mtimeMs, size: stat.size, result });
  return unwrap(result);
}

/**
 * Forgets every loaded file. Needed when something other than the config itself changes the
 * outcome, such as creating the module a relative redactor points to.
 */
export function clearConfigCache(): void {
  cache.clear();
}

function readConfigFile(configFile: string, size: number): ResolvedConfig | ConfigError {
  if (size > MAX_CONFIG_BYTES) return fileError(configFile, TOO_LARGE);
  let text: string;
  try {
    text = fs.readFileSync(configFile, 'utf8');
  } catch (error) {
    return fileError(configFile, `cannot read file: ${(error as Error).message}`);
  }
  // Editors on Windows may save a byte order mark. Editors do not show it as a character, so
  // dropping it keeps our line:column equal to theirs.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return deepFreeze(parseConfigText(text, configFile));
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
}

function unwrap(result: ResolvedConfig | ConfigError): ResolvedConfig {
  if (result instanceof ConfigError) throw result;
  return result;
}

/** Cached configs are shared by every caller: freezing turns an accidental edit into an error. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
