/**
 * The status bar item, in the order that matters to the user: server down (nothing is checked),
 * config broken (the last valid config is in use), analyzing n/m before the first pass has
 * settled (never a count then: 0 would read as "all clear"), else the findings count.
 */
import * as vscode from 'vscode';
import { CONFIG_DIAGNOSTIC_CODE, DIAGNOSTIC_SOURCE, type StatusParams } from '../../server/src/protocol';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('phiGuard.status', vscode.StatusBarAlignment.Left, 10);
  private readonly listener: vscode.Disposable;
  private analyzing: StatusParams | undefined;
  /** Config files the server says are broken (it leaves syntax errors to VS Code's JSON service). */
  private brokenByServer: string[] = [];
  /** Set while the server is not running: never show a count then, the diagnostics are gone. */
  private down: { why: string; final: boolean } | undefined;
  /** The start-up pass (of this server process) has finished: counts mean something now. */
  private settled = false;

  constructor() {
    this.item.name = 'PHI Guard';
    this.listener = vscode.languages.onDidChangeDiagnostics(() => this.render());
    this.render();
    this.item.show();
  }

  serverStatus(status: StatusParams): void {
    // 'idle' alone does not end start-up: open documents can settle before the folder is listed.
    this.analyzing = status.state === 'analyzing' ? status : undefined;
    this.brokenByServer = status.brokenConfigs ?? [];
    this.render();
  }

  /** The server answered a waiting request: the start-up pass is over even if no status came (empty workspace). */
  startupSettled(): void {
    this.settled = true;
    this.render();
  }

  /** The server stopped for good (the error handler gave up). */
  serverDown(why: string): void {
    this.down = { why, final: true };
    this.render();
  }

  /** Stopped for a restart, or starting. */
  serverStarting(): void {
    this.down = { why: 'starting', final: false };
    this.settled = false;
    this.analyzing = undefined;
    this.brokenByServer = [];
    this.render();
  }

  serverUp(): void {
    this.down = undefined;
    this.render();
  }

  private render(): void {
    this.item.backgroundColor = undefined;
    if (this.down) {
      this.item.text = this.down.final ? '$(error) PHI Guard: server down' : '$(sync~spin) PHI Guard: starting';
      this.item.tooltip = this.down.final
        ? `The PHI Guard language server is down (${this.down.why}): no file is being checked, whatever the Problems view shows.\n\nClick to restart it.`
        : 'The PHI Guard language server is starting.';
      this.item.command = this.down.final ? 'phiGuard.restartServer' : undefined;
      if (this.down.final) this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      return;
    }
    let findings = 0;
    let files = 0;
    const brokenConfigs: vscode.Uri[] = [];
    for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
      const ours = diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
      if (ours.some((d) => d.code === CONFIG_DIAGNOSTIC_CODE && d.severity === vscode.DiagnosticSeverity.Error)) brokenConfigs.push(uri);
      const count = ours.filter((d) => d.code !== CONFIG_DIAGNOSTIC_CODE).length;
      findings += count;
      if (count > 0) files++;
    }
    for (const uri of this.brokenByServer) {
      const parsed = vscode.Uri.parse(uri);
      if (!brokenConfigs.some((u) => u.toString() === parsed.toString())) brokenConfigs.push(parsed);
    }
    const progress = this.analyzing ? `${this.analyzing.done}/${this.analyzing.total}` : '';
    if (brokenConfigs.length > 0) {
      this.item.text = '$(error) PHI Guard: config broken';
      this.item.tooltip = `${brokenConfigs.map((u) => vscode.workspace.asRelativePath(u)).join(', ')} has errors: the last valid configuration (or the defaults) is in use until it is fixed.\n\nClick to open it.`;
      this.item.command = { command: 'vscode.open', title: 'Open phi-guard.config.json', arguments: [brokenConfigs[0]] };
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      return;
    }
    if (!this.settled) {
      this.item.text = `$(sync~spin) PHI Guard: analyzing${progress ? ` ${progress}` : '…'}`;
      this.item.tooltip = `PHI Guard is analyzing the workspace${progress ? ` (${progress} files)` : ''}. Findings appear as files are analyzed; the count is shown when the pass is done.`;
      this.item.command = 'phiGuard.focusView';
      return;
    }
    const spinner = this.analyzing ? '$(sync~spin) ' : '';
    this.item.text = `${spinner}$(shield) PHI Guard: ${findings}`;
    const analyzing = this.analyzing ? `\n\nRe-analyzing: ${progress} files.` : '';
    this.item.tooltip = `${findings} PHI Guard finding${findings === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.${analyzing}\n\nClick for the PHI Guard view.`;
    this.item.command = 'phiGuard.focusView';
    if (findings > 0) this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
  }

  dispose(): void {
    this.listener.dispose();
    this.item.dispose();
  }
}
