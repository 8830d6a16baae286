/**
 * `phiGuard/redactorCandidates`: exported functions named like redactors (redact*, scrub*,
 * mask*, deidentify*, anonymi*), for "Create phi-guard.config.json". Reads declarations in the
 * syntax tree only: nothing from the workspace runs, and no type checking is needed.
 */
import * as ts from 'typescript';
import { fileNameToUri } from './paths';
import type { RedactorCandidate } from './protocol';

const REDACTOR_NAME = /^(redact|scrub|mask|de-?identif|deidentif|anonymi[sz])/i;

export function isRedactorName(name: string): boolean {
  return REDACTOR_NAME.test(name.replace(/^_+/, ''));
}

export function redactorCandidates(sourceFiles: Iterable<ts.SourceFile>): RedactorCandidate[] {
  const found: RedactorCandidate[] = [];
  const seen = new Set<string>();
  const add = (sf: ts.SourceFile, name: ts.Identifier) => {
    const key = `${sf.fileName}#${name.text}`;
    if (!isRedactorName(name.text) || seen.has(key)) return;
    seen.add(key);
    found.push({ name: name.text, fileName: sf.fileName, uri: fileNameToUri(sf.fileName), line: sf.getLineAndCharacterOfPosition(name.getStart(sf)).line });
  };
  for (const sf of sourceFiles) {
    if (sf.isDeclarationFile) continue;
    const exportedLocally = new Set<string>();
    for (const statement of sf.statements) {
      if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) exportedLocally.add((element.propertyName ?? element.name).text);
      }
    }
    const isExported = (node: ts.Node, name: string) =>
      exportedLocally.has(name) || (ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword));
    for (const statement of sf.statements) {
      if (ts.isFunctionDeclaration(statement) && statement.name && isExported(statement, statement.name.text)) add(sf, statement.name);
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          const init = declaration.initializer;
          if (ts.isIdentifier(declaration.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && isExported(statement, declaration.name.text)) {
            add(sf, declaration.name);
          }
        }
      }
    }
  }
  return found.sort((a, b) => a.fileName.localeCompare(b.fileName) || a.line - b.line);
}
