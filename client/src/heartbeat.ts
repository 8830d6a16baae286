/**
 * Finds a hung server: every `intervalMs` a `phiGuard/ping` request; no answer within
 * `timeoutMs` (far above one file's analysis budget and a large program's first build) means
 * the server's only thread is stuck, and `onHung` restarts it. A crashed server is the error
 * handler's business; this covers the server that is alive but never answers.
 */
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { PING_REQUEST } from '../../server/src/protocol';

export class Heartbeat {
  private timer: NodeJS.Timeout | undefined;
  private waiting = false;

  constructor(
    private readonly client: LanguageClient,
    private readonly onHung: () => void,
    private readonly intervalMs = 30_000,
    private readonly timeoutMs = 90_000,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.beat(), this.intervalMs);
  }

  dispose(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async beat(): Promise<void> {
    if (this.waiting || this.client.state !== State.Running) return;
    this.waiting = true;
    let timeout: NodeJS.Timeout | undefined;
    try {
      const answered = await Promise.race([
        // A rejection is an answer too (the server is alive enough to say no).
        this.client.sendRequest(PING_REQUEST).then(
          () => true,
          () => true,
        ),
        new Promise<boolean>((resolve) => (timeout = setTimeout(() => resolve(false), this.timeoutMs))),
      ]);
      if (!answered && this.client.state === State.Running) this.onHung();
    } finally {
      clearTimeout(timeout);
      this.waiting = false;
    }
  }
}
