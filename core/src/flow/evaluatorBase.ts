import ts from 'typescript';
import { checkBudget } from '../program/context';
import type { FlowContext } from './context';
import { DefIndex, type PathSeg } from './defs';
import { CLEAN, readMember, withoutMember, type Label, type Taint } from './taint';
import { typePhi } from '../sources/phiSources';
import type { FunctionNode } from './summaryTypes';
import type { SinkMatch } from '../vendors/sinkTypes';
import { readAnyElement, shortText, isPlus, kindOfType, skipParens } from './nodes';

/** Depth at which memoizable work is deferred to a shallower stack (see Deferred). */
export const DEFER_DEPTH = 120;
/** Depth at which non-memoizable work gives up: the file fails closed (never silently clean). */
export const MAX_DEPTH = 400;

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

/**
 * The evaluator's state and the small questions every layer asks (is this a source, what
 * kind of value is this). The layers build on it: summaries.ts (functions summarized once
 * per program, callers), calls.ts (calls and builtins), members.ts (members and class fields),
 * evaluate.ts (the dispatch, bindings and definitions).
 */
export abstract class EvaluatorBase {
  protected defs: DefIndex;
  protected memo = new Map<ts.Node, Taint>();
  protected visiting = new Set<ts.Node>();
  protected plusKinds = new Map<ts.Node, 'number' | 'string' | 'other'>();
  readonly checker: ts.TypeChecker;

  constructor(readonly ctx: FlowContext, readonly hooks: EvaluatorHooks, readonly currentFile: ts.SourceFile | undefined) {
    this.checker = ctx.checker;
    this.defs = new DefIndex(ctx.checker, () => checkBudget(ctx));
  }

  protected sourceLabel(desc: string, why: string, node: ts.Node, decl?: ts.Node): Label {
    return { kind: 'phi', desc, field: [], hops: [{ node: decl && decl !== node ? decl : node, description: `${desc} (${why})` }] };
  }

  /** PHI the static type of an expression declares (Patient, PHI<string>, FHIR resources). */
  protected typeSource(node: ts.Node, name: string, typeNode?: ts.TypeNode, decl?: ts.Node, known?: ts.Type): Taint {
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

  protected typeSourceIfObject(expr: ts.Expression, known?: ts.Type): Taint {
    const type = known ?? this.checker.getTypeAtLocation(expr);
    if (!(type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Union | ts.TypeFlags.Intersection))) return CLEAN;
    return this.typeSource(expr, shortText(expr), undefined, undefined, type);
  }

  /** A request body entering through a framework: PHI as `phi.requestBodies` says. */
  protected requestBody(expr: ts.Node, framework: string): Taint {
    const policy = this.ctx.config.phi.requestBodies;
    if (policy === 'fieldNames') return CLEAN;
    const text = ts.isParameter(expr) ? `@Body() ${expr.name.getText()}` : shortText(expr);
    const label = this.sourceLabel(`request body ${text}`, `${framework} request body; phi.requestBodies "${policy}"`, expr);
    return [policy === 'whole' ? { ...label, wholeOnly: true } : label];
  }

  protected rootOf(env: Env): FunctionNode | undefined {
    let e = env;
    while (e.parent) e = e.parent;
    return e.root;
  }

  protected applyPath(t: Taint, path: PathSeg[] | undefined): Taint {
    if (!path) return t;
    let out = t;
    for (const seg of path) {
      if (seg.kind === 'member') out = readMember(out, seg.name);
      else if (seg.kind === 'element') out = readAnyElement(out);
      else for (const omit of seg.omit) out = withoutMember(out, omit);
    }
    return out;
  }

  /**
   * Is a `+` arithmetic or concatenation? Asking the checker for the type of every `+` of a long
   * chain re-checks the chain below it each time (quadratic), so the kinds are combined from the
   * operands, bottom-up along the left spine without recursion, and the checker is asked only
   * for leaves and for operands whose kind the rule below cannot decide.
   */
  protected valueKind(expr: ts.Expression): 'number' | 'string' | 'other' {
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

  protected operandKind(e: ts.Expression): 'number' | 'string' | 'other' {
    e = skipParens(e);
    const known = this.plusKinds.get(e);
    if (known) return known;
    if (ts.isBinaryExpression(e) && isPlus(e.operatorToken.kind)) return this.valueKind(e);
    return kindOfType(this.checker.getTypeAtLocation(e));
  }

  abstract taintOf(expr: ts.Expression, env: Env): Taint;
}
