import ts from 'typescript';
import { catalog } from '../vendors/catalog';
import { skip } from '../vendors/constants';
import type { ProgramContext } from '../program/context';
import { isProjectFile } from '../program/moduleOf';
import { LEAVE, walk } from './walk';
import type { ModuleExportName } from '../tsCompat';

/**
 * Which calls can reach a wrapper (a project function that passes a parameter to an LLM call,
 * directly or through other wrappers)? Asking the checker to resolve every call of every file
 * was most of the engine's time on large projects (`getResolvedSignature` type-checks the
 * arguments). This index answers from syntax alone, once per program: the names under which
 * a function that contains an SDK-shaped call (its callee name is one the sink matcher looks
 * at) can be called, closed over callers and aliases. A call whose callee name is not in the
 * set cannot resolve to a wrapper; the checker is asked only about the others.
 *
 * It over-approximates on purpose: names, not declarations (two `send` functions share one
 * entry), every identifier in a variable's initializer counts as a possible alias, and a callee
 * without a simple name (`handlers[key](x)`, `make()(x)`) is always resolved.
 */
export class WrapperNames {
  private readonly names = new Set<string>();

  /**
   * `isSink`: whether a call is an LLM call (the sink matcher). Only functions holding one seed
   * the index: real code calls `JSON.parse`, `fhir.create`, `patch` and `fetch` everywhere, and
   * seeding on those names alone made nearly every function of a 266k-line project a possible
   * wrapper (11,957 names), so every call was resolved and summarized.
   */
  constructor(program: ts.Program, isSink: (call: ts.CallExpression) => boolean, extraSinkNames: readonly string[] = []) {
    /** callee name -> names of the functions whose bodies call it. */
    const callersOf = new Map<string, Set<string>>();
    /** name -> names that may denote the same function (imports, re-exports, variables). */
    const aliasesOf = new Map<string, Set<string>>();
    const seeds = new Set<string>();
    const add = (map: Map<string, Set<string>>, key: string, value: string): void => {
      let s = map.get(key);
      if (!s) map.set(key, (s = new Set()));
      s.add(value);
    };
    for (const sf of program.getSourceFiles()) {
      if (sf.isDeclarationFile || !isProjectFile(sf.fileName)) continue;
      const facts = factsOf(sf);
      facts.seedCalls.forEach((call, i) => {
        if (!isSink(call)) return;
        for (const n of facts.seedNames[i]!) seeds.add(n);
      });
      // Functions that call a sink declared in the config are wrappers too.
      if (extraSinkNames.length > 0) for (let i = 0; i < facts.calls.length; i += 2) if (extraSinkNames.includes(facts.calls[i]!)) seeds.add(facts.calls[i + 1]!);
      for (let i = 0; i < facts.calls.length; i += 2) add(callersOf, facts.calls[i]!, facts.calls[i + 1]!);
      for (let i = 0; i < facts.aliases.length; i += 2) add(aliasesOf, facts.aliases[i]!, facts.aliases[i + 1]!);
    }

    // Close over "calls a wrapper" and aliases.
    const work = [...seeds];
    for (const n of seeds) this.names.add(n);
    while (work.length > 0) {
      const n = work.pop()!;
      for (const next of [...(callersOf.get(n) ?? []), ...(aliasesOf.get(n) ?? [])]) {
        if (this.names.has(next)) continue;
        this.names.add(next);
        work.push(next);
      }
    }
  }

  /** False when the call certainly does not target a wrapper. */
  mayCallWrapper(call: ts.CallExpression): boolean {
    const name = calleeNameOf(call.expression);
    return name === undefined || this.names.has(name);
  }
}

/**
 * The names `fn` can be called by in its own file: its names closed over the file's aliases
 * (`const f = obj.add`). Undefined when it has no name syntax can tell (call sites must then
 * be resolved with the checker).
 */
export function localCallNames(fn: ts.SignatureDeclaration): Set<string> | undefined {
  const own = functionNames(fn);
  if (own.length === 0) return undefined;
  // The file's aliases were recorded by its scan for the index (cached per SourceFile).
  const aliasesOf = new Map<string, string[]>();
  const pairs = factsOf(fn.getSourceFile()).aliases;
  for (let i = 0; i < pairs.length; i += 2) {
    const from = pairs[i]!;
    const to = pairs[i + 1]!;
    const list = aliasesOf.get(from);
    if (list) list.push(to);
    else aliasesOf.set(from, [to]);
  }
  const names = new Set(own);
  const work = [...own];
  while (work.length > 0) {
    for (const next of aliasesOf.get(work.pop()!) ?? []) {
      if (!names.has(next)) {
        names.add(next);
        work.push(next);
      }
    }
  }
  return names;
}

/**
 * What the scan does with a node, by kind: every node of every file passes through it, so one
 * table lookup replaces a chain of kind tests and property reads on differently shaped nodes.
 */
const SKIP = 1;
const CALL = 2;
const NEW = 4;
/** Can introduce another name for a function (see recordAliases). */
const ALIAS = 8;
/** A function kind that has a body. */
const FUNCTION = 16;
const scanKind = new Uint8Array(ts.SyntaxKind.Count);
// Types hold no calls and name no values: domain models are mostly interfaces, so skipping them
// is a good part of the scan.
for (let k = ts.SyntaxKind.FirstTypeNode; k <= ts.SyntaxKind.LastTypeNode; k++) scanKind[k] = SKIP;
scanKind[ts.SyntaxKind.InterfaceDeclaration] = SKIP;
scanKind[ts.SyntaxKind.TypeAliasDeclaration] = SKIP;
scanKind[ts.SyntaxKind.CallExpression] = CALL;
scanKind[ts.SyntaxKind.NewExpression] = NEW;
for (const k of [
  ts.SyntaxKind.ImportSpecifier, ts.SyntaxKind.ExportSpecifier, ts.SyntaxKind.ImportClause, ts.SyntaxKind.ImportEqualsDeclaration, ts.SyntaxKind.BindingElement,
  ts.SyntaxKind.VariableDeclaration, ts.SyntaxKind.PropertyAssignment, ts.SyntaxKind.ShorthandPropertyAssignment, ts.SyntaxKind.BinaryExpression,
]) scanKind[k] = ALIAS;
for (const k of [
  ts.SyntaxKind.FunctionDeclaration, ts.SyntaxKind.MethodDeclaration, ts.SyntaxKind.Constructor, ts.SyntaxKind.GetAccessor, ts.SyntaxKind.SetAccessor,
  ts.SyntaxKind.FunctionExpression, ts.SyntaxKind.ArrowFunction,
]) scanKind[k] = FUNCTION;

const perContext = new WeakMap<ProgramContext, WrapperNames>();

interface FileFacts {
  /** Calls through a name the sink matcher looks at, inside a named function... */
  seedCalls: ts.CallExpression[];
  /** ...and, for each, the names of the functions around it. */
  seedNames: string[][];
  /** Flat pairs: callee name, then the name of a function whose body calls it. */
  calls: string[];
  /** Flat pairs: a name, then another name that may denote the same function. */
  aliases: string[];
  /** Every call and `new` in the file, in source order (see callsWithin). */
  callNodes: (ts.CallExpression | ts.NewExpression)[];
}

/**
 * Per source file, not per program: the editor makes a new program on every keystroke but
 * reuses the SourceFile objects of unchanged files, so only the edited file is scanned again.
 */
const fileFacts = new WeakMap<ts.SourceFile, FileFacts>();

/** Callee names the sink matcher looks at: a function calling one of them may be a wrapper. */
const SINK_NAMES: ReadonlySet<string> = new Set([
  ...catalog.methods.flatMap((m) => m.methods),
  ...catalog.modelFunctions.flatMap((f) => f.functions),
  ...catalog.http.flatMap((h) => h.functions),
]);

function factsOf(sf: ts.SourceFile): FileFacts {
  const cached = fileFacts.get(sf);
  if (cached) return cached;
  const facts: FileFacts = { seedCalls: [], seedNames: [], calls: [], aliases: [], callNodes: [] };
  const enclosing: string[][] = [];
  const enter = (node: ts.Node): boolean | typeof LEAVE => {
    const what = scanKind[node.kind]!;
    if (what === 0) return true;
    if (what === SKIP) return false;
    if (what === NEW) facts.callNodes.push(node as ts.NewExpression);
    else if (what === CALL) {
      const call = node as ts.CallExpression;
      facts.callNodes.push(call);
      const callee = calleeNameOf(call.expression);
      if (callee !== undefined) {
        for (const names of enclosing) for (const n of names) facts.calls.push(callee, n);
        if (SINK_NAMES.has(callee) && enclosing.length > 0) {
          facts.seedCalls.push(call);
          facts.seedNames.push(enclosing.flat());
        }
      }
    } else if (what === ALIAS) recordAliases(node, facts.aliases);
    else if ((node as ts.FunctionLikeDeclaration).body) {
      enclosing.push(functionNames(node as ts.FunctionLikeDeclaration));
      return LEAVE;
    }
    return true;
  };
  const leave = (): void => {
    enclosing.pop();
  };
  walk(sf, enter, leave);
  fileFacts.set(sf, facts);
  return facts;
}

/**
 * The calls and `new` expressions inside `root` (itself included), in source order. Read from
 * the file's scan for the index, so finding a file's LLM calls does not walk the file again.
 */
export function callsWithin(root: ts.Node): readonly (ts.CallExpression | ts.NewExpression)[] {
  const all = factsOf(root.getSourceFile()).callNodes;
  if (ts.isSourceFile(root)) return all;
  // Pre-order puts a node after its ancestors, so positions never decrease: binary search.
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (all[mid]!.pos < root.pos) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < all.length && all[end]!.pos < root.end) end++;
  return all.slice(lo, end).filter((c) => c.end <= root.end);
}

export function wrapperNames(ctx: ProgramContext, isSink: (call: ts.CallExpression) => boolean): WrapperNames {
  let w = perContext.get(ctx);
  if (!w) perContext.set(ctx, (w = new WrapperNames(ctx.program, isSink, ctx.config.sinks.map((s) => s.function))));
  return w;
}


/** The simple name a call is made through (`ask`, `gw.ask`, `gw['ask']`), or undefined. */
export function calleeNameOf(expr: ts.Expression): string | undefined {
  const e = skip(expr);
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (ts.isElementAccessExpression(e) && (ts.isStringLiteral(e.argumentExpression) || ts.isNoSubstitutionTemplateLiteral(e.argumentExpression))) {
    return e.argumentExpression.text;
  }
  return undefined;
}

function propertyNameText(name: ts.PropertyName | ts.BindingName | ModuleExportName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) || ts.isNumericLiteral(name)) {
    return name.text;
  }
  if (ts.isComputedPropertyName(name) && (ts.isStringLiteral(name.expression) || ts.isNoSubstitutionTemplateLiteral(name.expression))) return name.expression.text;
  return undefined;
}

function hasDefaultExport(node: ts.Node): boolean {
  const mods = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  return !!mods?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
}

/** The names a function can be called by: its own, or those of what it is assigned to. */
function functionNames(fn: ts.SignatureDeclaration): string[] {
  const out: string[] = [];
  const own = propertyNameText(fn.name as ts.PropertyName | undefined);
  if (own !== undefined) out.push(own);
  if (hasDefaultExport(fn)) out.push('default');
  if (!ts.isFunctionExpression(fn) && !ts.isArrowFunction(fn)) return out;
  // Walk up through wrappers of the value (withRetry(async () => ...), cond ? f : g, f as T).
  let n: ts.Node = fn;
  let p = n.parent;
  while (
    p && (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isSatisfiesExpression(p) || ts.isNonNullExpression(p) || ts.isTypeAssertionExpression(p) ||
      ts.isCallExpression(p) || ts.isNewExpression(p) || ts.isConditionalExpression(p) || ts.isBinaryExpression(p) && p.operatorToken.kind !== ts.SyntaxKind.EqualsToken || ts.isAwaitExpression(p))
  ) {
    n = p;
    p = p.parent;
  }
  if (!p) return out;
  if (ts.isVariableDeclaration(p) || ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p)) {
    for (const name of bindingNames(p.name)) out.push(name);
  } else if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const left = skip(p.left);
    const name = calleeNameOf(left);
    if (name !== undefined) out.push(name);
    if (ts.isPropertyAccessExpression(left) && name === 'exports') out.push('default'); // module.exports = function ...
  } else if (ts.isExportAssignment(p)) {
    out.push('default');
  }
  return out;
}

function bindingNames(name: ts.PropertyName | ts.BindingName): string[] {
  if (ts.isObjectBindingPattern(name) || ts.isArrayBindingPattern(name)) {
    return name.elements.flatMap((el) => (ts.isOmittedExpression(el) ? [] : bindingNames(el.name)));
  }
  const t = propertyNameText(name);
  return t === undefined ? [] : [t];
}

/** Another name a function may be reached by: `from` may denote the same function as `to`. */
function recordAliases(node: ts.Node, out: string[]): void {
  const alias = (from: string, to: string): void => {
    out.push(from, to);
  };
  if (ts.isImportSpecifier(node) || ts.isExportSpecifier(node)) {
    const from = propertyNameText(node.propertyName) ?? node.name.text;
    alias(from, propertyNameText(node.name)!);
  } else if (ts.isImportClause(node) && node.name) {
    alias('default', node.name.text);
  } else if (ts.isImportEqualsDeclaration(node)) {
    alias('default', node.name.text);
  } else if (ts.isBindingElement(node)) {
    const from = propertyNameText(node.propertyName);
    if (from !== undefined) for (const to of bindingNames(node.name)) alias(from, to);
  } else if (ts.isVariableDeclaration(node) && node.initializer) {
    // const send = ask; const f = cond ? a : b; const gw = require('./gw'): any name inside.
    const targets = bindingNames(node.name);
    if (targets.length === 0) return;
    const init = skip(node.initializer);
    if (ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require') {
      for (const to of targets) alias('default', to);
    }
    // Object and array literals: their properties are aliases of their own (below); elements
    // called as `list[i](x)` are always resolved. Literals and templates name nothing.
    if (ts.isObjectLiteralExpression(init) || ts.isArrayLiteralExpression(init) || ts.isLiteralExpression(init) || ts.isTemplateExpression(init)) return;
    pairNames(init, targets, out);
  } else if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
    const to = propertyNameText(node.name);
    const init = ts.isPropertyAssignment(node) ? node.initializer : node.name;
    if (to !== undefined) pairNames(init, [to], out);
  } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const to = calleeNameOf(node.left);
    if (to !== undefined) pairNames(node.right, [to], out);
  }
}

/** Pairs every identifier and member name in an expression, not inside function bodies, with each target. */
function pairNames(expr: ts.Node, targets: readonly string[], out: string[]): void {
  const pair = (from: string): void => {
    for (const to of targets) out.push(from, to);
  };
  walk(expr, (n) => {
    if (ts.isFunctionLike(n)) return false;
    if (ts.isIdentifier(n) || ts.isPrivateIdentifier(n)) pair(n.text);
    else if (ts.isElementAccessExpression(n) && (ts.isStringLiteral(n.argumentExpression) || ts.isNoSubstitutionTemplateLiteral(n.argumentExpression))) {
      pair(n.argumentExpression.text);
    }
    return true;
  });
}
