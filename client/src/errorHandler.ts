/** Restarts a crashed server, unless it keeps crashing (5 times in 3 minutes). */
import type * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type Message } from 'vscode-languageclient/node';

const WINDOW_MS = 3 * 60 * 1000;
const MAX_RESTARTS = 5;

export class RestartingErrorHandler implements ErrorHandler {
  private readonly restarts: number[] = [];

  constructor(private readonly output: vscode.LogOutputChannel) {}

  error(error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    this.output.error(`connection error: ${error.message}`);
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    while (this.restarts.length > 0 && now - this.restarts[0] > WINDOW_MS) this.restarts.shift();
    if (this.restarts.length >= MAX_RESTARTS) {
      this.output.error(`the language server stopped ${MAX_RESTARTS} times in 3 minutes; not restarting (run "PHI Guard: Restart Server")`);
      return { action: CloseAction.DoNotRestart, message: 'PHI Guard: the language server keeps stopping. See the PHI Guard output.' };
    }
    this.restarts.push(now);
    this.output.warn('the language server stopped; restarting it');
    return { action: CloseAction.Restart, handled: true };
  }
}
