import ts from 'typescript';
import { catalog } from '../vendors/catalog';
import { skip } from '../vendors/constants';
import type { ProgramContext } from '../program/context';
import { isProjectFile } from '../program/moduleOf';
import { firstStartingAt } from '../sorted';
import { SeedVerdicts } from './seedVerdicts';
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
  /** How many seed calls the matcher was asked about, and how many verdicts came from the program before. */
  readonly verdicts: SeedVerdicts;

  /**
   * `isSink`: whether a call is an LLM call (the sink matcher). Only functions holding one seed
   * the index: real code calls `JSON.parse`, `fhir.create`, `patch` and `fetch` everywhere, and
   * seeding on those names alone made nearly every function of a 266k-line project a possible
   * wrapper (11,957 names), so every call was resolved and summarized.
   */
  constructor(program: ts.Program, isSink: (call: ts.CallExpression) => boolean, extraSinkNames: readonly string[], verdicts: SeedVerdicts) {
    this.verdicts = verdicts;
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
      const keyed = keyedFactsOf(sf, facts);
      verdicts.of(sf, facts.seedCalls, isSink).forEach((yes, i) => {
        if (yes) for (const n of keyed.seedNames[i]!) seeds.add(n);
      });
      // Functions that call a sink declared in the config are wrappers too.
      if (extraSinkNames.length > 0) for (let i = 0; i < keyed.calls.length; i += 2) if (extraSinkNames.includes(nameOfRef(keyed.calls[i]!))) seeds.add(keyed.calls[i + 1]!);
      for (let i = 0; i < keyed.calls.length; i += 2) add(callersOf, keyed.calls[i]!, keyed.calls[i + 1]!);
      for (let i = 0; i < keyed.aliases.length; i += 2) add(aliasesOf, keyed.aliases[i]!, keyed.aliases[i + 1]!);
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
    const ref = calleeRefOf(call.expression);
    if (ref === undefined) return true;
    const sf = call.getSourceFile();
    return this.names.has(resolveRef(sf, factsOf(sf), ref));
  }

  /** How many names (global and file-local) may denote a wrapper: the bench reports it. */
  get size(): number {
    return this.names.size;
  }
}

/**
 * Names are global (members, property keys, export names) or a file's own (what it declares:
 * variables, functions, parameters, classes, import bindings). Keeping a file's own apart is what
 * stops one file's `const result = await patch(...)` from making every `result(...)` of the
 * program a possible wrapper call: on ottehr, name-only aliasing joined 14,130 names into one
 * component (`result`, `data`, `client`, ... through one file each), and half of all calls were
 * resolved with the checker. A script file (no import or export) has only global names, as in a
 * browser's shared scope.
 *
 * The scan records an identifier as a ref (IDENT + name): whether it is the file's own is known
 * once the whole file is scanned (`locals`), so refs are resolved to keys afterwards (resolveRef).
 */
const IDENT = '\u0001';

function resolveRef(sf: ts.SourceFile, facts: FileFacts, ref: string): string {
  if (ref.charCodeAt(0) !== 1) return ref;
  const name = ref.slice(1);
  return facts.locals.has(name) && ts.isExternalModule(sf) ? `${sf.fileName}\u0000${name}` : name;
}

/** The name a ref or key stands for. */
function nameOfRef(ref: string): string {
  if (ref.charCodeAt(0) === 1) return ref.slice(1);
  const i = ref.lastIndexOf('\u0000');
  return i < 0 ? ref : ref.slice(i + 1);
}

/** Like calleeNameOf, but an identifier callee (which may be the file's own) as a ref. */
function calleeRefOf(expr: ts.Expression): string | undefined {
  const e = skip(expr);
  if (ts.isIdentifier(e)) return IDENT + e.text;
  return calleeNameOf(e);
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
    const from = nameOfRef(pairs[i]!);
    const to = nameOfRef(pairs[i + 1]!);
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
/** Declares a name of the file's own (parameters, classes, namespace imports). */
const DECL = 32;
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
for (const k of [ts.SyntaxKind.Parameter, ts.SyntaxKind.ClassDeclaration, ts.SyntaxKind.NamespaceImport]) scanKind[k] = DECL;
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
  /** Flat pairs: callee ref (an identifier's is IDENT + name), then the ref of a function whose body calls it. */
  calls: string[];
  /** Flat pairs: a ref, then the ref of another name that may denote the same function. */
  aliases: string[];
  /** Names the file declares (anywhere in it: block scopes are not told apart). */
  locals: Set<string>;
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
  const facts: FileFacts = { seedCalls: [], seedNames: [], calls: [], aliases: [], callNodes: [], locals: new Set() };
  const enclosing: string[][] = [];
  const enter = (node: ts.Node): boolean | typeof LEAVE => {
    const what = scanKind[node.kind]!;
    if (what === 0) return true;
    if (what === SKIP) return false;
    if (what === NEW) facts.callNodes.push(node as ts.NewExpression);
    else if (what === CALL) {
      const call = node as ts.CallExpression;
      facts.callNodes.push(call);
      const callee = calleeRefOf(call.expression);
      if (callee !== undefined) {
        for (const names of enclosing) for (const n of names) facts.calls.push(callee, n);
        if (SINK_NAMES.has(nameOfRef(callee)) && enclosing.length > 0) {
          facts.seedCalls.push(call);
          facts.seedNames.push(enclosing.flat());
        }
      }
    } else if (what === ALIAS) recordAliases(node, facts);
    else if (what === DECL) {
      const name = (node as ts.ParameterDeclaration | ts.ClassDeclaration | ts.NamespaceImport).name;
      if (name) for (const n of bindingNames(name)) facts.locals.add(n);
    } else {
      if (ts.isFunctionDeclaration(node) && node.name) facts.locals.add(node.name.text);
      if (!(node as ts.FunctionLikeDeclaration).body) return true;
      enclosing.push(functionKeys(node as ts.FunctionLikeDeclaration));
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

/** A file's facts with its refs resolved to keys: they depend on the file alone, so per SourceFile too. */
interface KeyedFacts {
  seedNames: string[][];
  calls: string[];
  aliases: string[];
}

const keyedFacts = new WeakMap<ts.SourceFile, KeyedFacts>();

function keyedFactsOf(sf: ts.SourceFile, facts: FileFacts): KeyedFacts {
  let keyed = keyedFacts.get(sf);
  if (keyed) return keyed;
  // Refs repeat (a function's name once per call in it): resolve each once.
  const keys = new Map<string, string>();
  const key = (ref: string): string => {
    let k = keys.get(ref);
    if (k === undefined) keys.set(ref, (k = resolveRef(sf, facts, ref)));
    return k;
  };
  keyed = { seedNames: facts.seedNames.map((names) => names.map(key)), calls: facts.calls.map(key), aliases: facts.aliases.map(key) };
  keyedFacts.set(sf, keyed);
  return keyed;
}

/**
 * The calls and `new` expressions inside `root` (itself included), in source order. Read from
 * the file's scan for the index, so finding a file's LLM calls does not walk the file again.
 */
export function callsWithin(root: ts.Node): readonly (ts.CallExpression | ts.NewExpression)[] {
  const all = factsOf(root.getSourceFile()).callNodes;
  if (ts.isSourceFile(root)) return all;
  // Pre-order puts a node after its ancestors, so positions never decrease: binary search.
  const lo = firstStartingAt(all, root.pos, (c) => c.pos);
  let end = lo;
  while (end < all.length && all[end]!.pos < root.end) end++;
  return all.slice(lo, end).filter((c) => c.end <= root.end);
}

export function wrapperNames(ctx: ProgramContext, isSink: (call: ts.CallExpression) => boolean): WrapperNames {
  let w = perContext.get(ctx);
  if (!w) perContext.set(ctx, (w = new WrapperNames(ctx.program, isSink, ctx.config.sinks.map((s) => s.function), new SeedVerdicts(ctx.program, ctx.config))));
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
  return functionKeys(fn).map(nameOfRef);
}

/**
 * functionNames as refs: a method's or property's name, an export name and `default` are
 * global; a declared function's or variable's name is the file's own (IDENT), and global too
 * when exported (other files import it by that name).
 */
function functionKeys(fn: ts.SignatureDeclaration): string[] {
  const out: string[] = [];
  const own = propertyNameText(fn.name as ts.PropertyName | undefined);
  if (own !== undefined) {
    if (ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) out.push(IDENT + own);
    if (!ts.isFunctionDeclaration(fn) && !ts.isFunctionExpression(fn) || hasExportModifier(fn)) out.push(own);
  }
  if (hasDefaultExport(fn)) out.push('default');
  if (!ts.isFunctionExpression(fn) && !ts.isArrowFunction(fn)) return out;
  // Walk up through wrappers of the value (withRetry(async () => ...), cond ? f : g, f as T).
  let n: ts.Node = fn;
  let p = n.parent;
  while (
    p && (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isSatisfiesExpression(p) || ts.isNonNullExpression(p) || ts.isTypeAssertionExpression(p) ||
      ts.isCallExpression(p) || ts.isNewExpression(p) || ts.isConditionalExpression(p) || ts.isBinaryExpression(p) && p.operatorToken.kind !== ts.SyntaxKind.EqualsToken || ts.isAwaitExpression(p))
  ) {
    // `const answer = await timed('x', () => ask(q))`: `answer` holds what the call resolved
    // to, not the callback, so the callback is not called by that name.
    if (ts.isAwaitExpression(p)) return out;
    n = p;
    p = p.parent;
  }
  if (!p) return out;
  if (ts.isVariableDeclaration(p)) {
    out.push(...variableTargets(p));
  } else if (ts.isParameter(p) || ts.isBindingElement(p)) {
    for (const name of bindingNames(p.name)) out.push(IDENT + name);
  } else if (ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p)) {
    for (const name of bindingNames(p.name)) out.push(name);
  } else if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const left = skip(p.left);
    const name = calleeRefOf(left);
    if (name !== undefined) out.push(name);
    if (ts.isPropertyAccessExpression(left) && name === 'exports') out.push('default'); // module.exports = function ...
  } else if (ts.isExportAssignment(p)) {
    out.push('default');
  }
  return out;
}

/** The refs a variable declaration binds: its own names, and the global ones if exported. */
function variableTargets(decl: ts.VariableDeclaration): string[] {
  const names = bindingNames(decl.name);
  const statement = decl.parent?.parent;
  const exported = !!statement && ts.isVariableStatement(statement) && hasExportModifier(statement);
  return exported ? [...names.map((n) => IDENT + n), ...names] : names.map((n) => IDENT + n);
}

function hasExportModifier(node: ts.Node): boolean {
  const mods = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  return !!mods?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function bindingNames(name: ts.PropertyName | ts.BindingName): string[] {
  if (ts.isObjectBindingPattern(name) || ts.isArrayBindingPattern(name)) {
    return name.elements.flatMap((el) => (ts.isOmittedExpression(el) ? [] : bindingNames(el.name)));
  }
  const t = propertyNameText(name);
  return t === undefined ? [] : [t];
}

/**
 * Another name a function may be reached by: `from` may denote the same function as `to` (both
 * refs). Records the names the node declares as the file's own, too.
 */
function recordAliases(node: ts.Node, facts: FileFacts): void {
  const out = facts.aliases;
  const alias = (from: string, to: string): void => {
    out.push(from, to);
  };
  if (ts.isImportSpecifier(node)) {
    facts.locals.add(node.name.text);
    alias(propertyNameText(node.propertyName) ?? node.name.text, IDENT + node.name.text);
  } else if (ts.isExportSpecifier(node)) {
    const local = propertyNameText(node.propertyName) ?? propertyNameText(node.name)!;
    // `export { a as b } from './m'` names m's export; `export { a as b }` this file's `a`.
    const reexport = !!node.parent?.parent?.moduleSpecifier;
    alias(reexport ? local : IDENT + local, propertyNameText(node.name)!);
  } else if (ts.isImportClause(node) && node.name) {
    facts.locals.add(node.name.text);
    alias('default', IDENT + node.name.text);
  } else if (ts.isImportEqualsDeclaration(node)) {
    facts.locals.add(node.name.text);
    alias('default', IDENT + node.name.text);
  } else if (ts.isBindingElement(node)) {
    for (const n of bindingNames(node.name)) facts.locals.add(n);
    // `const { a: b } = x` and `const { ask } = gw`: the local name reads member `a` / `ask`.
    const from = propertyNameText(node.propertyName) ?? (node.parent && ts.isObjectBindingPattern(node.parent) && ts.isIdentifier(node.name) ? node.name.text : undefined);
    if (from !== undefined) for (const to of bindingNames(node.name)) alias(from, IDENT + to);
  } else if (ts.isVariableDeclaration(node)) {
    for (const n of bindingNames(node.name)) facts.locals.add(n);
    if (!node.initializer) return;
    // const send = ask; const f = cond ? a : b; const gw = require('./gw').
    const targets = variableTargets(node);
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
    if (to === undefined) return;
    if (ts.isPropertyAssignment(node)) pairNames(node.initializer, [to], out);
    else alias(IDENT + node.name.text, to);
  } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const to = calleeRefOf(node.left);
    if (to !== undefined) pairNames(node.right, [to], out);
  }
}

/**
 * Pairs each name an expression's value may be a function by with each target: identifiers and
 * the member name of `a.b.ask` in value positions, through calls (`withRetry(ask)`,
 * `ask.bind(x)`), conditionals and logical operators. Not the objects of member accesses (`gw`
 * in `gw.ask` is not what the value is), object literal keys (a property gets its own alias
 * from its PropertyAssignment), types, or function bodies: pairing every identifier joined
 * unrelated names into one component on real code (ottehr: `z.object({ main: ... })` tied a zod
 * schema to every `main()` script, and 14,130 of the package's names became possible wrappers).
 * A computed member (`handlers[key]`) names nothing, so its object and key are paired instead.
 */
function pairNames(expr: ts.Node, targets: readonly string[], out: string[]): void {
  const pair = (from: string): void => {
    for (const to of targets) out.push(from, to);
  };
  walk(expr, (n) => {
    if (ts.isFunctionLike(n) || ts.isTypeNode(n)) return false;
    if (ts.isIdentifier(n)) pair(IDENT + n.text);
    else if (ts.isPrivateIdentifier(n)) pair(n.text);
    else if (ts.isPropertyAccessExpression(n)) {
      pair(n.name.text);
      return false;
    } else if (ts.isElementAccessExpression(n) && (ts.isStringLiteral(n.argumentExpression) || ts.isNoSubstitutionTemplateLiteral(n.argumentExpression))) {
      pair(n.argumentExpression.text);
      return false;
    } else if (ts.isObjectLiteralExpression(n)) {
      // An object is none of its property values, and each property is paired with its own
      // name where the file's scan meets it. Descending paired every value of a nested literal
      // with every key above it, walking a FHIR resource literal once per nesting level.
      return false;
    } else if (ts.isAwaitExpression(n)) {
      return false; // an awaited value is a call's result (`await withRetry(ask)` is an answer, not `ask`)
    } else if (ts.isCallExpression(n) || ts.isNewExpression(n)) {
      // A call's value is what it returns: `withRetry(ask)` and `ask.bind(x)` may be `ask`, but
      // `DateTime.now()` is not `now` (pairing callees tied every date to every `now()`), and
      // `JSON.parse(text)` is not `text`.
      const callee = skip(n.expression);
      if (returnsFirstArgument(callee)) {
        if (n.arguments?.[0]) pairNames(n.arguments[0], targets, out);
        return false;
      }
      if (returnsNoFunction(callee)) return false;
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'bind') pairNames(callee.expression, targets, out);
      for (const a of n.arguments ?? []) pairNames(a, targets, out);
      return false;
    } else if (ts.isBinaryExpression(n) && !VALUE_OPERATORS.has(n.operatorToken.kind) || ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n) || ts.isTypeOfExpression(n)) {
      return false; // arithmetic, comparisons, `!x`, `typeof x`: never a function
    }
    return true;
  });
}

/** `Object.assign(f, ...)`, `Object.freeze(f)`, ...: the value is the first argument itself. */
function returnsFirstArgument(callee: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(callee) || !OBJECT_RETURNS_FIRST.has(callee.name.text)) return false;
  const root = skip(callee.expression);
  return ts.isIdentifier(root) && root.text === 'Object';
}
const OBJECT_RETURNS_FIRST: ReadonlySet<string> = new Set(['assign', 'freeze', 'seal', 'preventExtensions', 'setPrototypeOf', 'defineProperty', 'defineProperties']);

/** `JSON.parse(x)`, `Object.keys(x)`, `String(x)`, ...: standard library calls that never return a function. */
function returnsNoFunction(callee: ts.Expression): boolean {
  const root = ts.isPropertyAccessExpression(callee) ? skip(callee.expression) : callee;
  return ts.isIdentifier(root) && NO_FUNCTION_GLOBALS.has(root.text);
}
const NO_FUNCTION_GLOBALS: ReadonlySet<string> = new Set([
  'JSON', 'Object', 'Array', 'String', 'Number', 'Boolean', 'Math', 'Date', 'BigInt', 'Symbol', 'RegExp', 'Promise',
  'parseInt', 'parseFloat', 'encodeURIComponent', 'decodeURIComponent', 'encodeURI', 'decodeURI', 'isNaN', 'isFinite', 'structuredClone',
]);

/** Binary operators whose value may be one of their operands. */
const VALUE_OPERATORS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.CommaToken, ts.SyntaxKind.EqualsToken,
]);
