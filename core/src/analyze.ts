import ts from 'typescript';
import type { ApprovedVendor, ResolvedConfig } from './config/types';
import type { BaaStatus, CallRef, CallSite, FileAnalysis, Finding, FlowStep, PhiOrigin, RuleId, SourceRange, SuggestedFix, VendorRef } from './findings';
import { BudgetExceeded, checkBudget } from './program/context';
import { Deferred, getFlowContext, TooDeep, type FlowContext } from './flow/context';
import { enclosingFunction, Evaluator, type Env } from './flow/evaluate';
import { noteEditedFile } from './flow/seedVerdicts';
import { walk } from './flow/walk';
import { wrapperNames } from './flow/wrapperIndex';
import type { Label } from './flow/taint';
import type { FunctionNode } from './flow/summaryTypes';
import { RedactorMatcher } from './redactors';
import { noteSharedFixes, wrapAtSourceFix, wrapInRedactorFix } from './fix';
import { catalog } from './vendors/catalog';
import { globMatches } from './vendors/constants';
import { SinkMatcher } from './vendors/match';
import type { SinkMatch } from './vendors/sinkTypes';

export interface AnalyzeOptions {
  /** Per-file budget; when exhausted the file gets a fail-closed finding. Default 10 s. */
  timeBudgetMs?: number;
  /**
   * The file is open in an editor and about to change: its next program can then tell whether
   * an edit changed what other files see of it (flow/seedVerdicts.ts), and not re-resolve the
   * calls of every file that imports it. Costs one declaration emit of the file.
   */
  edited?: boolean;
}

/** What the hover says; the adapter renders it (file names relative to its workspace, links). */
export interface Explanation {
  /** PHI the hovered expression carries. */
  phi: string[];
  /** Each LLM call it reaches, once. */
  reaches: { call: CallRef; vendor?: VendorRef }[];
  /** One flow per PHI it carries, through the hovered expression. */
  flows: PhiOrigin[];
  /** The findings those flows belong to. */
  findings: Finding[];
}

const DEFAULT_BUDGET_MS = 10_000;

interface Engines {
  matcher: SinkMatcher;
  redactors: RedactorMatcher;
  results: WeakMap<ts.SourceFile, FileAnalysis>;
}
const engines = new WeakMap<FlowContext, Engines>();

function enginesFor(ctx: FlowContext): Engines {
  let e = engines.get(ctx);
  if (!e) {
    e = { matcher: new SinkMatcher(ctx.checker, catalog, ctx.config), redactors: new RedactorMatcher(ctx.checker, ctx.config), results: new WeakMap() };
    engines.set(ctx, e);
  }
  return e;
}

/**
 * Analyze one file of a program. Never throws: an internal error or an exhausted budget
 * becomes a finding on the file for each rule (fail closed). Results are cached per
 * (program, config, file), so the two ESLint rules share one analysis.
 */
export function analyzeFile(program: ts.Program, sourceFile: ts.SourceFile, config: ResolvedConfig, options: AnalyzeOptions = {}): FileAnalysis {
  const started = Date.now();
  const budget = options.timeBudgetMs ?? DEFAULT_BUDGET_MS;
  const parseError = firstParseError(sourceFile);
  let ctx: FlowContext;
  try {
    ctx = getFlowContext(program, config);
  } catch (err) {
    // Creating the checker binds every file, and TypeScript's binder recurses once per nesting
    // level: about 1,000 nested `'a' + (...)` can overflow its stack. Fail closed, never throw.
    return { fileName: sourceFile.fileName, findings: failClosed(sourceFile, whyFailed(err, budget)), callSites: [], elapsedMs: Date.now() - started };
  }
  const eng = enginesFor(ctx);
  const cached = eng.results.get(sourceFile);
  if (cached) return cached;
  ctx.budgetMs = budget;
  ctx.deadline = started + budget;
  let result: FileAnalysis;
  try {
    // The program-wide wrapper index is built by whichever file comes first, inside that file's
    // budget (an analysis never runs past its budget). The matcher keeps its verdicts per call,
    // so a build cut short by the budget resumes where it stopped for the next file.
    wrapperNames(ctx, (c) => {
      checkBudget(ctx);
      return !!eng.matcher.match(c);
    });
    const redactorsSeen = new Set<ts.Node>();
    const isRedactorCall = (c: ts.CallExpression | ts.TaggedTemplateExpression) => {
      const yes = eng.redactors.isRedactorCall(c);
      if (yes) redactorsSeen.add(c);
      return yes;
    };
    const evaluator = new Evaluator(ctx, { matchSink: (c) => eng.matcher.match(c), isRedactorCall }, sourceFile);
    result = withDeferrals(ctx, () => runAnalysis(ctx, eng, sourceFile, evaluator, redactorsSeen));
  } catch (err) {
    result = { fileName: sourceFile.fileName, findings: failClosed(sourceFile, whyFailed(err, budget)), callSites: [], elapsedMs: 0 };
    // Summaries that were half-computed when the analysis stopped must not be reused.
    for (const parts of ctx.summaries.values()) {
      for (const part of Object.keys(parts) as (keyof typeof parts)[]) if (parts[part] === 'pending') delete parts[part];
    }
    ctx.summaryEvaluators.clear();
  } finally {
    ctx.deadline = Infinity;
    ctx.depth = 0;
  }
  if (parseError && !result.findings.some((f) => f.kind === 'analysis-failed')) {
    // typescript-eslint stops with a fatal error on the same diagnostic; binary files and
    // undecodable text end here too. The flows found in what did parse are reported (the
    // editor while typing), and so is that the rest is unchecked.
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(parseError.start);
    const why = `TypeScript cannot parse it (${line + 1}:${character + 1}: ${ts.flattenDiagnosticMessageText(parseError.messageText, ' ')})`;
    result = { ...result, findings: [...failClosed(sourceFile, why, parseError.start), ...result.findings] };
  }
  // After the file's own analysis, and only for a file that did not fail: a file whose types the
  // checker cannot follow would overflow the stack again in the emit, and a checker interrupted
  // by an exception is not trusted with the next question.
  if (options.edited && !result.findings.some((f) => f.kind === 'analysis-failed')) noteEditedFile(program, config, sourceFile);
  result.elapsedMs = Date.now() - started;
  eng.results.set(sourceFile, result);
  return result;
}

/**
 * Runs the analysis, and whenever the evaluator defers deep work (Deferred), runs that work
 * from this shallow stack, deepest first, then restarts the analysis, which finds it cached
 * (`run` must reuse one evaluator across restarts: its memo holds the deferred results).
 * Each deferral memoizes a result, so the restarts are bounded by the size of the code.
 */
function withDeferrals<T>(ctx: FlowContext, run: () => T): T {
  const pending: Deferred[] = [];
  for (let restarts = 0; ; restarts++) {
    try {
      while (pending.length > 0) {
        ctx.depth = 0;
        pending[pending.length - 1]!.resume();
        pending.pop();
      }
      ctx.depth = 0;
      return run();
    } catch (err) {
      if (!(err instanceof Deferred)) throw err;
      if (restarts >= MAX_RESTARTS) throw new TooDeep(`more than ${MAX_RESTARTS} nested levels of calls and assignments`);
      pending.push(err);
    }
  }
}

const MAX_RESTARTS = 5000;

function whyFailed(err: unknown, budget: number): string {
  if (err instanceof BudgetExceeded) return `the time budget of ${budget} ms ran out`;
  if (err instanceof TooDeep) return `the code nests too deeply to follow (${err.what})`;
  if (isStackOverflow(err)) return 'the code nests too deeply to follow (the analyzer or TypeScript ran out of stack)';
  return `an internal error occurred (${describeError(err)})`;
}

function isStackOverflow(err: unknown): boolean {
  return err instanceof RangeError && /call stack/.test(err.message);
}

function describeError(err: unknown): string {
  if (err instanceof Error) {
    const frame = err.stack?.split('\n').find((l) => l.includes('/core/'))?.trim();
    return `${err.name}: ${err.message}${frame ? ` ${frame}` : ''}`;
  }
  return String(err);
}

/**
 * The fail-closed findings: from where the analysis stopped, when that is known (a parse
 * error), else from the file's start, to its end. The range covers the rest of the file so the
 * editor underlines what is unchecked; the server never lets a directive that does not name
 * the rule hide it (`directives.ts`).
 */
function failClosed(sf: ts.SourceFile, why: string, from = 0): Finding[] {
  return failClosedFindings(rangeOf(sf, Math.min(from, sf.text.length), sf.text.length), why);
}

/** One `analysis-failed` finding per rule over `range`: the file was not (fully) analyzed, and why. */
export function failClosedFindings(range: SourceRange, why: string): Finding[] {
  return (['no-phi-in-prompt', 'approved-vendors'] as RuleId[]).map((ruleId) => ({
    ruleId,
    kind: 'analysis-failed' as const,
    message: `PHI Guard could not finish analyzing this file: ${why}. ${ruleId === 'no-phi-in-prompt' ? 'PHI flows into LLM calls were not checked' : 'LLM vendor calls were not checked'}; treat the file as unverified.`,
    range,
    flow: [],
    fixes: [],
  }));
}

/** The first of `parseDiagnostics` (internal; the list typescript-eslint throws on), if any. */
function firstParseError(sf: ts.SourceFile): { start: number; messageText: string | ts.DiagnosticMessageChain } | undefined {
  const diagnostics = (sf as ts.SourceFile & { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics;
  const first = diagnostics?.[0];
  return first ? { start: first.start ?? 0, messageText: first.messageText } : undefined;
}

function runAnalysis(ctx: FlowContext, eng: Engines, sf: ts.SourceFile, evaluator: Evaluator, redactorsSeen: Set<ts.Node>): FileAnalysis {
  const findings: Finding[] = [];
  const callSites: CallSite[] = [];
  const config = ctx.config;
  const configName = config.configFile ? 'phi-guard.config.json' : 'phi-guard.config.json (none found)';

  for (const site of evaluator.sinkSitesIn(sf)) {
    const sink = site.sink;
    const approval = approvalOf(sink, config.approvedVendors);
    const vendor: VendorRef = { id: sink.vendorId, name: sink.vendorName };
    const neverReported = sink.local || sink.firstParty;
    const env: Env = { root: enclosingFunction(site.call) as FunctionNode | undefined };
    const callRef: CallRef = { name: sink.displayName, range: nodeRange(sink.calleeNode) };
    const callLine = callRef.range.startPos.line + 1;

    // Collect concrete PHI reaching the content, grouped by where it was embedded.
    redactorsSeen.clear();
    const groups = new Map<ts.Node, Label[]>();
    for (const content of site.content) {
      const taint = site.paramSinks ? evaluator.wrapperContentTaint(content, site.paramSinks[0]!, env) : evaluator.taintOf(content, env);
      for (const l of taint) {
        if (l.kind !== 'phi') continue;
        const at = l.embed && l.embed.getSourceFile() === sf ? l.embed : content;
        let list = groups.get(at);
        if (!list) groups.set(at, (list = []));
        list.push(l);
      }
    }
    const phiNames = unique([...groups.values()].flat().map((l) => l.desc));

    if (!site.via && sink.sends) {
      callSites.push({
        call: callRef,
        vendor,
        approved: approval.approved,
        firstParty: sink.firstParty || sink.local,
        phi: phiNames,
        ...baaStatusOf(sink, approval),
        model: sink.model,
        region: sink.region,
        redactors: redactorsOn(site.content, redactorsSeen, eng.redactors),
      });
      if (!neverReported && !approval.approved && sink.sends) {
        findings.push({
          ruleId: 'approved-vendors',
          kind: sink.vendorId === 'unknown' ? 'unknown-endpoint' : approval.scopeProblem ? 'outside-baa-scope' : 'unapproved-vendor',
          message: vendorMessage(sink, approval, configName),
          range: callRef.range,
          vendor,
          call: callRef,
          flow: [],
          fixes: [],
        });
      }
    }

    const reportPhi = !neverReported && (!approval.approved || config.policy.phiToApprovedVendors === 'report');
    if (!reportPhi) continue;
    for (const [at, labels] of groups) {
      const names = unique(labels.map((l) => l.desc));
      const first = labels[0]!;
      const wrapperCall = site.via !== undefined ? site.call : undefined;
      const flow = flowSteps(first, at, sink, wrapperCall);
      const origins: PhiOrigin[] = names.map((name) => {
        const label = labels.find((l) => l.desc === name)!;
        return { phi: name, flow: label === first ? flow : flowSteps(label, at, sink, wrapperCall) };
      });
      const fixes = fixesFor(at, labels, names, groups, sf, ctx.program, config, evaluator, env);
      findings.push({
        ruleId: 'no-phi-in-prompt',
        kind: 'phi-to-vendor',
        message: phiMessage(origins, sf, sink, callLine, approval, configName, config.policy.phiToApprovedVendors, wrapperCall),
        range: nodeRange(at),
        phi: names,
        vendor,
        call: callRef,
        flow,
        origins,
        fixes,
      });
    }
  }
  const deduped = dedupeFindings(findings);
  noteSharedFixes(deduped);
  return { fileName: sf.fileName, findings: deduped, callSites, elapsedMs: 0 };
}

interface Approval {
  approved: boolean;
  /** Approved vendor, but this call's model/region is outside the BAA or cannot be determined. */
  scopeProblem?: string;
}

function approvalOf(sink: SinkMatch, approved: ApprovedVendor[]): Approval {
  const entries = approved.filter((a) => a.id === sink.vendorId);
  if (entries.length === 0) return { approved: false };
  let problem: string | undefined;
  for (const e of entries) {
    const regionOk = checkScope(e.regions, sink.region, 'region');
    const modelOk = checkScope(e.models, sink.model, 'model');
    if (regionOk === true && modelOk === true) return { approved: true };
    problem ??= typeof regionOk === 'string' ? regionOk : typeof modelOk === 'string' ? modelOk : undefined;
  }
  return { approved: false, scopeProblem: problem };
}

function checkScope(patterns: string[] | undefined, value: string | null | undefined, what: string): true | string {
  if (!patterns) return true;
  if (value === null || value === undefined) return `its ${what} cannot be determined (the BAA covers ${what}s ${patterns.join(', ')})`;
  if (patterns.some((p) => globMatches(value, p))) return true;
  return `its ${what} "${value}" is outside the BAA (covers ${patterns.join(', ')})`;
}

function vendorMessage(sink: SinkMatch, approval: Approval, configName: string): string {
  if (sink.vendorId === 'unknown') {
    return `${sink.displayName} sends data to an LLM endpoint PHI Guard cannot determine (${sink.vendorReason}); use a constant endpoint, or declare it under "vendors" in ${configName}.`;
  }
  if (approval.scopeProblem) return `${sink.vendorName} (${sink.displayName}) is approved in ${configName}, but ${approval.scopeProblem}.`;
  return `${sink.vendorName} (${sink.displayName}) is not in approvedVendors in ${configName}: ${sink.vendorId} has no BAA on record.`;
}

/** The BAA standing of a sending call, for the data map. */
function baaStatusOf(sink: SinkMatch, approval: Approval): { status: BaaStatus; statusDetail?: string } {
  if (sink.local) return { status: 'local' };
  if (sink.firstParty) return { status: 'first-party' };
  if (sink.vendorId === 'unknown') return { status: 'unknown-endpoint', statusDetail: sink.vendorReason };
  if (approval.approved) return { status: 'approved' };
  if (approval.scopeProblem) return { status: 'out-of-scope', statusDetail: approval.scopeProblem };
  return { status: 'unapproved' };
}

/**
 * Redactor calls on the way to the call's content: those the evaluator met while following it
 * back (from this site's evaluation; results shared with an earlier site are memoized and not
 * met again) and those written inside the content itself.
 */
function redactorsOn(content: readonly ts.Expression[], seen: Set<ts.Node>, redactors: RedactorMatcher): string[] {
  const found = new Set<ts.Node>(seen);
  // Over an explicit stack: the content can be a 5,000-term `+` chain.
  for (const c of content) {
    walk(c, (n) => {
      if ((ts.isCallExpression(n) || ts.isTaggedTemplateExpression(n)) && redactors.isRedactorCall(n)) found.add(n);
    });
  }
  const names = [...found].map((n) => {
    const callee = ts.isCallExpression(n) ? n.expression : (n as ts.TaggedTemplateExpression).tag;
    return `${callee.getText().replace(/\s+/g, '')}()`;
  });
  return unique(names).sort();
}

function phiMessage(origins: PhiOrigin[], sf: ts.SourceFile, sink: SinkMatch, line: number, approval: Approval, configName: string, policy: string, wrapperCall: ts.Node | undefined): string {
  // Every PHI by name; one read in another file says where, so nothing is lost to "and N more".
  const phi = origins.map((o) => {
    const source = o.flow[0];
    return source && source.kind === 'source' && source.range.fileName !== sf.fileName ? `${o.phi} (from ${shortFile(source.range.fileName)}:${source.range.startPos.line + 1})` : o.phi;
  }).join(', ');
  const via = wrapperCall ? ` through ${(wrapperCall as ts.CallExpression).expression.getText().replace(/\s+/g, '')}()` : '';
  const where = `${sink.vendorName} (${sink.displayName}, line ${line}${wrapperCall ? ` of ${shortFile(sink.call.getSourceFile().fileName)}` : ''})`;
  let why: string;
  if (sink.vendorId === 'unknown') why = `the endpoint cannot be determined (${sink.vendorReason})`;
  else if (approval.approved && policy === 'report') why = `policy.phiToApprovedVendors is "report" in ${configName}`;
  else if (approval.scopeProblem) why = `${sink.vendorId} is approved, but ${approval.scopeProblem}`;
  else why = `${sink.vendorId} has no BAA in ${configName}`;
  return `PHI ${phi} reaches ${where}${via}; ${why}.`;
}

function shortFile(f: string): string {
  return f.split(/[\\/]/).slice(-1)[0]!;
}

function flowSteps(label: Label, at: ts.Node, sink: SinkMatch, wrapperCall: ts.Node | undefined): FlowStep[] {
  const steps: FlowStep[] = [];
  label.hops.forEach((h, i) => {
    steps.push({ kind: i === 0 ? 'source' : 'step', range: nodeRange(h.node), description: h.description });
  });
  if (!label.hops.some((h) => h.node === at)) {
    // Place the embedding point before the first hop that contains it (the template, the object...).
    const i = label.hops.findIndex((h, k) => k > 0 && h.node.getSourceFile() === at.getSourceFile() && h.node.pos <= at.pos && at.end <= h.node.end);
    const step: FlowStep = { kind: 'step', range: nodeRange(at), description: 'embedded into what is sent' };
    if (i > 0) steps.splice(i, 0, step);
    else steps.push(step);
  }
  if (wrapperCall) steps.push({ kind: 'step', range: nodeRange(wrapperCall), description: 'passed to a function that sends it' });
  steps.push({ kind: 'sink', range: nodeRange(sink.calleeNode), description: `sent to ${sink.vendorName} by ${sink.displayName}` });
  return steps;
}

/**
 * The fix asks the checker for contextual types, which recurses once per enclosing expression:
 * 1,000 nested parentheses overflow its stack. The finding stands without a fix then; it must
 * not turn into a failed analysis. Any other error is a bug and fails the file closed as usual.
 */
function fixOrNone(make: () => SuggestedFix | undefined): SuggestedFix | undefined {
  try {
    return make();
  } catch (err) {
    if (isStackOverflow(err)) return undefined;
    throw err;
  }
}

/**
 * The finding's fix. PHI embedded into the text in another file (a prompt helper, a function
 * that pushes into the caller's messages) is fixed there: wrapping what the helper returns at
 * the call would redact the whole prompt, instructions included. Else the PHI expression here
 * and the template spans beside it that carry the same PHI and are no finding of their own.
 */
function fixesFor(
  at: ts.Node,
  labels: readonly Label[],
  names: readonly string[],
  groups: ReadonlyMap<ts.Node, Label[]>,
  sf: ts.SourceFile,
  program: ts.Program,
  config: ResolvedConfig,
  evaluator: Evaluator,
  env: Env,
): SuggestedFix[] {
  const elsewhere = labels.map((l) => l.embedElsewhere ?? (l.embed && l.embed.getSourceFile() !== sf ? l.embed : undefined));
  if (elsewhere.every((n) => n !== undefined)) {
    // `${m.name} ${m.dose}` over a whole PHI list is one label, embedded first at m.name: the
    // members of the same object beside it carry it too (as phiSiblings does here).
    const places = (elsewhere as ts.Node[]).flatMap((n) => [n, ...sameReceiverSpans(n)]);
    const atSource = fixOrNone(() => wrapAtSourceFix([...new Set(places)], program, config));
    if (atSource) return [atSource];
  }
  const spans = [at, ...phiSiblings(at, evaluator, env).filter((s) => !groups.has(s) && (sameReceiver(at, s) || evaluator.taintOf(s, env).some((l) => l.kind === 'phi' && names.includes(l.desc))))];
  const fix = fixOrNone(() => wrapInRedactorFix(spans, sf, program, config));
  return fix ? [fix] : [];
}

function sameReceiverSpans(at: ts.Node): ts.Expression[] {
  const span = at.parent;
  if (!span || !ts.isTemplateSpan(span) || span.expression !== at) return [];
  return span.parent.templateSpans.map((s) => s.expression).filter((e) => e !== at && sameReceiver(at, e));
}

const receiverOf = (e: ts.Node) => (ts.isPropertyAccessExpression(e) ? e.expression.getText() : undefined);
const sameReceiver = (a: ts.Node, b: ts.Node) => receiverOf(a) !== undefined && receiverOf(a) === receiverOf(b);

/**
 * The other spans of the template `at` is interpolated into that carry PHI too. The engine reports
 * one finding per source, at its first embedding (`${a.line1}, ${a.city}` is one finding on
 * line1), so a fix that wrapped only that span would leave the same finding on the next one.
 */
function phiSiblings(at: ts.Node, evaluator: Evaluator, env: Env): ts.Expression[] {
  const span = at.parent;
  if (!span || !ts.isTemplateSpan(span) || span.expression !== at) return [];
  // Members of the same object (`${m.name} ${m.dose}` inside a callback, where `m` is bound by the
  // iteration and not known on its own) carry what `at` carries.
  const receiver = (e: ts.Expression) => (ts.isPropertyAccessExpression(e) ? e.expression.getText() : undefined);
  const base = receiver(at as ts.Expression);
  return span.parent.templateSpans
    .map((s) => s.expression)
    .filter((e) => e !== at && ((base !== undefined && receiver(e) === base) || evaluator.taintOf(e, env).some((l) => l.kind === 'phi')));
}

function dedupeFindings(list: Finding[]): Finding[] {
  const seen = new Map<string, Finding>();
  for (const f of list) {
    const k = `${f.ruleId}|${f.range.fileName}|${f.range.start}|${f.range.end}`;
    if (!seen.has(k)) seen.set(k, f);
  }
  return [...seen.values()].sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

export function nodeRange(node: ts.Node): SourceRange {
  const sf = node.getSourceFile();
  return rangeOf(sf, node.getStart(sf), node.getEnd());
}

function rangeOf(sf: ts.SourceFile, start: number, end: number): SourceRange {
  return { fileName: sf.fileName, start, end, startPos: sf.getLineAndCharacterOfPosition(start), endPos: sf.getLineAndCharacterOfPosition(end) };
}

/**
 * Hover: what PHI the expression at `offset` carries and which LLM calls it reaches. Only the
 * flows whose innermost step around `offset` is the innermost of all count: hovering
 * `patient.firstName` in a template that also embeds `patient.mrn` is about firstName, while
 * hovering the variable the template is assigned to is about everything in it.
 */
export function explainAt(program: ts.Program, sourceFile: ts.SourceFile, offset: number, config: ResolvedConfig): Explanation | undefined {
  const analysis = analyzeFile(program, sourceFile, config);
  const candidates: { finding: Finding; origin: PhiOrigin; width: number }[] = [];
  for (const finding of analysis.findings) {
    if (finding.ruleId !== 'no-phi-in-prompt' || finding.flow.length === 0) continue;
    const origins = finding.origins?.length ? finding.origins : [{ phi: (finding.phi ?? []).join(', '), flow: finding.flow }];
    for (const origin of origins) {
      const around = origin.flow.filter((s) => s.range.fileName === sourceFile.fileName && within(s.range, offset)).map((s) => s.range.end - s.range.start);
      if (around.length === 0 && within(finding.range, offset)) around.push(finding.range.end - finding.range.start);
      if (around.length > 0) candidates.push({ finding, origin, width: Math.min(...around) });
    }
  }
  if (candidates.length === 0) return undefined;
  const innermost = Math.min(...candidates.map((c) => c.width));
  const chosen = candidates.filter((c) => c.width === innermost);
  const findings = unique(chosen.map((c) => c.finding));
  const flows = chosen.map((c) => c.origin).filter((o, i, all) => all.findIndex((p) => p.phi === o.phi && sameFlow(p.flow, o.flow)) === i);
  const reaches: Explanation['reaches'] = [];
  for (const f of findings) {
    if (f.call && !reaches.some((r) => sameRange(r.call.range, f.call!.range))) reaches.push({ call: f.call, vendor: f.vendor });
  }
  return { phi: unique(flows.map((o) => o.phi).filter((p) => p !== '')), reaches, flows, findings };
}

function sameRange(a: SourceRange, b: SourceRange): boolean {
  return a.fileName === b.fileName && a.start === b.start && a.end === b.end;
}

function sameFlow(a: readonly FlowStep[], b: readonly FlowStep[]): boolean {
  return a.length === b.length && a.every((s, i) => sameRange(s.range, b[i]!.range) && s.description === b[i]!.description);
}

function within(r: SourceRange, offset: number): boolean {
  return offset >= r.start && offset <= r.end;
}
