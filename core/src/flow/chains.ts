import ts from 'typescript';

/**
 * Member chains: the syntax that names an object through another one. Both the reaching
 * definitions (which variable a write changes) and class field writes (which field a write
 * changes) follow the same steps, so they agree on what `sessions.get(id)!.push(x)` writes into.
 */

/** Type-only and grouping wrappers, which name the same value. */
export function skipOuter(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isTypeAssertionExpression(e)) {
    e = e.expression;
  }
  return e;
}

/** Methods that return an element of their receiver (Map, WeakMap, arrays, LRU caches alike). */
const ELEMENT_READS = new Set(['get', 'at']);

/** Assignment operators whose value is their target's new value. */
const ASSIGNMENTS = new Set([ts.SyntaxKind.EqualsToken, ts.SyntaxKind.QuestionQuestionEqualsToken, ts.SyntaxKind.BarBarEqualsToken, ts.SyntaxKind.AmpersandAmpersandEqualsToken]);

export function isAssignment(e: ts.BinaryExpression): boolean {
  return ASSIGNMENTS.has(e.operatorToken.kind);
}

/** `m.get(k)`, `list.at(i)`: a read of one of the receiver's elements. */
function isElementRead(e: ts.Expression): e is ts.CallExpression & { expression: ts.PropertyAccessExpression } {
  return ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && ELEMENT_READS.has(e.expression.name.text);
}

/** The object `e` is read from, one step down: `a.b` and `a[i]` → a, `m.get(k)` → m, `(x ??= v)` → x. */
export function chainStep(e: ts.Expression): ts.Expression | undefined {
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) return skipOuter(e.expression);
  if (isElementRead(e)) return skipOuter(e.expression.expression);
  if (ts.isBinaryExpression(e) && isAssignment(e)) return skipOuter(e.left);
  return undefined;
}

/**
 * `a.b.c` → root `a`, fields ["b", "c"]; element writes (`a[i]`) add no field (arrays are
 * transparent). A container read (`m.get(k)`, `list.at(i)`) names an element of the container,
 * like `a[i]`; an assignment (`(h ??= [])`) names its target. `intoElement`: the chain went
 * through an element, so a write through it changes something the root holds.
 */
export function memberChain(e: ts.Expression): { root: ts.Identifier | undefined; fields: string[]; intoElement: boolean } {
  const fields: string[] = [];
  let intoElement = false;
  let cur = skipOuter(e);
  for (let next = chainStep(cur); next; cur = next, next = chainStep(cur)) {
    if (ts.isPropertyAccessExpression(cur)) fields.unshift(cur.name.text);
    else if (ts.isElementAccessExpression(cur) && ts.isStringLiteral(cur.argumentExpression)) fields.unshift(cur.argumentExpression.text);
    else if (!ts.isBinaryExpression(cur)) intoElement = true;
  }
  return { root: ts.isIdentifier(cur) ? cur : undefined, fields, intoElement };
}

/**
 * A write into a member or element: `a.b.c = v` writes into the object `a.b` holds, at the root
 * `a` under ["b", "c"]. `member`: the write names a member (`req.messages = list`, one object
 * under two names), not an element (`rows[i] = list`, stored in the container). One walk.
 */
export function memberWrite(target: ts.PropertyAccessExpression | ts.ElementAccessExpression): { root: ts.Identifier | undefined; fields: string[]; intoElement: boolean; member: boolean } {
  const object = memberChain(target.expression);
  const name = ts.isPropertyAccessExpression(target) ? target.name.text : ts.isStringLiteral(target.argumentExpression) ? target.argumentExpression.text : undefined;
  return { root: object.root, fields: name === undefined ? object.fields : [...object.fields, name], intoElement: object.intoElement, member: name !== undefined };
}

/** Methods that add their arguments to the receiver, from this argument on. */
const MUTATORS = new Map([['push', 0], ['unshift', 0], ['splice', 2], ['add', 0], ['set', 1], ['append', 1]]);

/** `list.push(a, b)`, `m.set(k, v)`, `parts.splice(i, 0, x)`: the receiver and what goes into it. */
export function mutation(call: ts.CallExpression): { receiver: ts.Expression; values: readonly ts.Expression[] } | undefined {
  if (!ts.isPropertyAccessExpression(call.expression)) return undefined;
  const from = MUTATORS.get(call.expression.name.text);
  if (from === undefined) return undefined;
  return { receiver: call.expression.expression, values: call.arguments.slice(from) };
}
