/**
 * Quick fixes in phi-guard.config.json: a misspelled key becomes the key it was meant to be
 * ("redactor" -> "redactors"), an unknown vendor id the nearest known one ("open-ai" ->
 * "openai"). The engine's validation says what replaces what; this only turns it into edits.
 * Offered for every problem in the requested range, whether the server or the client's JSON
 * schema reported it (see ConfigOptions), so the fix is there whichever squiggle the user is on.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver/node';
import type { ConfigIssue } from './engine';

export function configActionsFor(uri: string, text: string, issues: readonly ConfigIssue[], range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const document = TextDocument.create(uri, 'json', 0, text);
  const from = document.offsetAt(range.start);
  const to = document.offsetAt(range.end);
  const actions: CodeAction[] = [];
  for (const issue of issues) {
    if (issue.replacement === undefined || issue.end < from || issue.start > to) continue;
    const issueRange = { start: document.positionAt(issue.start), end: document.positionAt(issue.end) };
    const written = text.slice(issue.start, issue.end);
    const title = `Change ${written} to ${issue.replacement}`;
    if (actions.some((a) => a.title === title)) continue;
    actions.push({
      title,
      kind: CodeActionKind.QuickFix,
      isPreferred: true,
      diagnostics: diagnostics.filter((d) => overlaps(document, d.range, issue)),
      edit: { changes: { [uri]: [{ range: issueRange, newText: issue.replacement }] } },
    });
  }
  return actions;
}

function overlaps(document: TextDocument, range: Range, issue: ConfigIssue): boolean {
  return document.offsetAt(range.start) <= issue.end && document.offsetAt(range.end) >= issue.start;
}
