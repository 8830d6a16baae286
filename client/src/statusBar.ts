/** The status bar item: PHI Guard findings in the workspace, and a spinner while analyzing. */
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/protocol';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('phiGuard.status', vscode.StatusBarAlignment.Left, 10);
  private readonly listener: vscode.Disposable;
  private analyzing: StatusParams | undefined;

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

  private render(): void {
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
