import type ts from 'typescript';

/** A call that sends data to an LLM vendor, as the matcher resolved it. */
export interface SinkMatch {
  call: ts.CallExpression | ts.NewExpression;
  /** Vendor id from the catalog, a custom vendor id, or "unknown". */
  vendorId: string;
  vendorName: string;
  /** Why the vendor is what it is: "client new OpenAI() at line 3", "baseURL https://...". */
  vendorReason: string;
  local: boolean;
  firstParty: boolean;
  /** Human name: "chat.completions.create". */
  displayName: string;
  /** false: the call only configures a handle; approved-vendors reports the later sending call. */
  sends: boolean;
  /** The node reported by approved-vendors (the callee). */
  calleeNode: ts.Node;
  /** Expressions that carry content (all the request parts that are sent). */
  content: ts.Expression[];
  /** Constant model id and region when they could be determined; null when they could not be. */
  model?: string | null;
  region?: string | null;
}
