/**
 * The "Findings by Vendor" and "Findings by File" views: each finding expands into its flow
 * (PHI source, each hop, the LLM call); every node opens the file at its place. Files that
 * were not analyzed (fail closed) and a pass still running are shown at the top, never hidden.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FindingItem, FindingsResult } from '../../server/src/protocol';
import { node, openAt, where, type Node } from './treeNodes';

export type Grouping = 'vendor' | 'file';

const STEP_LABEL: Record<string, string> = { source: 'PHI source: ', step: '', sink: 'LLM call: ' };

export function findingLabel(f: FindingItem): string {
  if (f.phi.length > 0 && f.vendorName) return `${f.phi.join(', ')} → ${f.vendorName}${f.call ? ` (${f.call})` : ''}`;
  if (f.call && f.vendorName) return `${f.call} → ${f.vendorName}`;
  return f.message;
}

function findingNode(f: FindingItem, grouping: Grouping, id: string): Node {
  const steps = f.flow.map((step, i) =>
    node(`${i + 1}. ${STEP_LABEL[step.kind] ?? ''}${step.description}`, {
      description: `${path.basename(step.fileName)}:${step.range.start.line + 1}`,
      tooltip: `${vscode.workspace.asRelativePath(step.fileName)}:${step.range.start.line + 1}:${step.range.start.character + 1}`,
      icon: step.kind === 'source' ? 'symbol-field' : step.kind === 'sink' ? 'cloud-upload' : 'arrow-small-right',
      command: openAt(step.uri, step.range, 'Open step'),
      contextValue: 'phiGuard.step',
      id: `${id}/${i}`,
    }),
  );
  return node(findingLabel(f), {
    description: grouping === 'vendor' ? where(f.fileName, f.range) : `${f.vendorName ?? f.ruleId} · line ${f.range.start.line + 1}`,
    tooltip: new vscode.MarkdownString(`**${f.ruleId}**\n\n${f.message.replace(/\n/g, '\n\n')}`),
    icon: f.severity === 1 ? 'error' : f.severity === 2 ? 'warning' : 'info',
    color: f.severity === 1 ? 'problemsErrorIcon.foreground' : f.severity === 2 ? 'problemsWarningIcon.foreground' : undefined,
    command: openAt(f.uri, f.range, 'Open finding'),
    children: steps,
    contextValue: 'phiGuard.finding',
    id,
  });
}

/** What stands between the user and "no findings": a pass in progress, files not analyzed. */
export function incompleteNodes(result: { complete: boolean; incomplete?: string; failedFiles: { fileName: string; uri: string; reason: string }[]; unreadableFolders: string[] }): Node[] {
  if (result.complete) return [];
  const children = [
    ...result.failedFiles.map((f) =>
      node(vscode.workspace.asRelativePath(f.fileName), {
        description: 'not analyzed',
        tooltip: f.reason,
        icon: 'circle-slash',
        color: 'problemsErrorIcon.foreground',
        command: openAt(f.uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, 'Open file'),
      }),
    ),
    ...result.unreadableFolders.map((f) => node(vscode.workspace.asRelativePath(f), { description: 'could not be listed', icon: 'circle-slash', color: 'problemsErrorIcon.foreground' })),
  ];
  const running = /still running/.test(result.incomplete ?? '');
  return [
    node(running && children.length === 0 ? 'Analysis in progress: findings so far' : 'Incomplete analysis', {
      description: result.incomplete,
      tooltip: `${result.incomplete ?? ''}. Findings in files that were not analyzed are missing: they are unchecked, not clean.`,
      icon: running && children.length === 0 ? 'sync~spin' : 'warning',
      color: running && children.length === 0 ? undefined : 'problemsWarningIcon.foreground',
      children,
      expanded: true,
      contextValue: 'phiGuard.incomplete',
      id: `incomplete:${running && children.length === 0 ? 'running' : 'failed'}`,
    }),
  ];
}

export function findingsRoots(result: FindingsResult | undefined, grouping: Grouping, error?: string): Node[] {
  // Stable ids: VS Code keeps what the user expanded across refreshes (the server re-analyzes
  // on every edit); ids must be unique in a view, hence the counter for look-alikes.
  const used = new Map<string, number>();
  const uniqueId = (base: string) => {
    const n = used.get(base) ?? 0;
    used.set(base, n + 1);
    return n === 0 ? base : `${base}#${n}`;
  };
  if (error) return [node('PHI Guard is not available', { description: error, icon: 'error', color: 'problemsErrorIcon.foreground' })];
  if (!result) return [node('Waiting for the language server…', { icon: 'sync~spin' })];
  const groups = new Map<string, { label: string; items: FindingItem[]; fileName?: string; uri?: string }>();
  for (const f of result.findings) {
    const key = grouping === 'vendor' ? (f.vendorId ?? '') : f.fileName;
    let group = groups.get(key);
    if (!group) {
      const label = grouping === 'vendor' ? (f.vendorName ?? 'Other') : vscode.workspace.asRelativePath(f.fileName);
      groups.set(key, (group = { label, items: [], fileName: f.fileName, uri: f.uri }));
    }
    group.items.push(f);
  }
  const roots = [...groups.entries()]
    .sort(([, a], [, b]) => (grouping === 'vendor' ? b.items.length - a.items.length : 0) || a.label.localeCompare(b.label))
    .map(([key, group]) =>
      node(group.label, {
        description: `${group.items.length} finding${group.items.length === 1 ? '' : 's'}`,
        icon: grouping === 'vendor' ? 'cloud' : 'file-code',
        children: group.items.map((f) => findingNode(f, grouping, uniqueId(`${grouping}:${f.uri}:${f.range.start.line}:${f.range.start.character}:${f.ruleId}:${f.phi.join(',')}`))),
        expanded: true,
        id: `${grouping}:${key}`,
        contextValue: grouping === 'vendor' ? 'phiGuard.vendor' : 'phiGuard.file',
      }),
    );
  const top = incompleteNodes(result);
  if (roots.length === 0 && result.complete) return [node('No PHI Guard findings', { description: `${result.files} files analyzed`, icon: 'pass', color: 'testing.iconPassed' })];
  return [...top, ...roots];
}
