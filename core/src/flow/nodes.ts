/**
 * Questions about syntax and declarations that the evaluator layers share (what a call
 * targets, where a binding comes from, which kind a value has); no taint here.
 */
import ts from 'typescript';
import { chainStep, isAssignment, mutation, skipOuter } from './chains';
import { packageOfFile } from '../program/moduleOf';
import { calleeNameOf, callsWithin, localCallNames } from './wrapperIndex';
import { type Label, type Taint } from './taint';
import { TEMPLATE_FILLERS } from './builtins';
import type { FunctionNode } from './summaryTypes';
import { skip } from '../vendors/constants';

export function readAnyElement(t: Taint): Taint {
  // Arrays are transparent: an element carries what the array carries.
  return t;
}

export const templateFillers = new WeakMap<ts.Declaration, boolean>();

/** Node's util.format, a LangChain prompt template's format/formatMessages/invoke (builtins.ts). */
export function isTemplateFiller(decl: ts.Declaration, file: ts.SourceFile): boolean {
  let known = templateFillers.get(decl);
  if (known === undefined) templateFillers.set(decl, (known = findTemplateFiller(decl, file)));
  return known;
}

export function findTemplateFiller(decl: ts.Declaration, file: ts.SourceFile): boolean {
  const pkg = packageOfFile(file.fileName);
  if (!pkg) return false;
  const name = (decl as { name?: ts.Node }).name;
  const text = name && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? name.text : undefined;
  if (!text) return false;
  const path = file.fileName.split('\\').join('/');
  return TEMPLATE_FILLERS.some((f) => f.module === pkg && f.file.test(path) && f.names.includes(text));
}

/** A param label reading a member its declared type already marks PHI: the type reports it inside the function. */
export function coveredByType(l: Label): boolean {
  const first = l.access?.[0];
  return !!l.typedFields && first !== undefined && l.typedFields.includes(first);
}

/** The parameter an argument binds to (the last one, when it is a rest parameter). */
export function paramIndexOf(fn: FunctionNode, argIndex: number): number | undefined {
  if (argIndex < fn.parameters.length) return fn.parameters[argIndex]!.dotDotDotToken ? fn.parameters.length - 1 : argIndex;
  return fn.parameters[fn.parameters.length - 1]?.dotDotDotToken ? fn.parameters.length - 1 : undefined;
}

export function hasBody(decl: ts.Node): boolean {
  return (ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl) || ts.isArrowFunction(decl) || ts.isFunctionExpression(decl) || ts.isGetAccessorDeclaration(decl)) && !!decl.body;
}

export function returnExpressions(fn: FunctionNode): ts.Expression[] {
  const body = fn.body;
  if (!body) return [];
  if (!ts.isBlock(body)) return [body as ts.Expression];
  const out: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression) out.push(n.expression);
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(body, visit);
  return out;
}

export function enclosingFunction(node: ts.Node): ts.SignatureDeclaration | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n) && (n as { body?: ts.Node }).body) return n;
    if (ts.isClassStaticBlockDeclaration(n)) return undefined;
  }
  return undefined;
}

export function isAncestorNode(child: ts.Node, ancestor: ts.Node): boolean {
  for (let n: ts.Node | undefined = ancestor; n; n = n.parent) if (n === child) return true;
  return false;
}

/** The root declaration for a binding element (const { a } = ...): the variable declaration or parameter. */
export function bindingRoot(decl: ts.Node): ts.Node {
  let n = decl;
  while (ts.isBindingElement(n)) n = n.parent.parent;
  return n;
}

export function bindingKey(el: ts.BindingElement): string | undefined {
  if (el.dotDotDotToken) return undefined;
  const key = el.propertyName ?? el.name;
  return ts.isIdentifier(key) || ts.isStringLiteral(key) || ts.isNumericLiteral(key) ? key.text : undefined;
}

/** How the value a pattern unpacks reads in a message: `req.body` for `const { ssn } = req.body`. */
export function bindingBaseText(pattern: ts.BindingPattern): string {
  const holder = pattern.parent;
  if (ts.isVariableDeclaration(holder)) return holder.initializer ? skipOuter(holder.initializer).getText() : 'value';
  if (ts.isParameter(holder)) return `${functionName(holder.parent)}(arg${holder.parent.parameters.indexOf(holder) + 1})`;
  if (ts.isBindingElement(holder) && (ts.isObjectBindingPattern(holder.parent) || ts.isArrayBindingPattern(holder.parent))) {
    const key = bindingKey(holder);
    return key === undefined ? bindingBaseText(holder.parent) : `${bindingBaseText(holder.parent)}.${key}`;
  }
  return 'value';
}

/**
 * Does reading member `name` of a value of this type leave the types silent? `any`, `unknown`,
 * and an index signature (`{ [key: string]: any }`) declare nothing about the member: the
 * field name is all there is to judge.
 */
export function isUntypedMember(checker: ts.TypeChecker, type: ts.Type, name: string): boolean {
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((t) => {
    if (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
    if (!(t.flags & ts.TypeFlags.Object) || t.getProperty(name)) return false;
    if (isEnvironment(t)) return false;
    return checker.getIndexInfosOfType(t).some((info) => (info.keyType.flags & ts.TypeFlags.String) !== 0);
  });
}

/** `process.env.X` is configuration, whatever the variable is called. */
export function isEnvironment(type: ts.Type): boolean {
  return type.getSymbol()?.name === 'ProcessEnv';
}

/** The function (or source file) whose body holds a variable's definitions. */
export function declaringScope(decl: ts.Declaration): ts.Node | undefined {
  const root = bindingRoot(decl);
  if (ts.isParameter(root)) return root.parent;
  for (let n: ts.Node | undefined = root.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n) && (n as { body?: ts.Node }).body) return n;
    if (ts.isSourceFile(n)) return n;
  }
  return undefined;
}

export function propertyKey(name: ts.PropertyName): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return '*';
}

export function functionName(fn: ts.Node): string {
  const named = fn as { name?: ts.Node };
  if (named.name && ts.isIdentifier(named.name)) return named.name.text;
  const p = fn.parent;
  if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (p && ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) return p.name.text;
  return 'anonymous function';
}

export function calleeName(call: ts.CallExpression | ts.NewExpression): string {
  const e = skipOuter(call.expression);
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return shortText(e);
}

export function shortText(e: ts.Node): string {
  const t = e.getText().replace(/\s+/g, ' ');
  return t.length > 40 ? `${t.slice(0, 37)}...` : t;
}

export function argForParam(call: ts.CallExpression, fn: FunctionNode, index: number): ts.Expression[] {
  const param = fn.parameters[index];
  if (param?.dotDotDotToken) return call.arguments.slice(index).map((a) => (ts.isSpreadElement(a) ? a.expression : a));
  const a = call.arguments[index];
  return a ? [ts.isSpreadElement(a) ? a.expression : a] : [];
}

/**
 * `this.text` inside a class and `box.text` outside may resolve to different symbol objects
 * of the same member (the class's `this` type instantiates its properties): compare declarations.
 */
export function sameMember(a: ts.Symbol | undefined, b: ts.Symbol): boolean {
  if (!a) return false;
  if (a === b) return true;
  const d = a.valueDeclaration ?? a.declarations?.[0];
  return d !== undefined && d === (b.valueDeclaration ?? b.declarations?.[0]);
}

export function collectFieldWrites(checker: ts.TypeChecker, cls: ts.ClassLikeDeclaration, member: ts.Symbol): ts.Expression[] {
  const out: ts.Expression[] = [];
  const decl = member.valueDeclaration;
  if (decl && ts.isPropertyDeclaration(decl) && decl.initializer) out.push(decl.initializer);
  if (decl && ts.isParameter(decl) && ts.isIdentifier(decl.name)) out.push(decl.name);
  /** `this.notes`, `this.sessions.get(id)!`, `this.req.messages`, `(this.cache ??= [])`: an object the field holds. */
  const reachesMember = (e: ts.Expression): boolean => {
    for (let cur: ts.Expression | undefined = skipOuter(e); cur; cur = chainStep(cur)) {
      if (ts.isPropertyAccessExpression(cur) && cur.name.text === member.name && sameMember(checker.getSymbolAtLocation(cur.name), member)) return true;
    }
    return false;
  };
  const visit = (n: ts.Node): void => {
    if (ts.isBinaryExpression(n) && isAssignment(n) && (ts.isPropertyAccessExpression(n.left) || ts.isElementAccessExpression(n.left))) {
      if (reachesMember(n.left)) out.push(n.right);
    } else if (ts.isCallExpression(n)) {
      const m = mutation(n);
      if (m && reachesMember(m.receiver)) for (const a of m.values) out.push(ts.isSpreadElement(a) ? a.expression : a);
    }
    ts.forEachChild(n, visit);
  };
  // A static field is a global: `Cache.last = x` may be written anywhere in the class's file.
  const isStatic = !!decl && ts.isPropertyDeclaration(decl) && (ts.getCombinedModifierFlags(decl) & ts.ModifierFlags.Static) !== 0;
  ts.forEachChild(isStatic ? cls.getSourceFile() : cls, visit);
  return out;
}

/** Per checker (so per program): the calls of a function found in its own file. */
export const callerIndex = new WeakMap<ts.TypeChecker, Map<ts.Node, (ts.CallExpression | ts.NewExpression)[]>>();

/** Calls of `fn` in its own file; `new C(...)` and `super(...)` call C's constructor (parameter properties). */
export function callersInFile(checker: ts.TypeChecker, fn: FunctionNode): (ts.CallExpression | ts.NewExpression)[] {
  let byFn = callerIndex.get(checker);
  if (!byFn) callerIndex.set(checker, (byFn = new Map()));
  const cached = byFn.get(fn);
  if (cached) return cached;
  // Only calls through one of the function's names (or new/super for a constructor) can
  // resolve to it; the checker is asked about those alone, not about every call in the file.
  const isConstructor = ts.isConstructorDeclaration(fn);
  const names = isConstructor ? undefined : localCallNames(fn);
  const found: (ts.CallExpression | ts.NewExpression)[] = [];
  for (const n of callsWithin(fn.getSourceFile())) {
    const candidate = isConstructor
      ? ts.isNewExpression(n) || n.expression.kind === ts.SyntaxKind.SuperKeyword
      : ts.isCallExpression(n) && (!names || mayBeCalledAs(n, names));
    if (candidate && checker.getResolvedSignature(n)?.declaration === fn) found.push(n);
  }
  byFn.set(fn, found);
  return found;
}

export function mayBeCalledAs(call: ts.CallExpression, names: ReadonlySet<string>): boolean {
  const name = calleeNameOf(call.expression);
  return name === undefined || names.has(name);
}

export function isPlus(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.PlusToken || kind === ts.SyntaxKind.PlusEqualsToken;
}

export function kindOfType(type: ts.Type): 'number' | 'string' | 'other' {
  if (type.flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike)) return 'number';
  if (type.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.TemplateLiteral)) return 'string';
  return 'other';
}

export function skipParens(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

/** The expression at `index` of an array literal (through await and Promise.all), if it is certain. */
export function tupleElement(value: ts.Expression, index: number): ts.Expression | undefined {
  const e = skip(value);
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && ts.isIdentifier(e.expression.expression) && e.expression.expression.text === 'Promise' && e.expression.name.text === 'all' && e.arguments.length === 1) {
    return tupleElement(e.arguments[0]!, index);
  }
  if (!ts.isArrayLiteralExpression(e)) return undefined;
  for (let i = 0; i <= index && i < e.elements.length; i++) if (ts.isSpreadElement(e.elements[i]!)) return undefined;
  const el = e.elements[index];
  return el && !ts.isOmittedExpression(el) ? el : undefined;
}

export function isLiteralValue(e: ts.Expression): boolean {
  const x = skipOuter(e);
  return ts.isObjectLiteralExpression(x) || ts.isArrayLiteralExpression(x);
}
