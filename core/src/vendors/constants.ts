import ts from 'typescript';
import { valueSymbolOf } from '../symbols';

/**
 * Constant strings for endpoints, models and regions. Only literal values and `const`
 * bindings to them count; anything read at run time (process.env, parameters) is unknown,
 * because a value we cannot see may point anywhere.
 */

const MAX_HOPS = 8;

export function constantString(checker: ts.TypeChecker, expr: ts.Expression | undefined, hops = 0): string | undefined {
  if (!expr || hops > MAX_HOPS) return undefined;
  const e = skip(expr);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (ts.isTemplateExpression(e)) {
    let out = e.head.text;
    for (const span of e.templateSpans) {
      const v = constantString(checker, span.expression, hops + 1);
      if (v === undefined) return undefined;
      out += v + span.literal.text;
    }
    return out;
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const l = constantString(checker, e.left, hops + 1);
    const r = constantString(checker, e.right, hops + 1);
    return l !== undefined && r !== undefined ? l + r : undefined;
  }
  if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)) {
    const init = constInitializer(checker, e);
    if (init) return constantString(checker, init, hops + 1);
    const type = checker.getTypeAtLocation(e);
    if (type.isStringLiteral()) return type.value;
  }
  return undefined;
}

/** The text up to the first unknown part: enough to read the host of `${BASE}/v1` or `https://api.x.ai/${path}`. */
export function constantPrefix(checker: ts.TypeChecker, expr: ts.Expression | undefined, hops = 0): string | undefined {
  if (!expr || hops > MAX_HOPS) return undefined;
  const full = constantString(checker, expr, hops);
  if (full !== undefined) return full;
  const e = skip(expr);
  if (ts.isTemplateExpression(e)) {
    let out = e.head.text;
    for (const span of e.templateSpans) {
      const v = constantString(checker, span.expression, hops + 1);
      if (v === undefined) {
        const inner = constantPrefix(checker, span.expression, hops + 1);
        return inner !== undefined ? out + inner : out || undefined;
      }
      out += v + span.literal.text;
    }
    return out;
  }
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return constantPrefix(checker, e.left, hops + 1);
  if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'URL' && e.arguments) {
    // new URL(path, base): the base decides the host.
    const base = e.arguments[1] ? constantPrefix(checker, e.arguments[1], hops + 1) : undefined;
    return base ?? constantPrefix(checker, e.arguments[0], hops + 1);
  }
  if (ts.isIdentifier(e)) {
    const init = constInitializer(checker, e);
    if (init) return constantPrefix(checker, init, hops + 1);
  }
  return undefined;
}

export function constantBoolean(checker: ts.TypeChecker, expr: ts.Expression | undefined): boolean | undefined {
  if (!expr) return undefined;
  const e = skip(expr);
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isIdentifier(e)) {
    const init = constInitializer(checker, e);
    if (init) return constantBoolean(checker, init);
  }
  return undefined;
}

/** The initializer of a `const` binding (or of a readonly/static class member) the expression names. */
export function constInitializer(checker: ts.TypeChecker, e: ts.Expression): ts.Expression | undefined {
  const sym = valueSymbolOf(checker, e);
  const decl = sym?.valueDeclaration;
  if (!decl) return undefined;
  if (ts.isVariableDeclaration(decl) && decl.initializer && ts.isVariableDeclarationList(decl.parent) && decl.parent.flags & ts.NodeFlags.Const) {
    return decl.initializer;
  }
  if (ts.isPropertyDeclaration(decl) && decl.initializer && (ts.getCombinedModifierFlags(decl) & ts.ModifierFlags.Readonly)) return decl.initializer;
  if (ts.isPropertyAssignment(decl) && isInConstObject(decl)) return decl.initializer;
  return undefined;
}

function isInConstObject(p: ts.PropertyAssignment): boolean {
  const obj = p.parent;
  let n: ts.Node = obj.parent;
  while (ts.isAsExpression(n) || ts.isSatisfiesExpression(n) || ts.isParenthesizedExpression(n)) n = n.parent;
  return ts.isVariableDeclaration(n) && ts.isVariableDeclarationList(n.parent) && (n.parent.flags & ts.NodeFlags.Const) !== 0;
}

/** The object literal an expression evaluates to, following const bindings. */
export function objectLiteralOf(checker: ts.TypeChecker, expr: ts.Expression | undefined, hops = 0): ts.ObjectLiteralExpression | undefined {
  if (!expr || hops > MAX_HOPS) return undefined;
  const e = skip(expr);
  if (ts.isObjectLiteralExpression(e)) return e;
  if (ts.isIdentifier(e)) {
    const init = constInitializer(checker, e);
    if (init) return objectLiteralOf(checker, init, hops + 1);
  }
  return undefined;
}

/** The value of property `name` in an object literal: its initializer, or the identifier of a shorthand. */
export function propertyValue(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined | 'spread-unknown' {
  let found: ts.Expression | undefined | 'spread-unknown';
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && propName(p.name) === name) found = p.initializer;
    else if (ts.isShorthandPropertyAssignment(p) && p.name.text === name) found = p.name;
    else if (ts.isSpreadAssignment(p)) found = 'spread-unknown';
  }
  return found;
}

function propName(n: ts.PropertyName): string | undefined {
  return ts.isIdentifier(n) || ts.isStringLiteral(n) ? n.text : undefined;
}

export function skip(e: ts.Expression): ts.Expression {
  while (
    ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e) ||
    ts.isTypeAssertionExpression(e) || ts.isAwaitExpression(e)
  ) {
    e = e.expression;
  }
  return e;
}

export function hostOf(url: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/?#]+)/i.exec(url.trim());
  if (!m) return undefined;
  return m[1]!.toLowerCase().replace(/^\[|\]$/g, '');
}

export function hostMatches(host: string, pattern: string): boolean {
  const p = pattern.toLowerCase();
  if (p.startsWith('*.')) return host.endsWith(p.slice(1)) && host.length > p.length - 1;
  if (p.includes('*')) return new RegExp('^' + p.split('*').map(escapeRe).join('[^.]*') + '$').test(host);
  return host === p;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function globMatches(value: string, pattern: string): boolean {
  return new RegExp('^' + pattern.split('*').map(escapeRe).join('.*') + '$').test(value);
}
