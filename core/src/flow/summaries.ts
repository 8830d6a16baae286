import ts from 'typescript';
import { symbolAt } from '../symbols';
import { calleeFromSymbol, NEEDS_SIGNATURE } from './callees';
import { checkBudget } from '../program/context';
import { Deferred } from './context';
import { skipOuter } from './chains';
import { isWrite, type Def } from './defs';
import { isProjectFile } from '../program/moduleOf';
import { callsWithin, wrapperNames } from './wrapperIndex';
import { CLEAN, embedAt, flatten, readMember, underMember, union, type Label, type Taint } from './taint';
import type { FunctionNode, ParamSink, Summary } from './summaryTypes';
import type { SinkMatch } from '../vendors/sinkTypes';
import { DEFER_DEPTH, EvaluatorBase, type Env } from './evaluatorBase';
import { returnExpressions, coveredByType, hasBody, enclosingFunction, bindingRoot, calleeName, argForParam, callersInFile } from './nodes';

/**
 * Functions summarized once per program, part by part (what they return, which parameters
 * reach an LLM call inside them, what they write into their arguments), substituted at call
 * sites; parameters resolved from a function's callers; the sink sites of a scope.
 */
export abstract class SummaryEvaluator extends EvaluatorBase {
  /** A fresh evaluator of the same kind, for a summary (its memo must not hold this file's results). */
  protected abstract newSummaryEvaluator(): SummaryEvaluator;
  /** What a write leaves in the variable it writes (evaluate.ts). */
  protected abstract writeValue(def: Def, name: string, env: Env): Taint;

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

  protected substituteTaints(labels: Taint, argTaints: Taint[]): Taint {
    return this.substituteWith(labels, (i) => argTaints[i] ?? CLEAN, undefined);
  }

  protected substituteWith(labels: Taint, argTaint: (i: number) => Taint, call: ts.Node | undefined): Taint {
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

  protected computeSummaryPart<P extends keyof Summary>(fn: FunctionNode, part: P): Summary[P] {
    // A summary must not depend on the file being analyzed: evaluate it with a private memo.
    // Kept until the summary completes, so work deferred inside it is found in its memo.
    let sub = this.ctx.summaryEvaluators.get(fn) as SummaryEvaluator | undefined;
    if (!sub) {
      sub = this.newSummaryEvaluator();
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
  protected writesInto(name: ts.BindingName, fn: FunctionNode, sub: SummaryEvaluator, env: Env): Taint {
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
  protected projectCallee(call: ts.CallExpression): FunctionNode | undefined {
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
  /** Param labels of a method that stored them in a field: look up the method's callers in its own file. */
  protected resolveParamsFromCallers(t: Taint, fn: FunctionNode | undefined): Taint {
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

  /**
   * `appendChartContext(messages, encounter)` with the callee in another file: PHI the callee
   * embedded there cannot be redacted here, so it is reported at the argument of this call that
   * carries it (`encounter`): the one whose parameter the PHI was read from, else one that
   * carries the same PHI, else the call; the callee's steps stay in the path.
   */
  protected anchorAtCall(t: Taint, call: ts.CallExpression, callee: FunctionNode, env: Env): Taint {
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
  protected sourceParamIndex(l: Label, fn: FunctionNode): number | undefined {
    let e = l.hops[0]?.node;
    while (e && (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isNonNullExpression(e) || ts.isParenthesizedExpression(e))) e = e.expression;
    if (!e || !ts.isIdentifier(e)) return undefined;
    const decl = this.checker.getSymbolAtLocation(e)?.valueDeclaration;
    const root = decl ? bindingRoot(decl) : undefined;
    if (!root || !ts.isParameter(root) || root.parent !== fn) return undefined;
    return fn.parameters.indexOf(root);
  }

  protected functionOf(e: ts.Expression): FunctionNode | undefined {
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
  protected untypedTarget(callee: ts.Expression): FunctionNode | undefined {
    return this.functionOf(callee);
  }
}
