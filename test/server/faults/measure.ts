/**
 * Time and peak RSS of the language server per fault-injection case (a report, not a test):
 *   npx tsc -b test && node test/dist/server/faults/measure.js
 */
import { CASES, runCase } from './cases';

async function main(): Promise<void> {
  console.log('| case | result | wall time (ms) | server peak RSS (MiB) |');
  console.log('| --- | --- | ---: | ---: |');
  for (const c of CASES) {
    const unsupported = c.unsupported?.();
    if (unsupported) {
      console.log(`| ${c.name} | not run: ${unsupported} | | |`);
      continue;
    }
    try {
      const { ms, peakRssMiB } = await runCase(c);
      console.log(`| ${c.name} | ok | ${ms} | ${peakRssMiB?.toFixed(0) ?? '?'} |`);
    } catch (error) {
      console.log(`| ${c.name} | FAILED: ${String((error as Error).message).split('\n')[0]} | | |`);
    }
  }
}

void main();
