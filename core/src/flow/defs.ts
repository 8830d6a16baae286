import ts from 'typescript';
import { isAssignment, memberChain, memberWrite, mutation, skipOuter } from './chains';
import { MAX_FIELD_DEPTH } from './taint';
import { LEAVE, walk } from './walk';

/**
 * Reaching definitions for local variables, computed on the syntax tree without building a
 * full control-flow graph. The rules, all conservative (they may keep a definition that a
 * CFG would drop, never the reverse):
 * - a plain assignment or declaration kills earlier definitions only when it runs
 *   unconditionally before the use (same block chain, not inside a condition or a loop
 *   the use is outside of);
 * - mutations (push, x.f = v, Object.assign) add to, never replace, what reaches;
 * - a use inside a closure sees every definition (the closure may run at any time);
 * - a definition later in a loop reaches uses earlier in the same loop.
 */

/** `index`: the position in an array pattern, when no rest element comes before it. */
export type PathSeg = { kind: 'member'; name: string } | { kind: 'element'; index?: number } | { kind: 'rest'; omit: string[] };

export interface Def {
  kind: 'param' | 'init' | 'assign' | 'compound' | 'mutate' | 'element-of' | 'delete' | 'keys-of' | 'passed';
  /** The node the def is reported at (the declaration, the assignment). */
  node: ts.Node;
  value?: ts.Expression;
  /** Destructuring: how to get from `value` to this binding. */
  path?: PathSeg[];
  /** mutate: the member written (x.f = v) or undefined for element writes (push); delete: the member removed; passed: the member passed. */
  field?: string[];
  /** passed: the variable (or `field` of it) is argument `argIndex` of the call `node`, which may write into it. */
  argIndex?: number;
  kills: boolean;
  /** The definition sits in a function nested inside the variable's scope. */
  inClosure: boolean;
  /** mutate/passed: written into an element the variable holds (`m.get(k)!.push(v)`, `rows[i].x = v`), not into the variable's own object. */
  intoElement?: boolean;
  /** A copy of a write into an object the variable holds as an element (see shareMutations). */
  ofStored?: boolean;
  /**
   * A copy of a write that may sit anywhere inside the variable's object (see shareMutations:
   * a write that reached too many places is no longer tracked member by member).
   */
  coarse?: boolean;
}

export class DefIndex {
  private byScope = new Map<ts.Node, Map<ts.Symbol, Def[]>>();

  /** `tick` is called on every step of work that may grow with the code's shape (the file's budget). */
  constructor(private checker: ts.TypeChecker, private tick: () => void = () => {}) {}

  defsOf(symbol: ts.Symbol, scope: ts.Node): Def[] {
    let index = this.byScope.get(scope);
    if (!index) {
      index = this.build(scope);
      this.byScope.set(scope, index);
    }
    return index.get(symbol) ?? [];
  }

  private build(scope: ts.Node): Map<ts.Symbol, Def[]> {
    const index = new Map<ts.Symbol, Def[]>();
    const checker = this.checker;
    /** Where one variable's object may become part of another's (see shareMutations). */
    const sites: LinkSite[] = [];
    const add = (id: ts.Node, def: Def): ts.Symbol | undefined => {
      const sym = symbolOfWrite(checker, id);
      if (!sym) return undefined;
      let list = index.get(sym);
      if (!list) index.set(sym, (list = []));
      list.push(def);
      return sym;
    };
    /** `addContext(messages, p)`: the callee may push into what it is given (see Summary.paramWrites). */
    const addPassed = (call: ts.CallExpression, inClosure: boolean) => {
      call.arguments.forEach((arg, argIndex) => {
        if (ts.isSpreadElement(arg)) return;
        const { root, fields, intoElement } = memberChain(arg);
        if (root) add(root, { kind: 'passed', node: call, field: fields, argIndex, kills: false, inClosure, intoElement });
      });
    };
    const bindPattern = (name: ts.BindingName, value: ts.Expression | undefined, path: PathSeg[], node: ts.Node, kind: Def['kind'], inClosure: boolean) => {
      if (ts.isIdentifier(name)) {
        const root = add(name, { kind, node, value, path, kills: true, inClosure });
        if (root && value && path.length === 0 && (kind === 'init' || kind === 'element-of')) sites.push({ root, fields: [], value, mode: kind === 'init' ? 'same' : 'read' });
        return;
      }
      if (ts.isObjectBindingPattern(name)) {
        const taken: string[] = [];
        for (const el of name.elements) {
          const key = el.propertyName ?? el.name;
          const keyText = ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : undefined;
          if (el.dotDotDotToken) {
            bindPattern(el.name, value, [...path, { kind: 'rest', omit: taken }], node, kind, inClosure);
          } else {
            if (keyText) taken.push(keyText);
            bindPattern(el.name, value, [...path, keyText ? { kind: 'member', name: keyText } : { kind: 'element' }], node, kind, inClosure);
          }
        }
        return;
      }
      name.elements.forEach((el, index) => {
        if (ts.isOmittedExpression(el)) return;
        bindPattern(el.name, value, [...path, el.dotDotDotToken ? { kind: 'element' } : { kind: 'element', index }], node, kind, inClosure);
      });
    };
    const assignPattern = (target: ts.Expression, value: ts.Expression, path: PathSeg[], node: ts.Node, inClosure: boolean) => {
      if (ts.isIdentifier(target)) {
        const root = add(target, { kind: 'assign', node, value, path, kills: path.length === 0, inClosure });
        if (root && path.length === 0) sites.push({ root, fields: [], value, mode: 'same' });
      } else if (ts.isObjectLiteralExpression(target)) {
        for (const p of target.properties) {
          if (ts.isShorthandPropertyAssignment(p)) assignPattern(p.name, value, [...path, { kind: 'member', name: p.name.text }], node, inClosure);
          else if (ts.isPropertyAssignment(p)) {
            const key = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : undefined;
            assignPattern(p.initializer, value, [...path, key ? { kind: 'member', name: key } : { kind: 'element' }], node, inClosure);
          } else if (ts.isSpreadAssignment(p)) assignPattern(p.expression, value, [...path, { kind: 'rest', omit: [] }], node, inClosure);
        }
      } else if (ts.isArrayLiteralExpression(target)) {
        target.elements.forEach((el, index) => {
          assignPattern(ts.isSpreadElement(el) ? el.expression : el, value, [...path, ts.isSpreadElement(el) ? { kind: 'element' } : { kind: 'element', index }], node, inClosure);
        });
      } else if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) {
        const w = memberWrite(target);
        const root = w.root && add(w.root, { kind: 'mutate', node, value, path, field: w.fields, kills: false, inClosure, intoElement: w.intoElement });
        // `req.messages = list` makes them one object; `rows[i] = list` stores it as an element.
        if (root && path.length === 0) sites.push({ root, fields: w.fields, value, mode: w.member ? 'same' : 'stored' });
      }
    };
    // walk, not recursion: deep expressions (a 2,000-term `+` chain) must not overflow the
    // stack. Pre-order, so definitions are recorded in source order.
    let closures = 0; // function-like nodes entered below the scope
    const isClosure = (node: ts.Node) => ts.isFunctionLike(node) && node !== scope;
    const visit = (root: ts.Node, rootInClosure: boolean) => walk(root, (node) => visitOne(node, rootInClosure || closures > 0), () => {
      closures--;
    });
    const visitOne = (node: ts.Node, inClosure: boolean): typeof LEAVE | undefined => {
      if (isClosure(node)) {
        const fn = node as ts.SignatureDeclaration;
        for (const p of fn.parameters) {
          if (fn.parent && p.parent === fn) bindPattern(p.name, undefined, [], p, 'param', true);
        }
        closures++;
        return LEAVE;
      }
      if (ts.isParameter(node) && node.parent === scope) {
        bindPattern(node.name, undefined, [], node, 'param', false);
      } else if (ts.isVariableDeclaration(node)) {
        const loop = node.parent?.parent;
        if (loop && ts.isForOfStatement(loop) && loop.initializer === node.parent) {
          bindPattern(node.name, loop.expression, [], node, 'element-of', inClosure);
        } else if (loop && ts.isForInStatement(loop) && loop.initializer === node.parent) {
          bindPattern(node.name, undefined, [], node, 'keys-of', inClosure);
        } else if (node.initializer) {
          bindPattern(node.name, node.initializer, [], node, 'init', inClosure);
        } else {
          bindPattern(node.name, undefined, [], node, 'init', inClosure);
        }
      } else if (ts.isBinaryExpression(node)) {
        const op = node.operatorToken.kind;
        if (op === ts.SyntaxKind.EqualsToken) assignPattern(node.left, node.right, [], node, inClosure);
        else if (op === ts.SyntaxKind.PlusEqualsToken || isAssignment(node)) {
          // `x ??= v` may leave x as it was: it adds a definition, it does not replace one.
          if (ts.isIdentifier(node.left)) {
            const root = add(node.left, { kind: 'compound', node, value: node.right, kills: false, inClosure });
            if (root) sites.push({ root, fields: [], value: node.right, mode: 'same' });
          } else if (ts.isPropertyAccessExpression(node.left) || ts.isElementAccessExpression(node.left)) {
            assignPattern(node.left, node.right, [], node, inClosure);
          }
        }
      } else if (ts.isCallExpression(node)) {
        const m = mutation(node);
        if (m) {
          const { root: id, fields, intoElement } = memberChain(m.receiver);
          if (id) {
            for (const arg of m.values) {
              const root = add(id, { kind: 'mutate', node, value: ts.isSpreadElement(arg) ? arg.expression : arg, field: fields, kills: false, inClosure, intoElement });
              // `history.push(turn)`, `sessions.set(id, turn)`: the object is now also an element of the container.
              if (root && !ts.isSpreadElement(arg)) sites.push({ root, fields, value: arg, mode: 'stored' });
            }
          }
        } else if (isObjectAssign(node)) {
          const [target, ...sources] = node.arguments;
          const { root: id, fields, intoElement } = memberChain(target!);
          for (const s of sources) {
            const root = id && add(id, { kind: 'mutate', node, value: s, field: fields, kills: false, inClosure, intoElement });
            if (root) sites.push({ root, fields, value: s, mode: 'spread' });
          }
        } else addPassed(node, inClosure);
      } else if (ts.isDeleteExpression(node)) {
        const target = skipOuter(node.expression);
        if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) {
          const { root, fields } = memberChain(target);
          if (root && fields.length > 0) add(root, { kind: 'delete', node, field: fields, kills: false, inClosure });
        }
      }
    };
    if (ts.isFunctionLike(scope)) {
      for (const p of scope.parameters) visit(p, false);
      const body = (scope as { body?: ts.Node }).body;
      if (body) visit(body, false);
    } else {
      ts.forEachChild(scope, (c) => visit(c, false));
    }
    shareMutations(index, sites, checker, this.tick);
    return index;
  }
}

/**
 * A place where the object `value` names may become part of `root`'s (at `fields`):
 * - same: `const alias = parts`, `const req = { messages }`, `req.messages = list`: one object
 *   under two names;
 * - stored: `history.push(turn)`, `sessions.set(id, turn)`, `[turn]`: an element of the container;
 * - spread: `Object.assign(req, { messages })`: the source's members become the target's;
 * - read: `for (const turn of history)`: root is one of the elements of value.
 */
interface LinkSite {
  root: ts.Symbol;
  fields: string[];
  value: ts.Expression;
  mode: 'same' | 'stored' | 'spread' | 'read';
}

/**
 * Two variables whose objects overlap: `b` at `bf` is `a` at `af` (same), or holds `a` at `af`
 * as one of its elements (stored), or one of `b`'s elements is read into `a` (read:
 * `const history = sessions.get(id)`).
 */
interface Link {
  a: ts.Symbol;
  af: string[];
  b: ts.Symbol;
  bf: string[];
  mode: 'same' | 'stored' | 'read';
}

/**
 * `const alias = parts; alias.push(p.ssn)` changes what `parts` holds, a push on `parts` shows
 * through `alias`, and `const messages = req.messages; messages.push(...)` changes
 * `req.messages`: a variable copied from another local, or from a member of one, names the same
 * object. So does a local put into an object literal (`{ messages: list }`) or assigned to a
 * member. Mutations are copied across every such link, both ways, with the member path
 * adjusted; where they are written still decides which reach a use.
 *
 * Containers keep identity too: `sessions.set(id, history)` then `history.push(turn)` changes
 * what `sessions` holds, and `sessions.get(id)!.push(turn)` (a write into an element) may change
 * any object stored in it, or read from it. A push on one stored object does not reach
 * another object stored in the same container: keys are not tracked, identities are.
 */
function shareMutations(index: Map<ts.Symbol, Def[]>, sites: LinkSite[], checker: ts.TypeChecker, tick: () => void): void {
  let anyWrite = false;
  for (const defs of index.values()) if (defs.some(isWrite)) anyWrite = true;
  if (!anyWrite || sites.length === 0) return;
  const names = new Set<string>();
  for (const sym of index.keys()) names.add(sym.name);
  const links: Link[] = [];
  const expand = (b: ts.Symbol, bf: string[], value: ts.Expression, mode: LinkSite['mode'], depth: number): void => {
    if (depth > MAX_SHARED_PATH) return;
    const v = skipOuter(value);
    if (ts.isObjectLiteralExpression(v)) {
      for (const p of v.properties) {
        if (ts.isPropertyAssignment(p)) {
          const key = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : undefined;
          if (key) expand(b, [...bf, key], p.initializer, mode === 'spread' ? 'same' : mode, depth + 1);
        } else if (ts.isShorthandPropertyAssignment(p)) {
          expand(b, [...bf, p.name.text], p.name, mode === 'spread' ? 'same' : mode, depth + 1);
        }
      }
      return;
    }
    if (mode === 'spread') return;
    if (ts.isArrayLiteralExpression(v)) {
      // `for (const list of [a, b])`: list is one of them.
      for (const el of v.elements) if (!ts.isSpreadElement(el)) expand(b, bf, el, mode === 'read' ? 'same' : 'stored', depth + 1);
      return;
    }
    if (ts.isConditionalExpression(v)) {
      expand(b, bf, v.whenTrue, mode, depth + 1);
      expand(b, bf, v.whenFalse, mode, depth + 1);
      return;
    }
    if (ts.isBinaryExpression(v) && LOGICAL.has(v.operatorToken.kind)) {
      expand(b, bf, v.left, mode, depth + 1);
      expand(b, bf, v.right, mode, depth + 1);
      return;
    }
    const chain = memberChain(v);
    // Most values are not variables of this scope: skip the symbol lookup by name first.
    if (!chain.root || !names.has(chain.root.text)) return;
    const a = symbolOfWrite(checker, chain.root);
    if (!a || a === b || !index.has(a)) return;
    // `const history = sessions.get(id)`: history is one of sessions' elements, not sessions.
    if (mode === 'read' || (mode === 'same' && chain.intoElement)) links.push({ a: b, af: bf, b: a, bf: chain.fields, mode: 'read' });
    else links.push({ a, af: chain.fields, b, bf, mode });
  };
  for (const site of sites) expand(site.root, site.fields, site.value, site.mode, 0);
  if (links.length === 0) return;
  /** What each def was copied from. */
  const origin = new Map<Def, Def>();
  /** How many copies each original write has made: past MAX_COPIES_PER_WRITE they are coarse. */
  const copies = new Map<Def, number>();
  const keyOf = (d: Def): string =>
    `${d.kind}:${d.node.pos}:${(origin.get(d) ?? d).value?.pos}:${d.argIndex}:${(d.field ?? []).join('.')}:${d.intoElement ? 'e' : ''}${d.ofStored ? 's' : ''}${d.coarse ? 'c' : ''}`;
  /**
   * A symbol's writes, append-only, split by what a link may carry: all of them, those into an
   * element it holds, and copies from an object stored in it. `keys`: what it already has.
   */
  interface Writes {
    all: Def[];
    element: Def[];
    stored: Def[];
    keys: Set<string>;
  }
  const writes = new Map<ts.Symbol, Writes>();
  const writesOf = (sym: ts.Symbol): Writes => {
    let w = writes.get(sym);
    if (!w) {
      const all = index.get(sym)!.filter(isWrite);
      w = { all, element: all.filter((d) => d.intoElement), stored: all.filter((d) => d.ofStored), keys: new Set(all.map(keyOf)) };
      writes.set(sym, w);
    }
    return w;
  };
  const touched = new Set<ts.Symbol>();
  const give = (to: ts.Symbol, from: Def, field: string[], flags: Pick<Def, 'intoElement' | 'ofStored'>): boolean => {
    tick();
    const first = origin.get(from) ?? from;
    const made = copies.get(first) ?? 0;
    // Objects that hold each other (merge code: `a.link = b; b.owner = a`) give every write a
    // path through every cycle: the number of paths grows exponentially with their length. Past
    // a fixed number of copies, or past the depth labels can express, the write is kept as
    // "somewhere in this object": every member read and every serialization of it sees the PHI
    // (never fewer findings), and each variable holds at most one such copy of it.
    const coarse = from.coarse || made >= MAX_COPIES_PER_WRITE || field.length > MAX_SHARED_PATH;
    const w = writesOf(to);
    const copy: Def = { ...from, field: coarse ? [] : field, intoElement: flags.intoElement, ofStored: flags.ofStored, coarse };
    const key = keyOf(copy);
    if (w.keys.has(key)) return false;
    w.keys.add(key);
    copies.set(first, made + 1);
    origin.set(copy, first);
    index.get(to)!.push(copy);
    w.all.push(copy);
    if (copy.intoElement) w.element.push(copy);
    if (copy.ofStored) w.stored.push(copy);
    touched.add(to);
    return true;
  };
  /**
   * One direction of a link: the writes of `from` under `prefix` (from the list `take` picks),
   * given to `to` under `into` + the rest of their path. `done` counts what was carried
   * already, so each write crosses each link once, however many rounds run.
   */
  interface Carry {
    from: ts.Symbol;
    prefix: string[];
    to: ts.Symbol;
    into: string[];
    take: keyof Pick<Writes, 'all' | 'element' | 'stored'>;
    flags: (d: Def) => Pick<Def, 'intoElement' | 'ofStored'>;
    done: number;
  }
  const keep = (d: Def) => ({ intoElement: d.intoElement, ofStored: d.ofStored });
  const own = () => ({});
  const asStored = () => ({ ofStored: true });
  const asElement = () => ({ intoElement: true });
  const carries: Carry[] = [];
  const add = (from: ts.Symbol, prefix: string[], to: ts.Symbol, into: string[], take: Carry['take'], flags: Carry['flags']) =>
    carries.push({ from, prefix, to, into, take, flags, done: 0 });
  for (const { a, af, b, bf, mode } of links) {
    if (mode === 'same') {
      add(a, af, b, bf, 'all', keep);
      add(b, bf, a, af, 'all', keep);
    } else if (mode === 'stored') {
      // The container changed (it holds a); a changes by writes into some element of it.
      add(a, af, b, bf, 'all', asStored);
      add(b, bf, a, af, 'element', own);
    } else {
      // a is some element of b: a write through a may be into any stored object, and a may be
      // any of them.
      add(a, af, b, bf, 'all', asElement);
      add(b, bf, a, af, 'element', own);
      add(b, bf, a, af, 'stored', own);
    }
  }
  // Chains of links (a = b; c = a.x) settle in a few rounds; cycles stop at the path bound.
  for (let round = 0, changed = true; changed && round < MAX_SHARE_ROUNDS; round++) {
    changed = false;
    for (const c of carries) {
      const list = writesOf(c.from)[c.take];
      for (; c.done < list.length; c.done++) {
        const m = list[c.done]!;
        const f = m.field ?? [];
        // A coarse write may sit under any member, so it crosses every link of its variable.
        if (!m.coarse && (f.length < c.prefix.length || !c.prefix.every((x, k) => f[k] === x))) continue;
        if (give(c.to, m, m.coarse ? [] : [...c.into, ...f.slice(c.prefix.length)], c.flags(m))) changed = true;
      }
    }
  }
  // Keep source order, which the rest of the index has.
  for (const sym of touched) index.get(sym)!.sort((a, b) => a.node.pos - b.node.pos);
}

const LOGICAL = new Set([ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken]);

/** A def that may add to what the variable's object holds, without replacing it. */
export function isWrite(d: Def): boolean {
  return d.kind === 'mutate' || d.kind === 'passed';
}

/** Deeper member paths than labels can hold (taint.ts) would only be cut there. */
const MAX_SHARED_PATH = MAX_FIELD_DEPTH;
/** Exact (member-by-member) copies one write may make across links before it turns coarse. */
const MAX_COPIES_PER_WRITE = 32;
const MAX_SHARE_ROUNDS = 8;

function isObjectAssign(call: ts.CallExpression): boolean {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'assign' && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object' && call.arguments.length > 0;
}

function symbolOfWrite(checker: ts.TypeChecker, id: ts.Node): ts.Symbol | undefined {
  if (ts.isShorthandPropertyAssignment(id.parent) && id.parent.name === id) {
    return checker.getShorthandAssignmentValueSymbol(id.parent) ?? checker.getSymbolAtLocation(id);
  }
  return checker.getSymbolAtLocation(id);
}

const TRANSPARENT_PARENTS = new Set([
  ts.SyntaxKind.ExpressionStatement,
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.VariableDeclarationList,
  ts.SyntaxKind.VariableStatement,
  ts.SyntaxKind.ParenthesizedExpression,
  ts.SyntaxKind.AwaitExpression,
]);

/** The statement a def belongs to when it runs unconditionally as part of that statement. */
function unconditionalStatement(def: Def): ts.Statement | undefined {
  let n: ts.Node = def.node;
  while (n.parent && TRANSPARENT_PARENTS.has(n.parent.kind)) {
    n = n.parent;
    if (ts.isVariableStatement(n) || ts.isExpressionStatement(n)) return n;
  }
  if (ts.isVariableStatement(n) || ts.isExpressionStatement(n)) return n;
  if (ts.isParameter(def.node)) return undefined;
  return undefined;
}

function isAncestor(a: ts.Node, b: ts.Node): boolean {
  for (let n: ts.Node | undefined = b; n; n = n.parent) if (n === a) return true;
  return false;
}

function enclosingLoops(node: ts.Node, stop: ts.Node): ts.Node[] {
  const loops: ts.Node[] = [];
  for (let n: ts.Node | undefined = node.parent; n && n !== stop; n = n.parent) {
    if (ts.isIterationStatement(n, false)) loops.push(n);
    if (ts.isFunctionLike(n)) break;
  }
  return loops;
}

/** Does `def` run on every path to `use`, before it? */
function dominates(def: Def, use: ts.Node): boolean {
  if (def.kind === 'param') return true;
  const stmt = unconditionalStatement(def);
  if (!stmt || !stmt.parent) return false;
  if (isAncestor(stmt, use)) return false;
  if (!isAncestor(stmt.parent, use)) return false;
  // A def inside a loop body that the use is outside of may run zero times.
  return true;
}

/**
 * A use inside an arrow function or function expression written in `scope` sees the defs that
 * reach the closure where it is created and every def that may run after that (the closure
 * may be called at any later time), not the ones overwritten before it exists:
 * `let s = p.ssn; s = 'x'; const f = () => s;` is clean. Function declarations (hoisted) and
 * methods keep the conservative answer: every def.
 */
export function closureReachingDefs(defs: Def[], use: ts.Node, scope: ts.Node): Def[] {
  let closure: ts.Node | undefined;
  for (let n: ts.Node | undefined = use.parent; n && n !== scope; n = n.parent) if (ts.isFunctionLike(n)) closure = n;
  if (!closure || !(ts.isArrowFunction(closure) || ts.isFunctionExpression(closure))) return reachingDefs(defs, use, scope, true);
  const created = closure;
  const atCreation = reachingDefs(defs, created, scope, false).filter((d) => d.kind !== 'delete');
  const later = defs.filter((d) => d.kind !== 'delete' && !atCreation.includes(d) && (d.inClosure || d.node.pos >= created.end));
  return [...atCreation, ...later];
}

export function reachingDefs(defs: Def[], use: ts.Node, scope: ts.Node, useInClosure: boolean): Def[] {
  if (useInClosure) return defs.filter((d) => d.kind !== 'delete');
  const before = defs.filter((d) => d.inClosure || d.node.end <= use.pos || (d.kind === 'param'));
  let killPos = -1;
  let killer: Def | undefined;
  for (const d of before) {
    if (!d.kills || d.inClosure) continue;
    if (d.node.end > use.pos && d.kind !== 'param') continue;
    if (d.node.pos > killPos && dominates(d, use)) {
      killPos = d.node.pos;
      killer = d;
    }
  }
  const useLoops = enclosingLoops(use, scope);
  const out: Def[] = [];
  for (const d of defs) {
    if (d.inClosure) {
      if (d.kind !== 'delete') out.push(d);
      continue;
    }
    const textuallyBefore = d.node.end <= use.pos || d.kind === 'param';
    if (textuallyBefore) {
      if (d === killer || d.node.pos >= killPos) out.push(d);
      continue;
    }
    // Back edge: a def after the use in a loop containing both, unless the killer is in that loop too.
    const loop = useLoops.find((l) => isAncestor(l, d.node));
    if (loop && d.kind !== 'delete' && !(killer && isAncestor(loop, killer.node))) out.push(d);
  }
  // A delete that dominates the use removes its member from what came before it.
  return out.filter((d) => d.kind !== 'delete' || dominates(d, use));
}
