import ts from 'typescript';

/** What an import or export alias finally names; other symbols as they are. */
export function aliasTarget(checker: ts.TypeChecker, sym: ts.Symbol | undefined): ts.Symbol | undefined {
  return sym && sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
}

/** The symbol at a node, through import and export aliases to the declaration it names. */
export function symbolAt(checker: ts.TypeChecker, node: ts.Node): ts.Symbol | undefined {
  return aliasTarget(checker, checker.getSymbolAtLocation(node));
}

/**
 * The symbol an identifier or member access names as a value: `{ baseURL }` names the variable,
 * not the property it makes; `a.b` names the member `b`. Through aliases.
 */
export function valueSymbolOf(checker: ts.TypeChecker, e: ts.Expression): ts.Symbol | undefined {
  const sym =
    ts.isIdentifier(e) && ts.isShorthandPropertyAssignment(e.parent) && e.parent.name === e
      ? checker.getShorthandAssignmentValueSymbol(e.parent)
      : checker.getSymbolAtLocation(ts.isPropertyAccessExpression(e) ? e.name : e);
  return aliasTarget(checker, sym);
}
