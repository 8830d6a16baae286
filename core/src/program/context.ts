/**
 * What lives for one (program, config) pair and every layer reads: the checker, the config's
 * derived sets, the verdict caches of sources/, and the file's time budget. Below flow/,
 * sources/ and vendors/; flow/context.ts extends it with the evaluator's own caches.
 */
import ts from 'typescript';
import type { ResolvedConfig } from '../config/types';
import { buildFieldNameSets, type FieldNameSets } from '../sources/fieldNames';

/** Raised when the file's time budget runs out; analyzeFile turns it into a fail-closed finding. */
export class BudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`time budget of ${budgetMs} ms exhausted`);
  }
}

export interface PhiTypeSpec {
  name: string;
  module?: string;
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

/** Shared across the files of a program (ESLint calls the rules once per file; verdicts are reused). */
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
  /** Per-file analysis deadline (Date.now() based); checked at recursion points. */
  deadline: number;
  budgetMs: number;
  ticks: number;
}

/** The shared part of a new context; flow/context.ts owns the cache of contexts. */
export function newProgramContext(program: ts.Program, config: ResolvedConfig): ProgramContext {
  return {
    program,
    checker: program.getTypeChecker(),
    config,
    fieldSets: buildFieldNameSets(config.phi.builtinFieldNames, config.phi.fields.include, config.phi.fields.exclude),
    brandTypes: new Set(config.phi.brandTypes),
    phiTypes: config.phi.types.map(parsePhiTypeSpec),
    memberVerdicts: new Map(),
    typeVerdicts: new Map(),
    awareContainers: new Map(),
    deadline: Infinity,
    budgetMs: 0,
    ticks: 0,
  };
}

function parsePhiTypeSpec(spec: string): PhiTypeSpec {
  const hash = spec.lastIndexOf('#');
  return hash < 0 ? { name: spec } : { module: spec.slice(0, hash), name: spec.slice(hash + 1) };
}

/** Cheap enough to call on every recursion step: looks at the clock every 256 ticks. */
export function checkBudget(ctx: ProgramContext): void {
  if ((++ctx.ticks & 0xff) === 0 && Date.now() > ctx.deadline) throw new BudgetExceeded(ctx.budgetMs);
}
