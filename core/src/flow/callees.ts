import ts from 'typescript';
import { aliasTarget } from '../symbols';
import { skipOuter } from './chains';
import { isProjectFile } from '../program/moduleOf';
import type { FunctionNode } from './summaryTypes';

/** The checker must resolve the signature (overloads, function-typed values, unions). */
export const NEEDS_SIGNATURE = Symbol('needs signature');

/**
 * The project function a call runs, read from the callee's symbol when that says it alone:
 * one declaration that is a function with a body (or a variable or property initialized with
 * one), or only declarations that are not project functions (library methods, interface
 * members: the call runs no project code we can summarize). `getResolvedSignature` type-checks
 * every argument against the parameters, which on FHIR-heavy code (large object literals
 * checked against resource types) cost more than the rest of the analysis.
 */
export function calleeFromSymbol(checker: ts.TypeChecker, callee: ts.Expression): FunctionNode | undefined | typeof NEEDS_SIGNATURE {
  const e = skipOuter(callee);
  const name = ts.isPropertyAccessExpression(e) ? e.name : ts.isIdentifier(e) ? e : undefined;
  if (!name) return NEEDS_SIGNATURE;
  const sym = aliasTarget(checker, checker.getSymbolAtLocation(name));
  const decls = sym?.declarations;
  if (!sym || !decls || decls.length === 0) return NEEDS_SIGNATURE;
  if (decls.length > 1) {
    // Overloads or merged declarations: only a library's or interface's are decided here.
    return decls.some((d) => isProjectFile(d.getSourceFile().fileName) && !isBodiless(d)) ? NEEDS_SIGNATURE : undefined;
  }
  const decl = decls[0]!;
  if (!isProjectFile(decl.getSourceFile().fileName)) return ts.isFunctionLike(decl) ? undefined : NEEDS_SIGNATURE;
  if (ts.isFunctionLike(decl)) return (decl as FunctionNode).body ? (decl as FunctionNode) : undefined;
  const init = ts.isVariableDeclaration(decl) || ts.isPropertyAssignment(decl) || ts.isPropertyDeclaration(decl) ? decl.initializer : undefined;
  const fn = init && skipOuter(init);
  if (fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return fn;
  return NEEDS_SIGNATURE;
}

/** A declaration that cannot be what a call runs: a signature without a body, a type. */
function isBodiless(d: ts.Declaration): boolean {
  if (ts.isFunctionLike(d)) return !(d as FunctionNode).body;
  return ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d) || ts.isPropertySignature(d);
}
