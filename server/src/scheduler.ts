/**
 * Decides what to analyze next. Edited documents wait a short debounce, then go first; their
 * dependents and the start-up workspace pass run in the background, one file per turn of the
 * event loop so edits, hovers and code actions are never stuck behind a long pass.
 */

export interface BatchReporter {
  report(done: number, total: number): void;
  finish(): void;
}

interface Batch {
  pending: Set<string>;
  total: number;
  reporter: BatchReporter;
}

export class Scheduler {
  private readonly urgent = new Set<string>();
  private readonly background = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** When each document last changed (for the debounce). */
  private readonly lastChangeOf = new Map<string, number>();
  private readonly batches: Batch[] = [];
  private running = false;
  private idleWaiters: (() => void)[] = [];
  /** While the user types, background work waits this long after the last edit. */
  private readonly quietMs: number;
  private lastChange = 0;
  private quietTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly run: (fileName: string) => Promise<void>,
    private readonly onError: (fileName: string, error: unknown) => void,
    private readonly onIdle: () => void,
    readonly debounceMs: number,
  ) {
    this.quietMs = Math.max(400, debounceMs * 4);
  }

  /**
   * A document changed: analyze it ahead of everything else. Leading-edge debounce: the first
   * change after a pause goes at once (the user waits for exactly that result); changes that
   * follow within `debounceMs` of the previous one wait until the burst stops, so fast typing
   * costs one analysis, not one per keystroke.
   */
  changed(fileName: string): void {
    const now = Date.now();
    const previous = this.lastChangeOf.get(fileName);
    this.lastChangeOf.set(fileName, now);
    this.lastChange = now;
    const pending = this.timers.get(fileName);
    if (pending === undefined && (previous === undefined || now - previous >= this.debounceMs)) {
      this.soon([fileName]);
      return;
    }
    clearTimeout(pending);
    this.timers.set(
      fileName,
      setTimeout(() => {
        this.timers.delete(fileName);
        this.soon([fileName]);
      }, this.debounceMs),
    );
  }

  /** Ahead of background work, without debounce (opened documents, dependents that are open). */
  soon(fileNames: Iterable<string>): void {
    for (const fileName of fileNames) {
      this.background.delete(fileName);
      this.urgent.add(fileName);
    }
    this.kick();
  }

  /** Behind everything urgent. */
  later(fileNames: Iterable<string>): void {
    for (const fileName of fileNames) if (!this.urgent.has(fileName)) this.background.add(fileName);
    this.kick();
  }

  /** A background pass with progress (the start-up analysis of a workspace folder). */
  batch(fileNames: string[], reporter: BatchReporter): void {
    const batch: Batch = { pending: new Set(fileNames), total: fileNames.length, reporter };
    if (batch.total === 0) {
      reporter.finish();
      return;
    }
    this.batches.push(batch);
    reporter.report(0, batch.total);
    this.later(fileNames);
  }

  /** Drops pending debounce timers (shutdown). */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    clearTimeout(this.quietTimer);
    this.quietTimer = undefined;
  }

  isIdle(): boolean {
    return !this.running && this.urgent.size === 0 && this.background.size === 0 && this.timers.size === 0 && !this.quietTimer;
  }

  /** Resolves once nothing is queued, debouncing or running. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Totals over the running batches, for the status notification. */
  progress(): { done: number; total: number } {
    let done = 0;
    let total = 0;
    for (const batch of this.batches) {
      total += batch.total;
      done += batch.total - batch.pending.size;
    }
    return { done, total };
  }

  private kick(): void {
    if (!this.running) void this.pump();
  }

  private async pump(): Promise<void> {
    this.running = true;
    try {
      for (;;) {
        let next = first(this.urgent);
        if (next === undefined && this.background.size > 0) {
          const wait = this.lastChange + this.quietMs - Date.now();
          if (wait > 0) {
            // Typing: keep the checker free for the next keystroke; resume when it is quiet.
            clearTimeout(this.quietTimer);
            this.quietTimer = setTimeout(() => {
              this.quietTimer = undefined;
              this.kick();
            }, wait);
            break;
          }
          next = first(this.background);
        }
        if (next === undefined) break;
        this.urgent.delete(next);
        this.background.delete(next);
        try {
          await this.run(next);
        } catch (error) {
          this.onError(next, error);
        }
        this.settleBatches(next);
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.running = false;
    }
    if (this.isIdle()) {
      this.onIdle();
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private settleBatches(fileName: string): void {
    for (let i = this.batches.length - 1; i >= 0; i--) {
      const batch = this.batches[i];
      if (!batch.pending.delete(fileName)) continue;
      const done = batch.total - batch.pending.size;
      if (batch.pending.size === 0) {
        this.batches.splice(i, 1);
        batch.reporter.finish();
      } else if (done % 10 === 0) {
        batch.reporter.report(done, batch.total);
      }
    }
  }
}

function first(set: Set<string>): string | undefined {
  for (const value of set) return value;
  return undefined;
}
