/**
 * Parity under faults: after a fault case, ESLint lints the same workspace in its final state,
 * and wherever ESLint gives a finding or a fatal error, the editor must show a PHI Guard
 * diagnostic too (a finding or a fail-closed one): the editor may say more than CI, never less.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LspClient } from '../support/lspClient';
import { runEslint } from '../support/eslintRun';
import type { Workspace } from './cases';

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/**
 * The source files ESLint can be given: regular files (through links), not FIFOs, devices,
 * link loops, or node_modules. ESLint would block on a FIFO and read /dev/zero forever; those
 * are the server's faults to report, with nothing for ESLint to compare.
 */
export function lintableFiles(folder: string, sub = '', seen = new Set<string>()): string[] {
  const out: string[] = [];
  let real: string;
  try {
    real = fs.realpathSync(path.join(folder, sub));
  } catch {
    return out;
  }
  if (seen.has(real)) return out;
  seen.add(real);
  for (const name of fs.readdirSync(path.join(folder, sub)).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const rel = path.join(sub, name);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(path.join(folder, rel));
    } catch {
      continue; // a link loop or a dangling link: nothing ESLint could read
    }
    if (stat.isDirectory()) out.push(...lintableFiles(folder, rel, seen));
    else if (stat.isFile() && SOURCE.test(name)) out.push(rel);
  }
  return out;
}

/** The files (and folders) the server published a PHI Guard diagnostic on, relative to the folder. */
function flagged(client: LspClient, folder: string): string[] {
  const out: string[] = [];
  for (const [uri, published] of client.diagnostics) {
    if (published.diagnostics.length > 0 && uri.startsWith('file://')) out.push(path.relative(folder, fileURLToPath(uri)));
  }
  return out;
}

export async function assertEditorCoversEslint(client: LspClient, ws: Workspace): Promise<{ files: number; eslintFlagged: number }> {
  const files = lintableFiles(ws.folder);
  if (files.length === 0) return { files: 0, eslintFlagged: 0 };
  await client.inventory(); // the server has caught up with the last change
  const hasTsconfig = fs.existsSync(ws.file('tsconfig.json'));
  const outcome = runEslint({
    cwd: ws.folder,
    patterns: files,
    recommended: { files: ['**/*.ts', '**/*.js', '**/*.cjs', '**/*.mjs', '**/*.tsx'], allowDefaultProject: hasTsconfig ? [] : files },
  });
  const byServer = flagged(client, ws.folder);
  const covered = (rel: string) => byServer.some((f) => f === rel || rel.startsWith(`${f}${path.sep}`));
  if ('stopped' in outcome) {
    // ESLint stopped the whole run (a broken phi-guard.config.json): the editor must say so too.
    const cause = /phi-guard\.config\.json/.test(outcome.stopped) ? 'phi-guard.config.json' : undefined;
    if (cause) assert.ok(covered(cause), `ESLint stopped (${outcome.stopped}); the editor shows nothing on ${cause}`);
    else for (const f of files) assert.ok(covered(f), `ESLint stopped (${outcome.stopped}); the editor shows nothing on ${f}`);
    return { files: files.length, eslintFlagged: files.length };
  }
  const missing: string[] = [];
  let eslintFlagged = 0;
  for (const r of outcome.results) {
    if (r.messages.length === 0) continue;
    eslintFlagged++;
    const rel = path.relative(ws.folder, r.filePath);
    if (!covered(rel)) missing.push(`${rel}: ESLint says ${r.messages.map((m) => `${m.line}: ${m.message}`).join(' | ').slice(0, 300)}`);
  }
  assert.deepEqual(missing, [], 'files ESLint flags and the editor shows clean');
  return { files: files.length, eslintFlagged };
}
