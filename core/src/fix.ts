import ts from 'typescript';
import { aliasTarget } from './symbols';
import * as path from 'node:path';
import type { RedactorSpec, ResolvedConfig } from './config/types';
import type { Finding, SuggestedFix, TextEdit } from './findings';
import { firstStartingAt } from './sorted';

/** A wrapped expression, for titles and for telling which findings one fix also removes. */
interface Target {
  node: ts.Node;
  sf: ts.SourceFile;
  start: number;
  end: number;
}

/** What each fix wraps (kept beside the plain data that leaves the engine). */
const targetsOf = new WeakMap<SuggestedFix, Target[]>();

/**
 * "Wrap X in redact()": wraps the PHI expressions of a finding (see wrapPoint) and imports the
 * redactor when the file does not import it yet, merged into an import of the same module when
 * there is one, with a specifier that follows the project's module resolution (./phi.js under
 * NodeNext for ES modules, ./phi under bundler resolution).
 */
export function wrapInRedactorFix(nodes: readonly ts.Node[], sf: ts.SourceFile, program: ts.Program, config: ResolvedConfig): SuggestedFix | undefined {
  return wrapFix(nodes.filter((n) => n.getSourceFile() === sf), program, config, false);
}

/**
 * The fix at the source: the PHI was embedded into the text in another file (a prompt helper,
 * a function that pushes into the caller's messages), so that place is wrapped, in its own
 * file with its own import, and the rest of what the helper builds still reaches the model.
 * Undefined when any of those places cannot be edited (a package, a declaration file) or
 * wrapped where it type-checks: then the finding's own fix stands.
 */
export function wrapAtSourceFix(nodes: readonly ts.Node[], program: ts.Program, config: ResolvedConfig): SuggestedFix | undefined {
  if (nodes.length === 0) return undefined;
  for (const n of nodes) {
    const file = n.getSourceFile();
    if (file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file) || /[\\/]node_modules[\\/]/.test(file.fileName)) return undefined;
  }
  return wrapFix(nodes, program, config, true);
}

function wrapFix(nodes: readonly ts.Node[], program: ts.Program, config: ResolvedConfig, atSource: boolean): SuggestedFix | undefined {
  const redactor = config.redactors[0];
  if (!redactor || nodes.length === 0) return undefined;
  // Each PHI expression of the finding is wrapped where it type-checks; a point inside another is dropped.
  const checker = program.getTypeChecker();
  const sig = redactorSignature(program, checker, redactor);
  const wanted = [...new Set(nodes)];
  const each = wanted.map((n) => wrapPoint(n, checker, sig));
  // At the source every place must be wrapped, or the finding stays.
  if (atSource && each.some((p) => !p)) return undefined;
  const points = [...new Set(each.filter((n): n is ts.Node => !!n))];
  const nodesTargets = points.filter((p) => !points.some((q) => q !== p && q.getSourceFile() === p.getSourceFile() && q.pos <= p.pos && p.end <= q.end));
  if (nodesTargets.length === 0) return undefined;
  const edits: TextEdit[] = [];
  const targets: Target[] = [];
  const locals = new Map<ts.SourceFile, string>();
  for (const target of nodesTargets) {
    const sf = target.getSourceFile();
    let local = locals.get(sf);
    if (local === undefined) {
      const imported = ensureImport(sf, program, redactor);
      local = imported.local;
      locals.set(sf, local);
      if (imported.importEdit) edits.push(imported.importEdit);
    }
    const start = target.getStart(sf);
    const end = target.getEnd();
    targets.push({ node: target, sf, start, end });
    if (ts.isShorthandPropertyAssignment(target)) {
      edits.push({ fileName: sf.fileName, start, end, newText: `${target.name.text}: ${local}(${target.name.text})` });
    } else if (ts.isSpreadElement(target)) {
      // Each element is redacted, not the array: a spread redacted string would be its characters.
      const list = target.expression;
      const text = sf.text.slice(list.getStart(sf), list.getEnd());
      const item = local === 'item' ? 'value' : 'item';
      const receiver = ts.isIdentifier(list) || ts.isPropertyAccessExpression(list) || ts.isElementAccessExpression(list) || ts.isCallExpression(list) ? text : `(${text})`;
      edits.push({ fileName: sf.fileName, start, end, newText: `...${receiver}.map((${item}) => ${local}(${item}))` });
    } else {
      edits.push({ fileName: sf.fileName, start, end, newText: `${local}(${sf.text.slice(start, end)})` });
    }
  }
  // Wraps first, in text order, then imports: edits never overlap, so the order is for readers.
  edits.sort((a, b) => (a.fileName === b.fileName ? a.start - b.start : a.fileName < b.fileName ? -1 : 1));
  const fix: SuggestedFix = { kind: 'wrap-in-redactor', title: wrapTitle(targets, redactor.name, atSource), edits };
  targetsOf.set(fix, targets);
  return fix;
}

/** "Wrap patient.firstName in redact()", "Wrap a.line1 and a.city in redact() in describe.ts". */
function wrapTitle(targets: readonly Target[], name: string, atSource: boolean): string {
  const what = listOf(targets.map(describeTarget));
  const files = [...new Set(targets.map((t) => path.basename(t.sf.fileName)))];
  const where = atSource ? ` in ${listOf(files)}` : '';
  return `Wrap ${what} in ${name}()${where}`;
}

function describeTarget(t: Target): string {
  if (ts.isShorthandPropertyAssignment(t.node)) return shorten(t.node.name.text);
  if (ts.isSpreadElement(t.node)) return `each item of ${shorten(t.node.expression.getText(t.sf))}`;
  return shorten(t.sf.text.slice(t.start, t.end));
}

/** Expression text for a title: one line, at most 40 characters. */
export function shorten(text: string, max = 40): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}…`;
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.length > 3) return `${items.slice(0, 2).join(', ')} and ${items.length - 2} more`;
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A fix whose wrap covers another finding of the file (an enclosing call that holds both, or one
 * helper's place that two calls reach) says so in its title: nothing is wrapped silently.
 */
export function noteSharedFixes(findings: readonly Finding[]): void {
  // Only findings that start (or whose own fix starts) inside a wrapped span can be covered:
  // looked up by position, so a file with 10,000 findings is not compared pair by pair.
  const anchors = new Map<string, { start: number; finding: Finding }[]>();
  const anchor = (fileName: string, start: number, finding: Finding): void => {
    let list = anchors.get(fileName);
    if (!list) anchors.set(fileName, (list = []));
    list.push({ start, finding });
  };
  for (const g of findings) {
    anchor(g.range.fileName, g.range.start, g);
    const own = g.fixes[0] && targetsOf.get(g.fixes[0]);
    for (const t of own ?? []) anchor(t.sf.fileName, t.start, g);
  }
  for (const list of anchors.values()) list.sort((a, b) => a.start - b.start);
  const order = new Map(findings.map((g, i) => [g, i]));
  const startingIn = (t: Target): Finding[] => {
    const list = anchors.get(t.sf.fileName) ?? [];
    const out: Finding[] = [];
    for (let i = firstStartingAt(list, t.start, (a) => a.start); i < list.length && list[i]!.start <= t.end; i++) out.push(list[i]!.finding);
    return out;
  };
  for (const f of findings) {
    for (const fix of f.fixes) {
      const targets = targetsOf.get(fix);
      if (!targets) continue;
      const candidates = new Set(targets.flatMap(startingIn));
      const covered = [...candidates]
        .filter((g) => g !== f && g.ruleId === f.ruleId && g.kind === f.kind && covers(targets, g))
        .sort((a, b) => order.get(a)! - order.get(b)!);
      if (covered.length === 0) continue;
      const lines = [...new Set(covered.map((g) => g.range.startPos.line + 1))];
      const also = covered.length === 1 ? `the finding on line ${lines[0]}` : `${covered.length} other findings (line${lines.length > 1 ? 's' : ''} ${lines.join(', ')})`;
      fix.title = `${fix.title} (also fixes ${also})`;
    }
  }
}

function covers(targets: readonly Target[], g: Finding): boolean {
  const inside = (r: { fileName: string; start: number; end: number }) => targets.some((t) => t.sf.fileName === r.fileName && t.start <= r.start && r.end <= t.end);
  if (inside(g.range)) return true;
  // The other finding's own fix wraps only places this one wraps too (one helper, two calls).
  const own = g.fixes[0] && targetsOf.get(g.fixes[0]);
  return !!own && own.length > 0 && own.every((t) => inside({ fileName: t.sf.fileName, start: t.start, end: t.end }));
}

/**
 * Where `redact(...)` can go so that the code still type-checks: the PHI expression itself when
 * the redactor accepts it and its result (text) fits where the expression stood; else the nearest
 * enclosing call or operator whose value does (`label(patient.address)` becomes
 * `redact(label(patient.address))`); for `list.map((x) => x.field)`, inside the callback.
 * Undefined when no such point exists (an `Address` passed where an `Address` is needed): a fix
 * that does not compile is worse than none.
 */
function wrapPoint(node: ts.Node, checker: ts.TypeChecker, sig: RedactorSignature | undefined): ts.Node | undefined {
  if (!ts.isExpression(node) && !ts.isShorthandPropertyAssignment(node)) return undefined;
  if (!sig) return node; // an untyped redactor (plain JavaScript): nothing to check against
  if (ts.isShorthandPropertyAssignment(node)) {
    // `{ file }` becomes `{ file: redact(file) }`: the property's expected type must take text.
    const own = checker.getTypeAtLocation(node.name);
    const prop = checker.getContextualType(node.parent)?.getProperty(node.name.text);
    const expected = prop ? checker.getTypeOfSymbolAtLocation(prop, node) : own;
    const accepts = !sig.param || isOpen(sig.param) || checker.isTypeAssignableTo(own, sig.param);
    return accepts && (isOpen(expected) || checker.isTypeAssignableTo(sig.returns, expected)) ? node : undefined;
  }
  if (ts.isSpreadElement(node)) return spreadFits(node, checker, sig) ? node : undefined;
  const fits = (e: ts.Expression): boolean => {
    const own = checker.getTypeAtLocation(e);
    if (sig.param && !isOpen(sig.param) && !checker.isTypeAssignableTo(own, sig.param)) return false;
    const parent = e.parent;
    // Anything can be interpolated into a template or concatenated onto text.
    if (ts.isTemplateSpan(parent)) return true;
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.PlusToken && isText(checker, checker.getTypeAtLocation(parent))) return true;
    const expected = checker.getContextualType(e) ?? own;
    // A generic position (a callback's return inferred as U) takes its type from what is there.
    return isOpen(expected) || checker.isTypeAssignableTo(sig.returns, expected);
  };
  for (let e: ts.Expression = node; ; ) {
    if (fits(e)) return e;
    const inner = mapCallbackBody(e);
    if (inner && fits(inner)) return inner;
    const up = enclosingValue(e);
    if (!up) return undefined;
    e = up;
  }
}

/**
 * `[...patient.allergies]` can become `[...patient.allergies.map((item) => redact(item))]` when
 * the spread is an array whose elements the redactor takes, and redacted text may stand where
 * the elements went (an array literal whose expected element type takes text, or none).
 */
function spreadFits(spread: ts.SpreadElement, checker: ts.TypeChecker, sig: RedactorSignature): boolean {
  const list = checker.getTypeAtLocation(spread.expression);
  if (!checker.isArrayType(list)) return false;
  const element = checker.getIndexTypeOfType(list, ts.IndexKind.Number);
  if (!element || (sig.param && !isOpen(sig.param) && !checker.isTypeAssignableTo(element, sig.param))) return false;
  if (!ts.isArrayLiteralExpression(spread.parent)) return false;
  const expected = checker.getContextualType(spread.parent);
  const expectedElement = expected && checker.getIndexTypeOfType(expected, ts.IndexKind.Number);
  return !expectedElement || isOpen(expectedElement) || checker.isTypeAssignableTo(sig.returns, expectedElement);
}

/** The expression whose value `e` is part of, through calls and operators (not statements or literals). */
function enclosingValue(e: ts.Expression): ts.Expression | undefined {
  const p = e.parent;
  if (ts.isCallExpression(p) && p.arguments.includes(e)) return p;
  if (ts.isParenthesizedExpression(p) || ts.isAwaitExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p) || ts.isConditionalExpression(p)) return p;
  if (ts.isBinaryExpression(p) && !isAssignment(p.operatorToken.kind)) return p;
  if (ts.isPropertyAccessExpression(p) && p.expression === e && ts.isCallExpression(p.parent) && p.parent.expression === p) return p.parent; // x.join(', ')
  return undefined;
}

function isAssignment(k: ts.SyntaxKind): boolean {
  return k >= ts.SyntaxKind.FirstAssignment && k <= ts.SyntaxKind.LastAssignment;
}

/** `list.map((x) => body)`: the body, where each element can be redacted. */
function mapCallbackBody(e: ts.Expression): ts.Expression | undefined {
  if (!ts.isCallExpression(e) || !ts.isPropertyAccessExpression(e.expression) || e.expression.name.text !== 'map') return undefined;
  const cb = e.arguments[0];
  return cb && (ts.isArrowFunction(cb) || ts.isFunctionExpression(cb)) && !ts.isBlock(cb.body) ? (cb.body as ts.Expression) : undefined;
}

/** A type parameter (or one inside a union), or any/unknown: every value is acceptable. */
function isOpen(t: ts.Type): boolean {
  if (t.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter)) return true;
  return t.isUnion() && t.types.some((m) => (m.flags & ts.TypeFlags.TypeParameter) !== 0);
}

function isText(checker: ts.TypeChecker, t: ts.Type): boolean {
  return checker.isTypeAssignableTo(t, checker.getStringType());
}

interface RedactorSignature {
  param?: ts.Type;
  returns: ts.Type;
}

/** Per checker (one per program) and redactor: every fix of every file reads the same signature. */
const signatures = new WeakMap<ts.TypeChecker, Map<RedactorSpec, RedactorSignature | undefined>>();

/** The redactor's parameter and return types, read from its declaration in the program. */
function redactorSignature(program: ts.Program, checker: ts.TypeChecker, r: RedactorSpec): RedactorSignature | undefined {
  let known = signatures.get(checker);
  if (!known) signatures.set(checker, (known = new Map()));
  if (!known.has(r)) known.set(r, readRedactorSignature(program, checker, r));
  return known.get(r);
}

function readRedactorSignature(program: ts.Program, checker: ts.TypeChecker, r: RedactorSpec): RedactorSignature | undefined {
  const file = r.resolvedFile ? program.getSourceFile(r.resolvedFile) : undefined;
  const moduleSymbol = file ? checker.getSymbolAtLocation(file) : undefined;
  const exported = moduleSymbol ? checker.getExportsOfModule(moduleSymbol).find((s) => s.name === r.name) : undefined;
  if (!exported || !file) return undefined;
  const target = aliasTarget(checker, exported)!;
  const [sig] = checker.getTypeOfSymbolAtLocation(target, file).getCallSignatures();
  if (!sig) return undefined;
  const p = sig.getParameters()[0];
  return { param: p ? checker.getTypeOfSymbolAtLocation(p, file) : undefined, returns: sig.getReturnType() };
}

/**
 * The name the redactor is called by in `sf`, and the import edit when it is not imported yet.
 * One import per module: a value import of the redactor's module (by specifier, by resolved
 * file, or by re-exporting the same function: a package's barrel) gets the name added
 * (`import { a, redact }`, `import d, { redact }`, `const { a, redact } = require(...)`); a
 * namespace (`phi.redact`) or a whole-module require is used as it is; a type-only import
 * cannot carry a value, so a separate import goes beside it.
 */
function ensureImport(sf: ts.SourceFile, program: ts.Program, r: RedactorSpec): { local: string; importEdit?: TextEdit } {
  const target = r.resolvedFile ?? r.resolvedFrom;
  const checker = program.getTypeChecker();
  const redactorSymbol = redactorExport(program, checker, r);
  const sameModule = (spec: ts.Expression): boolean => {
    // Half-typed code can have any expression here (`import { a } from ('./x')`).
    if (!ts.isStringLiteralLike(spec)) return false;
    if (importsSameModule(spec.text, sf.fileName, r, target)) return true;
    if (!redactorSymbol) return false;
    const mod = checker.getSymbolAtLocation(spec);
    const exported = mod && checker.getExportsOfModule(mod).find((e) => e.name === r.name);
    return !!exported && aliasTarget(checker, exported) === redactorSymbol;
  };
  let lastImportEnd = -1;
  let usesRequire = false;
  let merge: TextEdit | undefined;
  const insertAfter = (at: number, newText: string): TextEdit => ({ fileName: sf.fileName, start: at, end: at, newText });
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      lastImportEnd = st.getEnd();
      if (!sameModule(st.moduleSpecifier)) continue;
      const clause = st.importClause;
      if (!clause || clause.isTypeOnly) continue;
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) {
        for (const el of bindings.elements) {
          if (!el.isTypeOnly && (el.propertyName ?? el.name).text === r.name) return { local: el.name.text };
        }
        const last = bindings.elements[bindings.elements.length - 1];
        merge ??= last ? insertAfter(last.getEnd(), `, ${r.name}`) : { fileName: sf.fileName, start: bindings.getStart(sf), end: bindings.getEnd(), newText: `{ ${r.name} }` };
      } else if (bindings && ts.isNamespaceImport(bindings)) {
        return { local: `${bindings.name.text}.${r.name}` };
      } else if (clause.name) {
        merge ??= insertAfter(clause.name.getEnd(), `, { ${r.name} }`);
      }
    } else if (ts.isVariableStatement(st) && /\brequire\s*\(/.test(st.getText(sf))) {
      usesRequire = true;
      lastImportEnd = Math.max(lastImportEnd, st.getEnd());
      for (const d of st.declarationList.declarations) {
        const init = d.initializer;
        if (!init || !ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || init.expression.text !== 'require' || !init.arguments[0] || !sameModule(init.arguments[0])) continue;
        if (ts.isIdentifier(d.name)) return { local: `${d.name.text}.${r.name}` };
        if (!ts.isObjectBindingPattern(d.name)) continue;
        for (const el of d.name.elements) {
          const key = el.propertyName ?? el.name;
          if (!el.dotDotDotToken && ts.isIdentifier(key) && key.text === r.name && ts.isIdentifier(el.name)) return { local: el.name.text };
        }
        const last = d.name.elements[d.name.elements.length - 1];
        if (last && !last.dotDotDotToken) merge ??= insertAfter(last.getEnd(), `, ${r.name}`);
      }
    }
  }
  if (merge) return { local: r.name, importEdit: merge };
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

/** The redactor's declaration (its export followed through aliases), when the program has its file. */
function redactorExport(program: ts.Program, checker: ts.TypeChecker, r: RedactorSpec): ts.Symbol | undefined {
  const file = r.resolvedFile ? program.getSourceFile(r.resolvedFile) : undefined;
  const moduleSymbol = file ? checker.getSymbolAtLocation(file) : undefined;
  const exported = moduleSymbol ? checker.getExportsOfModule(moduleSymbol).find((s) => s.name === r.name) : undefined;
  return exported ? aliasTarget(checker, exported) : undefined;
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
