import * as path from 'node:path';
import type { Finding } from '@phi-guard/core';

/**
 * The findings of each file the rules analyzed in this thread, for the formatter: an ESLint
 * message carries only its text, the flow path (source, hops, LLM call) stays here. The ESLint
 * CLI lints and formats in one thread unless `--concurrency` is given; then, and for results
 * read from ESLint's cache, the formatter has no path to show and says so.
 */
const byFile = new Map<string, readonly Finding[]>();

export function recordFindings(fileName: string, findings: readonly Finding[]): void {
  byFile.set(path.normalize(fileName), findings);
}

export function recordedFindings(fileName: string): readonly Finding[] | undefined {
  return byFile.get(path.normalize(fileName));
}
