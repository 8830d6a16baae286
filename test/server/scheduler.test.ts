/**
 * The scheduler's order of work: an edit after a pause is analyzed at once (leading-edge
 * debounce), a burst of edits to the same file costs one more analysis, and edited files go
 * ahead of the background pass. Driven without real timing: the debounce is long enough that
 * nothing here waits for it.
 */
import * as assert from 'node:assert/strict';
import { Scheduler } from 'phi-guard-language-server/dist/src/scheduler';

const LONG_DEBOUNCE_MS = 10 * 60 * 1000;

function scheduler(debounceMs = LONG_DEBOUNCE_MS) {
  const runs: string[] = [];
  let release: (() => void) | undefined;
  let hold = false;
  const s = new Scheduler(
    (fileName) => {
      runs.push(fileName);
      return hold ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
    },
    () => {},
    () => {},
    debounceMs,
  );
  return { s, runs, holdNext: () => (hold = true), release: () => { hold = false; release?.(); } };
}

describe('language server scheduler', () => {
  it('analyzes the first edit after a pause at once, without waiting for the debounce', () => {
    const { s, runs } = scheduler();
    s.changed('/w/a.ts');
    assert.deepEqual(runs, ['/w/a.ts']);
    s.dispose();
  });

  it('coalesces the edits of a burst: they wait for the debounce instead of running each', () => {
    const { s, runs } = scheduler();
    s.changed('/w/a.ts');
    s.changed('/w/a.ts');
    s.changed('/w/a.ts');
    assert.deepEqual(runs, ['/w/a.ts']);
    assert.equal(s.isIdle(), false, 'the burst is still waiting for its debounce');
    s.dispose();
  });

  it('a burst is analyzed when it ends, with the latest text', async () => {
    const { s, runs } = scheduler(0);
    s.changed('/w/a.ts');
    s.changed('/w/a.ts');
    await s.whenIdle();
    assert.deepEqual(runs, ['/w/a.ts', '/w/a.ts']);
  });

  it('edited files go ahead of the background pass', async () => {
    const { s, runs, holdNext, release } = scheduler(0);
    holdNext();
    s.batch(['/w/1.ts', '/w/2.ts', '/w/3.ts'], { report() {}, finish() {} });
    assert.deepEqual(runs, ['/w/1.ts']);
    s.changed('/w/edited.ts');
    release();
    await s.whenIdle();
    assert.deepEqual(runs, ['/w/1.ts', '/w/edited.ts', '/w/2.ts', '/w/3.ts']);
  });
});
