/**
 * PHI Guard's additions to LSP. Plain types and method names only, so the VS Code client (and
 * any other client or test) can import them without pulling in the server.
 */

/** Request `phiGuard/inventory`: every LLM call site in the workspace folders. */
export const INVENTORY_REQUEST = 'phiGuard/inventory';

export interface InventoryParams {
  /** Wait until the start-up analysis (and any queued re-analysis) has finished. Default true. */
  wait?: boolean;
}

export interface InventoryCallSite {
  uri: string;
  fileName: string;
  /** The callee, 0-based LSP positions. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** The callee as written, shortened: "chat.completions.create". */
  call: string;
  vendorId: string;
  vendorName: string;
  /** The vendor is in approvedVendors (a BAA covers it). */
  approved: boolean;
  /** A first-party or local endpoint: data stays in-house. */
  firstParty: boolean;
  /** PHI that reaches the call's content, e.g. ["Patient.ssn"]. */
  phi: string[];
  /** The BAA standing: approved, out-of-scope, first-party, local, unapproved, unknown-endpoint. */
  status?: string;
  /** Why the status is what it is, when it is not plain (the scope problem, the endpoint reason). */
  statusDetail?: string;
  /** Constant model id and region; null when they could not be determined; absent when not applicable. */
  model?: string | null;
  region?: string | null;
  /** HIPAA Safe Harbor categories of `phi`, e.g. [{ id: "G", title: "Social Security numbers", phi: ["Patient.ssn"] }]. */
  phiCategories?: { id: string; title: string; phi: string[] }[];
}

export interface InventoryResult {
  /**
   * False when analysis was still running (only with `wait: false`), or when some file could
   * not be analyzed (`failedFiles`) or some folder could not be listed (`unreadableFolders`):
   * call sites in those are missing from `callSites`.
   */
  complete: boolean;
  /** Why the inventory is incomplete, in words; absent when complete. */
  incomplete?: string;
  /** Files analyzed or attempted. */
  files: number;
  callSites: InventoryCallSite[];
  /** Files whose analysis failed closed (their call sites may be missing). */
  failedFiles: string[];
  /** Folders that could not be listed. */
  unreadableFolders: string[];
}

/** Request `phiGuard/findings`: every finding published, with its vendor, PHI and flow (the editor's tree views). */
export const FINDINGS_REQUEST = 'phiGuard/findings';

export type FindingsParams = InventoryParams;

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface FindingFlowStep {
  kind: 'source' | 'step' | 'sink';
  description: string;
  uri: string;
  fileName: string;
  range: LspRange;
}

export interface FindingItem {
  uri: string;
  fileName: string;
  range: LspRange;
  ruleId: string;
  /** phi-to-vendor, unapproved-vendor, unknown-endpoint, outside-baa-scope, analysis-failed, unreasoned-suppression. */
  kind: string;
  message: string;
  /** LSP severity as published (1 error .. 4 hint). */
  severity: number;
  vendorId?: string;
  vendorName?: string;
  /** The LLM call, when the finding is about one. */
  call?: string;
  phi: string[];
  flow: FindingFlowStep[];
}

export interface FindingsResult {
  /** As for the inventory: false while analysis runs or when some file or folder was not analyzed. */
  complete: boolean;
  incomplete?: string;
  /** Workspace files analyzed or attempted so far. */
  files: number;
  findings: FindingItem[];
  /** Files whose analysis failed closed: findings in them may be missing. */
  failedFiles: { fileName: string; uri: string; reason: string }[];
  unreadableFolders: string[];
}

/** Request `phiGuard/redactorCandidates`: exported functions that look like redactors (by name), found by reading declarations only. */
export const REDACTOR_CANDIDATES_REQUEST = 'phiGuard/redactorCandidates';

export interface RedactorCandidate {
  name: string;
  fileName: string;
  uri: string;
  /** 0-based line of the declaration's name. */
  line: number;
}

/**
 * Request `phiGuard/ping`: answered at once with `{}` when the server's thread is free. The
 * VS Code client sends it as a heartbeat and restarts a server that stops answering (hung).
 */
export const PING_REQUEST = 'phiGuard/ping';

/** Notification `phiGuard/status`, sent while analysis runs and when it settles. */
export const STATUS_NOTIFICATION = 'phiGuard/status';

export interface StatusParams {
  state: 'analyzing' | 'idle';
  /** Files analyzed so far in the current workspace pass, and its size. */
  done: number;
  total: number;
  /** PHI Guard diagnostics currently published, over all files. */
  findings: number;
  filesWithFindings: number;
  /**
   * URIs of phi-guard.config.json files that are broken now (the last valid version, or none,
   * is in use), whether or not the server reports their problems itself: a client that
   * validates with the schema gets syntax errors from its JSON service, not from the server.
   */
  brokenConfigs: string[];
}

/** Diagnostic `code` of a problem in phi-guard.config.json itself. */
export const CONFIG_DIAGNOSTIC_CODE = 'invalid-config';

/** `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'phi-guard';

/** Settings section read through `workspace/configuration`. */
export const SETTINGS_SECTION = 'phiGuard';
