/** Hover on a PHI-bearing expression: what PHI it carries and which LLM calls it reaches. */
import { explainAt, type ResolvedConfig } from './engine';
import type * as ts from 'typescript';
import { MarkupKind, type Hover } from 'vscode-languageserver/node';

export function hoverAt(program: ts.Program, sourceFile: ts.SourceFile, offset: number, config: ResolvedConfig): Hover | null {
  const explanation = explainAt(program, sourceFile, offset, config);
  if (!explanation || !explanation.markdown) return null;
  return { contents: { kind: MarkupKind.Markdown, value: explanation.markdown } };
}
