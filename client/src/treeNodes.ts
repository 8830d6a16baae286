/** A tree view made of plain nodes: each node is its TreeItem plus its children. */
import * as vscode from 'vscode';
import type { LspRange } from '../../server/src/protocol';

export interface Node {
  item: vscode.TreeItem;
  children?: Node[];
}

export function node(label: string, options: { description?: string; tooltip?: string | vscode.MarkdownString; icon?: string; color?: string; command?: vscode.Command; children?: Node[]; expanded?: boolean; contextValue?: string; id?: string } = {}): Node {
  const children = options.children;
  const state = !children || children.length === 0 ? vscode.TreeItemCollapsibleState.None : options.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(label, state);
  item.description = options.description;
  item.tooltip = options.tooltip;
  if (options.icon) item.iconPath = new vscode.ThemeIcon(options.icon, options.color ? new vscode.ThemeColor(options.color) : undefined);
  item.command = options.command;
  item.contextValue = options.contextValue;
  if (options.id) item.id = options.id;
  return { item, children };
}

/** Opens `uri` with `range` selected (and revealed). */
export function openAt(uri: string, range: LspRange, title = 'Open'): vscode.Command {
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  return { command: 'vscode.open', title, arguments: [vscode.Uri.parse(uri), { selection, preview: true } satisfies vscode.TextDocumentShowOptions] };
}

export const where = (fileName: string, range: LspRange) => `${vscode.workspace.asRelativePath(fileName)}:${range.start.line + 1}`;

export class NodeTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: Node[] = [];

  setRoots(roots: Node[]): void {
    this.roots = roots;
    this.changed.fire(undefined);
  }

  getTreeItem(element: Node): vscode.TreeItem {
    return element.item;
  }

  getChildren(element?: Node): Node[] {
    return element ? (element.children ?? []) : this.roots;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
