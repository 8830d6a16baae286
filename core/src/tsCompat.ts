import ts from 'typescript';

/**
 * The engine supports TypeScript 5.4 through 6.0 (what typescript-eslint 8 supports). The few
 * compiler APIs that are not public in every one of those releases go through here; the
 * install test builds and runs the engine against 5.4, 5.8 and 6.0.
 */

/**
 * `checker.getAwaitedType` is in the public typings since TypeScript 5.5; the checker of 5.4
 * has it too, untyped.
 */
export function awaitedType(checker: ts.TypeChecker, type: ts.Type): ts.Type | undefined {
  return (checker as unknown as { getAwaitedType(t: ts.Type): ts.Type | undefined }).getAwaitedType(type);
}

/** `ts.ModuleExportName` (5.6+): an export's name is an identifier or, since 5.6, a string literal. */
export type ModuleExportName = ts.Identifier | ts.StringLiteral;
