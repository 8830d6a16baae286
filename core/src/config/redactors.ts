import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import type { RedactorSpec } from './types';
import { JsonReader, join } from './jsonReader';
import { PATTERNS } from './keys';

const IDENTIFIER = new RegExp(PATTERNS.identifier);

/** The only file-system access validation needs; the server may pass its own (open buffers). */
export interface ConfigHost {
  fileExists(fileName: string): boolean;
}

/** Extensions TypeScript resolves, in its order; ".d.ts" last so sources win. */
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.d.ts'];

/** NodeNext style: `./phi.js` in an import names the `phi.ts` that compiles to it. */
const OUTPUT_TO_SOURCE: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.d.ts'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts', '.d.mts'],
  '.cjs': ['.cts', '.d.cts'],
};

/** `redactors`: functions whose result is safe to send anywhere. */
export function readRedactors(reader: JsonReader, node: ts.Expression, configDir: string, host: ConfigHost): RedactorSpec[] | undefined {
  const elements = reader.array(node, 'redactors', 'an array of { name, from } objects');
  if (!elements) return undefined;
  const redactors: RedactorSpec[] = [];
  elements.forEach((element, index) => {
    const keyPath = `redactors[${index}]`;
    const properties = reader.object(element, keyPath, 'redactors[]', 'an object { name, from }');
    if (!properties) return;

    const nameProperty = reader.requireKey(properties, element, keyPath, 'name');
    const name = nameProperty && reader.string(nameProperty.value, join(keyPath, 'name'), 'a function name string');
    if (nameProperty && name !== undefined && !IDENTIFIER.test(name)) {
      reader.report(nameProperty.value, join(keyPath, 'name'), `"${name}" is not a function name (expected an identifier like "redactPhi")`);
    }

    const fromProperty = reader.requireKey(properties, element, keyPath, 'from');
    const fromPath = join(keyPath, 'from');
    const from = fromProperty && reader.string(fromProperty.value, fromPath, 'a module specifier string');
    if (!fromProperty || from === undefined || name === undefined) return;
    const spec = resolveRedactor(name, from, configDir, host);
    if (typeof spec === 'string') reader.report(fromProperty.value, fromPath, spec);
    else redactors.push(spec);
  });
  return redactors;
}

/** The spec with its module resolved, or the problem. */
function resolveRedactor(name: string, from: string, configDir: string, host: ConfigHost): RedactorSpec | string {
  if (from === '') return 'must not be an empty string';
  // An absolute path would tie the shared config to one machine, and is no module name either.
  if (path.isAbsolute(from) || path.win32.isAbsolute(from)) {
    return `"${from}" is an absolute path; use a path relative to the config file ("./...") or a package name`;
  }
  if (!from.startsWith('.')) return { name, from };
  const resolvedFrom = path.resolve(configDir, from);
  // The config is shared with the repository: it may only point at code of its own project, and
  // never make PHI Guard look at arbitrary files on a machine.
  const relative = path.relative(configDir, resolvedFrom);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return `"${from}" is outside the folder of phi-guard.config.json (${configDir}); a redactor elsewhere is imported by its package name`;
  }
  const resolvedFile = candidateFiles(resolvedFrom).find((file) => host.fileExists(file));
  if (resolvedFile && !namesFile(resolvedFile)) return `"${from}" is not a TypeScript or JavaScript module (${EXTENSIONS.join(', ')})`;
  if (!resolvedFile) return `module "${from}" not found (looked for ${describeCandidates(from)}, relative to ${configDir})`;
  return { name, from, resolvedFrom, resolvedFile };
}

/**
 * Where TypeScript would look for a relative import of `base`, in order. A specifier that
 * already names a file (`./phi.ts`, `./phi.js`) gets no extra extensions or /index.
 */
export function candidateFiles(base: string): string[] {
  const ext = path.extname(base);
  const mapped = (OUTPUT_TO_SOURCE[ext] ?? []).map((sourceExt) => base.slice(0, -ext.length) + sourceExt);
  if (namesFile(base)) return [base, ...mapped];
  return [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, 'index' + e))];
}

function namesFile(specifier: string): boolean {
  return EXTENSIONS.some((e) => specifier.endsWith(e));
}

/** The candidates as the user wrote them, shortened with {a,b} so the message stays readable. */
function describeCandidates(from: string): string {
  const base = from.replace(/[\\/]+$/, '');
  if (namesFile(base)) return candidateFiles(base).join(', ');
  const all = EXTENSIONS.map((e) => e.slice(1)).join(',');
  return `${base}, ${base}.{${all}}, ${base}/index.{${all}}`;
}

export const defaultHost: ConfigHost = {
  fileExists(fileName) {
    return fs.statSync(fileName, { throwIfNoEntry: false })?.isFile() ?? false;
  },
};
