/** The status bar item: PHI Guard findings in the workspace, and a spinner while analyzing. */
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/protocol';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('phiGuard.status', vscode.StatusBarAlignment.Left, 10);
  private readonly listener: vscode.Disposable;
  private analyzing: StatusParams | undefined;
  /** Set while the server is not running: never show a count then, the diagnostics are gone. */
  private down: { why: string; final: boolean } | undefined;

  constructor() {
    this.item.name = 'PHI Guard';
    this.item.command = 'phiGuard.showInventory';
    this.listener = vscode.languages.onDidChangeDiagnostics(() => this.render());
    this.render();
    this.item.show();
  }

  serverStatus(status: StatusParams): void {
    this.analyzing = status.state === 'analyzing' ? status : undefined;
    this.render();
  }

  /** The server stopped for good (the error handler gave up). */
  serverDown(why: string): void {
    this.down = { why, final: true };
    this.render();
  }

  /** Stopped for a restart. */
  serverStarting(): void {
    this.down = { why: 'starting', final: false };
    this.render();
  }

  serverUp(): void {
    this.down = undefined;
    this.render();
  }

  private render(): void {
    if (this.down) {
      this.item.text = this.down.final ? '$(error) PHI Guard: not running' : '$(sync~spin) PHI Guard: starting';
      this.item.tooltip = this.down.final
        ? `PHI Guard is not running (${this.down.why}): no file is being checked, whatever the Problems view shows.\n\nClick to restart it.`
        : 'The PHI Guard language server is starting.';
      this.item.command = this.down.final ? 'phiGuard.restartServer' : undefined;
      this.item.backgroundColor = this.down.final ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
      return;
    }
    this.item.command = 'phiGuard.showInventory';
    let findings = 0;
    let files = 0;
    for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
      const ours = diagnostics.filter((d) => d.source === 'phi-guard' && d.code !== 'invalid-config').length;
      findings += ours;
      if (ours > 0) files++;
    }
    const spinner = this.analyzing ? `$(sync~spin) ` : '';
    this.item.text = `${spinner}$(shield) PHI Guard: ${findings}`;
    const progress = this.analyzing ? `\n\nAnalyzing the workspace: ${this.analyzing.done}/${this.analyzing.total} files.` : '';
    this.item.tooltip = `${findings} PHI Guard finding${findings === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.${progress}\n\nClick for the LLM call inventory.`;
    this.item.backgroundColor = findings > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.listener.dispose();
    this.item.dispose();
  }
}
