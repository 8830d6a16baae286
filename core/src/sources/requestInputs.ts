import ts from 'typescript';
import { packageOfFile } from '../program/moduleOf';

/**
 * Where request bodies enter a backend, matched by declaration site like the vendor catalog
 * (package + declaring interface/class + member), never by variable names. Data only.
 *
 * Which PHI a body carries is `phi.requestBodies`' policy (config/types.ts); its members are
 * judged by field name wherever the types say nothing about them (`any`, `unknown`).
 */

interface BodyMember {
  /** Declaring package ("typescript" for TypeScript's own lib files). */
  modules: string[];
  /** Declaring interfaces/classes. */
  containers: string[];
  member: string;
  framework: string;
}

const BODY_MEMBERS: BodyMember[] = [
  // `req.body` of Express 4/5 (declared by @types/express-serve-static-core's Request).
  { modules: ['@types/express-serve-static-core'], containers: ['Request'], member: 'body', framework: 'Express' },
  { modules: ['fastify'], containers: ['FastifyRequest'], member: 'body', framework: 'Fastify' },
  // Lambda behind API Gateway (REST and HTTP APIs, WebSocket), an ALB, or a function URL.
  {
    modules: ['@types/aws-lambda'],
    containers: ['APIGatewayProxyEventBase', 'APIGatewayProxyEventV2WithRequestContext', 'APIGatewayProxyWebsocketEventV2WithRequestContext', 'ALBEvent'],
    member: 'body',
    framework: 'AWS Lambda',
  },
  // Not installed here (taken from the packages' typings as documented, not verified):
  // Next.js pages-router API routes and hapi's parsed payload.
  { modules: ['next'], containers: ['NextApiRequest'], member: 'body', framework: 'Next.js API route' },
  { modules: ['@hapi/hapi'], containers: ['Request'], member: 'payload', framework: 'hapi' },
];

/** `await request.json()` in a route handler (Next.js, Remix, Hono, plain fetch handlers): a web Request's body readers. */
const REQUEST_BODY_READERS = new Set(['json', 'formData', 'text']);
/** Packages that declare the web Request class (or a subclass of it). */
const REQUEST_CLASS_MODULES = new Set(['typescript', '@types/node', 'undici-types', 'undici', 'next']);
const REQUEST_CLASSES = new Set(['Request', 'NextRequest']);

/** NestJS's `@Body()` parameter decorator. */
const BODY_DECORATORS = [{ module: '@nestjs/common', name: 'Body' }];

function declaringModule(decl: ts.Node): string | undefined {
  const sf = decl.getSourceFile();
  return sf.hasNoDefaultLib ? 'typescript' : packageOfFile(sf.fileName);
}

function containerNameOf(decl: ts.Node): string | undefined {
  const p = decl.parent;
  if (p && (ts.isInterfaceDeclaration(p) || ts.isClassLike(p)) && p.name) return p.name.text;
  return undefined;
}

/** Symbols are per program; a member is looked up once however often it is read. */
const bodyMembers = new WeakMap<ts.Symbol, string | null>();

/** `req.body`, `event.body`: the framework whose request body this member is, if it is one. */
export function requestBodyMember(member: ts.Symbol): string | undefined {
  let found = bodyMembers.get(member);
  if (found === undefined) bodyMembers.set(member, (found = findBodyMember(member) ?? null));
  return found ?? undefined;
}

function findBodyMember(member: ts.Symbol): string | undefined {
  if (!BODY_MEMBERS.some((e) => e.member === member.name)) return undefined;
  for (const decl of member.declarations ?? []) {
    const mod = declaringModule(decl);
    const container = containerNameOf(decl);
    if (!mod || !container) continue;
    const hit = BODY_MEMBERS.find((e) => e.member === member.name && e.modules.includes(mod) && e.containers.includes(container));
    if (hit) return hit.framework;
  }
  return undefined;
}

/** `request.json()` on a web Request (not on a fetch Response: that is what a server answered, not what a client sent). */
export function isRequestBodyRead(checker: ts.TypeChecker, call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !REQUEST_BODY_READERS.has(callee.name.text)) return false;
  return isWebRequest(checker, checker.getTypeAtLocation(callee.expression), 0);
}

function isWebRequest(checker: ts.TypeChecker, type: ts.Type, depth: number): boolean {
  if (depth > 4) return false;
  const sym = type.getSymbol();
  if (!sym) return false;
  if (REQUEST_CLASSES.has(sym.name) && (sym.declarations ?? []).some((d) => REQUEST_CLASS_MODULES.has(declaringModule(d) ?? ''))) return true;
  const bases = type.isClassOrInterface() ? checker.getBaseTypes(type) : [];
  return bases.some((b) => isWebRequest(checker, b, depth + 1));
}

/**
 * A parameter decorated with NestJS's `@Body()`: the whole body (`property` undefined), or one
 * member of it (`@Body('ssn') ssn: string`).
 */
export function bodyDecoratorOf(checker: ts.TypeChecker, param: ts.ParameterDeclaration): { property?: string } | undefined {
  for (const mod of ts.canHaveDecorators(param) ? ts.getDecorators(param) ?? [] : []) {
    const e = mod.expression;
    if (!ts.isCallExpression(e)) continue;
    let sym = checker.getSymbolAtLocation(e.expression);
    if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
    const decl = sym?.declarations?.[0];
    if (!sym || !decl) continue;
    const mod2 = declaringModule(decl);
    if (!BODY_DECORATORS.some((d) => d.name === sym!.name && d.module === mod2)) continue;
    const first = e.arguments[0];
    return first && ts.isStringLiteralLike(first) ? { property: first.text } : {};
  }
  return undefined;
}
