/**
 * Restarts a crashed or hung server, unless it keeps failing (5 times in 3 minutes). When it
 * gives up, `onGaveUp` runs: the extension then shows that PHI Guard is down (status bar and a
 * notification). vscode-languageclient drops every diagnostic of a stopped server, so without
 * that the workspace would look clean.
 */
import type * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type Message } from 'vscode-languageclient/node';

const WINDOW_MS = 3 * 60 * 1000;
const MAX_RESTARTS = 5;

export class RestartingErrorHandler implements ErrorHandler {
  private readonly restarts: number[] = [];
  /** True once the handler refused to restart, until `reset` (a manual restart). */
  gaveUp = false;

  constructor(
    private readonly output: vscode.LogOutputChannel,
    private readonly onGaveUp: (why: string) => void,
  ) {}

  error(error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    this.output.error(`connection error: ${error.message}`);
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    if (!this.mayRestart()) {
      const why = `the language server stopped ${MAX_RESTARTS} times in 3 minutes`;
      this.output.error(`${why}; not restarting (run "PHI Guard: Restart Server")`);
      this.giveUp(why);
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.output.warn('the language server stopped; restarting it');
    return { action: CloseAction.Restart, handled: true };
  }

  /** Counts a restart (crash or hang); false when there were too many in the window. */
  mayRestart(): boolean {
    const now = Date.now();
    while (this.restarts.length > 0 && now - this.restarts[0]! > WINDOW_MS) this.restarts.shift();
    if (this.restarts.length >= MAX_RESTARTS) return false;
    this.restarts.push(now);
    return true;
  }

  giveUp(why: string): void {
    this.gaveUp = true;
    this.onGaveUp(why);
  }

  /** A restart the user asked for starts a new count. */
  reset(): void {
    this.restarts.length = 0;
    this.gaveUp = false;
  }
}
