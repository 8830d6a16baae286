/**
 * Quick fixes for PHI Guard diagnostics:
 * - "Wrap <expression> in <redactor>()" (preferred): the engine's own fix, with the import when
 *   missing; in another file when a helper there embedded the PHI (the fix at the source);
 * - "Fix all PHI Guard findings in this file": every finding's fix in one edit (also the
 *   `source.fixAll.phi-guard` source action);
 * - "Add <vendor> to approvedVendors": an edit of phi-guard.config.json, created if absent;
 * - "Suppress ... with eslint-disable-next-line": a directive ESLint and the server both honour,
 *   with a `<reason>` placeholder to replace (selected afterwards when the client can show it).
 */
import * as path from 'node:path';
import * as ts from 'typescript';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  type CodeAction,
  type Command,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { eslintRuleName, type Finding, type SuggestedFix } from './engine';
import type { FileResult } from './analysis';
import { addApprovedVendorEdits, newConfigText, type OffsetEdit } from './configEdit';
import type { DiagnosticData } from './diagnostics';
import { fileNameToUri } from './paths';

export const REASON_PLACEHOLDER = '<reason>';
/** Server command run after the suppress edit: selects the placeholder (window/showDocument). */
export const SELECT_REASON_COMMAND = 'phiGuard.selectReasonPlaceholder';

export interface CodeActionContext {
  uri: string;
  document: TextDocument;
  result: FileResult;
  /** The program's SourceFile for the same text (for comment placement). */
  sourceFile: ts.SourceFile | undefined;
  /** Current text of another file (open or on disk). */
  textOf(fileName: string): string | undefined;
  /** The text of another file that the analysis saw (the program's), to refuse stale offsets. */
  analyzedTextOf?(fileName: string): string | undefined;
  /** Where to create phi-guard.config.json when there is none. */
  newConfigDirectory: string;
  canCreateFiles: boolean;
  canSelectAfterEdit: boolean;
}

/** The source action that applies every finding's fix at once (never requested by a bare `source.fixAll`: see codeActionKindsWanted). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.phi-guard`;
export const FIX_ALL_TITLE = 'Fix all PHI Guard findings in this file';

export function codeActionsFor(ctx: CodeActionContext, range: Range, requested: readonly Diagnostic[]): CodeAction[] {
  const selected = selectFindings(ctx, range, requested);
  const wraps: CodeAction[] = [];
  const approvals = new Map<string, CodeAction>();
  const suppressions = new Map<string, CodeAction>();
  for (const { finding, diagnostic } of selected) {
    const diagnostics = diagnostic ? [diagnostic] : [];
    for (const fix of finding.fixes) {
      const edit = fixToWorkspaceEdit(ctx, fix);
      if (!edit) continue;
      // One action per edit: two findings the same wrap fixes share it (its title says so).
      const same = wraps.find((w) => sameEdit(w.edit!, edit));
      if (same) same.diagnostics!.push(...diagnostics);
      else wraps.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: wraps.length === 0, edit });
    }
    const vendor = finding.vendor;
    if (vendor && vendor.id !== 'unknown' && (finding.kind === 'phi-to-vendor' || finding.kind === 'unapproved-vendor')) {
      const existing = approvals.get(vendor.id);
      if (existing) existing.diagnostics!.push(...diagnostics);
      else {
        const action = approveVendorAction(ctx, vendor.id, vendor.name, diagnostics);
        if (action) approvals.set(vendor.id, action);
      }
    }
    const key = `${finding.ruleId}@${finding.range.startPos.line}`;
    const existing = suppressions.get(key);
    if (existing) existing.diagnostics!.push(...diagnostics);
    else suppressions.set(key, suppressAction(ctx, finding, diagnostics));
  }
  distinctTitles(wraps);
  const fixAll = selected.length > 0 ? fixAllAction(ctx, CodeActionKind.QuickFix) : undefined;
  return [...wraps, ...(fixAll ? [fixAll] : []), ...approvals.values(), ...suppressions.values()];
}

/**
 * Every finding's preferred fix in one edit: identical edits (the shared import, one helper's
 * wrap) once, a fix that overlaps one already taken left out (its finding stays, and the title
 * counts only what is fixed). As a quick fix only when the file has more than one fix to apply.
 */
export function fixAllAction(ctx: CodeActionContext, kind: string): CodeAction | undefined {
  const taken: { fileName: string; start: number; end: number; newText: string }[] = [];
  const diagnostics: Diagnostic[] = [];
  let fixed = 0;
  let fixable = 0;
  ctx.result.findings.forEach((finding, index) => {
    const fix = finding.fixes[0];
    if (!fix) return;
    fixable++;
    const own = fix.edits.filter((e) => !taken.some((t) => t.fileName === e.fileName && t.start === e.start && t.end === e.end && t.newText === e.newText));
    if (own.some((e) => taken.some((t) => t.fileName === e.fileName && e.start < t.end && t.start < e.end))) return;
    if (!fixToWorkspaceEdit(ctx, { ...fix, edits: own })) return;
    taken.push(...own);
    fixed++;
    const diagnostic = ctx.result.diagnostics.find((d) => (d.data as DiagnosticData | undefined)?.finding === index);
    if (diagnostic) diagnostics.push(diagnostic);
  });
  if (fixed === 0 || (kind === CodeActionKind.QuickFix && fixed < 2)) return undefined;
  const edit = fixToWorkspaceEdit(ctx, { kind: 'wrap-in-redactor', title: FIX_ALL_TITLE, edits: taken })!;
  const title = fixed === fixable ? `${FIX_ALL_TITLE} (${fixed})` : `Fix ${fixed} of ${fixable} PHI Guard findings in this file (the others overlap; run it again)`;
  return { title, kind, diagnostics, edit };
}

function sameEdit(a: WorkspaceEdit, b: WorkspaceEdit): boolean {
  return JSON.stringify(a.changes) === JSON.stringify(b.changes);
}

/** Two different wraps of the same text (`patient.ssn` twice on a line) are told apart by where. */
function distinctTitles(actions: CodeAction[]): void {
  for (const a of actions) {
    if (actions.filter((b) => b.title === a.title).length < 2) continue;
    const first = Object.values(a.edit?.changes ?? {}).flat().find((e) => e.newText.includes('('));
    if (first) a.title = `${a.title} at line ${first.range.start.line + 1}, column ${first.range.start.character + 1}`;
  }
}

interface Selected {
  finding: Finding;
  diagnostic?: Diagnostic;
}

/** The findings the request is about: its diagnostics (matched by data, else by position), else the range. */
function selectFindings(ctx: CodeActionContext, range: Range, requested: readonly Diagnostic[]): Selected[] {
  const { result } = ctx;
  const published = result.diagnostics.filter((d) => typeof (d.data as DiagnosticData | undefined)?.finding === 'number');
  const out = new Map<number, Selected>();
  for (const diagnostic of requested) {
    if (diagnostic.source !== 'phi-guard') continue;
    const data = diagnostic.data as DiagnosticData | undefined;
    let index = data && data.version === result.version ? data.finding : undefined;
    if (index === undefined || !result.findings[index]) {
      const match = published.find((p) => sameRange(p.range, diagnostic.range) && p.code === diagnostic.code && p.message === diagnostic.message);
      index = match ? (match.data as DiagnosticData).finding : undefined;
    }
    if (index !== undefined && result.findings[index]) out.set(index, { finding: result.findings[index], diagnostic: published.find((p) => (p.data as DiagnosticData).finding === index) ?? diagnostic });
  }
  if (out.size > 0) return [...out.values()];
  // No diagnostics in the request (some clients send none): everything that touches the range.
  for (const diagnostic of published) {
    if (overlaps(diagnostic.range, range)) {
      const index = (diagnostic.data as DiagnosticData).finding;
      out.set(index, { finding: result.findings[index], diagnostic });
    }
  }
  return [...out.values()];
}

function fixToWorkspaceEdit(ctx: CodeActionContext, fix: SuggestedFix): WorkspaceEdit | undefined {
  const changes: Record<string, TextEdit[]> = {};
  for (const edit of fix.edits) {
    const isThisFile = path.normalize(edit.fileName) === ctx.result.fileName;
    const text = isThisFile ? undefined : ctx.textOf(edit.fileName);
    // A fix at the source edits another file at the offsets the analysis saw: not once it changed.
    if (!isThisFile && (text === undefined || (ctx.analyzedTextOf && ctx.analyzedTextOf(edit.fileName) !== text))) return undefined;
    const document = isThisFile ? ctx.document : documentFor(edit.fileName, text);
    if (!document) return undefined;
    const uri = isThisFile ? ctx.uri : fileNameToUri(edit.fileName);
    (changes[uri] ??= []).push({ range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.newText });
  }
  return { changes };
}

function approveVendorAction(ctx: CodeActionContext, vendorId: string, vendorName: string, diagnostics: Diagnostic[]): CodeAction | undefined {
  const title = `Add "${vendorId}" to approvedVendors (only if a BAA with ${vendorName} covers this use)`;
  const configFile = ctx.result.config?.configFile;
  if (configFile) {
    const text = ctx.textOf(configFile);
    if (text === undefined) return undefined;
    const edits = addApprovedVendorEdits(text, vendorId);
    if (!edits || edits.length === 0) return undefined;
    const document = documentFor(configFile, text)!;
    return { title, kind: CodeActionKind.QuickFix, diagnostics, edit: { changes: { [fileNameToUri(configFile)]: toTextEdits(document, edits) } } };
  }
  if (!ctx.canCreateFiles) return undefined;
  const uri = fileNameToUri(path.join(ctx.newConfigDirectory, 'phi-guard.config.json'));
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics,
    edit: {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: newConfigText(vendorId) }] },
      ],
    },
  };
}

function suppressAction(ctx: CodeActionContext, finding: Finding, diagnostics: Diagnostic[]): CodeAction {
  const rule = eslintRuleName(finding.ruleId);
  const { edits, reasonAt } = suppressionEdits(ctx, finding.range.startPos.line, finding.range.start, rule);
  const action: CodeAction = {
    title: `Suppress ${rule} with eslint-disable-next-line (give a reason)`,
    kind: CodeActionKind.QuickFix,
    diagnostics,
    edit: { changes: { [ctx.uri]: edits } },
  };
  if (ctx.canSelectAfterEdit && reasonAt) {
    const command: Command = { title: 'Select the reason placeholder', command: SELECT_REASON_COMMAND, arguments: [ctx.uri, reasonAt] };
    action.command = command;
  }
  return action;
}

/**
 * Where the directive goes. Normally a `// eslint-disable-next-line` line above the finding's
 * line (or the rule appended to one already there). Inside JSX children a comment must be an
 * expression: `{/* ... *\/}`. When the line starts inside a multi-line string or template, no
 * comment can go above it: the enclosing statement is wrapped in `/* eslint-disable *\/` and
 * `/* eslint-enable *\/` instead. `reasonAt` is the placeholder's position after the edit.
 */
export function suppressionEdits(
  ctx: Pick<CodeActionContext, 'document' | 'sourceFile'>,
  line: number,
  findingOffset: number,
  rule: string,
): { edits: TextEdit[]; reasonAt?: Range } {
  const { document } = ctx;
  const text = document.getText();
  const lineStart = document.offsetAt({ line, character: 0 });
  const lineText = text.slice(lineStart, document.offsetAt({ line: line + 1, character: 0 })).replace(/\r?\n$/, '');
  const indent = /^[ \t]*/.exec(lineText)![0];
  const firstCode = lineStart + indent.length;
  const reason = ` -- ${REASON_PLACEHOLDER}`;

  if (line > 0) {
    const previousStart = document.offsetAt({ line: line - 1, character: 0 });
    const previous = text.slice(previousStart, lineStart).replace(/\r?\n$/, '');
    const existing = /^(\s*(?:\/\/|\{?\/\*)\s*eslint-disable-next-line)(\s[^]*?)?(\s-{2,}\s[^]*?)?(\s*\*\/\}?)?$/.exec(previous);
    if (existing) {
      const rules = (existing[2] ?? '').trim();
      if (!rules) return { edits: [] }; // already disables every rule on this line
      if (rules.split(',').some((r) => r.trim().replace(/^['"]|['"]$/g, '') === rule)) return { edits: [] };
      const at = previousStart + existing[1].length + (existing[2] ?? '').replace(/\s+$/, '').length;
      const position = document.positionAt(at);
      return { edits: [{ range: { start: position, end: position }, newText: `, ${rule}` }] };
    }
  }

  const context = placementAt(ctx.sourceFile, firstCode, findingOffset);
  if (context.kind === 'inside-literal' && context.statement) {
    const { statement } = context;
    const startOffset = statement.getStart(ctx.sourceFile);
    const start = document.positionAt(startOffset);
    const statementIndent = /^[ \t]*/.exec(text.slice(document.offsetAt({ line: start.line, character: 0 })))![0];
    const end = document.positionAt(statement.end);
    const disable = `/* eslint-disable ${rule}${reason} */\n${statementIndent}`;
    const placeholderCharacter = start.character + `/* eslint-disable ${rule} -- `.length;
    return {
      edits: [
        { range: { start, end: start }, newText: disable },
        { range: { start: end, end }, newText: `\n${statementIndent}/* eslint-enable ${rule} */` },
      ],
      reasonAt: { start: { line: start.line, character: placeholderCharacter }, end: { line: start.line, character: placeholderCharacter + REASON_PLACEHOLDER.length } },
    };
  }
  const comment = context.kind === 'jsx-child' ? `{/* eslint-disable-next-line ${rule}${reason} */}` : `// eslint-disable-next-line ${rule}${reason}`;
  const insertAt = { line, character: 0 };
  const placeholderCharacter = indent.length + comment.indexOf(REASON_PLACEHOLDER);
  return {
    edits: [{ range: { start: insertAt, end: insertAt }, newText: `${indent}${comment}\n` }],
    reasonAt: { start: { line, character: placeholderCharacter }, end: { line, character: placeholderCharacter + REASON_PLACEHOLDER.length } },
  };
}

type Placement = { kind: 'code' } | { kind: 'jsx-child' } | { kind: 'inside-literal'; statement?: ts.Node };

function placementAt(sourceFile: ts.SourceFile | undefined, offset: number, findingOffset: number): Placement {
  if (!sourceFile) return { kind: 'code' };
  let node: ts.Node = sourceFile;
  for (;;) {
    const child: ts.Node | undefined = node.forEachChild((c) => (c.getStart(sourceFile) <= offset && offset < c.end ? c : undefined));
    if (!child) break;
    node = child;
  }
  const insideLiteral =
    (ts.isTemplateLiteralToken(node) || ts.isStringLiteral(node) || ts.isTemplateExpression(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.getStart(sourceFile) < offset;
  if (insideLiteral) return { kind: 'inside-literal', statement: enclosingStatement(sourceFile, findingOffset) };
  if (ts.isJsxText(node) || ((ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)) && node.parent.children.some((c) => c === node))) return { kind: 'jsx-child' };
  return { kind: 'code' };
}

function enclosingStatement(sourceFile: ts.SourceFile, offset: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (node.getStart(sourceFile) > offset || node.end < offset) return;
    const parent = node.parent;
    if (parent && (ts.isSourceFile(parent) || ts.isBlock(parent) || ts.isModuleBlock(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent))) found = node;
    node.forEachChild(visit);
  };
  sourceFile.forEachChild(visit);
  return found;
}

function documentFor(fileName: string, text: string | undefined): TextDocument | undefined {
  return text === undefined ? undefined : TextDocument.create(fileNameToUri(fileName), 'plaintext', 0, text);
}

function toTextEdits(document: TextDocument, edits: OffsetEdit[]): TextEdit[] {
  return edits.map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.newText }));
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
