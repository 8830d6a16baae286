import ts from 'typescript';
import { type PathSeg } from './defs';
import { isProjectFile } from '../program/moduleOf';
import { addHop, CLEAN, embedAt, readMember, union, type Label, type Taint } from './taint';
import { NON_CONTENT_PROPERTIES } from './builtins';
import { isFhirMetadataMember, memberVerdict, untypedMemberVerdict } from '../sources/phiSources';
import { bodyDecoratorOf, requestBodyMember } from '../sources/requestInputs';
import type { FunctionNode } from './summaryTypes';
import { CallEvaluator } from './calls';
import type { Env } from './evaluatorBase';
import { readAnyElement, enclosingFunction, isUntypedMember, isEnvironment, functionName, collectFieldWrites } from './nodes';

/** Member reads: typed PHI members, field names on untyped values, request bodies, class fields and getters, parameters. */
export abstract class MemberEvaluator extends CallEvaluator {
  protected propertyAccess(expr: ts.PropertyAccessExpression, env: Env): Taint {
    const name = expr.name.text;
    const base = expr.expression;
    if (NON_CONTENT_PROPERTIES.has(name) && this.isCollectionOrText(base)) return CLEAN;
    const member = this.checker.getSymbolAtLocation(expr.name);
    if (member && isFhirMetadataMember(member)) return CLEAN;
    return this.member(expr, base, name, member, env);
  }

  protected elementAccess(expr: ts.ElementAccessExpression, env: Env): Taint {
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

  protected member(expr: ts.Expression, base: ts.Expression, name: string, member: ts.Symbol | undefined, env: Env): Taint {
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

  protected isCollectionOrText(base: ts.Expression): boolean {
    const t = this.checker.getTypeAtLocation(base);
    if (t.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.Any)) return true;
    // A branded string (PHI<string> = string & { __phi }) is still text: its length is a count.
    if (t.isIntersection() && t.types.some((p) => p.flags & ts.TypeFlags.StringLike)) return true;
    if (this.checker.isArrayType(t) || this.checker.isTupleType(t)) return true;
    const name = t.getSymbol()?.name;
    return name === 'Map' || name === 'Set' || name === 'Buffer' || name === 'Uint8Array' || name === 'ArrayBuffer' || name === 'Blob';
  }

  /** this.notes = ...; this.notes.push(...) anywhere in the class: flow-insensitive, like a global. */
  protected classFieldWrites(member: ts.Symbol, env: Env): Taint {
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
  protected getterReturns(member: ts.Symbol, expr: ts.Expression): Taint {
    const getter = member.declarations?.find(ts.isGetAccessorDeclaration);
    if (!getter?.body || !isProjectFile(getter.getSourceFile().fileName)) return CLEAN;
    const returned = this.summaryOf(getter, 'returns').filter((l) => l.kind === 'phi');
    return addHop(returned, expr, `returned by getter ${member.name}`);
  }

  protected parameter(param: ts.ParameterDeclaration, symbol: ts.Symbol, use: ts.Node, env: Env, path: PathSeg[] | undefined): Taint {
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
  protected bodyProperty(param: ts.ParameterDeclaration, property: string): Taint {
    if (this.ctx.config.phi.requestBodies === 'all') return this.requestBody(param, 'NestJS @Body()');
    const verdict = untypedMemberVerdict(this.ctx, property, 'body', false);
    return verdict ? [this.sourceLabel(verdict.desc, verdict.why, param)] : CLEAN;
  }
}
