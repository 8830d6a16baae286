import ts from 'typescript';
import type { ResolvedConfig } from '../config/types';
import { buildFieldNameSets, type FieldNameSets } from '../sources/fieldNames';
import type { SummaryParts } from './summaryTypes';

/** Raised when the file's time budget runs out; analyzeFile turns it into a fail-closed finding. */
export class BudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`time budget of ${budgetMs} ms exhausted`);
  }
}

/**
 * The evaluator recurses on the JS stack. Past a fixed depth a memoizable computation is not
 * continued on the current stack: it is thrown as Deferred, run by analyzeFile from a shallow
 * stack (so its result lands in a memo or the summary cache), and the analysis restarts and
 * finds it cached. Linear chains of any length (helper calls, reassignments, nesting) are
 * followed in pieces instead of overflowing the stack.
 */
export class Deferred extends Error {
  constructor(readonly resume: () => void) {
    super('deferred to a shallower stack');
  }
}

/** Raised when the code nests deeper than the evaluator can follow; analyzeFile fails closed. */
export class TooDeep extends Error {
  constructor(readonly what: string) {
    super(what);
  }
}

export interface PhiTypeSpec {
  name: string;
  module?: string;
}

/**
 * Everything that lives for one (program, config) pair: the checker, derived config sets and
 * the caches of member verdicts, type verdicts and function summaries. Shared across the
 * files of a program (ESLint calls the rules once per file; summaries are reused).
 */
export interface ProgramContext {
  program: ts.Program;
  checker: ts.TypeChecker;
  config: ResolvedConfig;
  fieldSets: FieldNameSets;
  brandTypes: ReadonlySet<string>;
  phiTypes: readonly PhiTypeSpec[];
  memberVerdicts: Map<ts.Symbol, MemberVerdict | null>;
  typeVerdicts: Map<ts.Type, TypePhi[]>;
  awareContainers: Map<ts.Node, boolean>;
  summaries: Map<ts.Node, SummaryParts>;
  fieldDefs: Map<ts.Symbol, ts.Expression[]>;
  /** Evaluators of summaries whose computation was deferred part-way: their memos are kept. */
  summaryEvaluators: Map<ts.Node, unknown>;
  /** Current recursion depth of taintOf across all evaluators of this context. */
  depth: number;
  /** Per-file analysis deadline (Date.now() based); checked at recursion points. */
  deadline: number;
  budgetMs: number;
  ticks: number;
}

export interface MemberVerdict {
  /** "Patient.ssn" */
  desc: string;
  /** "marked @phi", "brand PHI<>", "FHIR Patient", "listed in phi.types", "field name" */
  why: string;
}

export interface TypePhi {
  /** Where the PHI sits inside a value of the type ([] = the value itself). */
  field: string[];
  desc: string;
  why: string;
}

const contexts = new WeakMap<ts.Program, Map<string, ProgramContext>>();

export function getProgramContext(program: ts.Program, config: ResolvedConfig): ProgramContext {
  let byConfig = contexts.get(program);
  if (!byConfig) {
    byConfig = new Map();
    contexts.set(program, byConfig);
  }
  let ctx = byConfig.get(config.key);
  if (!ctx) {
    ctx = {
      program,
      checker: program.getTypeChecker(),
      config,
      fieldSets: buildFieldNameSets(config.phi.builtinFieldNames, config.phi.fields.include, config.phi.fields.exclude),
      brandTypes: new Set(config.phi.brandTypes),
      phiTypes: config.phi.types.map(parsePhiTypeSpec),
      memberVerdicts: new Map(),
      typeVerdicts: new Map(),
      awareContainers: new Map(),
      summaries: new Map(),
      fieldDefs: new Map(),
      summaryEvaluators: new Map(),
      depth: 0,
      deadline: Infinity,
      budgetMs: 0,
      ticks: 0,
    };
    byConfig.set(config.key, ctx);
  }
  return ctx;
}

function parsePhiTypeSpec(spec: string): PhiTypeSpec {
  const hash = spec.lastIndexOf('#');
  return hash < 0 ? { name: spec } : { module: spec.slice(0, hash), name: spec.slice(hash + 1) };
}

/** Cheap enough to call on every recursion step: looks at the clock every 256 ticks. */
export function checkBudget(ctx: ProgramContext): void {
  if ((++ctx.ticks & 0xff) === 0 && Date.now() > ctx.deadline) throw new BudgetExceeded(ctx.budgetMs);
}
