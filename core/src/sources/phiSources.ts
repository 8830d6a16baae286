import ts from 'typescript';
import type { MemberVerdict, ProgramContext, TypePhi } from '../program/context';
import { packageOfFile } from '../program/moduleOf';
import { FHIR_MODULES, FHIR_NON_PHI_DATATYPE_MEMBERS, FHIR_NON_PHI_MEMBERS, FHIR_PHI_RESOURCES } from './fhir';
import { classifyFieldName, PATIENT_LIKE_NAME } from './fieldNames';
import { jsdocContainerName, jsdocMarkedPhi, jsdocMemberContainer, jsdocMemberNames } from './jsdoc';

/**
 * Decides what is PHI, in the SPEC's order of authority: @phi JSDoc, brand types, phi.types,
 * FHIR resources, then field names (only where no type marks PHI at all).
 */

export function hasPhiTag(node: ts.Node): boolean {
  const sf = node.getSourceFile();
  for (const tag of ts.getJSDocTags(node)) {
    if (tag.tagName.text === 'phi' && atTagPosition(sf.text, tag)) return true;
  }
  // ts.getJSDocTags skips comments on some nodes (parameters with inline /** @phi */), and a
  // comment after another member on the same line (`{ id: string; /** @phi */ ssn: string }`)
  // is, to TypeScript, a trailing comment of the member before.
  const ranges = [...(ts.getLeadingCommentRanges(sf.text, node.pos) ?? []), ...(ts.getTrailingCommentRanges(sf.text, node.pos) ?? [])];
  if (ranges) {
    for (const r of ranges) {
      // Only a tag position counts (start of the comment or of a line), not prose mentioning `@phi`.
      if (/^\/\*\*?\s*@phi\b|\n\s*\*?\s*@phi\b/.test(sf.text.slice(r.pos, r.end))) return true;
    }
  }
  return false;
}

/**
 * TypeScript parses `@phi` anywhere in a comment as a tag, also in prose ("a class with one
 * @phi field"). Only a tag at the start of the comment or of one of its lines marks PHI.
 */
function atTagPosition(text: string, tag: ts.JSDocTag): boolean {
  const at = text.indexOf('@', tag.pos);
  if (at < 0) return true;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const commentStart = tag.parent && ts.isJSDoc(tag.parent) ? tag.parent.pos : lineStart;
  return /^\s*(\/\*\*)?\s*\*?\s*$/.test(text.slice(Math.max(lineStart, commentStart), at));
}

function containerName(container: ts.Node): string {
  const jsdoc = jsdocContainerName(container);
  if (jsdoc) return jsdoc;
  if ((ts.isInterfaceDeclaration(container) || ts.isClassDeclaration(container) || ts.isClassExpression(container)) && container.name) {
    return container.name.text;
  }
  if (ts.isTypeLiteralNode(container) && ts.isTypeAliasDeclaration(container.parent)) return container.parent.name.text;
  return 'object';
}

function isFhirContainer(container: ts.Node): boolean {
  const pkg = packageOfFile(container.getSourceFile().fileName);
  if (!pkg || !FHIR_MODULES.includes(pkg)) return false;
  return FHIR_PHI_RESOURCES.has(containerName(container));
}

function inPhiTypes(ctx: ProgramContext, container: ts.Node): boolean {
  if (ctx.phiTypes.length === 0) return false;
  const name = containerName(container);
  const sf = container.getSourceFile();
  for (const spec of ctx.phiTypes) {
    if (spec.name !== name) continue;
    if (!spec.module) return true;
    const pkg = packageOfFile(sf.fileName);
    if (pkg === spec.module) return true;
    if (!pkg && sf.fileName.replace(/\.(d\.)?[cm]?[jt]sx?$/, '').endsWith(spec.module.replace(/^\.\//, ''))) return true;
  }
  return false;
}

/** A brand alias (PHI<string>) written on a declaration's type, or carried by the type itself. */
export function isBrandTypeNode(ctx: ProgramContext, typeNode: ts.TypeNode | undefined): boolean {
  if (!typeNode) return false;
  if (ts.isTypeReferenceNode(typeNode)) {
    const n = typeNode.typeName;
    const name = ts.isIdentifier(n) ? n.text : n.right.text;
    if (ctx.brandTypes.has(name)) return true;
  }
  if (ts.isUnionTypeNode(typeNode) || ts.isIntersectionTypeNode(typeNode)) return typeNode.types.some((t) => isBrandTypeNode(ctx, t));
  if (ts.isArrayTypeNode(typeNode)) return isBrandTypeNode(ctx, typeNode.elementType);
  if (ts.isParenthesizedTypeNode(typeNode)) return isBrandTypeNode(ctx, typeNode.type);
  return false;
}

export function isBrandType(ctx: ProgramContext, type: ts.Type): boolean {
  if (ctx.brandTypes.size === 0) return false;
  const alias = type.aliasSymbol;
  if (alias && ctx.brandTypes.has(alias.name)) return true;
  if (type.isUnion() || type.isIntersection()) {
    // Intersections: the alias is lost once instantiated, but the brand's own marker property stays.
    if (type.isUnion()) return type.types.some((t) => isBrandType(ctx, t));
  }
  return false;
}

/** Does this interface/class/type literal carry any PHI marking? If so, field-name guesses are off. */
function isPhiAwareContainer(ctx: ProgramContext, container: ts.Node): boolean {
  const cached = ctx.awareContainers.get(container);
  if (cached !== undefined) return cached;
  let aware = containerMarked(ctx, container) !== undefined;
  if (!aware && (ts.isInterfaceDeclaration(container) || ts.isClassLike(container) || ts.isTypeLiteralNode(container))) {
    for (const m of container.members as ts.NodeArray<ts.Node>) {
      if (hasPhiTag(m) || isBrandTypeNode(ctx, (m as { type?: ts.TypeNode }).type)) {
        aware = true;
        break;
      }
    }
  }
  ctx.awareContainers.set(container, aware);
  return aware;
}

/** Why a whole container (interface, class, type) is PHI, if it is. */
function containerMarked(ctx: ProgramContext, container: ts.Node): string | undefined {
  const holder = ts.isTypeLiteralNode(container) && ts.isTypeAliasDeclaration(container.parent) ? container.parent : container;
  if (hasPhiTag(holder) || jsdocMarkedPhi(container)) return 'marked @phi';
  if (inPhiTypes(ctx, container)) return 'listed in phi.types';
  if (isFhirContainer(container)) return `FHIR ${containerName(container)}`;
  return undefined;
}

function memberContainer(decl: ts.Declaration): ts.Node | undefined {
  if (ts.isParameter(decl) && ts.isConstructorDeclaration(decl.parent)) return decl.parent.parent; // parameter property
  const p = decl.parent;
  if (p && (ts.isInterfaceDeclaration(p) || ts.isClassLike(p) || ts.isTypeLiteralNode(p))) return p;
  return jsdocMemberContainer(decl);
}

function isPatientLikeContainer(ctx: ProgramContext, container: ts.Node): boolean {
  if (PATIENT_LIKE_NAME.test(containerName(container))) return true;
  if (jsdocMemberNames(container)?.some((n) => classifyFieldName(n, ctx.fieldSets) === 'strong')) return true;
  if (ts.isInterfaceDeclaration(container) || ts.isClassLike(container) || ts.isTypeLiteralNode(container) || ts.isObjectLiteralExpression(container)) {
    const members = ts.isObjectLiteralExpression(container) ? container.properties : container.members;
    for (const m of members as ts.NodeArray<ts.NamedDeclaration>) {
      const n = m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? m.name.text : undefined;
      if (n && classifyFieldName(n, ctx.fieldSets) === 'strong') return true;
    }
  }
  return false;
}

/** `attachment.contentType`, `identifier.system`: a FHIR datatype member that describes the encoding, not the person. */
const fhirMetadata = new WeakMap<ts.Symbol, boolean>();

export function isFhirMetadataMember(symbol: ts.Symbol): boolean {
  let known = fhirMetadata.get(symbol);
  if (known === undefined) fhirMetadata.set(symbol, (known = computeFhirMetadata(symbol)));
  return known;
}

function computeFhirMetadata(symbol: ts.Symbol): boolean {
  return (symbol.declarations ?? []).some((decl) => {
    const container = memberContainer(decl);
    if (!container || !FHIR_NON_PHI_DATATYPE_MEMBERS[containerName(container)]?.includes(symbol.name)) return false;
    const pkg = packageOfFile(container.getSourceFile().fileName);
    return pkg !== undefined && FHIR_MODULES.includes(pkg);
  });
}

/** Is this declared member (property, field, parameter property) PHI? */
export function memberVerdict(ctx: ProgramContext, symbol: ts.Symbol): MemberVerdict | undefined {
  const cached = ctx.memberVerdicts.get(symbol);
  if (cached !== undefined) return cached ?? undefined;
  const verdict = computeMemberVerdict(ctx, symbol);
  ctx.memberVerdicts.set(symbol, verdict ?? null);
  return verdict;
}

function computeMemberVerdict(ctx: ProgramContext, symbol: ts.Symbol): MemberVerdict | undefined {
  const decls = symbol.declarations ?? [];
  const name = symbol.name;
  let heuristicCandidate: MemberVerdict | undefined;
  for (const decl of decls) {
    const container = memberContainer(decl);
    const owner = container ? containerName(container) : 'object';
    const desc = `${owner}.${name}`;
    if (hasPhiTag(decl)) return { desc, why: 'marked @phi' };
    if (isBrandTypeNode(ctx, (decl as { type?: ts.TypeNode }).type)) return { desc, why: `typed ${[...ctx.brandTypes][0]}<...>` };
    if (!container && isSchemaDerivedMember(ctx, decl, symbol)) {
      // z.infer<typeof intakeSchema>: no interface declares the data, the schema's keys do.
      const lit = decl.parent as ts.ObjectLiteralExpression;
      const byName = classifyFieldName(name, ctx.fieldSets);
      if (byName === 'strong' || (byName === 'weak' && isPatientLikeContainer(ctx, lit))) heuristicCandidate ??= { desc: `${schemaName(lit)}.${name}`, why: 'field name' };
      continue;
    }
    if (container) {
      const marked = containerMarked(ctx, container);
      if (marked) {
        if (marked.startsWith('FHIR') && FHIR_NON_PHI_MEMBERS.has(name)) return undefined;
        return { desc, why: marked };
      }
      if (isPhiAwareContainer(ctx, container)) return undefined;
      // Members declared by libraries (SDK option bags, DOM types) are never guessed from names.
      if (packageOfFile(decl.getSourceFile().fileName) || decl.getSourceFile().hasNoDefaultLib) continue;
      if (isBooleanish(ctx, decl)) continue;
      const byName = classifyFieldName(name, ctx.fieldSets);
      if (byName === 'strong' || (byName === 'weak' && isPatientLikeContainer(ctx, container))) {
        heuristicCandidate ??= { desc, why: 'field name' };
      }
    }
  }
  return heuristicCandidate;
}

/**
 * A member whose declaration is a key of an object literal of validators (zod, yup, valibot):
 * the literal holds `z.string()`, the data type derived from it holds a string. Plain data
 * literals never qualify (their values are assignable to the member type), so value-level
 * flow, not name guessing, decides for them.
 */
function isSchemaDerivedMember(ctx: ProgramContext, decl: ts.Declaration, symbol: ts.Symbol): boolean {
  if (!ts.isPropertyAssignment(decl) || !ts.isObjectLiteralExpression(decl.parent)) return false;
  if (packageOfFile(decl.getSourceFile().fileName)) return false;
  const checker = ctx.checker;
  const initType = checker.getTypeAtLocation(decl.initializer);
  if (!(initType.flags & ts.TypeFlags.Object)) return false;
  const memberType = checker.getTypeOfSymbol(symbol);
  if (memberType.flags & (ts.TypeFlags.BooleanLike | ts.TypeFlags.NumberLike)) return false;
  return !checker.isTypeAssignableTo(initType, memberType);
}

function schemaName(lit: ts.ObjectLiteralExpression): string {
  for (let n: ts.Node = lit.parent; n; n = n.parent) {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) return n.name.text;
    if (!ts.isCallExpression(n) && !ts.isPropertyAccessExpression(n) && !ts.isParenthesizedExpression(n)) break;
  }
  return 'schema';
}

function isBooleanish(ctx: ProgramContext, decl: ts.Declaration): boolean {
  const t = ctx.checker.getTypeAtLocation(decl);
  return (t.flags & (ts.TypeFlags.BooleanLike | ts.TypeFlags.NumberLike)) !== 0 && !(t.flags & ts.TypeFlags.Union && false);
}

/** Field-name guess for a member the types say nothing about (any, index signatures, JS). */
export function untypedMemberVerdict(ctx: ProgramContext, name: string, baseText: string, baseIsPatientLike: boolean): MemberVerdict | undefined {
  const byName = classifyFieldName(name, ctx.fieldSets);
  if (byName === 'strong' || (byName === 'weak' && (baseIsPatientLike || PATIENT_LIKE_NAME.test(baseText)))) {
    return { desc: `${shortText(baseText)}.${name}`, why: 'field name' };
  }
  return undefined;
}

function shortText(text: string): string {
  const t = text.replace(/\s+/g, '');
  return t.length > 40 ? `${t.slice(0, 37)}...` : t;
}

/** A variable or parameter declared PHI as a whole (@phi, or a brand type annotation). */
export function declarationVerdict(ctx: ProgramContext, decl: ts.Node): string | undefined {
  let holder: ts.Node = decl;
  if (ts.isVariableDeclaration(decl) && ts.isVariableDeclarationList(decl.parent) && ts.isVariableStatement(decl.parent.parent)) {
    holder = decl.parent.parent;
  }
  if (hasPhiTag(decl) || (holder !== decl && hasPhiTag(holder))) return 'marked @phi';
  if (ts.isParameter(decl) && paramTaggedInFunctionDoc(decl)) return 'marked @phi';
  if (isBrandTypeNode(ctx, (decl as { type?: ts.TypeNode }).type)) return `typed ${[...ctx.brandTypes][0]}<...>`;
  return undefined;
}

function paramTaggedInFunctionDoc(param: ts.ParameterDeclaration): boolean {
  if (!ts.isIdentifier(param.name)) return false;
  const name = param.name.text;
  for (const tag of ts.getJSDocTags(param.parent)) {
    if (tag.tagName.text === 'phi' && typeof tag.comment === 'string' && tag.comment.trim().split(/\s+/)[0] === name) return true;
  }
  return false;
}

const MAX_TYPE_DEPTH = 2;
const MAX_PROPS = 80;

/** PHI inside values of a type: whole (brand) or per member, one level of nesting deep. */
const inProgress = new Set<ts.Type>();

export function typePhi(ctx: ProgramContext, type: ts.Type, depth = 0): TypePhi[] {
  const cached = depth === 0 ? ctx.typeVerdicts.get(type) : undefined;
  if (cached) return cached;
  // Recursive types (JSON-like DocumentType = ... | DocumentType[]) would loop forever.
  if (inProgress.has(type) || depth > MAX_TYPE_DEPTH + 2) return [];
  inProgress.add(type);
  try {
    const out = computeTypePhi(ctx, type, depth);
    if (depth === 0) ctx.typeVerdicts.set(type, out);
    return out;
  } finally {
    inProgress.delete(type);
  }
}

function computeTypePhi(ctx: ProgramContext, type: ts.Type, depth: number): TypePhi[] {
  const checker = ctx.checker;
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never | ts.TypeFlags.Void | ts.TypeFlags.Undefined | ts.TypeFlags.Null)) return [];
  if (isBrandType(ctx, type)) return [{ field: [], desc: type.aliasSymbol?.name ?? 'PHI', why: 'brand type' }];
  if (type.flags & (ts.TypeFlags.BooleanLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.EnumLike)) return [];
  if (type.isUnion()) {
    const out: TypePhi[] = [];
    for (const t of type.types.slice(0, 8)) out.push(...typePhi(ctx, t, depth));
    return dedupeTypePhi(out);
  }
  if (type.flags & ts.TypeFlags.StringLike) return [];
  if (checker.isArrayType(type) || checker.isTupleType(type)) {
    const args = checker.getTypeArguments(type as ts.TypeReference);
    const out: TypePhi[] = [];
    for (const a of args.slice(0, 4)) out.push(...typePhi(ctx, a, depth + 1));
    return dedupeTypePhi(out);
  }
  if (!(type.flags & ts.TypeFlags.Object) && !type.isIntersection()) return [];
  // Library object types (Date, Map, SDK responses) carry no PHI of their own.
  const sym = type.getSymbol() ?? type.aliasSymbol;
  const decl = sym?.declarations?.[0];
  if (decl && decl.getSourceFile().hasNoDefaultLib) return [];
  // Library types (a ZodObject, an SDK response) are not searched below their own members: their
  // internals (`_output`, `shape`) may mention project keys, but the value is not that data.
  const fromLibrary = decl !== undefined && packageOfFile(decl.getSourceFile().fileName) !== undefined;
  const out: TypePhi[] = [];
  const props = checker.getPropertiesOfType(type);
  if (props.length > MAX_PROPS) return [];
  for (const prop of props) {
    const v = memberVerdict(ctx, prop);
    if (v) {
      out.push({ field: [prop.name], desc: v.desc, why: v.why });
      continue;
    }
    if (depth < MAX_TYPE_DEPTH && !fromLibrary && prop.declarations?.[0]) {
      const propType = checker.getTypeOfSymbol(prop);
      if (propType.flags & (ts.TypeFlags.Object | ts.TypeFlags.Union | ts.TypeFlags.Intersection)) {
        if (propType.getCallSignatures().length > 0) continue;
        for (const inner of typePhi(ctx, propType, depth + 1)) {
          out.push({ field: [prop.name, ...inner.field], desc: inner.desc, why: inner.why });
        }
      }
    }
  }
  return dedupeTypePhi(out);
}

function dedupeTypePhi(list: TypePhi[]): TypePhi[] {
  const seen = new Set<string>();
  return list.filter((t) => {
    const k = `${t.desc}|${t.field.join('.')}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
