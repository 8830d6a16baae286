/**
 * Fault injection over the real server (cases in faults/cases.ts): for each, the server answers,
 * its memory stays bounded, and every file is analyzed or fails closed. Time and memory per case
 * are reported by `node test/dist/server/faults/measure.js`, not asserted here.
 */
import * as assert from 'node:assert/strict';
import { CASES, runCase } from './faults/cases';

/** Far above what any case needs (~200 MiB); a server reading /dev/zero passes it within a second. */
const MEMORY_BOUND_MIB = 1024;

describe('language server: fault injection', function () {
  this.timeout(180_000);
  for (const c of CASES) {
    it(c.name, async function () {
      const unsupported = c.unsupported?.();
      if (unsupported) assert.fail(`cannot run here: ${unsupported}`);
      const { peakRssMiB } = await runCase(c);
      if (peakRssMiB !== undefined) assert.ok(peakRssMiB < MEMORY_BOUND_MIB, `peak RSS ${peakRssMiB.toFixed(0)} MiB`);
    });
  }
});
