import ts from 'typescript';
import * as path from 'node:path';
import type { RedactorSpec, ResolvedConfig } from './config/types';
import type { SuggestedFix, TextEdit } from './findings';

/**
 * "Wrap in redact()": wraps the PHI expression where it is embedded and imports the redactor
 * when the file does not import it yet, with a specifier that follows the project's module
 * resolution (./phi.js under NodeNext for ES modules, ./phi under bundler resolution).
 */
export function wrapInRedactorFix(node: ts.Node, sf: ts.SourceFile, program: ts.Program, config: ResolvedConfig): SuggestedFix | undefined {
  const redactor = config.redactors[0];
  if (!redactor) return undefined;
  const edits: TextEdit[] = [];
  const { local, importEdit } = ensureImport(sf, program, redactor);
  const start = node.getStart(sf);
  const end = node.getEnd();
  if (ts.isShorthandPropertyAssignment(node)) {
    edits.push({ fileName: sf.fileName, start, end, newText: `${node.name.text}: ${local}(${node.name.text})` });
  } else {
    edits.push({ fileName: sf.fileName, start, end, newText: `${local}(${sf.text.slice(start, end)})` });
  }
  if (importEdit) edits.push(importEdit);
  return { kind: 'wrap-in-redactor', title: `Wrap in ${redactor.name}()`, edits };
}

function ensureImport(sf: ts.SourceFile, program: ts.Program, r: RedactorSpec): { local: string; importEdit?: TextEdit } {
  const target = r.resolvedFile ?? r.resolvedFrom;
  let lastImportEnd = -1;
  let usesRequire = false;
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      lastImportEnd = st.getEnd();
      // Half-typed code can have any expression here (`import { a } from ('./x')`).
      if (!ts.isStringLiteral(st.moduleSpecifier)) continue;
      if (!importsSameModule(st.moduleSpecifier.text, sf.fileName, r, target)) continue;
      const bindings = st.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const el of bindings.elements) {
          if ((el.propertyName ?? el.name).text === r.name) return { local: el.name.text };
        }
      }
      if (bindings && ts.isNamespaceImport(bindings)) return { local: `${bindings.name.text}.${r.name}` };
    } else if (ts.isVariableStatement(st) && /\brequire\s*\(/.test(st.getText(sf))) {
      usesRequire = true;
      lastImportEnd = Math.max(lastImportEnd, st.getEnd());
    }
  }
  const specifier = moduleSpecifier(sf, program, r, target);
  const isEsm = sf.statements.some(ts.isImportDeclaration) || !usesRequire;
  const line = isEsm ? `import { ${r.name} } from '${specifier}';` : `const { ${r.name} } = require('${specifier}');`;
  if (lastImportEnd >= 0) return { local: r.name, importEdit: { fileName: sf.fileName, start: lastImportEnd, end: lastImportEnd, newText: `\n${line}` } };
  // After a shebang or leading directive prologue ('use strict') if any.
  let at = 0;
  const first = sf.statements[0];
  if (first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression)) at = first.getEnd();
  const text = at === 0 ? `${line}\n` : `\n${line}`;
  return { local: r.name, importEdit: { fileName: sf.fileName, start: at === 0 ? shebangEnd(sf.text) : at, end: at === 0 ? shebangEnd(sf.text) : at, newText: text } };
}

function shebangEnd(text: string): number {
  if (!text.startsWith('#!')) return 0;
  const nl = text.indexOf('\n');
  return nl < 0 ? text.length : nl + 1;
}

function importsSameModule(spec: string, fromFile: string, r: RedactorSpec, target: string | undefined): boolean {
  if (!spec.startsWith('.')) return spec === r.from;
  if (!target) return false;
  const resolved = path.resolve(path.dirname(fromFile), spec);
  return stripExt(resolved) === stripExt(target);
}

function stripExt(p: string): string {
  return p.replace(/\.d\.[cm]?ts$/, '').replace(/\.[cm]?[jt]sx?$/, '').replace(/[\\/]index$/, '');
}

function moduleSpecifier(sf: ts.SourceFile, program: ts.Program, r: RedactorSpec, target: string | undefined): string {
  if (!r.from.startsWith('.') || !target) return r.from;
  let rel = path.relative(path.dirname(sf.fileName), target).split(path.sep).join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  const opts = program.getCompilerOptions();
  const res = opts.moduleResolution ?? (opts.module === ts.ModuleKind.NodeNext ? ts.ModuleResolutionKind.NodeNext : opts.module === ts.ModuleKind.Node16 ? ts.ModuleResolutionKind.Node16 : ts.ModuleResolutionKind.Bundler);
  const nodeNext = res === ts.ModuleResolutionKind.NodeNext || res === ts.ModuleResolutionKind.Node16;
  const esm = sf.impliedNodeFormat === ts.ModuleKind.ESNext;
  const ext = path.extname(target);
  if (nodeNext && esm) {
    if (opts.allowImportingTsExtensions || opts.rewriteRelativeImportExtensions) return rel;
    const jsExt = ext === '.mts' ? '.mjs' : ext === '.cts' ? '.cjs' : ext === '.tsx' || ext === '.ts' ? '.js' : ext;
    return rel.slice(0, rel.length - ext.length) + jsExt;
  }
  // Bundler/classic resolution and CommonJS files resolve without extensions (and /index).
  return stripExt(rel);
}
