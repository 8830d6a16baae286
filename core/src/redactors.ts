import ts from 'typescript';
import { aliasTarget } from './symbols';
import * as path from 'node:path';
import type { ResolvedConfig } from './config/types';
import { packageOfFile } from './program/moduleOf';
import { hasPhiTag } from './sources/phiSources';
import { skip } from './vendors/constants';

/**
 * Redactors are the only thing that stops PHI (SPEC 5): functions listed in the config
 * (matched by name and the module that declares them) or tagged `/** @redactor *\/`.
 * A function merely named sanitize* is not one.
 */
export class RedactorMatcher {
  private cache = new WeakMap<ts.Node, boolean>();

  constructor(private readonly checker: ts.TypeChecker, private readonly config: ResolvedConfig) {}

  isRedactorCall(call: ts.CallExpression | ts.TaggedTemplateExpression): boolean {
    const hit = this.cache.get(call);
    if (hit !== undefined) return hit;
    const result = this.compute(call);
    this.cache.set(call, result);
    return result;
  }

  private compute(call: ts.CallExpression | ts.TaggedTemplateExpression): boolean {
    const callee = skip(ts.isCallExpression(call) ? call.expression : call.tag);
    const nameNode = ts.isPropertyAccessExpression(callee) ? callee.name : ts.isIdentifier(callee) ? callee : undefined;
    if (!nameNode) return false;
    let sym = this.checker.getSymbolAtLocation(nameNode);
    const importSpecifier = sym ? importedFrom(sym) : undefined;
    sym = aliasTarget(this.checker, sym);
    const decl = sym?.valueDeclaration ?? sym?.declarations?.[0];
    if (decl && isTaggedRedactor(decl)) return true;
    const declName = sym?.name ?? nameNode.text;
    for (const r of this.config.redactors) {
      if (r.name !== declName && r.name !== nameNode.text) continue;
      if (decl && !decl.getSourceFile().isDeclarationFile && !packageOfFile(decl.getSourceFile().fileName)) {
        if (r.resolvedFile || r.resolvedFrom) {
          if (sameModule(decl.getSourceFile().fileName, r.resolvedFile ?? r.resolvedFrom!)) return true;
          continue;
        }
        continue;
      }
      if (decl) {
        const pkg = packageOfFile(decl.getSourceFile().fileName);
        if (pkg && (r.from === pkg || r.from.startsWith(pkg + '/'))) return true;
        continue;
      }
      // No declaration (plain JavaScript without types): trust the import specifier's shape.
      if (importSpecifier && (importSpecifier === r.from || stripExt(path.basename(importSpecifier)) === stripExt(path.basename(r.from)))) return true;
    }
    return false;
  }
}

function isTaggedRedactor(decl: ts.Node): boolean {
  const holder = ts.isVariableDeclaration(decl) && decl.parent.parent && ts.isVariableStatement(decl.parent.parent) ? decl.parent.parent : decl;
  for (const tag of ts.getJSDocTags(holder)) if (tag.tagName.text === 'redactor') return true;
  void hasPhiTag;
  return false;
}

function importedFrom(sym: ts.Symbol): string | undefined {
  const d = sym.declarations?.[0];
  if (!d) return undefined;
  let n: ts.Node | undefined = d;
  while (n && !ts.isImportDeclaration(n) && !ts.isVariableDeclaration(n)) n = n.parent;
  if (n && ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) return n.moduleSpecifier.text;
  if (n && ts.isVariableDeclaration(n) && n.initializer) {
    const init = n.initializer;
    if (ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require' && init.arguments[0] && ts.isStringLiteral(init.arguments[0])) {
      return init.arguments[0].text;
    }
  }
  return undefined;
}

function stripExt(p: string): string {
  return p.replace(/\.d\.[cm]?ts$/, '').replace(/\.[cm]?[jt]sx?$/, '').replace(/[\\/]index$/, '');
}

function sameModule(a: string, b: string): boolean {
  return path.resolve(stripExt(a)) === path.resolve(stripExt(b));
}
