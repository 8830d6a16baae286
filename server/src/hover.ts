/**
 * Hover on a PHI-bearing expression: what PHI it carries, each LLM call it reaches (once), and
 * the path of each PHI as a Markdown list, each step with its file, line and a link to it.
 */
import { explainAt, type FlowStep, type ResolvedConfig } from './engine';
import type * as ts from 'typescript';
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import { fileNameToUri } from './paths';

/** How a file is named to the user: relative to its workspace folder when inside one. */
export type DisplayPath = (fileName: string) => string;

/** More paths than this make a hover nobody reads; the Problems panel has them all. */
const MAX_PATHS = 4;

export function hoverAt(program: ts.Program, sourceFile: ts.SourceFile, offset: number, config: ResolvedConfig, displayPath: DisplayPath): Hover | null {
  const explanation = explainAt(program, sourceFile, offset, config);
  if (!explanation || explanation.flows.length === 0) return null;
  const lines = [`**PHI Guard**: carries PHI ${explanation.phi.map((p) => `\`${p}\``).join(', ')}`, '', '**Reaches**', ''];
  for (const { call, vendor } of explanation.reaches) {
    lines.push(`- ${escapeMarkdown(vendor?.name ?? 'an LLM call')} via \`${call.name}\` at ${stepLink(call.range, displayPath)}`);
  }
  for (const origin of explanation.flows.slice(0, MAX_PATHS)) {
    lines.push('', explanation.flows.length > 1 ? `**Path of ${escapeMarkdown(origin.phi)}**` : '**Path**', '');
    origin.flow.forEach((step, i) => lines.push(`${i + 1}. ${stepLink(step.range, displayPath)} ${escapeMarkdown(step.description)}`));
  }
  if (explanation.flows.length > MAX_PATHS) lines.push('', `and ${explanation.flows.length - MAX_PATHS} more paths (see the Problems panel)`);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') } };
}

/** `[src/visit.ts:8](file:///…/src/visit.ts#L8)`: the file as the user names it, a link that opens it at the line. */
export function stepLink(range: FlowStep['range'], displayPath: DisplayPath): string {
  const line = range.startPos.line + 1;
  return `[${escapeMarkdown(`${displayPath(range.fileName)}:${line}`)}](${fileNameToUri(range.fileName)}#L${line})`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}
