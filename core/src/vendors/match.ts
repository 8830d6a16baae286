import * as path from 'node:path';
import ts from 'typescript';
import { symbolAt, valueSymbolOf } from '../symbols';
import type { CustomSink, ResolvedConfig } from '../config/types';
import { isProjectFile, packageOfFile, workspacePackageOf } from '../program/moduleOf';
import type { ClientClassEntry, MethodSinkEntry, VendorCatalog, VendorInfo } from './catalogTypes';
import { constantBoolean, constantPrefix, constantString, constInitializer, hostMatches, hostOf, objectLiteralOf, propertyValue, skip } from './constants';
import type { SinkMatch } from './sinkTypes';

/**
 * Finds the calls that send data to an LLM vendor. A call matches by what the checker
 * resolves the callee to (package + declaring class + member), never by variable names;
 * plain JavaScript without types falls back to following require()/import to the package.
 */

interface Resolved {
  pkg: string;
  owner: string | undefined;
  member: string;
}

interface VendorDecision {
  id: string;
  reason: string;
  region?: string | null;
  /** Endpoint present but not constant. */
  unknownEndpoint?: boolean;
}

/** A LangChain model class's vendor, with the options that may name its endpoint. */
type LangchainDecision = VendorDecision & { endpointOptions?: string[] };

export class SinkMatcher {
  private names: Set<string>;
  /** Every package the catalog matches calls in: a callee declared only elsewhere is no sink. */
  private modules: Set<string>;
  private vendorsById = new Map<string, VendorInfo>();
  private cache = new WeakMap<ts.Node, SinkMatch | null>();

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly catalog: VendorCatalog,
    private readonly config: ResolvedConfig,
  ) {
    this.names = new Set<string>();
    for (const m of catalog.methods) for (const n of m.methods) this.names.add(n);
    for (const f of catalog.modelFunctions) for (const n of f.functions) this.names.add(n);
    for (const h of catalog.http) for (const n of h.functions) this.names.add(n);
    for (const v of catalog.vendors) this.vendorsById.set(v.id, v);
    for (const s of config.sinks) this.names.add(s.function);
    this.modules = new Set([...catalog.methods.map((m) => m.module), ...catalog.modelFunctions.map((f) => f.module), ...catalog.http.map((h) => h.module), ...config.sinks.map((s) => s.module)]);
  }

  match(call: ts.CallExpression | ts.NewExpression): SinkMatch | undefined {
    if (!ts.isCallExpression(call)) return undefined;
    const callee = skip(call.expression);
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    // Cheap syntactic filter before the cache and any type-checker call: every call of every
    // linted file comes through here, and few have a name an SDK uses.
    if (!name || !this.names.has(name)) return undefined;
    const cached = this.cache.get(call);
    if (cached !== undefined) return cached ?? undefined;
    const m = this.compute(call, callee, name);
    this.cache.set(call, m ?? null);
    return m;
  }

  private compute(call: ts.CallExpression, callee: ts.Expression, name: string): SinkMatch | undefined {
    const custom = this.config.sinks.length > 0 ? this.customSink(call, callee, name) : undefined;
    if (custom) return custom;
    const resolved = this.resolve(call, callee);
    if (resolved === null) return undefined;
    if (resolved) {
      const http = this.matchHttp(call, callee, resolved);
      if (http !== undefined) return http ?? undefined;
      for (const f of this.catalog.modelFunctions) {
        if (f.module === resolved.pkg && f.functions.includes(resolved.member)) return this.modelFunctionSink(call, callee, f.requestArg, f.modelProperty);
      }
      for (const m of this.catalog.methods) {
        if (m.module !== resolved.pkg || !m.methods.includes(resolved.member)) continue;
        if (m.classes && (!resolved.owner || !m.classes.includes(resolved.owner))) continue;
        const sink = this.methodSink(call, callee, m);
        if (sink) return sink;
      }
      return undefined;
    }
    return this.untypedMatch(call, callee, name);
  }

  // ------------------------------------------------------------------ sinks declared in the config

  /** A call of a function declared under `sinks` in phi-guard.config.json, matched by where it is declared. */
  private customSink(call: ts.CallExpression, callee: ts.Expression, name: string): SinkMatch | undefined {
    const entries = this.config.sinks.filter((s) => s.function === name);
    if (entries.length === 0) return undefined;
    const sym = symbolAt(this.checker, ts.isPropertyAccessExpression(callee) ? callee.name : callee);
    for (const decl of sym?.declarations ?? []) {
      const file = decl.getSourceFile().fileName;
      const owner = ownerName(decl);
      const entry = entries.find((s) => (s.class === undefined || s.class === owner) && declaredIn(file, s));
      if (!entry) continue;
      const decision: VendorDecision = { id: entry.vendor, reason: `declared under "sinks" in phi-guard.config.json` };
      return this.build(call, callee, decision, this.contentArgs(call, entry.content), entry.class ? `${entry.class}.${entry.function}` : entry.function, undefined);
    }
    return undefined;
  }

  // ------------------------------------------------------------------ resolution

  /** Undefined: not resolved (plain JavaScript: follow require/import); null: certainly no sink. */
  private resolve(call: ts.CallExpression, callee: ts.Expression): Resolved | undefined | null {
    if (this.builtFromForeignPackage(callee)) return null;
    // The callee's symbol first: it names the same package member as the resolved signature
    // whenever it is a method or function, and costs a property lookup instead of overload
    // resolution against the SDK's large request types (about a second on 100k lines).
    const sym = symbolAt(this.checker, ts.isPropertyAccessExpression(callee) ? callee.name : callee);
    const decls = sym?.declarations ?? [];
    const first = decls[0];
    // Declared only in packages the catalog knows nothing of (`oystehr.fhir.create<Consent>({...})`,
    // a zod schema's `parse`): whatever overload the checker would pick is no sink. Resolving it
    // type-checks the argument against the library's types: 2.4 s for one FHIR literal.
    if (first && decls.every((d) => this.isForeignPackage(d.getSourceFile()))) return null;
    let decl: ts.Node | undefined = first && decls.every((d) => isCallableDeclaration(d) && d.getSourceFile() === first.getSourceFile()) ? first : undefined;
    if (!decl) {
      // A variable or property holding a function (`const send = client.send.bind(client)`),
      // members of a union spread over files, or no symbol: only the resolved signature says what is called.
      decl = this.checker.getResolvedSignature(call)?.declaration;
      if (!decl || ts.isJSDocSignature(decl)) decl = first;
    }
    if (!decl) return undefined;
    const pkg = packageOfFile(decl.getSourceFile().fileName) ?? (decl.getSourceFile().hasNoDefaultLib ? 'typescript' : undefined);
    if (!pkg) return undefined;
    // Walk up from a signature (possibly a function type inside a property) to the named member.
    let member: string | undefined;
    let owner: string | undefined;
    for (let n: ts.Node | undefined = decl; n; n = n.parent) {
      if (!member && (ts.isMethodDeclaration(n) || ts.isMethodSignature(n) || ts.isPropertySignature(n) || ts.isPropertyDeclaration(n) || ts.isFunctionDeclaration(n) || ts.isVariableDeclaration(n))) {
        if (n.name && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name))) member = n.name.text;
      }
      if (member && (ts.isClassLike(n) || ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n))) {
        owner = n.name?.text;
        break;
      }
      if (member && (ts.isSourceFile(n) || ts.isModuleBlock(n))) break;
    }
    if (!member) return undefined;
    return { pkg, owner, member };
  }

  /**
   * `PaperworkConfigSchema.parse(x)` where the schema is `z.object({...}).extend(...)` from zod:
   * the receiver is made from a package the catalog does not know, so no SDK method is called.
   * Decided by names alone (the receiver chain's root, through `const` initializers and imports):
   * asking the type of the receiver instantiates the whole schema type (3.9 s for one schema).
   */
  private builtFromForeignPackage(callee: ts.Expression): boolean {
    if (!ts.isPropertyAccessExpression(callee)) return false;
    let e: ts.Expression = callee.expression;
    for (let steps = 0; steps < 16; steps++) {
      e = skip(e);
      if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isCallExpression(e)) {
        e = e.expression;
        continue;
      }
      if (!ts.isIdentifier(e)) return false;
      let sym = this.checker.getSymbolAtLocation(e);
      if (sym && sym.flags & ts.SymbolFlags.Alias) {
        const spec = importedModule(sym);
        if (spec !== undefined && !spec.startsWith('.') && !spec.startsWith('/')) {
          const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
          const target = this.checker.getAliasedSymbol(sym);
          const declFile = target.declarations?.[0]?.getSourceFile();
          // A bare specifier can still name a project module (paths, workspaces): then follow it.
          if (!declFile || !isProjectFile(declFile.fileName)) return !this.modules.has(pkg) && !this.modules.has(packageOfFile(declFile?.fileName ?? '') ?? pkg);
        }
        sym = this.checker.getAliasedSymbol(sym);
      }
      const decls = sym?.declarations;
      const decl = decls?.length === 1 ? decls[0] : undefined;
      if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer || !isProjectFile(decl.getSourceFile().fileName)) return false;
      if (!(ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const)) return false;
      e = decl.initializer;
    }
    return false;
  }

  private isForeignPackage(sf: ts.SourceFile): boolean {
    const pkg = packageOfFile(sf.fileName) ?? (sf.hasNoDefaultLib ? 'typescript' : undefined);
    return pkg !== undefined && !this.modules.has(pkg);
  }

  // ------------------------------------------------------------------ SDK methods

  private methodSink(call: ts.CallExpression, callee: ts.Expression, entry: MethodSinkEntry): SinkMatch | undefined {
    const from = entry.vendorFrom ?? 'client';
    let decision: VendorDecision | undefined;
    let model: string | null | undefined;
    const content = this.contentArgs(call, entry.contentArgs);
    if (from === 'fixed') decision = { id: entry.vendor, reason: `${entry.module}` };
    else if (from === 'langchain') {
      decision = this.langchainVendor(callee);
      if (!decision) return undefined; // a prompt template or parser: nothing is sent
    } else {
      const fromClient = this.clientVendor(callee, entry);
      // AWS SDK clients share one `send`: only a Bedrock client sending a content command is a sink.
      if (!fromClient && entry.requireClient) return undefined;
      if (entry.commands && !this.isCommandOf(call.arguments[0], entry.commands)) return undefined;
      decision = fromClient ?? { id: entry.vendor, reason: `${entry.module} client` };
    }
    if (from === 'bedrock-command') {
      model = this.bedrockModel(call);
    } else if (entry.modelProperty) {
      const req = objectLiteralOf(this.checker, call.arguments[entry.contentArgs?.[0] ?? 0]);
      const v = req ? propertyValue(req, entry.modelProperty) : undefined;
      model = v && v !== 'spread-unknown' ? (constantString(this.checker, v) ?? null) : null;
    }
    const sink = this.build(call, callee, decision, content, entry.displayName, model);
    sink.sends = entry.sends !== false;
    return sink;
  }

  private isCommandOf(arg: ts.Expression | undefined, commands: { module: string; classes: string[] }): boolean {
    if (!arg) return false;
    // `send(new ConverseCommand({...}))`: the class named by `new` is the command's type, and
    // resolving that name does not type-check the request object against the SDK's input type.
    const a = skip(arg);
    let sym = ts.isNewExpression(a) ? symbolAt(this.checker, a.expression) : undefined;
    if (!sym?.declarations?.some((d) => ts.isClassLike(d))) sym = this.checker.getTypeAtLocation(arg).getSymbol();
    const decl = sym?.declarations?.[0];
    if (!sym || !decl) return true; // untyped: cannot tell, keep the call
    return packageOfFile(decl.getSourceFile().fileName) === commands.module && commands.classes.includes(sym.name);
  }

  private contentArgs(call: ts.CallExpression, indexes: number[] | undefined): ts.Expression[] {
    const args = call.arguments.map((a) => (ts.isSpreadElement(a) ? a.expression : a));
    return indexes ? indexes.map((i) => args[i]).filter((a): a is ts.Expression => !!a) : args;
  }

  /** Find the SDK client a method hangs off (client.chat.completions.create → client) and how it was built. */
  private clientVendor(callee: ts.Expression, entry: MethodSinkEntry): VendorDecision | undefined {
    let recv: ts.Expression | undefined = ts.isPropertyAccessExpression(callee) ? skip(callee.expression) : undefined;
    while (recv) {
      const client = this.clientEntryOfType(this.checker.getTypeAtLocation(recv));
      if (client) return this.clientDecision(recv, client.entry, client.className);
      if (ts.isPropertyAccessExpression(recv)) recv = skip(recv.expression);
      else if (ts.isCallExpression(recv) && ts.isPropertyAccessExpression(recv.expression)) recv = skip(recv.expression.expression); // genAI.getGenerativeModel(...)
      else if (ts.isIdentifier(recv)) {
        // A handle obtained from a client (const model = genAI.getGenerativeModel(...)): follow its initializer.
        const init = this.initializerOf(recv);
        recv = init ? skip(init) : undefined;
      } else recv = undefined;
    }
    void entry;
    return undefined;
  }

  private clientEntryOfType(type: ts.Type): { entry: ClientClassEntry; className: string } | undefined {
    const candidates = type.isUnion() ? type.types : [type];
    for (const t of candidates) {
      const sym = t.getSymbol();
      const decl = sym?.declarations?.[0];
      if (!sym || !decl) continue;
      const pkg = packageOfFile(decl.getSourceFile().fileName);
      for (const entry of this.catalog.clients) {
        if (entry.module === pkg && entry.classes.includes(sym.name)) return { entry, className: sym.name };
      }
      // Subclasses of a client class.
      for (const base of t.getBaseTypes?.() ?? []) {
        const found = this.clientEntryOfType(base);
        if (found) return found;
      }
    }
    return undefined;
  }

  private clientDecision(recv: ts.Expression, entry: ClientClassEntry, className: string): VendorDecision {
    const construction = this.constructionOf(recv);
    const base: VendorDecision = { id: entry.vendor, reason: `${className} client` };
    if (!construction) return base;
    const line = construction.getSourceFile().getLineAndCharacterOfPosition(construction.getStart()).line + 1;
    base.reason = `new ${className}() at line ${line}`;
    const opts = construction.arguments?.[0] ? objectLiteralOf(this.checker, construction.arguments[0]) : undefined;
    if (construction.arguments?.[0] && !opts) {
      if (entry.endpointOptions?.length) return { ...base, unknownEndpoint: true, reason: `${base.reason}: options are not a literal object` };
      return base;
    }
    if (!opts) return { ...base, region: entry.regionOptions?.length ? null : undefined };
    if (entry.vendorSwitch) {
      const v = propertyValue(opts, entry.vendorSwitch.option);
      if (v && v !== 'spread-unknown') {
        const on = constantBoolean(this.checker, v);
        if (on === true) base.id = entry.vendorSwitch.vendor;
        else if (on === undefined) return { ...base, unknownEndpoint: true, reason: `${base.reason}: ${entry.vendorSwitch.option} is not a constant` };
      }
    }
    if (entry.regionOptions?.length) {
      base.region = null;
      for (const r of entry.regionOptions) {
        const v = propertyValue(opts, r);
        if (v && v !== 'spread-unknown') base.region = constantString(this.checker, v) ?? null;
      }
    }
    return this.endpointFromOptions(base, entry.endpointOptions ?? [], opts, 'unknown');
  }

  /**
   * The vendor named by the first endpoint option present in a constructor's options
   * (`baseURL`, `configuration.baseURL`, ...): its host decides, a non-constant URL makes the
   * endpoint unknown. `spread` says what options spread from elsewhere mean.
   */
  private endpointFromOptions(base: VendorDecision, options: readonly string[], opts: ts.ObjectLiteralExpression, spread: 'unknown' | 'ignore'): VendorDecision {
    for (const opt of options) {
      const v = nestedPropertyValue(this.checker, opts, opt);
      if (v === undefined) continue;
      if (v === 'spread-unknown') {
        if (spread === 'ignore') continue;
        return { ...base, unknownEndpoint: true, reason: `${base.reason}: options spread from elsewhere` };
      }
      const url = constantPrefix(this.checker, v);
      const host = url ? hostOf(url) ?? hostOf(`https://${url}`) : undefined;
      if (!host) return { ...base, unknownEndpoint: true, reason: `${base.reason}: ${opt} is not a constant URL` };
      const byHost = this.vendorOfHost(host);
      if (byHost) return { ...base, id: byHost.id, reason: `${opt} ${host}` };
      if (opt === 'endpoint' || opt === 'resourceName') continue;
      return { ...base, unknownEndpoint: true, reason: `${opt} ${host} is not a known vendor` };
    }
    return base;
  }

  /** new X(...) that produced the value of `e` (through const/let bindings, class fields and factory functions). */
  private constructionOf(e: ts.Expression, hops = 0): ts.NewExpression | undefined {
    if (hops > 6) return undefined;
    const x = skip(e);
    if (ts.isNewExpression(x)) return x;
    if (ts.isIdentifier(x) || ts.isPropertyAccessExpression(x)) {
      const init = this.initializerOf(x);
      if (init) return this.constructionOf(init, hops + 1);
    }
    if (ts.isCallExpression(x)) {
      // A project factory (function makeClient() { return new OpenAI(...) }).
      const decl = this.checker.getResolvedSignature(x)?.declaration;
      if (decl && (ts.isFunctionDeclaration(decl) || ts.isArrowFunction(decl) || ts.isMethodDeclaration(decl)) && decl.body && !packageOfFile(decl.getSourceFile().fileName)) {
        if (!ts.isBlock(decl.body)) return this.constructionOf(decl.body, hops + 1);
        let found: ts.NewExpression | undefined;
        const visit = (n: ts.Node): void => {
          if (found || ts.isFunctionLike(n)) return;
          if (ts.isReturnStatement(n) && n.expression) found = this.constructionOf(n.expression, hops + 1);
          ts.forEachChild(n, visit);
        };
        ts.forEachChild(decl.body, visit);
        return found;
      }
    }
    return undefined;
  }

  /** The single value a binding or class field was given (declaration initializer or the one assignment). */
  private initializerOf(e: ts.Identifier | ts.PropertyAccessExpression): ts.Expression | undefined {
    const sym = valueSymbolOf(this.checker, e);
    const decl = sym?.valueDeclaration;
    if (!decl) return undefined;
    if ((ts.isVariableDeclaration(decl) || ts.isPropertyDeclaration(decl)) && decl.initializer) return decl.initializer;
    if (ts.isPropertyDeclaration(decl) || ts.isVariableDeclaration(decl)) {
      // Assigned once elsewhere (constructor: this.client = new OpenAI()).
      const scope = ts.isPropertyDeclaration(decl) ? decl.parent : decl.getSourceFile();
      let found: ts.Expression | undefined;
      const visit = (n: ts.Node): void => {
        if (found) return;
        if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
          const left = n.left;
          const target = ts.isPropertyAccessExpression(left) ? left.name : left;
          if (this.checker.getSymbolAtLocation(target) === sym) found = n.right;
        }
        ts.forEachChild(n, visit);
      };
      ts.forEachChild(scope, visit);
      return found;
    }
    return undefined;
  }

  vendorOfHost(host: string): { id: string; firstParty: boolean } | undefined {
    for (const v of this.config.vendors) {
      if (v.hosts.some((h) => hostMatches(host, h))) return { id: v.id, firstParty: v.firstParty };
    }
    for (const v of this.catalog.vendors) {
      if (v.hosts.some((h) => hostMatches(host, h))) return { id: v.id, firstParty: false };
    }
    if (/^(localhost|127(\.\d+){3}|::1|0\.0\.0\.0|\[::1\])$/.test(host) || host.endsWith('.localhost')) return { id: 'local', firstParty: false };
    return undefined;
  }

  // ------------------------------------------------------------------ LangChain

  private langchainVendor(callee: ts.Expression): VendorDecision | undefined {
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    return this.langchainModelIn(skip(callee.expression), 0);
  }

  private langchainModelIn(e: ts.Expression, hops: number): VendorDecision | undefined {
    if (hops > 8) return undefined;
    const direct = this.langchainEntryOfType(this.checker.getTypeAtLocation(e));
    if (direct) return this.langchainEndpoint(e, direct);
    const x = skip(e);
    if (ts.isCallExpression(x) && ts.isPropertyAccessExpression(x.expression)) {
      const method = x.expression.name.text;
      // prompt.pipe(model).pipe(parser), RunnableSequence.from([prompt, model]), model.withStructuredOutput(...)
      const parts: ts.Expression[] = [x.expression.expression, ...x.arguments.map((a) => (ts.isSpreadElement(a) ? a.expression : a))];
      if (method === 'from' || method === 'pipe' || method === 'withStructuredOutput' || method === 'bind' || method === 'bindTools' || method === 'withConfig' || method === 'withRetry' || method === 'withFallbacks') {
        for (const p of parts) {
          const inner = skip(p);
          const list = ts.isArrayLiteralExpression(inner) ? inner.elements : [inner];
          for (const item of list) {
            const found = this.langchainModelIn(item as ts.Expression, hops + 1);
            if (found) return found;
          }
        }
      }
      return undefined;
    }
    if (ts.isNewExpression(x)) {
      // new LLMChain({ llm: model, prompt }) (langchain 0.0.x), new ConversationChain({ llm }).
      const opts = x.arguments?.[0] ? objectLiteralOf(this.checker, x.arguments[0]) : undefined;
      const llm = opts ? propertyValue(opts, 'llm') : undefined;
      return llm && llm !== 'spread-unknown' ? this.langchainModelIn(llm, hops + 1) : undefined;
    }
    if (ts.isIdentifier(x) || ts.isPropertyAccessExpression(x)) {
      const init = this.initializerOf(x);
      if (init) return this.langchainModelIn(init, hops + 1);
      const type = this.checker.getTypeAtLocation(x);
      if (this.isGenericLangchainModel(type)) return { id: 'unknown', reason: 'a LangChain model whose class is not known here', unknownEndpoint: true };
    }
    return undefined;
  }

  /**
   * The model's class decides the vendor unless its construction names a constant endpoint
   * (`new ChatOpenAI({ configuration: { baseURL: 'http://localhost:8000/v1' } })`), read like an
   * SDK client's options. Options the matcher cannot see keep the class's vendor.
   */
  private langchainEndpoint(e: ts.Expression, found: LangchainDecision): VendorDecision {
    const { endpointOptions, ...decision } = found;
    const construction = endpointOptions?.length ? this.constructionOf(e) : undefined;
    const opts = construction?.arguments?.[0] ? objectLiteralOf(this.checker, construction.arguments[0]) : undefined;
    if (!opts) return decision;
    return this.endpointFromOptions(decision, endpointOptions ?? [], opts, 'ignore');
  }

  private langchainEntryOfType(type: ts.Type): LangchainDecision | undefined {
    const sym = type.getSymbol();
    const decl = sym?.declarations?.[0];
    if (!sym || !decl) return undefined;
    const pkg = packageOfFile(decl.getSourceFile().fileName);
    for (const entry of this.catalog.langchainModels) {
      if (entry.module === pkg && entry.classes.includes(sym.name)) return { id: entry.vendor, reason: `${sym.name} from ${entry.module}`, endpointOptions: entry.endpointOptions };
    }
    for (const base of type.getBaseTypes?.() ?? []) {
      const found = this.langchainEntryOfType(base);
      if (found) return found;
    }
    return undefined;
  }

  private isGenericLangchainModel(type: ts.Type): boolean {
    const name = type.getSymbol()?.name ?? '';
    return /^(BaseChatModel|BaseLanguageModel|BaseLLM|Embeddings|LLM|SimpleChatModel)$/.test(name);
  }

  // ------------------------------------------------------------------ Bedrock

  private bedrockModel(call: ts.CallExpression): string | null {
    const arg = call.arguments[0];
    if (!arg) return null;
    const x = skip(arg);
    let input: ts.Expression | undefined = x;
    if (ts.isNewExpression(x)) input = x.arguments?.[0];
    else if (ts.isIdentifier(x)) {
      const init = this.initializerOf(x);
      if (init && ts.isNewExpression(skip(init))) input = (skip(init) as ts.NewExpression).arguments?.[0];
    }
    const obj = objectLiteralOf(this.checker, input);
    if (!obj) return null;
    const v = propertyValue(obj, 'modelId');
    return v && v !== 'spread-unknown' ? (constantString(this.checker, v) ?? null) : null;
  }

  // ------------------------------------------------------------------ Vercel AI SDK

  private modelFunctionSink(call: ts.CallExpression, callee: ts.Expression, requestArg: number, modelProperty: string): SinkMatch | undefined {
    const req = call.arguments[requestArg];
    const obj = objectLiteralOf(this.checker, req);
    let decision: VendorDecision = { id: 'unknown', reason: 'the model is not a literal provider call', unknownEndpoint: true };
    let model: string | null = null;
    if (obj) {
      const m = propertyValue(obj, modelProperty);
      if (m && m !== 'spread-unknown') {
        const r = this.providerOfModel(m, 0);
        if (r) {
          decision = r.decision;
          model = r.model;
        }
      }
    }
    return this.build(call, callee, decision, req ? [req] : [], undefined, model);
  }

  private providerOfModel(e: ts.Expression, hops: number): { decision: VendorDecision; model: string | null } | undefined {
    if (hops > 6) return undefined;
    const x = skip(e);
    const literal = constantString(this.checker, x);
    if (literal !== undefined) {
      // A plain "provider/model" string goes through the Vercel AI Gateway.
      return { decision: { id: 'vercel-gateway', reason: `model id "${literal}" (AI Gateway)` }, model: literal };
    }
    if (ts.isCallExpression(x)) {
      const provider = this.providerOfCallee(x.expression, hops);
      if (provider) return { decision: provider, model: constantString(this.checker, x.arguments[0]) ?? null };
      return undefined;
    }
    if (ts.isIdentifier(x) || ts.isPropertyAccessExpression(x)) {
      const init = this.initializerOf(x);
      if (init) return this.providerOfModel(init, hops + 1);
    }
    return undefined;
  }

  /** openai, openai.chat, azure, createOpenAI({...}), a const holding createOpenAI(...) → vendor. */
  private providerOfCallee(callee: ts.Expression, hops: number): VendorDecision | undefined {
    const x = skip(callee);
    if (ts.isCallExpression(x)) {
      // createOpenAI({ baseURL })('gpt-4o')
      return this.providerOfFactoryCall(x);
    }
    const target = ts.isPropertyAccessExpression(x) ? skip(x.expression) : x;
    const sym = symbolAt(this.checker, ts.isPropertyAccessExpression(target) ? target.name : target);
    const decl = sym?.valueDeclaration ?? sym?.declarations?.[0];
    if (decl) {
      const pkg = packageOfFile(decl.getSourceFile().fileName);
      const entry = this.catalog.modelProviders.find((p) => p.module === pkg);
      if (entry) return { id: entry.vendor, reason: `${sym!.name} from ${entry.module}` };
      if (pkg === 'ai' && sym!.name === 'gateway') return { id: 'vercel-gateway', reason: 'gateway from ai' };
      if (ts.isVariableDeclaration(decl) && decl.initializer && hops < 6) {
        const init = skip(decl.initializer);
        if (ts.isCallExpression(init)) return this.providerOfFactoryCall(init);
        return this.providerOfCallee(init, hops + 1);
      }
    }
    return undefined;
  }

  private providerOfFactoryCall(call: ts.CallExpression): VendorDecision | undefined {
    const sym = symbolAt(this.checker, skip(call.expression));
    const decl = sym?.declarations?.[0];
    const pkg = decl ? packageOfFile(decl.getSourceFile().fileName) : undefined;
    const entry = this.catalog.modelProviders.find((p) => p.module === pkg);
    if (!entry) return undefined;
    const decision: VendorDecision = { id: entry.vendor, reason: `${sym!.name}() from ${entry.module}` };
    const opts = objectLiteralOf(this.checker, call.arguments[0]);
    if (call.arguments[0] && !opts) return { ...decision, unknownEndpoint: !!entry.endpointOptions?.length };
    if (opts) {
      for (const r of entry.regionOptions ?? []) {
        const v = propertyValue(opts, r);
        decision.region = v && v !== 'spread-unknown' ? (constantString(this.checker, v) ?? null) : decision.region ?? null;
      }
      for (const opt of entry.endpointOptions ?? []) {
        const v = propertyValue(opts, opt);
        if (v === undefined) continue;
        const url = v === 'spread-unknown' ? undefined : constantPrefix(this.checker, v);
        const host = url ? hostOf(url) : undefined;
        if (!host) return { ...decision, unknownEndpoint: true, reason: `${decision.reason}: ${opt} is not a constant URL` };
        const byHost = this.vendorOfHost(host);
        if (byHost) return { ...decision, id: byHost.id, reason: `${opt} ${host}` };
        return { ...decision, unknownEndpoint: true, reason: `${opt} ${host} is not a known vendor` };
      }
    }
    return decision;
  }

  // ------------------------------------------------------------------ fetch / axios

  /** undefined: not an HTTP call; null: an HTTP call that is not to an LLM vendor. */
  private matchHttp(call: ts.CallExpression, callee: ts.Expression, resolved: Resolved): SinkMatch | null | undefined {
    const entry = this.catalog.http.find((h) => h.module === resolved.pkg && h.functions.includes(resolved.member));
    if (!entry) return undefined;
    return this.httpSink(call, callee, entry);
  }

  private httpSink(call: ts.CallExpression, callee: ts.Expression, entry: VendorCatalog['http'][number]): SinkMatch | null {
    let urlExpr: ts.Expression | undefined = call.arguments[entry.urlArg];
    let bodies = entry.bodyArgs.map((i) => call.arguments[i]).filter((a): a is ts.Expression => !!a);
    if (entry.bodyProperty === 'config') {
      // axios({ url, data }) / axios.request({ url, data })
      const cfg = objectLiteralOf(this.checker, call.arguments[0]);
      const u = cfg ? propertyValue(cfg, 'url') : undefined;
      urlExpr = u && u !== 'spread-unknown' ? u : undefined;
      const d = cfg ? propertyValue(cfg, 'data') : undefined;
      bodies = d && d !== 'spread-unknown' ? [d] : [];
    }
    let url = urlExpr ? constantPrefix(this.checker, urlExpr) : undefined;
    // axios.create({ baseURL }) instances
    if (ts.isPropertyAccessExpression(callee) && (!url || !hostOf(url))) {
      const base = this.axiosBaseURL(skip(callee.expression));
      if (base) url = base + (url ?? '');
    }
    const host = url ? hostOf(url) : undefined;
    if (!host) return null;
    const byHost = this.vendorOfHost(host);
    if (!byHost) return null;
    const decision: VendorDecision = { id: byHost.id, reason: `request to ${host}` };
    return this.build(call, callee, decision, bodies, undefined, undefined);
  }

  private axiosBaseURL(recv: ts.Expression): string | undefined {
    if (!ts.isIdentifier(recv) && !ts.isPropertyAccessExpression(recv)) return undefined;
    const init = this.initializerOf(recv);
    const x = init ? skip(init) : undefined;
    if (!x || !ts.isCallExpression(x) || !ts.isPropertyAccessExpression(x.expression) || x.expression.name.text !== 'create') return undefined;
    const opts = objectLiteralOf(this.checker, x.arguments[0]);
    const v = opts ? propertyValue(opts, 'baseURL') : undefined;
    return v && v !== 'spread-unknown' ? constantPrefix(this.checker, v) : undefined;
  }

  // ------------------------------------------------------------------ plain JavaScript

  private untypedMatch(call: ts.CallExpression, callee: ts.Expression, name: string): SinkMatch | undefined {
    const chain: string[] = [];
    let cur: ts.Expression = callee;
    while (ts.isPropertyAccessExpression(cur)) {
      chain.unshift(cur.name.text);
      cur = skip(cur.expression);
    }
    if (ts.isIdentifier(cur) && chain.length === 0) chain.push(cur.text);
    const origin = this.moduleOrigin(cur);
    if (!origin) return undefined;
    if (name === 'fetch' || origin.module === 'axios') {
      const entry = this.catalog.http.find((h) => h.module === origin.module || (name === 'fetch' && h.functions.includes('fetch')));
      return entry ? this.httpSink(call, callee, entry) ?? undefined : undefined;
    }
    const joined = chain.join('.');
    for (const f of this.catalog.modelFunctions) {
      if (f.module === origin.module && f.functions.includes(name)) return this.modelFunctionSink(call, callee, f.requestArg, f.modelProperty);
    }
    for (const m of this.catalog.methods) {
      if (m.module !== origin.module) continue;
      if (!(m.untypedChains ?? []).some((c) => joined === c || joined.endsWith('.' + c) || c.endsWith(joined))) continue;
      const client = this.catalog.clients.find((c) => c.module === origin.module && (!origin.exportName || c.classes.includes(origin.exportName)));
      let decision: VendorDecision = { id: m.vendor, reason: `require('${origin.module}')` };
      if (client && origin.construction) decision = this.clientDecision(origin.expr, client, origin.exportName ?? client.classes[0]!);
      return this.build(call, callee, decision, this.contentArgs(call, m.contentArgs), m.displayName, undefined);
    }
    return undefined;
  }

  /** Where an untyped receiver comes from: new (require('openai'))(...), import OpenAI from 'openai'... */
  private moduleOrigin(e: ts.Expression, hops = 0): { module: string; exportName?: string; construction?: ts.NewExpression; expr: ts.Expression } | undefined {
    if (hops > 6) return undefined;
    const x = skip(e);
    if (ts.isCallExpression(x) && ts.isIdentifier(x.expression) && x.expression.text === 'require' && x.arguments[0] && ts.isStringLiteral(x.arguments[0])) {
      return { module: x.arguments[0].text, expr: x };
    }
    if (ts.isNewExpression(x)) {
      const inner = this.moduleOrigin(x.expression, hops + 1);
      return inner ? { ...inner, construction: x, expr: x } : undefined;
    }
    if (ts.isCallExpression(x)) {
      // `const client = makeClient()`, a project function returning `new (require('openai'))()`
      // typed `any`: the client is what the function returns.
      for (const r of projectReturns(this.checker, x.expression)) {
        const inner = this.moduleOrigin(r, hops + 1);
        if (inner?.construction) return inner;
      }
      return undefined;
    }
    if (ts.isPropertyAccessExpression(x)) {
      const inner = this.moduleOrigin(x.expression, hops + 1);
      return inner ? { ...inner, exportName: x.name.text, expr: x } : undefined;
    }
    if (ts.isIdentifier(x)) {
      if (x.text === 'fetch') return { module: 'fetch', expr: x };
      const sym = this.checker.getSymbolAtLocation(x);
      const decl = sym?.declarations?.[0];
      if (!decl) return undefined;
      if (ts.isImportClause(decl) || ts.isImportSpecifier(decl) || ts.isNamespaceImport(decl)) {
        const imp = ts.isImportClause(decl) ? decl.parent : ts.isNamespaceImport(decl) ? decl.parent.parent : decl.parent.parent.parent;
        const spec = imp.moduleSpecifier;
        if (ts.isStringLiteral(spec)) return { module: spec.text, exportName: ts.isImportSpecifier(decl) ? (decl.propertyName ?? decl.name).text : undefined, expr: x };
      }
      if (ts.isVariableDeclaration(decl) && decl.initializer) {
        if (ts.isObjectBindingPattern(decl.name)) {
          const inner = this.moduleOrigin(decl.initializer, hops + 1);
          const el = decl.name.elements.find((b) => ts.isIdentifier(b.name) && b.name.text === x.text);
          const exportName = el ? ((el.propertyName as ts.Identifier | undefined) ?? (el.name as ts.Identifier)).text : undefined;
          return inner ? { ...inner, exportName, expr: x } : undefined;
        }
        const inner = this.moduleOrigin(decl.initializer, hops + 1);
        return inner ? { ...inner, expr: inner.construction ? x : inner.expr } : undefined;
      }
      void constInitializer;
    }
    return undefined;
  }

  // ------------------------------------------------------------------ result

  private build(
    call: ts.CallExpression,
    callee: ts.Expression,
    decision: VendorDecision,
    content: ts.Expression[],
    displayName: string | undefined,
    model: string | null | undefined,
  ): SinkMatch {
    let id = decision.unknownEndpoint ? 'unknown' : decision.id;
    const custom = this.config.vendors.find((v) => v.id === id);
    const info = this.vendorsById.get(id);
    const local = info?.local === true || id === 'local';
    if (decision.unknownEndpoint) id = 'unknown';
    return {
      call,
      vendorId: id,
      vendorName: custom?.name ?? info?.name ?? (id === 'unknown' ? 'an unknown endpoint' : id),
      vendorReason: decision.reason,
      local,
      firstParty: custom?.firstParty === true,
      displayName: displayName ?? calleeText(callee),
      sends: true,
      calleeNode: callee,
      content,
      model,
      region: decision.region,
    };
  }
}

/** `httpOptions.baseUrl` → the value inside nested object literals. */
function nestedPropertyValue(checker: ts.TypeChecker, obj: ts.ObjectLiteralExpression, dotted: string): ts.Expression | undefined | 'spread-unknown' {
  const parts = dotted.split('.');
  let cur: ts.ObjectLiteralExpression | undefined = obj;
  for (let i = 0; i < parts.length; i++) {
    if (!cur) return undefined;
    const v = propertyValue(cur, parts[i]!);
    if (i === parts.length - 1 || v === undefined || v === 'spread-unknown') return v;
    cur = objectLiteralOf(checker, v);
  }
  return undefined;
}

function calleeText(callee: ts.Expression): string {
  const parts: string[] = [];
  let cur = callee;
  while (ts.isPropertyAccessExpression(cur)) {
    parts.unshift(cur.name.text);
    cur = skip(cur.expression);
  }
  if (ts.isIdentifier(cur) && parts.length === 0) parts.push(cur.text);
  return parts.join('.') || callee.getText();
}

/** A declaration that is itself what a call runs (so its symbol names the callee exactly). */
function isCallableDeclaration(d: ts.Declaration): boolean {
  if (ts.isMethodDeclaration(d) || ts.isMethodSignature(d) || ts.isFunctionDeclaration(d)) return true;
  // `generateContent: (params: ...) => Promise<...>` (@google/genai): the property names the
  // member as well as the function type inside it would.
  return (ts.isPropertyDeclaration(d) || ts.isPropertySignature(d)) && !!d.type && ts.isFunctionTypeNode(d.type);
}

/** The module an import alias names (`import { z } from 'zod'`, `import * as Yup from 'yup'`), if syntax says it. */
function importedModule(sym: ts.Symbol): string | undefined {
  const d = sym.declarations?.[0];
  if (!d) return undefined;
  let n: ts.Node | undefined = d;
  while (n && !ts.isImportDeclaration(n) && !ts.isImportEqualsDeclaration(n)) n = n.parent;
  if (!n) return undefined;
  if (ts.isImportDeclaration(n)) return ts.isStringLiteral(n.moduleSpecifier) ? n.moduleSpecifier.text : undefined;
  const ref = n.moduleReference;
  return ts.isExternalModuleReference(ref) && ts.isStringLiteral(ref.expression) ? ref.expression.text : undefined;
}

/** The return expressions of the project function a callee names (declaration, or a variable holding an arrow/function expression). */
function projectReturns(checker: ts.TypeChecker, callee: ts.Expression): ts.Expression[] {
  const target = skip(callee);
  if (!ts.isIdentifier(target)) return [];
  let sym = checker.getSymbolAtLocation(target);
  if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
  let decl: ts.Node | undefined = sym?.valueDeclaration;
  if (decl && ts.isVariableDeclaration(decl) && decl.initializer) decl = skip(decl.initializer);
  if (!decl || !(ts.isFunctionDeclaration(decl) || ts.isArrowFunction(decl) || ts.isFunctionExpression(decl)) || !decl.body) return [];
  if (decl.getSourceFile().isDeclarationFile || packageOfFile(decl.getSourceFile().fileName)) return [];
  if (!ts.isBlock(decl.body)) return [decl.body];
  const out: ts.Expression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression) out.push(n.expression);
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(decl.body, visit);
  return out;
}

/** The class or interface that declares a member, if any. */
function ownerName(decl: ts.Node): string | undefined {
  const p = decl.parent;
  return p && (ts.isClassLike(p) || ts.isInterfaceDeclaration(p)) && p.name ? p.name.text : undefined;
}

/** Is `file` the config sink's module: the file a relative path names, or a file of the named (npm or workspace) package? */
function declaredIn(file: string, sink: CustomSink): boolean {
  const norm = file.split(path.sep).join('/');
  if (sink.resolvedModule) {
    const want = sink.resolvedModule.split(path.sep).join('/');
    const bare = norm.replace(/(\.d)?\.[cm]?[jt]sx?$/, '');
    return bare === want || bare === `${want}/index`;
  }
  return packageOfFile(file) === sink.module || workspacePackageOf(file) === sink.module;
}

