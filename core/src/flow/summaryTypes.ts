import type ts from 'typescript';
import type { Label, Hop } from './taint';
import type { SinkMatch } from '../vendors/sinkTypes';

/** A parameter of a function reaches the content of an LLM call inside it (the function is a wrapper). */
export interface ParamSink {
  paramIndex: number;
  /** Members of the argument that are read on the way ([] = the whole argument). */
  access: string[];
  flattened: boolean;
  sink: SinkMatch;
  /** Hops inside the wrapper, from the parameter to the call. */
  hops: Hop[];
}

/** What a function does with PHI, computed once per program and reused at every call site. */
export interface Summary {
  /** Taint of the return value; param labels are substituted at call sites. */
  returns: Label[];
  paramSinks: ParamSink[];
  /**
   * By parameter index: what the function writes into that argument (`list.push(p.ssn)`,
   * `req.notes = ...`), as it would be read from the argument afterwards. Sparse.
   */
  paramWrites: Label[][];
}

/**
 * A function's summary, part by part: each part is computed the first time a caller needs it
 * ('pending' while it is being computed, for recursion). Deciding whether a call reaches an LLM
 * needs only `paramSinks`, which reads only what flows into calls; evaluating everything a
 * function returns and writes for every call on the way made real code slow (ottehr's merge code).
 */
export type SummaryParts = { [P in keyof Summary]?: Summary[P] | 'pending' };

export type FunctionNode = ts.SignatureDeclaration & { body?: ts.Node };
