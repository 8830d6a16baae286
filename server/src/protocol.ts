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
}

/** Diagnostic `code` of a problem in phi-guard.config.json itself. */
export const CONFIG_DIAGNOSTIC_CODE = 'invalid-config';

/** `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'phi-guard';

/** Settings section read through `workspace/configuration`. */
export const SETTINGS_SECTION = 'phiGuard';
