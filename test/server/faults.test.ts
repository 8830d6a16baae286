/**
 * Fault injection over the real server (cases in faults/cases.ts): for each, the server answers,
 * its memory stays bounded, every file is analyzed or fails closed, and every file ESLint flags
 * (a finding or a fatal error) carries a diagnostic in the editor too (faults/parity.ts). Time and memory per case
 * are reported by `node test/dist/server/faults/measure.js`, not asserted here.
 */
import * as assert from 'node:assert/strict';
import { CASES, runCase } from './faults/cases';
import { assertEditorCoversEslint } from './faults/parity';

/** Far above what any case needs (~200 MiB); a server reading /dev/zero passes it within a second. */
const MEMORY_BOUND_MIB = 1024;

describe('language server: fault injection', function () {
  this.timeout(300_000);
  for (const c of CASES) {
    it(c.name, async function () {
      const unsupported = c.unsupported?.();
      if (unsupported) assert.fail(`cannot run here: ${unsupported}`);
      // Then ESLint on the same workspace: where it flags a file, the editor must too.
      const { peakRssMiB } = await runCase(c, async (client, ws) => {
        const { files, eslintFlagged } = await assertEditorCoversEslint(client, ws);
        assert.ok(files === 0 || eslintFlagged > 0, `ESLint flagged none of ${files} files: the parity check compared nothing`);
      });
      if (peakRssMiB !== undefined) assert.ok(peakRssMiB < MEMORY_BOUND_MIB, `peak RSS ${peakRssMiB.toFixed(0)} MiB`);
    });
  }
});
