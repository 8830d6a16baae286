import ts from 'typescript';

/**
 * PHI declared in JSDoc, for plain JavaScript: a `@typedef {object} Rec` with `@property`
 * tags is a container like an interface (its name, a `@phi` on the typedef's comment and
 * `phi.types` apply as they do to `interface Rec`), and an inline `{{ ssn: string }}` type is
 * named after what it annotates (`person.ssn` for `@param {{ ssn: string }} person`), not
 * `object`. `phiSources.ts` asks these questions before its own, TypeScript-syntax ones.
 */

/** The container of a member declared by a `@property` tag: the typedef's type literal. */
export function jsdocMemberContainer(decl: ts.Declaration): ts.Node | undefined {
  if (ts.isJSDocPropertyLikeTag(decl) && decl.parent && ts.isJSDocTypeLiteral(decl.parent)) return decl.parent;
  return undefined;
}

/** The name of a JSDoc-declared container, or undefined when it is not one. */
export function jsdocContainerName(container: ts.Node): string | undefined {
  if (ts.isJSDocTypeLiteral(container)) return ownerName(container.parent);
  if (ts.isTypeLiteralNode(container) && inJSDoc(container)) return ownerName(container.parent);
  return undefined;
}

/** A typedef whose own comment carries `@phi`: every member is PHI. */
export function jsdocMarkedPhi(container: ts.Node): boolean {
  const typedef = typedefOf(container);
  if (!typedef || !ts.isJSDoc(typedef.parent)) return false;
  return (typedef.parent.tags ?? []).some((t) => t.tagName.text === 'phi');
}

/** The member names of a JSDoc type literal (`@property` tags), for the patient-like test. */
export function jsdocMemberNames(container: ts.Node): string[] | undefined {
  if (!ts.isJSDocTypeLiteral(container)) return undefined;
  return (container.jsDocPropertyTags ?? []).map((t) => (ts.isIdentifier(t.name) ? t.name.text : t.name.right.text));
}

function typedefOf(container: ts.Node): ts.JSDocTypedefTag | undefined {
  for (let n: ts.Node | undefined = container.parent; n && !ts.isJSDoc(n); n = n.parent) {
    if (ts.isJSDocTypedefTag(n)) return n;
    if (!ts.isJSDocTypeExpression(n)) return undefined;
  }
  return undefined;
}

function inJSDoc(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isJSDocTypeExpression(n) || ts.isJSDoc(n)) return true;
    if (ts.isSourceFile(n) || ts.isBlock(n)) return false;
  }
  return false;
}

/** What a JSDoc type annotates, as a name: the typedef, the @param, the annotated variable. */
function ownerName(start: ts.Node | undefined): string {
  for (let n = start; n; n = n.parent) {
    if (ts.isJSDocTypedefTag(n) || ts.isJSDocCallbackTag(n)) {
      const name = n.name ?? n.fullName;
      if (name && ts.isIdentifier(name)) return name.text;
    }
    if (ts.isJSDocParameterTag(n) || ts.isJSDocPropertyTag(n)) return ts.isIdentifier(n.name) ? n.name.text : n.name.right.text;
    if (ts.isJSDoc(n)) {
      const host = n.parent;
      if (host && ts.isVariableStatement(host)) {
        const d = host.declarationList.declarations[0];
        if (d && ts.isIdentifier(d.name)) return d.name.text;
      }
      if (host && (ts.isVariableDeclaration(host) || ts.isPropertyDeclaration(host) || ts.isPropertyAssignment(host)) && ts.isIdentifier(host.name)) return host.name.text;
      return 'object';
    }
  }
  return 'object';
}
