/**
 * ESLint directive comments, read from source text, so that every adapter hides exactly the
 * findings ESLint hides. `eslint-plugin-phi-guard` gets this for free from ESLint; the language
 * server has no ESLint and calls `isSuppressed` itself.
 *
 * Semantics follow ESLint 9/10 (`SourceCode#getDisableDirectives` and
 * `linter/apply-disable-directives.js`):
 * - a comment is a directive when its text, trimmed, starts with `eslint-disable`,
 *   `eslint-enable`, `eslint-disable-line` or `eslint-disable-next-line` followed by whitespace
 *   or the end; `-- reason` (two or more dashes surrounded by whitespace) ends the rule list;
 * - `eslint-disable` and `eslint-enable` count only in block comments; the `-line` forms in
 *   both kinds; a block `eslint-disable-line` that spans lines is ignored (ESLint reports it);
 * - `disable`/`enable` act from the comment's start (line and column) onwards; `enable` with a
 *   rule re-enables that rule even after a bare `/* eslint-disable *\/`;
 * - `disable-line` covers the comment's line, `disable-next-line` the line after the comment's
 *   last line;
 * - rules are a comma-separated list, optionally quoted; none means every rule.
 *
 * Positions are 0-based lines and UTF-16 characters, like `Finding.range.startPos`.
 * Comments are found with TypeScript's scanner; a `/` is read as a regular expression or a
 * division from the token before it, which is how a parser-free tokenizer decides it.
 */
import * as ts from 'typescript';

export type DirectiveType = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface DirectivePosition {
  /** 0-based. */
  line: number;
  /** 0-based, in UTF-16 code units. */
  character: number;
}

export interface Directive {
  type: DirectiveType;
  /** Rule names as written (`phi-guard/no-phi-in-prompt`); undefined means every rule. */
  rules?: string[];
  /** The text after `--`, or "" when there is none. */
  justification: string;
  /** The comment: start and end offsets, and positions of its first and last characters. */
  comment: { start: number; end: number; startPos: DirectivePosition; endPos: DirectivePosition };
}

/** The ESLint rule name of a PHI Guard rule under the plugin's usual namespace. */
export function eslintRuleName(ruleId: string, pluginNamespace = 'phi-guard'): string {
  return ruleId.includes('/') ? ruleId : `${pluginNamespace}/${ruleId}`;
}

const DIRECTIVE_PATTERN = /^(eslint(?:-env|-enable|-disable(?:(?:-next)?-line)?)?|exported|globals?)(?:\s|$)/u;
const JUSTIFICATION_SEPARATOR = /\s-{2,}\s/u;

/** Every disable/enable directive in the text, in source order. */
export function parseDirectives(text: string, fileName = 'file.ts'): Directive[] {
  // Cheap exit: most files have no directive at all.
  if (!text.includes('eslint-')) return [];
  const lineStarts = computeLineStarts(text);
  const directives: Directive[] = [];
  for (const comment of scanComments(text, fileName)) {
    const directive = toDirective(text, comment, lineStarts);
    if (directive) directives.push(directive);
  }
  return directives;
}

/**
 * Whether ESLint would hide a problem of `ruleId` reported at `at`. `ruleId` is the ESLint
 * rule name (`phi-guard/no-phi-in-prompt`); a bare PHI Guard rule id gets the `phi-guard/`
 * namespace.
 */
export function isSuppressed(at: DirectivePosition, ruleId: string, directives: readonly Directive[]): boolean {
  if (directives.length === 0) return false;
  const rule = eslintRuleName(ruleId);
  // ESLint columns are 1-based; compare in ESLint's terms so ties behave the same way.
  const problem = { line: at.line, column: at.character + 1 };
  const block: Mark[] = [];
  const line: Mark[] = [];
  for (const directive of directives) {
    const names = directive.rules ?? [null];
    for (const name of names) {
      if (name !== null && name !== rule) continue;
      const { startPos, endPos } = directive.comment;
      switch (directive.type) {
        case 'disable':
        case 'enable':
          block.push({ type: directive.type, line: startPos.line, column: startPos.character + 1 });
          break;
        case 'disable-line':
          line.push({ type: 'disable', line: startPos.line, column: 1 }, { type: 'enable', line: startPos.line + 1, column: 0 });
          break;
        case 'disable-next-line':
          line.push({ type: 'disable', line: endPos.line + 1, column: 1 }, { type: 'enable', line: endPos.line + 2, column: 0 });
          break;
      }
    }
  }
  return disabledAt(block, problem) || disabledAt(line, problem);
}

/**
 * A suppression of a PHI Guard finding needs a reason (the text after `--`): someone decided
 * that this PHI may go to this vendor, and an auditor reads why. Empty text does not count, nor
 * a placeholder: `<reason>` (what the editor's Suppress quick fix inserts for the user to
 * replace) or a bare TODO.
 */
export function hasRealReason(directive: Directive): boolean {
  const reason = directive.justification.trim();
  return reason !== '' && !/^<[^>]*>$/.test(reason) && !/^(?:todo|tbd|fixme|reason|\.+|-+)$/i.test(reason);
}

/** The directives as PHI Guard honours them for its own rules: suppressions without a reason do not count. */
export function reasonedDirectives(directives: readonly Directive[]): Directive[] {
  return directives.filter((d) => d.type === 'enable' || hasRealReason(d));
}

/**
 * The directives PHI Guard honours for a finding: suppressions with a reason; for a fail-closed
 * finding ("this file is unchecked"), only those that also name the rule, so a bare
 * `eslint-disable-line` meant for something else on line 1 cannot hide it.
 */
export function honouredDirectives(directives: readonly Directive[], failClosed: boolean): Directive[] {
  const reasoned = reasonedDirectives(directives);
  return failClosed ? reasoned.filter((d) => d.type === 'enable' || d.rules !== undefined) : reasoned;
}

/**
 * The directive that ESLint would let hide a problem of `ruleId` at `at` but PHI Guard does
 * not honour (see `honouredDirectives`), when only such directives hide it.
 */
export function unhonouredSuppressionOf(at: DirectivePosition, ruleId: string, directives: readonly Directive[], failClosed: boolean): Directive | undefined {
  const honoured = honouredDirectives(directives, failClosed);
  if (isSuppressed(at, ruleId, honoured) || !isSuppressed(at, ruleId, directives)) return undefined;
  const kept = new Set(honoured);
  return directives.find((d) => !kept.has(d) && isSuppressed(at, ruleId, directives.filter((x) => x === d || kept.has(x))));
}

/**
 * Where a problem about `directive` can be reported without the directive hiding it (ESLint
 * applies every directive to every rule's problems, its own included): the comment for
 * `disable-next-line`, the line after (or before) for `disable-line`, before the comment for a
 * block `disable`. Undefined for a bare `/* eslint-disable *\/` at the very start of a file.
 */
export function reportableNear(directive: Directive, lineCount: number): DirectivePosition | undefined {
  const { startPos, endPos } = directive.comment;
  switch (directive.type) {
    case 'disable-next-line':
      return startPos;
    case 'disable-line':
      if (endPos.line + 1 < lineCount) return { line: endPos.line + 1, character: 0 };
      return startPos.line > 0 ? { line: startPos.line - 1, character: 0 } : undefined;
    case 'disable':
      if (startPos.character > 0) return { line: startPos.line, character: 0 };
      return startPos.line > 0 ? { line: startPos.line - 1, character: 0 } : undefined;
    case 'enable':
      return undefined;
  }
}

interface Mark {
  type: 'disable' | 'enable';
  line: number;
  column: number;
}

/** `applyDirectives` of apply-disable-directives.js, for one problem and marks of its rule. */
function disabledAt(marks: Mark[], problem: { line: number; column: number }): boolean {
  marks.sort((a, b) => a.line - b.line || a.column - b.column);
  let disabled = false;
  for (const mark of marks) {
    if (mark.line > problem.line || (mark.line === problem.line && mark.column > problem.column)) break;
    disabled = mark.type === 'disable';
  }
  return disabled;
}

interface CommentRange {
  kind: 'line' | 'block';
  start: number;
  end: number;
}

function toDirective(text: string, comment: CommentRange, lineStarts: number[]): Directive | undefined {
  const value = comment.kind === 'line' ? text.slice(comment.start + 2, comment.end) : text.slice(comment.start + 2, comment.end - 2);
  const separator = JUSTIFICATION_SEPARATOR.exec(value);
  const directivePart = (separator ? value.slice(0, separator.index) : value).trim();
  const justification = separator ? value.slice(separator.index + separator[0].length).trim() : '';
  const match = DIRECTIVE_PATTERN.exec(directivePart);
  if (!match) return undefined;
  const label = match[1];
  let type: DirectiveType;
  switch (label) {
    case 'eslint-disable':
      type = 'disable';
      break;
    case 'eslint-enable':
      type = 'enable';
      break;
    case 'eslint-disable-line':
      type = 'disable-line';
      break;
    case 'eslint-disable-next-line':
      type = 'disable-next-line';
      break;
    default:
      return undefined; // eslint-env, globals, exported, inline config: not about suppression
  }
  if (comment.kind === 'line' && (type === 'disable' || type === 'enable')) return undefined;
  const startPos = positionAt(lineStarts, comment.start);
  const endPos = positionAt(lineStarts, comment.end);
  if (type === 'disable-line' && startPos.line !== endPos.line) return undefined;
  const rules = parseRuleList(directivePart.slice(label.length));
  return { type, rules, justification, comment: { start: comment.start, end: comment.end, startPos, endPos } };
}

/** ConfigCommentParser#parseListConfig: comma-separated, each name optionally quoted. */
function parseRuleList(list: string): string[] | undefined {
  const rules: string[] = [];
  for (const part of list.trim().split(',')) {
    const name = part.trim().replace(/^(['"]?)(.*)\1$/su, '$2');
    if (name && !rules.includes(name)) rules.push(name);
  }
  return rules.length > 0 ? rules : undefined;
}

/** Line breaks as both ESLint and TypeScript count them. */
function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (ch === 10 || ch === 0x2028 || ch === 0x2029) {
      starts.push(i + 1);
    }
  }
  return starts;
}

function positionAt(lineStarts: number[], offset: number): DirectivePosition {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - lineStarts[low] };
}

/** Comments in source order. Strings, templates and regular expressions are skipped. */
function scanComments(text: string, fileName: string): CommentRange[] {
  const jsx = /\.[jt]sx$/i.test(fileName);
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, jsx ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard, text);
  const comments: CommentRange[] = [];
  // What each open `{` belongs to: a template substitution closes with `}` and resumes the template.
  const braces: ('block' | 'template')[] = [];
  let previous: ts.SyntaxKind | undefined;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    switch (kind) {
      case ts.SyntaxKind.SingleLineCommentTrivia:
        comments.push({ kind: 'line', start: scanner.getTokenStart(), end: scanner.getTokenEnd() });
        continue;
      case ts.SyntaxKind.MultiLineCommentTrivia:
        comments.push({ kind: 'block', start: scanner.getTokenStart(), end: scanner.getTokenEnd() });
        continue;
      case ts.SyntaxKind.WhitespaceTrivia:
      case ts.SyntaxKind.NewLineTrivia:
      case ts.SyntaxKind.ShebangTrivia:
      case ts.SyntaxKind.ConflictMarkerTrivia:
        continue;
      case ts.SyntaxKind.SlashToken:
      case ts.SyntaxKind.SlashEqualsToken:
        if (startsRegularExpression(previous)) kind = scanner.reScanSlashToken();
        break;
      case ts.SyntaxKind.TemplateHead:
        braces.push('template');
        break;
      case ts.SyntaxKind.OpenBraceToken:
        braces.push('block');
        break;
      case ts.SyntaxKind.CloseBraceToken:
        if (braces.pop() === 'template') {
          kind = scanner.reScanTemplateToken(false);
          if (kind === ts.SyntaxKind.TemplateMiddle) braces.push('template');
        }
        break;
    }
    previous = kind;
  }
  return comments;
}

/** Keywords after which `/` begins a regular expression rather than a division. */
const REGEX_AFTER_KEYWORD = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.ReturnKeyword,
  ts.SyntaxKind.TypeOfKeyword,
  ts.SyntaxKind.InstanceOfKeyword,
  ts.SyntaxKind.InKeyword,
  ts.SyntaxKind.OfKeyword,
  ts.SyntaxKind.NewKeyword,
  ts.SyntaxKind.DeleteKeyword,
  ts.SyntaxKind.VoidKeyword,
  ts.SyntaxKind.ThrowKeyword,
  ts.SyntaxKind.CaseKeyword,
  ts.SyntaxKind.DoKeyword,
  ts.SyntaxKind.ElseKeyword,
  ts.SyntaxKind.YieldKeyword,
  ts.SyntaxKind.AwaitKeyword,
]);

function startsRegularExpression(previous: ts.SyntaxKind | undefined): boolean {
  if (previous === undefined) return true;
  switch (previous) {
    case ts.SyntaxKind.Identifier:
    case ts.SyntaxKind.PrivateIdentifier:
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.BigIntLiteral:
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.RegularExpressionLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.TemplateTail:
    case ts.SyntaxKind.CloseParenToken:
    case ts.SyntaxKind.CloseBracketToken:
    case ts.SyntaxKind.CloseBraceToken:
    case ts.SyntaxKind.PlusPlusToken:
    case ts.SyntaxKind.MinusMinusToken:
      return false;
  }
  if (previous >= ts.SyntaxKind.FirstKeyword && previous <= ts.SyntaxKind.LastKeyword) return REGEX_AFTER_KEYWORD.has(previous);
  return true; // any other punctuator: ( , = : [ ! & | ? { } ; + - * % < > ~ ^ ...
}
