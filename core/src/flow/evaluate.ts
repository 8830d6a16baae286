import ts from 'typescript';
import { checkBudget } from '../program/context';
import { Deferred, TooDeep } from './context';
import { mutation } from './chains';
import { closureReachingDefs, reachingDefs, type Def, type PathSeg } from './defs';
import { addHop, CLEAN, embedAt, flatten, underMember, union, withoutMember, type Taint } from './taint';
import { declarationVerdict, untypedMemberVerdict } from '../sources/phiSources';
import { classifyFieldName } from '../sources/fieldNames';
import type { MemberVerdict } from '../program/context';
import { MemberEvaluator } from './members';
import { DEFER_DEPTH, MAX_DEPTH, type Env } from './evaluatorBase';
import type { Hop } from './taint';
import { readAnyElement, paramIndexOf, enclosingFunction, bindingRoot, bindingKey, bindingBaseText, isUntypedMember, declaringScope, propertyKey, calleeName, tupleElement, isLiteralValue } from './nodes';
export type { Env, EvaluatorHooks } from './evaluatorBase';
export { calleeName, enclosingFunction, functionName, isUntypedMember, returnExpressions } from './nodes';
export type { Hop };

/**
 * Backward, demand-driven taint evaluation: "which PHI does this expression carry?". Starts
 * at the content of LLM calls and walks back through definitions, calls and compositions.
 * Parameters of the function being summarized become param labels, substituted at call
 * sites, so each function is analyzed once per program (summaries.ts). This class dispatches on
 * syntax and follows bindings and definitions; the other concerns are the layers below it.
 */
export class Evaluator extends MemberEvaluator {
  protected newSummaryEvaluator(): Evaluator {
    return new Evaluator(this.ctx, this.hooks, undefined);
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

  protected compute(expr: ts.Expression, env: Env): Taint {
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

  protected children(node: ts.Node, env: Env): Taint {
    const parts: Taint[] = [];
    node.forEachChild((c) => {
      if (ts.isExpression(c)) parts.push(this.taintOf(c, env));
      else parts.push(this.children(c, env));
    });
    return flatten(union(...parts));
  }

  protected identifier(id: ts.Identifier, env: Env): Taint {
    if (id.text === 'undefined') return CLEAN;
    let symbol = this.checker.getSymbolAtLocation(id);
    if (!symbol) return CLEAN;
    if (symbol.flags & ts.SymbolFlags.Alias) {
      const target = this.checker.getAliasedSymbol(symbol);
      if (target && target !== symbol) return this.symbolValue(target, id, env, true);
    }
    return this.symbolValue(symbol, id, env, false);
  }

  protected bound(symbol: ts.Symbol, env: Env): Taint | undefined {
    for (let e: Env | undefined = env; e; e = e.parent) {
      const t = e.bindings?.get(symbol);
      if (t) return t;
    }
    return undefined;
  }

  protected symbolValue(symbol: ts.Symbol, use: ts.Node, env: Env, imported: boolean): Taint {
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
  protected untypedBinding(decl: ts.BindingElement): MemberVerdict | undefined {
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

  protected defValue(def: Def, symbol: ts.Symbol, decl: ts.Declaration, use: ts.Node, env: Env): Taint {
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
  protected writeValue(def: Def, name: string, env: Env): Taint {
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
   * `const [patient, notes] = await Promise.all([loadPatient(), loadNotes()])`: a destructured
   * position of a literal tuple reads that element only, not the union of all of them.
   */
  protected pathValue(value: ts.Expression, path: PathSeg[] | undefined, env: Env): Taint {
    const first = path?.[0];
    if (first?.kind === 'element' && first.index !== undefined) {
      const el = tupleElement(value, first.index);
      if (el) return this.pathValue(el, path!.slice(1), env);
    }
    return this.applyPath(this.taintOf(value, env), path);
  }

  protected binary(expr: ts.BinaryExpression, env: Env): Taint {
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

  protected objectLiteral(obj: ts.ObjectLiteralExpression, env: Env): Taint {
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
}
