import ts from 'typescript';
import { symbolAt } from '../symbols';
import { skipOuter } from './chains';
import { isProjectFile } from '../program/moduleOf';
import { addHop, CLEAN, embedAt, flatten, readAnyMember, readMember, union, type Taint } from './taint';
import { ARRAY_SELECTORS, CALLBACK_MAPPERS, NON_CONTENT_METHODS, STATIC_FUNCTIONS, STRING_EMBEDDING_ARGS, STRING_PROPAGATORS, TEXT_FUNCTIONS } from './builtins';
import { typePhi } from '../sources/phiSources';
import { isRequestBodyRead } from '../sources/requestInputs';
import { awaitedType } from '../tsCompat';
import type { FunctionNode } from './summaryTypes';
import { SummaryEvaluator } from './summaries';
import type { Env } from './evaluatorBase';
import { readAnyElement, isTemplateFiller, hasBody, returnExpressions, isAncestorNode, calleeName } from './nodes';

/** Calls: project functions through their summaries, the standard library through builtins.ts, callbacks and replacers. */
export abstract class CallEvaluator extends SummaryEvaluator {
  protected call(call: ts.CallExpression, env: Env): Taint {
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

  protected newExpression(expr: ts.NewExpression, env: Env): Taint {
    const args = expr.arguments ?? [];
    const parts = args.map((a) => this.taintOf(a, env));
    return union(...parts, this.typeSourceIfObject(expr, this.instanceType(expr)));
  }

  protected resultTypeSource(call: ts.CallExpression, sig: ts.Signature | undefined): Taint {
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

  protected builtinCall(call: ts.CallExpression, callee: ts.PropertyAccessExpression | ts.Identifier, env: Env): Taint | undefined {
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

  protected staticCall(kind: 'text' | 'same' | 'values' | 'clean' | 'union', call: ts.CallExpression, name: string, env: Env): Taint {
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
  protected callbackResult(cb: ts.Expression, argTaints: Taint[], call: ts.CallExpression, env: Env): Taint {
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
  protected replacerResult(cb: ts.Expression, recv: Taint, call: ts.CallExpression, env: Env): Taint {
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

  protected bindPattern(pattern: ts.BindingName, t: Taint, bindings: Map<ts.Symbol, Taint>): void {
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

  /**
   * The type `new C(...)` makes. For a class without type parameters that is C's declared
   * instance type, read from its symbol: asking for the expression's type would type-check the
   * arguments against the constructor (an SDK command's whole request object).
   */
  protected instanceType(expr: ts.NewExpression): ts.Type {
    const sym = symbolAt(this.checker, expr.expression);
    const decls = sym?.declarations ?? [];
    if (sym && sym.flags & ts.SymbolFlags.Class && decls.length > 0 && decls.every((d) => ts.isClassLike(d) && !d.typeParameters?.length)) {
      return this.checker.getDeclaredTypeOfSymbol(sym);
    }
    return this.checker.getTypeAtLocation(expr);
  }
}
