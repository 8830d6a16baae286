import ts from 'typescript';
import { symbolAt } from '../symbols';
import { calleeFromSymbol, NEEDS_SIGNATURE } from './callees';
import { checkBudget, Deferred, TooDeep, type ProgramContext } from './context';
import { chainStep, isAssignment, mutation, skipOuter } from './chains';
import { closureReachingDefs, DefIndex, isWrite, reachingDefs, type Def, type PathSeg } from './defs';
import { isProjectFile, packageOfFile } from './moduleOf';
import { calleeNameOf, callsWithin, localCallNames, wrapperNames } from './wrapperIndex';
import {
  addHop, CLEAN, embedAt, flatten, readAnyMember, readMember, underMember, union, withoutMember,
  type Hop, type Label, type Taint,
} from './taint';
import {
  ARRAY_SELECTORS, CALLBACK_MAPPERS, NON_CONTENT_METHODS, NON_CONTENT_PROPERTIES, STATIC_FUNCTIONS, STRING_EMBEDDING_ARGS, STRING_PROPAGATORS,
  TEMPLATE_FILLERS, TEXT_FUNCTIONS,
} from './builtins';
import { declarationVerdict, isFhirMetadataMember, memberVerdict, typePhi, untypedMemberVerdict } from '../sources/phiSources';
import { classifyFieldName } from '../sources/fieldNames';
import { bodyDecoratorOf, isRequestBodyRead, requestBodyMember } from '../sources/requestInputs';
import type { MemberVerdict } from './context';
import { awaitedType } from '../tsCompat';
import type { FunctionNode, ParamSink, Summary } from './summaryTypes';
import { skip } from '../vendors/constants';
import type { SinkMatch } from '../vendors/sinkTypes';

/**
 * Backward, demand-driven taint evaluation: "which PHI does this expression carry?". Starts
 * at the content of LLM calls and walks back through definitions, calls and compositions.
 * Parameters of the function being summarized become param labels, substituted at call
 * sites, so each function is analyzed once per program (see summaries below).
 */

export interface Env {
  /** The function whose parameters become param labels (the one being summarized). */
  root: FunctionNode | undefined;
  /** Inline callbacks: their parameters bound to the taint of what the caller passes. */
  bindings?: Map<ts.Symbol, Taint>;
  parent?: Env;
}

export interface EvaluatorHooks {
  /** Direct SDK sink at this call, if any. */
  matchSink(call: ts.CallExpression | ts.NewExpression): SinkMatch | undefined;
  /** Is this call a configured redactor (its result is safe)? */
  isRedactorCall(call: ts.CallExpression | ts.TaggedTemplateExpression): boolean;
}

/** Depth at which memoizable work is deferred to a shallower stack (see Deferred). */
const DEFER_DEPTH = 120;
/** Depth at which non-memoizable work gives up: the file fails closed (never silently clean). */
const MAX_DEPTH = 400;

export class Evaluator {
  private defs: DefIndex;
  private memo = new Map<ts.Node, Taint>();
  private visiting = new Set<ts.Node>();
  private plusKinds = new Map<ts.Node, 'number' | 'string' | 'other'>();
  readonly checker: ts.TypeChecker;

  constructor(readonly ctx: ProgramContext, readonly hooks: EvaluatorHooks, readonly currentFile: ts.SourceFile | undefined) {
    this.checker = ctx.checker;
    this.defs = new DefIndex(ctx.checker, () => checkBudget(ctx));
  }

  taintOf(expr: ts.Expression, env: Env): Taint {
    checkBudget(this.ctx);
    const memoizable = !env.bindings && !env.parent;
    if (memoizable) {
      const hit = this.memo.get(expr);
      if (hit) return hit;
    }
    if (this.visiting.has(expr)) return CLEAN;
    if (this.ctx.depth >= DEFER_DEPTH && memoizable) throw new Deferred(() => void this.taintOf(expr, env));
    if (this.ctx.depth >= MAX_DEPTH) throw new TooDeep(`expressions nest more than ${MAX_DEPTH} levels deep`);
    this.visiting.add(expr);
    this.ctx.depth++;
    let result: Taint;
    try {
      result = this.compute(expr, env);
    } finally {
      this.ctx.depth--;
      this.visiting.delete(expr);
    }
    if (memoizable) this.memo.set(expr, result);
    return result;
  }

  private compute(expr: ts.Expression, env: Env): Taint {
    switch (expr.kind) {
      case ts.SyntaxKind.Identifier:
        return this.identifier(expr as ts.Identifier, env);
      case ts.SyntaxKind.PropertyAccessExpression:
        return this.propertyAccess(expr as ts.PropertyAccessExpression, env);
      case ts.SyntaxKind.ElementAccessExpression:
        return this.elementAccess(expr as ts.ElementAccessExpression, env);
      case ts.SyntaxKind.CallExpression:
        return this.call(expr as ts.CallExpression, env);
      case ts.SyntaxKind.NewExpression:
        return this.newExpression(expr as ts.NewExpression, env);
      case ts.SyntaxKind.TemplateExpression: {
        const t = expr as ts.TemplateExpression;
        const parts = t.templateSpans.map((s) => embedAt(this.taintOf(s.expression, env), s.expression));
        return addHop(flatten(union(...parts)), expr, 'embedded in a template literal');
      }
      case ts.SyntaxKind.TaggedTemplateExpression: {
        const t = expr as ts.TaggedTemplateExpression;
        if (this.hooks.isRedactorCall(t)) return CLEAN;
        if (ts.isTemplateExpression(t.template)) return this.taintOf(t.template, env);
        return CLEAN;
      }
      case ts.SyntaxKind.BinaryExpression:
        return this.binary(expr as ts.BinaryExpression, env);
      case ts.SyntaxKind.ConditionalExpression: {
        const c = expr as ts.ConditionalExpression;
        return union(this.taintOf(c.whenTrue, env), this.taintOf(c.whenFalse, env));
      }
      case ts.SyntaxKind.ParenthesizedExpression:
      case ts.SyntaxKind.AsExpression:
      case ts.SyntaxKind.TypeAssertionExpression:
      case ts.SyntaxKind.NonNullExpression:
      case ts.SyntaxKind.SatisfiesExpression:
        return this.taintOf((expr as ts.ParenthesizedExpression).expression, env);
      case ts.SyntaxKind.AwaitExpression: {
        const inner = (expr as ts.AwaitExpression).expression;
        return this.taintOf(inner, env);
      }
      case ts.SyntaxKind.ObjectLiteralExpression:
        return this.objectLiteral(expr as ts.ObjectLiteralExpression, env);
      case ts.SyntaxKind.ArrayLiteralExpression: {
        const a = expr as ts.ArrayLiteralExpression;
        const parts = a.elements.map((el) => embedAt(this.taintOf(ts.isSpreadElement(el) ? el.expression : el, env), el));
        return union(...parts);
      }
      case ts.SyntaxKind.SpreadElement:
        return this.taintOf((expr as ts.SpreadElement).expression, env);
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      case ts.SyntaxKind.NumericLiteral:
      case ts.SyntaxKind.BigIntLiteral:
      case ts.SyntaxKind.RegularExpressionLiteral:
      case ts.SyntaxKind.TrueKeyword:
      case ts.SyntaxKind.FalseKeyword:
      case ts.SyntaxKind.NullKeyword:
      case ts.SyntaxKind.ThisKeyword:
      case ts.SyntaxKind.SuperKeyword:
      case ts.SyntaxKind.ArrowFunction:
      case ts.SyntaxKind.FunctionExpression:
      case ts.SyntaxKind.ClassExpression:
      case ts.SyntaxKind.PrefixUnaryExpression:
      case ts.SyntaxKind.PostfixUnaryExpression:
      case ts.SyntaxKind.TypeOfExpression:
      case ts.SyntaxKind.VoidExpression:
      case ts.SyntaxKind.DeleteExpression:
      case ts.SyntaxKind.OmittedExpression:
      case ts.SyntaxKind.MetaProperty:
        return CLEAN;
      case ts.SyntaxKind.YieldExpression: {
        const y = expr as ts.YieldExpression;
        return y.expression ? this.taintOf(y.expression, env) : CLEAN;
      }
      default:
        // Unknown construct (JSX, future syntax): not silently safe. Everything inside may flow out.
        return this.children(expr, env);
    }
  }

  private children(node: ts.Node, env: Env): Taint {
    const parts: Taint[] = [];
    node.forEachChild((c) => {
      if (ts.isExpression(c)) parts.push(this.taintOf(c, env));
      else parts.push(this.children(c, env));
    });
    return flatten(union(...parts));
  }

  // ---------------------------------------------------------------- identifiers and definitions

  private identifier(id: ts.Identifier, env: Env): Taint {
    if (id.text === 'undefined') return CLEAN;
    let symbol = this.checker.getSymbolAtLocation(id);
    if (!symbol) return CLEAN;
    if (symbol.flags & ts.SymbolFlags.Alias) {
      const target = this.checker.getAliasedSymbol(symbol);
      if (target && target !== symbol) return this.symbolValue(target, id, env, true);
    }
    return this.symbolValue(symbol, id, env, false);
  }

  private bound(symbol: ts.Symbol, env: Env): Taint | undefined {
    for (let e: Env | undefined = env; e; e = e.parent) {
      const t = e.bindings?.get(symbol);
      if (t) return t;
    }
    return undefined;
  }

  private symbolValue(symbol: ts.Symbol, use: ts.Node, env: Env, imported: boolean): Taint {
    const bound = this.bound(symbol, env);
    if (bound) return bound;
    const decl = symbol.valueDeclaration ?? symbol.declarations?.[0];
    if (!decl) return CLEAN;
    if (ts.isFunctionLike(decl) || ts.isClassLike(decl) || ts.isEnumDeclaration(decl) || ts.isModuleDeclaration(decl)) return CLEAN;
    if (decl.getSourceFile().isDeclarationFile) return this.typeSource(use, `${symbol.name}`);

    const declared = declarationVerdict(this.ctx, bindingRoot(decl));
    if (declared && (ts.isParameter(decl) || ts.isVariableDeclaration(decl) || ts.isBindingElement(decl))) {
      return [this.sourceLabel(`${symbol.name}`, declared, use, decl)];
    }
    const byName = ts.isBindingElement(decl) ? this.untypedBinding(decl) : undefined;
    const named: Taint = byName ? [this.sourceLabel(byName.desc, byName.why, use, decl)] : CLEAN;

    const scope = declaringScope(decl);
    if (!scope) return named;
    const defs = this.defs.defsOf(symbol, scope);
    const useInClosure = imported || enclosingFunction(use) !== (ts.isSourceFile(scope) ? undefined : scope);
    const reaching = useInClosure && !imported ? closureReachingDefs(defs, use, scope) : reachingDefs(defs, use, scope, useInClosure);
    const deletes = reaching.filter((d) => d.kind === 'delete');
    const parts: Taint[] = [];
    for (const def of reaching) {
      if (def.kind === 'delete') continue;
      let t = this.defValue(def, symbol, decl, use, env);
      for (const del of deletes) {
        if (del.node.pos > def.node.pos && del.field) t = withoutMember(t, del.field[0]!);
      }
      parts.push(t);
    }
    return union(named, ...parts);
  }

  /**
   * `const { ssn, complaint } = req.body` with `body: any`, `({ body: { mrn } }: any) => ...`:
   * a name in a binding pattern over a value the types say nothing about is judged by its
   * field name, as `req.body.ssn` would be. Weak names count when a sibling in the same
   * pattern is a strong one (the pattern unpacks a patient-like object).
   */
  private untypedBinding(decl: ts.BindingElement): MemberVerdict | undefined {
    const pattern = decl.parent;
    if (!ts.isObjectBindingPattern(pattern) || decl.dotDotDotToken) return undefined;
    const key = bindingKey(decl);
    if (key === undefined) return undefined;
    if (!isUntypedMember(this.checker, this.checker.getTypeAtLocation(pattern), key)) return undefined;
    const strongSibling = pattern.elements.some((el) => {
      const k = bindingKey(el);
      return k !== undefined && classifyFieldName(k, this.ctx.fieldSets) === 'strong';
    });
    return untypedMemberVerdict(this.ctx, key, bindingBaseText(pattern), strongSibling);
  }

  private defValue(def: Def, symbol: ts.Symbol, decl: ts.Declaration, use: ts.Node, env: Env): Taint {
    const name = symbol.name;
    switch (def.kind) {
      case 'param':
        return this.parameter(def.node as ts.ParameterDeclaration, symbol, use, env, def.path);
      case 'keys-of':
        return CLEAN;
      case 'init':
        if (!def.value) {
          return this.typeSource(use, name, (decl as ts.VariableDeclaration).type);
        }
        // `const view: View = { ... }`: every member of a literal is known, so the annotation adds
        // nothing (its name-guessed members would override deletes and omissions).
        if (ts.isVariableDeclaration(def.node) && def.node.type && !isLiteralValue(def.value)) {
          return union(this.typeSource(def.node, name, def.node.type, def.node), this.pathValue(def.value, def.path, env));
        }
        return addHop(this.pathValue(def.value, def.path, env), def.node, `assigned to ${name}`);
      case 'assign':
      case 'compound':
        if (!def.value) return CLEAN;
        return addHop(this.pathValue(def.value, def.path, env), def.node, `assigned to ${name}`);
      case 'element-of':
        if (!def.value) return CLEAN;
        return addHop(this.applyPath(readAnyElement(this.taintOf(def.value, env)), def.path), def.node, `iterated as ${name}`);
      case 'mutate':
      case 'passed':
        return this.writeValue(def, name, env);
      default:
        return CLEAN;
    }
  }

  /** What a mutation, or a call given the variable, adds to the variable's object. */
  private writeValue(def: Def, name: string, env: Env): Taint {
    let t: Taint;
    let verb: string;
    if (def.kind === 'passed') {
      const call = def.node as ts.CallExpression;
      const target = this.projectCallee(call);
      const index = target ? paramIndexOf(target, def.argIndex!) : undefined;
      const written = target && index !== undefined ? this.summaryOf(target, 'paramWrites')[index] : undefined;
      if (!written || written.length === 0) return CLEAN;
      t = this.anchorAtCall(this.substitute(written, call, env), call, target!, env);
      verb = `given to ${calleeName(call)}(), which adds to`;
    } else {
      if (!def.value) return CLEAN;
      t = embedAt(this.taintOf(def.value, env), def.value);
      verb = ts.isCallExpression(def.node) ? 'added to' : 'stored in';
    }
    for (let i = (def.field ?? []).length - 1; i >= 0; i--) t = underMember(t, def.field![i]!);
    return addHop(t, def.node, `${verb} ${name}${def.field?.length ? '.' + def.field.join('.') : ''}`);
  }

  /**
   * `appendChartContext(messages, encounter)` with the callee in another file: PHI the callee
   * embedded there cannot be redacted here, so it is reported at the argument of this call that
   * carries it (`encounter`): the one whose parameter the PHI was read from, else one that
   * carries the same PHI, else the call; the callee's steps stay in the path.
   */
  private anchorAtCall(t: Taint, call: ts.CallExpression, callee: FunctionNode, env: Env): Taint {
    const here = call.getSourceFile();
    let argTaints: Taint[] | undefined;
    return t.map((l) => {
      if (l.kind !== 'phi' || (l.embed && l.embed.getSourceFile() === here)) return l;
      const fromParam = this.sourceParamIndex(l, callee);
      const byParam = fromParam === undefined ? undefined : argForParam(call, callee, fromParam)[0];
      const embedElsewhere = l.embedElsewhere ?? l.embed;
      if (byParam) return { ...l, embed: byParam, embedElsewhere };
      argTaints ??= call.arguments.map((a) => this.taintOf(ts.isSpreadElement(a) ? a.expression : a, env));
      const i = argTaints.findIndex((at) => at.some((x) => x.kind === 'phi' && x.desc === l.desc));
      return { ...l, embed: i >= 0 ? call.arguments[i]! : call, embedElsewhere };
    });
  }

  /** `encounter.diagnosis` read inside `fn`: the index of the parameter the PHI's source reads from. */
  private sourceParamIndex(l: Label, fn: FunctionNode): number | undefined {
    let e = l.hops[0]?.node;
    while (e && (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isNonNullExpression(e) || ts.isParenthesizedExpression(e))) e = e.expression;
    if (!e || !ts.isIdentifier(e)) return undefined;
    const decl = this.checker.getSymbolAtLocation(e)?.valueDeclaration;
    const root = decl ? bindingRoot(decl) : undefined;
    if (!root || !ts.isParameter(root) || root.parent !== fn) return undefined;
    return fn.parameters.indexOf(root);
  }

  /**
   * `const [patient, notes] = await Promise.all([loadPatient(), loadNotes()])`: a destructured
   * position of a literal tuple reads that element only, not the union of all of them.
   */
  private pathValue(value: ts.Expression, path: PathSeg[] | undefined, env: Env): Taint {
    const first = path?.[0];
    if (first?.kind === 'element' && first.index !== undefined) {
      const el = tupleElement(value, first.index);
      if (el) return this.pathValue(el, path!.slice(1), env);
    }
    return this.applyPath(this.taintOf(value, env), path);
  }

  private applyPath(t: Taint, path: PathSeg[] | undefined): Taint {
    if (!path) return t;
    let out = t;
    for (const seg of path) {
      if (seg.kind === 'member') out = readMember(out, seg.name);
      else if (seg.kind === 'element') out = readAnyElement(out);
      else for (const omit of seg.omit) out = withoutMember(out, omit);
    }
    return out;
  }

  private parameter(param: ts.ParameterDeclaration, symbol: ts.Symbol, use: ts.Node, env: Env, path: PathSeg[] | undefined): Taint {
    const fn = param.parent as FunctionNode;
    const body = bodyDecoratorOf(this.checker, param);
    const fromBody = body === undefined ? CLEAN : body.property === undefined ? this.requestBody(param, 'NestJS @Body()') : this.bodyProperty(param, body.property);
    const typed = union(fromBody, this.typeSource(param, symbol.name, param.type, param));
    // A type that marks the whole value PHI says everything; one that marks some members leaves
    // the others to what the caller passes (a `notes: string` may hold a patient's name).
    if (typed.some((l) => l.field.length === 0)) return this.applyPath(typed, path);
    if (this.rootOf(env) === fn) {
      const index = fn.parameters.indexOf(param);
      const label: Label = {
        kind: 'param',
        desc: `parameter ${symbol.name}`,
        field: [],
        hops: [{ node: param, description: `parameter ${symbol.name} of ${functionName(fn)}` }],
        fn,
        paramIndex: index,
        access: [],
        flattened: false,
      };
      if (typed.length > 0) label.typedFields = [...new Set(typed.map((l) => l.field[0]!))];
      return union(this.applyPath(typed, path), this.applyPath([label], path));
    }
    return this.applyPath(typed, path);
  }

  /** `@Body('ssn') ssn: string`: one member of the body, judged by its name (or PHI, under "all"). */
  private bodyProperty(param: ts.ParameterDeclaration, property: string): Taint {
    if (this.ctx.config.phi.requestBodies === 'all') return this.requestBody(param, 'NestJS @Body()');
    const verdict = untypedMemberVerdict(this.ctx, property, 'body', false);
    return verdict ? [this.sourceLabel(verdict.desc, verdict.why, param)] : CLEAN;
  }

  private rootOf(env: Env): FunctionNode | undefined {
    let e = env;
    while (e.parent) e = e.parent;
    return e.root;
  }

  /** PHI the static type of an expression declares (Patient, PHI<string>, FHIR resources). */
  private typeSource(node: ts.Node, name: string, typeNode?: ts.TypeNode, decl?: ts.Node, known?: ts.Type): Taint {
    const type = known ?? (typeNode ? this.checker.getTypeFromTypeNode(typeNode) : this.checker.getTypeAtLocation(node));
    const found = typePhi(this.ctx, type);
    if (found.length === 0) return CLEAN;
    const where = decl ?? node;
    return found.map((p) => ({
      kind: 'phi' as const,
      desc: p.desc,
      field: p.field,
      hops: [{ node: where, description: `${name}: ${p.desc} (${p.why})` }],
    }));
  }

  private sourceLabel(desc: string, why: string, node: ts.Node, decl?: ts.Node): Label {
    return { kind: 'phi', desc, field: [], hops: [{ node: decl && decl !== node ? decl : node, description: `${desc} (${why})` }] };
  }

  // ---------------------------------------------------------------- members

  private propertyAccess(expr: ts.PropertyAccessExpression, env: Env): Taint {
    const name = expr.name.text;
    const base = expr.expression;
    if (NON_CONTENT_PROPERTIES.has(name) && this.isCollectionOrText(base)) return CLEAN;
    const member = this.checker.getSymbolAtLocation(expr.name);
    if (member && isFhirMetadataMember(member)) return CLEAN;
    return this.member(expr, base, name, member, env);
  }

  private elementAccess(expr: ts.ElementAccessExpression, env: Env): Taint {
    const arg = expr.argumentExpression;
    if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) {
      const member = this.checker.getSymbolAtLocation(arg) ?? this.checker.getTypeAtLocation(expr.expression).getProperty(arg.text);
      return this.member(expr, expr.expression, arg.text, member, env);
    }
    const baseTaint = readAnyElement(this.taintOf(expr.expression, env));
    // As for members: the element's type speaks only when the flow knows nothing concrete, or
    // `[a.reason][0]` (a PHI<string> element) would be reported twice, at two places.
    if (baseTaint.some((l) => l.kind === 'phi')) return baseTaint;
    return union(baseTaint, this.typeSourceIfObject(expr));
  }

  private member(expr: ts.Expression, base: ts.Expression, name: string, member: ts.Symbol | undefined, env: Env): Taint {
    const parts: Taint[] = [];
    let typed = false;
    // An index signature (`{ [key: string]: any }`) declares no member: the name is all there is.
    if (member?.declarations?.length && !member.declarations.every(ts.isIndexSignatureDeclaration)) {
      typed = true;
      const verdict = memberVerdict(this.ctx, member);
      if (verdict) parts.push([this.sourceLabel(verdict.desc, verdict.why, expr)]);
      const fieldTaint = this.classFieldWrites(member, env);
      if (fieldTaint.length > 0) parts.push(fieldTaint);
      const getterTaint = this.getterReturns(member, expr);
      if (getterTaint.length > 0) parts.push(getterTaint);
    }
    const framework = member ? requestBodyMember(member) : undefined;
    if (framework) parts.push(this.requestBody(expr, framework));
    if (!typed) {
      const baseType = this.checker.getTypeAtLocation(base);
      if (isUntypedMember(this.checker, baseType, name) || (!member && !isEnvironment(baseType))) {
        const verdict = untypedMemberVerdict(this.ctx, name, base.getText(), false);
        if (verdict) parts.push([this.sourceLabel(verdict.desc, verdict.why, expr)]);
      }
    }
    const baseTaint = this.taintOf(base, env);
    if (baseTaint.length > 0) parts.push(readMember(baseTaint, name));
    if (parts.length === 0 || parts.every((p) => p.every((l) => l.kind === 'param'))) {
      // A nested object the members do not mark (visit.patient) may still be PHI-typed.
      parts.push(this.typeSourceIfObject(expr));
    }
    return union(...parts);
  }

  /** A request body entering through a framework: PHI as `phi.requestBodies` says. */
  private requestBody(expr: ts.Node, framework: string): Taint {
    const policy = this.ctx.config.phi.requestBodies;
    if (policy === 'fieldNames') return CLEAN;
    const text = ts.isParameter(expr) ? `@Body() ${expr.name.getText()}` : shortText(expr);
    const label = this.sourceLabel(`request body ${text}`, `${framework} request body; phi.requestBodies "${policy}"`, expr);
    return [policy === 'whole' ? { ...label, wholeOnly: true } : label];
  }

  private typeSourceIfObject(expr: ts.Expression, known?: ts.Type): Taint {
    const type = known ?? this.checker.getTypeAtLocation(expr);
    if (!(type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Union | ts.TypeFlags.Intersection))) return CLEAN;
    return this.typeSource(expr, shortText(expr), undefined, undefined, type);
  }

  /**
   * The type `new C(...)` makes. For a class without type parameters that is C's declared
   * instance type, read from its symbol: asking for the expression's type would type-check the
   * arguments against the constructor (an SDK command's whole request object).
   */
  private instanceType(expr: ts.NewExpression): ts.Type {
    const sym = symbolAt(this.checker, expr.expression);
    const decls = sym?.declarations ?? [];
    if (sym && sym.flags & ts.SymbolFlags.Class && decls.length > 0 && decls.every((d) => ts.isClassLike(d) && !d.typeParameters?.length)) {
      return this.checker.getDeclaredTypeOfSymbol(sym);
    }
    return this.checker.getTypeAtLocation(expr);
  }

  private isCollectionOrText(base: ts.Expression): boolean {
    const t = this.checker.getTypeAtLocation(base);
    if (t.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.Any)) return true;
    // A branded string (PHI<string> = string & { __phi }) is still text: its length is a count.
    if (t.isIntersection() && t.types.some((p) => p.flags & ts.TypeFlags.StringLike)) return true;
    if (this.checker.isArrayType(t) || this.checker.isTupleType(t)) return true;
    const name = t.getSymbol()?.name;
    return name === 'Map' || name === 'Set' || name === 'Buffer' || name === 'Uint8Array' || name === 'ArrayBuffer' || name === 'Blob';
  }

  /** this.notes = ...; this.notes.push(...) anywhere in the class: flow-insensitive, like a global. */
  private classFieldWrites(member: ts.Symbol, env: Env): Taint {
    const decl = member.valueDeclaration;
    if (!decl || !(ts.isPropertyDeclaration(decl) || (ts.isParameter(decl) && ts.isConstructorDeclaration(decl.parent)))) return CLEAN;
    const cls = ts.isParameter(decl) ? decl.parent.parent : decl.parent;
    if (!ts.isClassLike(cls) || !isProjectFile(cls.getSourceFile().fileName)) return CLEAN;
    let writes = this.ctx.fieldDefs.get(member);
    if (!writes) {
      writes = collectFieldWrites(this.checker, cls, member);
      this.ctx.fieldDefs.set(member, writes);
    }
    const parts: Taint[] = [];
    for (const w of writes) {
      const fnEnv: Env = { root: enclosingFunction(w) as FunctionNode | undefined };
      const t = this.taintOf(w, fnEnv);
      const concrete = this.resolveParamsFromCallers(t, fnEnv.root);
      parts.push(addHop(embedAt(concrete, w), w, `stored in ${member.name}`));
    }
    return union(...parts);
  }

  /** `box.text` where `text` is a getter of a project class: the PHI its body returns (fields it reads included). */
  private getterReturns(member: ts.Symbol, expr: ts.Expression): Taint {
    const getter = member.declarations?.find(ts.isGetAccessorDeclaration);
    if (!getter?.body || !isProjectFile(getter.getSourceFile().fileName)) return CLEAN;
    const returned = this.summaryOf(getter, 'returns').filter((l) => l.kind === 'phi');
    return addHop(returned, expr, `returned by getter ${member.name}`);
  }

  /** Param labels of a method that stored them in a field: look up the method's callers in its own file. */
  private resolveParamsFromCallers(t: Taint, fn: FunctionNode | undefined): Taint {
    const concrete = t.filter((l) => l.kind === 'phi');
    const params = t.filter((l) => l.kind === 'param' && l.fn === fn);
    if (params.length === 0 || !fn) return concrete;
    const out: Taint[] = [concrete];
    for (const call of callersInFile(this.checker, fn)) {
      const callerEnv: Env = { root: enclosingFunction(call) as FunctionNode | undefined };
      const sub = this.substitute(params, call, callerEnv).filter((l) => l.kind === 'phi');
      out.push(sub);
    }
    return union(...out);
  }

  // ---------------------------------------------------------------- operators and literals

  private binary(expr: ts.BinaryExpression, env: Env): Taint {
    const op = expr.operatorToken.kind;
    switch (op) {
      case ts.SyntaxKind.PlusToken:
      case ts.SyntaxKind.PlusEqualsToken: {
        if (this.valueKind(expr) === 'number') return CLEAN; // arithmetic
        const l = embedAt(this.taintOf(expr.left, env), expr.left);
        const r = embedAt(this.taintOf(expr.right, env), expr.right);
        return addHop(flatten(union(l, r)), expr, 'concatenated');
      }
      case ts.SyntaxKind.EqualsToken:
      case ts.SyntaxKind.QuestionQuestionEqualsToken:
      case ts.SyntaxKind.BarBarEqualsToken:
        return this.taintOf(expr.right, env);
      case ts.SyntaxKind.BarBarToken:
      case ts.SyntaxKind.QuestionQuestionToken:
      case ts.SyntaxKind.AmpersandAmpersandToken:
        return union(this.taintOf(expr.left, env), this.taintOf(expr.right, env));
      case ts.SyntaxKind.CommaToken:
        return this.taintOf(expr.right, env);
      default:
        return CLEAN; // comparisons, arithmetic, bitwise, in, instanceof: no content
    }
  }

  /**
   * Is a `+` arithmetic or concatenation? Asking the checker for the type of every `+` of a long
   * chain re-checks the chain below it each time (quadratic), so the kinds are combined from the
   * operands, bottom-up along the left spine without recursion, and the checker is asked only
   * for leaves and for operands whose kind the rule below cannot decide.
   */
  private valueKind(expr: ts.Expression): 'number' | 'string' | 'other' {
    const spine: ts.BinaryExpression[] = [];
    let e: ts.Expression = expr;
    while (ts.isBinaryExpression(e) && isPlus(e.operatorToken.kind) && !this.plusKinds.has(e)) {
      spine.push(e);
      e = skipParens(e.left);
    }
    for (let i = spine.length - 1; i >= 0; i--) {
      const b = spine[i]!;
      const l = this.operandKind(b.left);
      const r = this.operandKind(b.right);
      let kind: 'number' | 'string' | 'other';
      if (l === 'string' || r === 'string') kind = 'string';
      else if (l === 'number' && r === 'number') kind = 'number';
      else kind = kindOfType(this.checker.getTypeAtLocation(b));
      this.plusKinds.set(b, kind);
    }
    return this.operandKind(expr);
  }

  private operandKind(e: ts.Expression): 'number' | 'string' | 'other' {
    e = skipParens(e);
    const known = this.plusKinds.get(e);
    if (known) return known;
    if (ts.isBinaryExpression(e) && isPlus(e.operatorToken.kind)) return this.valueKind(e);
    return kindOfType(this.checker.getTypeAtLocation(e));
  }

  private objectLiteral(obj: ts.ObjectLiteralExpression, env: Env): Taint {
    const parts: Taint[] = [];
    for (const p of obj.properties) {
      if (ts.isPropertyAssignment(p)) {
        const key = propertyKey(p.name);
        parts.push(underMember(embedAt(this.taintOf(p.initializer, env), p.initializer), key));
      } else if (ts.isShorthandPropertyAssignment(p)) {
        const sym = this.checker.getShorthandAssignmentValueSymbol(p);
        const t = sym ? this.symbolValue(sym, p.name, env, false) : CLEAN;
        parts.push(underMember(embedAt(t, p), p.name.text));
      } else if (ts.isSpreadAssignment(p)) {
        // Not an embedding point: wrapping a spread operand in a redactor would not type-check.
        parts.push(this.taintOf(p.expression, env));
      }
    }
    return union(...parts);
  }

  private newExpression(expr: ts.NewExpression, env: Env): Taint {
    const args = expr.arguments ?? [];
    const parts = args.map((a) => this.taintOf(a, env));
    return union(...parts, this.typeSourceIfObject(expr, this.instanceType(expr)));
  }

  // ---------------------------------------------------------------- calls

  private call(call: ts.CallExpression, env: Env): Taint {
    if (this.hooks.isRedactorCall(call)) return CLEAN;
    const callee = skipOuter(call.expression);
    const sig = this.checker.getResolvedSignature(call);
    const decl = sig?.declaration;
    const declFile = decl?.getSourceFile();
    const isLib = !!declFile && (declFile.hasNoDefaultLib || /\/node_modules\/(typescript\/lib|@types\/node)\//.test(declFile.fileName));
    const untyped = !decl;

    if (isLib && isRequestBodyRead(this.checker, call)) return this.requestBody(call, 'web Request');
    if (decl && declFile && isTemplateFiller(decl, declFile)) {
      // Each value put into the template is where the PHI is embedded: the fix redacts it there.
      const parts = call.arguments.map((a) => (ts.isSpreadElement(a) ? this.taintOf(a.expression, env) : embedAt(this.taintOf(a, env), a)));
      if (ts.isPropertyAccessExpression(callee)) parts.push(this.taintOf(callee.expression, env));
      return addHop(flatten(union(...parts)), call, `filled into a template by ${calleeName(call)}()`);
    }
    if ((isLib || untyped) && (ts.isPropertyAccessExpression(callee) || ts.isIdentifier(callee))) {
      const builtin = this.builtinCall(call, callee, env);
      if (builtin) return builtin;
    }
    if (decl && declFile && isProjectFile(declFile.fileName) && hasBody(decl)) {
      const sub = this.substitute(this.summaryOf(decl as FunctionNode, 'returns'), call, env);
      const t = addHop(sub, call, `returned by ${calleeName(call)}()`);
      return union(t, this.resultTypeSource(call, sig));
    }
    if (!decl) {
      const fn = this.untypedTarget(callee);
      if (fn) {
        return addHop(this.substitute(this.summaryOf(fn, 'returns'), call, env), call, `returned by ${calleeName(call)}()`);
      }
    }
    // A library or unknown function: counts and flags reveal nothing; anything else may carry its inputs.
    const resultType = sig ? awaitedType(this.checker, this.checker.getReturnTypeOfSignature(sig)) : undefined;
    if (resultType && resultType.flags & (ts.TypeFlags.BooleanLike | ts.TypeFlags.NumberLike | ts.TypeFlags.Void | ts.TypeFlags.Undefined | ts.TypeFlags.Never)) {
      return CLEAN;
    }
    const parts: Taint[] = call.arguments.map((a) => this.taintOf(ts.isSpreadElement(a) ? a.expression : a, env));
    if (ts.isPropertyAccessExpression(callee)) parts.push(this.taintOf(callee.expression, env));
    const passed = addHop(flatten(union(...parts)), call, `passed through ${calleeName(call)}()`);
    return union(passed, this.resultTypeSource(call, sig));
  }

  private resultTypeSource(call: ts.CallExpression, sig: ts.Signature | undefined): Taint {
    if (!sig) return CLEAN;
    const type = awaitedType(this.checker, this.checker.getReturnTypeOfSignature(sig));
    if (!type) return CLEAN;
    const found = typePhi(this.ctx, type);
    return found.map((p) => ({
      kind: 'phi' as const,
      desc: p.desc,
      field: p.field,
      hops: [{ node: call, description: `${calleeName(call)}() returns ${p.desc} (${p.why})` }],
    }));
  }

  private builtinCall(call: ts.CallExpression, callee: ts.PropertyAccessExpression | ts.Identifier, env: Env): Taint | undefined {
    const args = call.arguments;
    const argTaint = (i: number) => (args[i] ? this.taintOf(args[i]!, env) : CLEAN);
    const allArgs = () => union(...args.map((a) => this.taintOf(ts.isSpreadElement(a) ? a.expression : a, env)));
    if (ts.isIdentifier(callee)) {
      const name = callee.text;
      if (TEXT_FUNCTIONS.has(name)) return addHop(flatten(argTaint(0)), call, `converted by ${name}()`);
      const stat = STATIC_FUNCTIONS[name];
      if (stat) return this.staticCall(stat, call, name, env);
      return undefined;
    }
    const method = callee.name.text;
    const recvExpr = callee.expression;
    if (ts.isIdentifier(recvExpr)) {
      const stat = STATIC_FUNCTIONS[`${recvExpr.text}.${method}`];
      if (stat) return this.staticCall(stat, call, `${recvExpr.text}.${method}`, env);
    }
    if (NON_CONTENT_METHODS.has(method)) return CLEAN;
    if (method === 'join') {
      return addHop(flatten(union(readAnyElement(this.taintOf(recvExpr, env)), argTaint(0))), call, 'joined');
    }
    if (CALLBACK_MAPPERS.has(method) && args[0]) {
      const recv = this.taintOf(recvExpr, env);
      const elem = method === 'then' ? recv : readAnyElement(recv);
      const out = this.callbackResult(args[0], [elem], call, env);
      return method === 'then' ? out : addHop(out, call, `mapped by ${method}()`);
    }
    if (method === 'reduce' || method === 'reduceRight') {
      const recv = readAnyElement(this.taintOf(recvExpr, env));
      const init = argTaint(1);
      return union(init, args[0] ? this.callbackResult(args[0], [init, recv], call, env) : CLEAN);
    }
    if (method === 'concat') {
      if (this.operandKind(recvExpr) !== 'string') return union(this.taintOf(recvExpr, env), allArgs());
      // 'a'.concat(x, y) is 'a' + x + y: each argument is an embedding point, like a + operand.
      const parts = args.map((a) => (ts.isSpreadElement(a) ? this.taintOf(a.expression, env) : embedAt(this.taintOf(a, env), a)));
      return addHop(flatten(union(this.taintOf(recvExpr, env), ...parts)), call, 'concatenated');
    }
    if (ARRAY_SELECTORS.has(method) || method === 'catch' || method === 'finally') return this.taintOf(recvExpr, env);
    if (STRING_PROPAGATORS.has(method)) {
      const recv = flatten(this.taintOf(recvExpr, env));
      const at = STRING_EMBEDDING_ARGS[method];
      const arg = at === undefined ? undefined : args[at];
      let extra: Taint = CLEAN;
      if (arg && this.functionOf(arg)) extra = this.replacerResult(arg, recv, call, env);
      else if (arg && !ts.isSpreadElement(arg)) extra = flatten(embedAt(this.taintOf(arg, env), arg));
      return addHop(union(recv, extra), call, `${method}()`);
    }
    return undefined;
  }

  private staticCall(kind: 'text' | 'same' | 'values' | 'clean' | 'union', call: ts.CallExpression, name: string, env: Env): Taint {
    const args = call.arguments;
    const first = args[0] ? this.taintOf(args[0], env) : CLEAN;
    switch (kind) {
      case 'clean':
        return CLEAN;
      case 'text':
        return addHop(flatten(first), call, `${name}()`);
      case 'values':
        return addHop(readAnyMember(first), call, `${name}()`);
      case 'same':
        return first;
      case 'union':
        return union(...args.map((a) => this.taintOf(ts.isSpreadElement(a) ? a.expression : a, env)));
    }
  }

  /** The return taint of a callback called with `argTaints` (map, then, reduce). */
  private callbackResult(cb: ts.Expression, argTaints: Taint[], call: ts.CallExpression, env: Env): Taint {
    const fn = this.functionOf(cb);
    if (!fn) return flatten(union(...argTaints));
    if (fn.getSourceFile() === call.getSourceFile() && isAncestorNode(call, fn)) {
      // Inline: evaluate in place so closures see the caller's variables.
      const bindings = new Map<ts.Symbol, Taint>();
      fn.parameters.forEach((p, i) => {
        const sym = ts.isIdentifier(p.name) ? this.checker.getSymbolAtLocation(p.name) : undefined;
        if (sym && argTaints[i]) bindings.set(sym, addHop(argTaints[i]!, p, `passed to ${p.name.getText()}`));
        else if (!ts.isIdentifier(p.name) && argTaints[i]) this.bindPattern(p.name, argTaints[i]!, bindings);
      });
      const inner: Env = { root: env.root, bindings, parent: env };
      return union(...returnExpressions(fn).map((r) => this.taintOf(r, inner)));
    }
    return this.substituteTaints(this.summaryOf(fn, 'returns'), argTaints);
  }

  /**
   * `template.replace(/\{(\w+)\}/g, (_m, key) => vars[key])`: what the replacer returns is put
   * into the text, each return expression an embedding point. Its parameters are pieces of
   * the text being replaced.
   */
  private replacerResult(cb: ts.Expression, recv: Taint, call: ts.CallExpression, env: Env): Taint {
    const fn = this.functionOf(cb)!;
    if (fn.getSourceFile() === call.getSourceFile() && isAncestorNode(call, fn)) {
      const bindings = new Map<ts.Symbol, Taint>();
      for (const p of fn.parameters) {
        const sym = ts.isIdentifier(p.name) ? this.checker.getSymbolAtLocation(p.name) : undefined;
        if (sym) bindings.set(sym, recv);
      }
      const inner: Env = { root: env.root, bindings, parent: env };
      const parts = returnExpressions(fn).map((r) => embedAt(this.taintOf(r, inner), r));
      return addHop(flatten(union(...parts)), cb, 'returned by the replacer');
    }
    return flatten(this.callbackResult(cb, fn.parameters.map(() => recv), call, env));
  }

  private bindPattern(pattern: ts.BindingName, t: Taint, bindings: Map<ts.Symbol, Taint>): void {
    if (ts.isIdentifier(pattern)) {
      const sym = this.checker.getSymbolAtLocation(pattern);
      if (sym) bindings.set(sym, t);
      return;
    }
    for (const el of pattern.elements) {
      if (ts.isOmittedExpression(el)) continue;
      const key = el.propertyName ?? el.name;
      const keyText = ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : undefined;
      const sub = ts.isObjectBindingPattern(pattern) && keyText && !el.dotDotDotToken ? readMember(t, keyText) : readAnyElement(t);
      this.bindPattern(el.name, sub, bindings);
    }
  }

  private functionOf(e: ts.Expression): FunctionNode | undefined {
    const inner = skipOuter(e);
    if (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) return inner;
    if (ts.isIdentifier(inner) || ts.isPropertyAccessExpression(inner)) {
      const sym = symbolAt(this.checker, inner);
      const d = sym?.valueDeclaration;
      if (d && (ts.isFunctionDeclaration(d) || ts.isMethodDeclaration(d)) && d.body && isProjectFile(d.getSourceFile().fileName)) return d;
      if (d && ts.isVariableDeclaration(d) && d.initializer) {
        const init = skipOuter(d.initializer);
        if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
      }
    }
    return undefined;
  }

  /** Plain JavaScript without types: follow the callee to a function declared in the project. */
  private untypedTarget(callee: ts.Expression): FunctionNode | undefined {
    return this.functionOf(callee);
  }

  /** Replace param labels with what the call passes. */
  substitute(labels: Taint, call: ts.CallExpression | ts.NewExpression, env: Env): Taint {
    if (labels.length === 0) return CLEAN;
    const args = call.arguments ?? [];
    const cache = new Map<number, Taint>();
    const argTaint = (i: number): Taint => {
      let t = cache.get(i);
      if (!t) {
        const fn = labels.find((l) => l.kind === 'param')?.fn;
        const isRest = !!fn && !!fn.parameters[i]?.dotDotDotToken;
        const picked = isRest ? args.slice(i) : args[i] ? [args[i]!] : [];
        t = union(...picked.map((a) => embedAt(this.taintOf(ts.isSpreadElement(a) ? a.expression : a, env), a)));
        cache.set(i, t);
      }
      return t;
    };
    return this.substituteWith(labels, argTaint, call);
  }

  private substituteTaints(labels: Taint, argTaints: Taint[]): Taint {
    return this.substituteWith(labels, (i) => argTaints[i] ?? CLEAN, undefined);
  }

  private substituteWith(labels: Taint, argTaint: (i: number) => Taint, call: ts.Node | undefined): Taint {
    const out: Label[] = [];
    const here = this.currentFile;
    for (const l of labels) {
      if (l.kind === 'phi') {
        // An embedding point in another file cannot be reported here; the call site becomes it.
        out.push(here && l.embed && l.embed.getSourceFile() !== here ? { ...l, embed: undefined, embedElsewhere: l.embedElsewhere ?? l.embed } : l);
        continue;
      }
      if (coveredByType(l)) continue;
      let t = argTaint(l.paramIndex ?? 0);
      for (const a of l.access ?? []) t = readMember(t, a);
      if (l.flattened) t = flatten(t);
      for (let i = l.field.length - 1; i >= 0; i--) t = underMember(t, l.field[i]!);
      const innerHops = l.hops.slice(1);
      for (const arg of t) {
        const merged: Label = { ...arg, hops: [...arg.hops, ...innerHops] };
        if (arg.kind === 'phi' && !arg.embed && l.embed && (!here || l.embed.getSourceFile() === here)) merged.embed = l.embed;
        // A member the callee picked out of the argument and embedded in its own file: fixed there.
        // (A parameter embedded whole is fixed at the argument, in the caller.)
        else if (arg.kind === 'phi' && here && l.embed && l.embed.getSourceFile() !== here && (l.access?.length ?? 0) > 0) merged.embedElsewhere ??= l.embed;
        out.push(merged);
      }
    }
    return union(out);
  }

  // ---------------------------------------------------------------- summaries

  summaryOf<P extends keyof Summary>(fn: FunctionNode, part: P): Summary[P] {
    let parts = this.ctx.summaries.get(fn);
    if (!parts) this.ctx.summaries.set(fn, (parts = {}));
    const cached = parts[part];
    if (cached === 'pending') return [] as Summary[P]; // recursion: the outer computation covers it
    if (cached) return cached as Summary[P];
    if (this.ctx.depth >= DEFER_DEPTH) throw new Deferred(() => void this.summaryOf(fn, part));
    parts[part] = 'pending';
    let value: Summary[P];
    try {
      value = this.computeSummaryPart(fn, part);
    } catch (e) {
      delete parts[part];
      throw e;
    }
    parts[part] = value;
    if (!Object.values(parts).includes('pending')) this.ctx.summaryEvaluators.delete(fn);
    return value;
  }

  private computeSummaryPart<P extends keyof Summary>(fn: FunctionNode, part: P): Summary[P] {
    // A summary must not depend on the file being analyzed: evaluate it with a private memo.
    // Kept until the summary completes, so work deferred inside it is found in its memo.
    let sub = this.ctx.summaryEvaluators.get(fn) as Evaluator | undefined;
    if (!sub) {
      sub = new Evaluator(this.ctx, this.hooks, undefined);
      sub.defs = this.defs;
      this.ctx.summaryEvaluators.set(fn, sub);
    }
    const env: Env = { root: fn };
    const own = (t: Taint): Label[] => t.filter((l) => l.kind === 'phi' || l.fn === fn);
    if (part === 'returns') return own(union(...returnExpressions(fn).map((r) => sub.taintOf(r, env)))) as Summary[P];
    if (part === 'paramWrites') {
      const paramWrites: Label[][] = [];
      fn.parameters.forEach((p, i) => {
        const t = own(this.writesInto(p.name, fn, sub, env));
        if (t.length > 0) paramWrites[i] = t;
      });
      return paramWrites as Summary[P];
    }
    const paramSinks: ParamSink[] = [];
    for (const site of sub.sinkSitesIn(fn)) {
      for (const content of site.content) {
        const t = sub.taintOf(content, env);
        for (const l of t) {
          if (l.kind !== 'param' || l.fn !== fn) continue;
          // The whole of a parameter whose type marks PHI is reported inside the wrapper already.
          if (coveredByType(l) || (l.typedFields && (l.access ?? []).length === 0)) continue;
          paramSinks.push({
            paramIndex: l.paramIndex ?? 0,
            access: l.access ?? [],
            flattened: !!l.flattened,
            sink: site.sink,
            hops: [...l.hops.slice(1), { node: content, description: 'sent as content' }],
          });
        }
      }
    }
    return paramSinks as Summary[P];
  }

  /**
   * What `fn` writes into the object a parameter binds, as read from that object afterwards:
   * `function add({ messages }: Req) { messages.push(...) }` writes into `.messages` of its
   * argument. A rest element is a copy, so writes into it change nothing the caller holds.
   */
  private writesInto(name: ts.BindingName, fn: FunctionNode, sub: Evaluator, env: Env): Taint {
    if (ts.isIdentifier(name)) {
      const sym = this.checker.getSymbolAtLocation(name);
      const writes = sym ? this.defs.defsOf(sym, fn).filter(isWrite) : [];
      return union(...writes.map((d) => sub.writeValue(d, sym!.name, env)));
    }
    const parts: Taint[] = [];
    for (const el of name.elements) {
      if (ts.isOmittedExpression(el) || el.dotDotDotToken) continue;
      const inner = this.writesInto(el.name, fn, sub, env);
      if (inner.length === 0) continue;
      if (ts.isArrayBindingPattern(name)) {
        parts.push(inner); // arrays are transparent
        continue;
      }
      const key = el.propertyName ?? el.name;
      if (ts.isIdentifier(key) || ts.isStringLiteral(key)) parts.push(underMember(inner, key.text));
    }
    return union(...parts);
  }

  /** Direct SDK calls and calls to wrappers inside a function (or a file), with their content expressions. */
  sinkSitesIn(scope: ts.Node): { call: ts.CallExpression | ts.NewExpression; sink: SinkMatch; content: ts.Expression[]; via?: FunctionNode; paramSinks?: ParamSink[] }[] {
    const out: { call: ts.CallExpression | ts.NewExpression; sink: SinkMatch; content: ts.Expression[]; via?: FunctionNode; paramSinks?: ParamSink[] }[] = [];
    // Syntax first: only calls through a name a wrapper can have are resolved with the checker.
    const wrappers = wrapperNames(this.ctx, (call) => !!this.hooks.matchSink(call));
    const root = ts.isFunctionLike(scope) ? (scope as { body?: ts.Node }).body : scope;
    if (!root) return out;
    for (const node of callsWithin(root)) {
      checkBudget(this.ctx);
      const direct = this.hooks.matchSink(node);
      if (direct) out.push({ call: node, sink: direct, content: direct.content });
      else if (ts.isCallExpression(node) && wrappers.mayCallWrapper(node)) {
        const target = this.projectCallee(node);
        if (target) {
          for (const ps of this.summaryOf(target, 'paramSinks')) {
            const arg = argForParam(node, target, ps.paramIndex);
            if (arg.length > 0) out.push({ call: node, sink: ps.sink, content: arg, via: target, paramSinks: [ps] });
          }
        }
      }
    }
    return out;
  }

  /** The project function a call runs, if it has a body to summarize. */
  private projectCallee(call: ts.CallExpression): FunctionNode | undefined {
    const bySymbol = calleeFromSymbol(this.checker, call.expression);
    if (bySymbol !== NEEDS_SIGNATURE) return bySymbol;
    const sig = this.checker.getResolvedSignature(call);
    const decl = sig?.declaration;
    if (decl && hasBody(decl) && isProjectFile(decl.getSourceFile().fileName)) return decl as FunctionNode;
    if (!decl) return this.untypedTarget(call.expression);
    return undefined;
  }

  /** Taint of a wrapper argument as it reaches the wrapped call (members read, turned to text). */
  wrapperContentTaint(arg: ts.Expression, ps: ParamSink, env: Env): Taint {
    let t = embedAt(this.taintOf(arg, env), arg);
    for (const a of ps.access) t = readMember(t, a);
    if (ps.flattened) t = flatten(t);
    const wrapper = ts.isCallExpression(arg.parent) ? calleeName(arg.parent) : 'a wrapper';
    return t.map((l) => ({ ...l, hops: [...l.hops, { node: arg, description: `passed to ${wrapper}(), which sends it` }, ...ps.hops] }));
  }
}

// -------------------------------------------------------------------- helpers

function readAnyElement(t: Taint): Taint {
  // Arrays are transparent: an element carries what the array carries.
  return t;
}

const templateFillers = new WeakMap<ts.Declaration, boolean>();

/** Node's util.format, a LangChain prompt template's format/formatMessages/invoke (builtins.ts). */
function isTemplateFiller(decl: ts.Declaration, file: ts.SourceFile): boolean {
  let known = templateFillers.get(decl);
  if (known === undefined) templateFillers.set(decl, (known = findTemplateFiller(decl, file)));
  return known;
}

function findTemplateFiller(decl: ts.Declaration, file: ts.SourceFile): boolean {
  const pkg = packageOfFile(file.fileName);
  if (!pkg) return false;
  const name = (decl as { name?: ts.Node }).name;
  const text = name && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? name.text : undefined;
  if (!text) return false;
  const path = file.fileName.split('\\').join('/');
  return TEMPLATE_FILLERS.some((f) => f.module === pkg && f.file.test(path) && f.names.includes(text));
}

/** A param label reading a member its declared type already marks PHI: the type reports it inside the function. */
function coveredByType(l: Label): boolean {
  const first = l.access?.[0];
  return !!l.typedFields && first !== undefined && l.typedFields.includes(first);
}

/** The parameter an argument binds to (the last one, when it is a rest parameter). */
function paramIndexOf(fn: FunctionNode, argIndex: number): number | undefined {
  if (argIndex < fn.parameters.length) return fn.parameters[argIndex]!.dotDotDotToken ? fn.parameters.length - 1 : argIndex;
  return fn.parameters[fn.parameters.length - 1]?.dotDotDotToken ? fn.parameters.length - 1 : undefined;
}

function hasBody(decl: ts.Node): boolean {
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

function isAncestorNode(child: ts.Node, ancestor: ts.Node): boolean {
  for (let n: ts.Node | undefined = ancestor; n; n = n.parent) if (n === child) return true;
  return false;
}

/** The root declaration for a binding element (const { a } = ...): the variable declaration or parameter. */
function bindingRoot(decl: ts.Node): ts.Node {
  let n = decl;
  while (ts.isBindingElement(n)) n = n.parent.parent;
  return n;
}

function bindingKey(el: ts.BindingElement): string | undefined {
  if (el.dotDotDotToken) return undefined;
  const key = el.propertyName ?? el.name;
  return ts.isIdentifier(key) || ts.isStringLiteral(key) || ts.isNumericLiteral(key) ? key.text : undefined;
}

/** How the value a pattern unpacks reads in a message: `req.body` for `const { ssn } = req.body`. */
function bindingBaseText(pattern: ts.BindingPattern): string {
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
function isEnvironment(type: ts.Type): boolean {
  return type.getSymbol()?.name === 'ProcessEnv';
}

/** The function (or source file) whose body holds a variable's definitions. */
function declaringScope(decl: ts.Declaration): ts.Node | undefined {
  const root = bindingRoot(decl);
  if (ts.isParameter(root)) return root.parent;
  for (let n: ts.Node | undefined = root.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n) && (n as { body?: ts.Node }).body) return n;
    if (ts.isSourceFile(n)) return n;
  }
  return undefined;
}

function propertyKey(name: ts.PropertyName): string {
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

function shortText(e: ts.Node): string {
  const t = e.getText().replace(/\s+/g, ' ');
  return t.length > 40 ? `${t.slice(0, 37)}...` : t;
}

function argForParam(call: ts.CallExpression, fn: FunctionNode, index: number): ts.Expression[] {
  const param = fn.parameters[index];
  if (param?.dotDotDotToken) return call.arguments.slice(index).map((a) => (ts.isSpreadElement(a) ? a.expression : a));
  const a = call.arguments[index];
  return a ? [ts.isSpreadElement(a) ? a.expression : a] : [];
}

/**
 * `this.text` inside a class and `box.text` outside may resolve to different symbol objects
 * of the same member (the class's `this` type instantiates its properties): compare declarations.
 */
function sameMember(a: ts.Symbol | undefined, b: ts.Symbol): boolean {
  if (!a) return false;
  if (a === b) return true;
  const d = a.valueDeclaration ?? a.declarations?.[0];
  return d !== undefined && d === (b.valueDeclaration ?? b.declarations?.[0]);
}

function collectFieldWrites(checker: ts.TypeChecker, cls: ts.ClassLikeDeclaration, member: ts.Symbol): ts.Expression[] {
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
const callerIndex = new WeakMap<ts.TypeChecker, Map<ts.Node, (ts.CallExpression | ts.NewExpression)[]>>();

/** Calls of `fn` in its own file; `new C(...)` and `super(...)` call C's constructor (parameter properties). */
function callersInFile(checker: ts.TypeChecker, fn: FunctionNode): (ts.CallExpression | ts.NewExpression)[] {
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

function mayBeCalledAs(call: ts.CallExpression, names: ReadonlySet<string>): boolean {
  const name = calleeNameOf(call.expression);
  return name === undefined || names.has(name);
}

export type { Hop };

function isPlus(kind: ts.SyntaxKind): boolean {
  return kind === ts.SyntaxKind.PlusToken || kind === ts.SyntaxKind.PlusEqualsToken;
}

function kindOfType(type: ts.Type): 'number' | 'string' | 'other' {
  if (type.flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike)) return 'number';
  if (type.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.TemplateLiteral)) return 'string';
  return 'other';
}

function skipParens(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e)) e = e.expression;
  return e;
}

/** The expression at `index` of an array literal (through await and Promise.all), if it is certain. */
function tupleElement(value: ts.Expression, index: number): ts.Expression | undefined {
  const e = skip(value);
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && ts.isIdentifier(e.expression.expression) && e.expression.expression.text === 'Promise' && e.expression.name.text === 'all' && e.arguments.length === 1) {
    return tupleElement(e.arguments[0]!, index);
  }
  if (!ts.isArrayLiteralExpression(e)) return undefined;
  for (let i = 0; i <= index && i < e.elements.length; i++) if (ts.isSpreadElement(e.elements[i]!)) return undefined;
  const el = e.elements[index];
  return el && !ts.isOmittedExpression(el) ? el : undefined;
}

function isLiteralValue(e: ts.Expression): boolean {
  const x = skipOuter(e);
  return ts.isObjectLiteralExpression(x) || ts.isArrayLiteralExpression(x);
}
