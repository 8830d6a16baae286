/**
 * The server's findings and inventory, as the tree views show them: fetched without waiting
 * (`wait: false`, so a view never hangs on a start-up pass) whenever the server reports
 * progress or settles, at most every `debounceMs`.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { FINDINGS_REQUEST, INVENTORY_REQUEST, type FindingsResult, type InventoryResult } from '../../server/src/protocol';

export class WorkspaceData implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  findings: FindingsResult | undefined;
  inventory: InventoryResult | undefined;
  /** Why the last fetch failed (server not running, request failed). */
  error: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private fetching: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly client: LanguageClient,
    private readonly debounceMs = 400,
  ) {}

  /** Fetch soon (many progress notifications become one fetch). */
  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, this.debounceMs);
  }

  async refresh(): Promise<void> {
    if (this.fetching) {
      this.again = true;
      return this.fetching;
    }
    this.fetching = this.fetch().finally(() => {
      this.fetching = undefined;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    });
    return this.fetching;
  }

  private async fetch(): Promise<void> {
    if (this.client.state !== State.Running) {
      this.error = 'the PHI Guard language server is not running';
      this.changed.fire();
      return;
    }
    try {
      const [findings, inventory] = await Promise.all([
        this.client.sendRequest<FindingsResult>(FINDINGS_REQUEST, { wait: false }),
        this.client.sendRequest<InventoryResult>(INVENTORY_REQUEST, { wait: false }),
      ]);
      this.findings = findings;
      this.inventory = inventory;
      this.error = undefined;
    } catch (error) {
      this.error = `the request failed: ${(error as Error)?.message ?? error}`;
    }
    this.changed.fire();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
  }
}
