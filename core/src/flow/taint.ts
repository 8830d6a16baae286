import type ts from 'typescript';

/** One hop of a flow as the engine sees it: a node and what happened there. */
export interface Hop {
  node: ts.Node;
  description: string;
}

/**
 * A label says "PHI sits at `field` inside this value". Concrete labels name the PHI; param
 * labels stand for "whatever PHI the caller's argument carries" and are substituted at call
 * sites (function summaries).
 */
export interface Label {
  kind: 'phi' | 'param';
  /** "Patient.ssn" for phi labels; "param 0 of buildPrompt" for param labels. */
  desc: string;
  /** Where inside the current value the PHI sits; [] = the value itself. */
  field: string[];
  /** Path from the source, oldest first. */
  hops: Hop[];
  /** The expression where the PHI was first embedded into a larger value (template, object, array...). */
  embed?: ts.Node;
  /**
   * Where the PHI was first embedded in another file, when `embed` had to move to the file
   * analyzed (a helper there builds the text, or pushes into the caller's messages): the fix at
   * the source edits that place.
   */
  embedElsewhere?: ts.Node;
  /** Param labels: which function and parameter, which members were read, and whether the value was turned into text. */
  fn?: ts.SignatureDeclaration;
  paramIndex?: number;
  access?: string[];
  flattened?: boolean;
  /**
   * PHI only as a whole (a request body under `phi.requestBodies: "whole"`): a member read from
   * it is judged on its own (by its type or name), so reading one drops this label.
   */
  wholeOnly?: boolean;
  /**
   * Param labels of a parameter whose declared type marks some members PHI: those members are
   * reported inside the function from the type; the caller's taint counts for the others.
   */
  typedFields?: string[];
}

export type Taint = readonly Label[];

export const CLEAN: Taint = [];
const MAX_LABELS = 32;
const MAX_HOPS = 24;
/** How deep inside a value a label can say where PHI sits; deeper paths keep their first segments. */
export const MAX_FIELD_DEPTH = 4;

function labelKey(l: Label): string {
  return l.kind === 'phi'
    ? `p|${l.desc}|${l.field.join('.')}`
    : `a|${l.paramIndex}|${(l.access ?? []).join('.')}|${l.flattened ? 1 : 0}|${l.field.join('.')}`;
}

/** Union, deduplicated by what the label means; the first (usually shortest) path wins. */
export function union(...taints: Taint[]): Taint {
  const nonEmpty = taints.filter((t) => t.length > 0);
  if (nonEmpty.length === 0) return CLEAN;
  if (nonEmpty.length === 1) return nonEmpty[0]!;
  const seen = new Set<string>();
  const out: Label[] = [];
  for (const t of nonEmpty) {
    for (const l of t) {
      const k = labelKey(l);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(l);
      if (out.length >= MAX_LABELS) return out;
    }
  }
  return out;
}

export function addHop(t: Taint, node: ts.Node, description: string): Taint {
  if (t.length === 0) return t;
  return t.map((l) => {
    const last = l.hops[l.hops.length - 1];
    if (last && last.node === node) return l;
    const hops = l.hops.length >= MAX_HOPS ? [...l.hops.slice(0, 2), ...l.hops.slice(-(MAX_HOPS - 3))] : l.hops;
    return { ...l, hops: [...hops, { node, description }] };
  });
}

/** The PHI was embedded into a larger value at `node` (only the first embedding counts). */
export function embedAt(t: Taint, node: ts.Node): Taint {
  if (t.length === 0) return t;
  return t.map((l) => (l.embed ? l : { ...l, embed: node }));
}

/** Reading member `name` of a value. */
export function readMember(t: Taint, name: string): Taint {
  const out: Label[] = [];
  for (const l of t) {
    if (l.field.length > 0) {
      if (l.field[0] === name || l.field[0] === '*') out.push({ ...l, field: l.field.slice(1) });
      continue;
    }
    if (l.wholeOnly) continue;
    if (l.kind === 'param' && !l.flattened) {
      if ((l.access ?? []).length < MAX_FIELD_DEPTH) out.push({ ...l, access: [...(l.access ?? []), name] });
      else out.push(l);
      continue;
    }
    out.push(l);
  }
  return out;
}

/** Reading an element or a computed member: every field may be read. */
export function readAnyMember(t: Taint): Taint {
  return t.map((l) => (l.field.length > 0 ? { ...l, field: l.field.slice(1) } : l));
}

/** Placing a value under member `name` of a new object. */
export function underMember(t: Taint, name: string): Taint {
  return t.map((l) => (l.field.length >= MAX_FIELD_DEPTH ? l : { ...l, field: [name, ...l.field] }));
}

/** Turning a value into text or a number derived from all of it: every member ends up in the result. */
export function flatten(t: Taint): Taint {
  if (t.length === 0) return t;
  return t.map((l) => (l.field.length === 0 && (l.kind === 'phi' || l.flattened) ? l : { ...l, field: [], flattened: l.kind === 'param' ? true : l.flattened }));
}

/** Removing member `name` (delete obj.name, rest destructuring without it). */
export function withoutMember(t: Taint, name: string): Taint {
  return t.filter((l) => !(l.field.length >= 1 && l.field[0] === name));
}

export function concreteOnly(t: Taint): Label[] {
  return t.filter((l) => l.kind === 'phi');
}
