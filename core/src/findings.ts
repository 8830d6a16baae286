/**
 * Plain data that leaves the engine. Adapters (ESLint, LSP) translate these; nothing here
 * knows about either. Offsets are UTF-16 code-unit offsets into the file text, lines and
 * characters are 0-based (LSP convention); ESLint's adapter converts.
 */

export type RuleId = 'no-phi-in-prompt' | 'approved-vendors';

export const RULE_IDS: readonly RuleId[] = ['no-phi-in-prompt', 'approved-vendors'];

export interface Position {
  line: number;
  character: number;
}

export interface SourceRange {
  fileName: string;
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character. */
  end: number;
  startPos: Position;
  endPos: Position;
}

export type FlowStepKind = 'source' | 'step' | 'sink';

/** One hop of a flow path: where PHI was read, each place it moved through, the LLM call. */
export interface FlowStep {
  kind: FlowStepKind;
  range: SourceRange;
  /** Short, human text: "patient.ssn (Patient.ssn, marked @phi)", "assigned to prompt". */
  description: string;
}

export interface TextEdit {
  fileName: string;
  start: number;
  end: number;
  newText: string;
}

/** An edit a user may apply. Never applied automatically: inserting a redactor changes behaviour. */
export interface SuggestedFix {
  kind: 'wrap-in-redactor';
  title: string;
  edits: TextEdit[];
}

export interface VendorRef {
  /** Catalog id such as "openai", or "unknown" when the endpoint cannot be determined. */
  id: string;
  /** Display name such as "OpenAI". */
  name: string;
}

export interface CallRef {
  /** The callee as written, shortened: "chat.completions.create", "generateText". */
  name: string;
  range: SourceRange;
}

export type FindingKind =
  /** PHI reaches the content of a call to a vendor that is not approved. */
  | 'phi-to-vendor'
  /** A call sends data to a vendor that is not in approvedVendors. */
  | 'unapproved-vendor'
  /** A call sends data to an endpoint whose vendor cannot be determined. */
  | 'unknown-endpoint'
  /** A call to an approved vendor whose model or region is outside the BAA, or unknown. */
  | 'outside-baa-scope'
  /** The analysis could not finish on this file: fail closed. */
  | 'analysis-failed'
  /** An eslint-disable comment without a reason hides a finding (see directives.ts). */
  | 'unreasoned-suppression';

export interface Finding {
  ruleId: RuleId;
  kind: FindingKind;
  message: string;
  /** Where the finding is reported: the PHI expression, or the callee, or the file start. */
  range: SourceRange;
  /** PHI carried, e.g. ["Patient.ssn", "Patient.dateOfBirth"]. */
  phi?: string[];
  vendor?: VendorRef;
  call?: CallRef;
  /** Source, hops, sink. Empty for vendor and failure findings. */
  flow: FlowStep[];
  /**
   * One flow per PHI this finding carries (`flow` is the first one's), so that a finding that
   * joins PHI read in several places names every origin (SARIF code flows, the data map).
   */
  origins?: PhiOrigin[];
  fixes: SuggestedFix[];
}

export interface PhiOrigin {
  phi: string;
  flow: FlowStep[];
}

/**
 * The BAA standing of an LLM call: `approved` (vendor in approvedVendors, model and region in
 * scope), `out-of-scope` (approved vendor, but model or region outside the BAA or unknown),
 * `first-party` and `local` (never reported), `unapproved`, `unknown-endpoint`.
 */
export type BaaStatus = 'approved' | 'out-of-scope' | 'first-party' | 'local' | 'unapproved' | 'unknown-endpoint';

/** One LLM call site, for the inventory (audits, the editor's "Show LLM call inventory"). */
export interface CallSite {
  call: CallRef;
  vendor: VendorRef;
  approved: boolean;
  firstParty: boolean;
  /** PHI that reaches the call's content (whatever the policy says about reporting it). */
  phi: string[];
  /** The data map's details (`phi-guard report`). */
  status?: BaaStatus;
  /** Why the status is what it is, when it is not plain: the scope problem, the endpoint reason. */
  statusDetail?: string;
  /** Constant model id and region; null when they could not be determined; absent when not applicable. */
  model?: string | null;
  region?: string | null;
  /** Configured redactor calls met while following the call's content back ("redact(...)"). */
  redactors?: string[];
}

export interface FileAnalysis {
  fileName: string;
  findings: Finding[];
  callSites: CallSite[];
  /** Milliseconds spent, for benchmarks and the server's status. */
  elapsedMs: number;
}
