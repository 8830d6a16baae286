/**
 * The shape of the vendor catalog. The catalog itself (catalog.ts) is data: adding a vendor
 * or an SDK method needs no code. Matching is by declaration site: the npm package that
 * declares the called function/method (found through the type checker), the name of the class
 * or interface that declares it, and the member name. Variable names never matter.
 */

export interface VendorInfo {
  id: string;
  name: string;
  /** API hosts (exact, or "*.suffix") that identify this vendor for baseURL/fetch/axios. */
  hosts: string[];
  /** Never reported (loopback, self-hosted). */
  local?: boolean;
}

/**
 * A client class whose instances send requests (OpenAI, Anthropic, BedrockRuntimeClient...).
 * The vendor of a call on such a client (or on a resource reached from it, like
 * client.chat.completions) is this entry's vendor, unless a constant endpoint option says
 * otherwise.
 */
export interface ClientClassEntry {
  /** npm package that declares the class, e.g. "openai", "@anthropic-ai/sdk". */
  module: string;
  /** Class names as declared in the package's .d.ts. */
  classes: string[];
  vendor: string;
  /** Constructor option names (first argument object) holding the endpoint URL, e.g. ["baseURL"]. */
  endpointOptions?: string[];
  /** Constructor option names holding the region, e.g. ["region"] (aws-bedrock, vertex). */
  regionOptions?: string[];
  /** A boolean option that switches the vendor when true, e.g. { vertexai: "google-vertex" }. */
  vendorSwitch?: { option: string; vendor: string };
}

/**
 * Methods that send content. A call matches when the resolved declaration lives in `module`,
 * is declared by one of `classes` (or any class when omitted), and its name is in `methods`.
 */
export interface MethodSinkEntry {
  module: string;
  /** Declaring class or interface names. Omit to accept any declaring type in the module. */
  classes?: string[];
  methods: string[];
  /** Vendor when the client cannot be traced; normally the client decides. */
  vendor: string;
  /** Argument indexes that carry content; default: all arguments. */
  contentArgs?: number[];
  /** Property in the request object (first content argument) that names the model. */
  modelProperty?: string;
  /** Human name of the call for messages, e.g. "chat.completions.create". Default: the callee text. */
  displayName?: string;
  /**
   * How the vendor is decided:
   * - "client": the client object the method is called on (default);
   * - "fixed": always `vendor` (e.g. a module-level function);
   * - "langchain": the LangChain model the receiver is, or that a pipe() chain contains;
   * - "bedrock-command": aws-bedrock; the model comes from the command's `modelId`.
   */
  vendorFrom?: 'client' | 'fixed' | 'langchain' | 'bedrock-command';
  /** JavaScript fallback (no types): the property chain after the client, e.g. "chat.completions.create". */
  untypedChains?: string[];
}

/**
 * Functions like the Vercel AI SDK's generateText({ model, prompt }) where the vendor comes
 * from the provider that made `model`.
 */
export interface ModelFunctionSinkEntry {
  module: string;
  functions: string[];
  /** Argument index of the request object. */
  requestArg: number;
  /** Property of the request object that holds the model. */
  modelProperty: string;
}

/** Functions that create a model handle for ModelFunctionSinkEntry calls: openai('gpt-4o'), createOpenAI({...}). */
export interface ModelProviderEntry {
  module: string;
  vendor: string;
  /** Exported names: provider instances (openai) and factories (createOpenAI). */
  exports: string[];
  endpointOptions?: string[];
  regionOptions?: string[];
}

/** LangChain model classes: the vendor of invoke/stream/batch on them, or on chains that pipe into them. */
export interface LangChainModelEntry {
  module: string;
  classes: string[];
  vendor: string;
  endpointOptions?: string[];
}

export interface VendorCatalog {
  vendors: VendorInfo[];
  clients: ClientClassEntry[];
  methods: MethodSinkEntry[];
  modelFunctions: ModelFunctionSinkEntry[];
  modelProviders: ModelProviderEntry[];
  langchainModels: LangChainModelEntry[];
  /** fetch/axios: HTTP functions whose URL decides the vendor by host. */
  http: { module: string; functions: string[]; urlArg: number; bodyArgs: number[]; bodyProperty?: string }[];
}
