/**
 * The evaluator's context: the program-wide context (program/context.ts) plus the caches only
 * data flow keeps (function summaries, class field writes) and its recursion depth.
 */
import ts from 'typescript';
import type { ResolvedConfig } from '../config/types';
import { newProgramContext, type ProgramContext } from '../program/context';
import type { SummaryParts } from './summaryTypes';

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

export interface FlowContext extends ProgramContext {
  summaries: Map<ts.Node, SummaryParts>;
  fieldDefs: Map<ts.Symbol, ts.Expression[]>;
  /** Evaluators of summaries whose computation was deferred part-way: their memos are kept. */
  summaryEvaluators: Map<ts.Node, unknown>;
  /** Current recursion depth of taintOf across all evaluators of this context. */
  depth: number;
}

const contexts = new WeakMap<ts.Program, Map<string, FlowContext>>();

/** One context per (program, config): summaries and verdicts are reused by every file of the program. */
export function getFlowContext(program: ts.Program, config: ResolvedConfig): FlowContext {
  let byConfig = contexts.get(program);
  if (!byConfig) {
    byConfig = new Map();
    contexts.set(program, byConfig);
  }
  let ctx = byConfig.get(config.key);
  if (!ctx) {
    ctx = { ...newProgramContext(program, config), summaries: new Map(), fieldDefs: new Map(), summaryEvaluators: new Map(), depth: 0 };
    byConfig.set(config.key, ctx);
  }
  return ctx;
}
