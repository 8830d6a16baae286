/**
 * The shape of the vendor catalog. The catalog itself (catalog.ts) is data: adding a vendor
 * or an SDK method needs no code. Matching is by declaration site: the npm package that
 * declares the called function/method (found through the type checker), the name of the class
 * or interface that declares it, and the member name. Variable names never matter.
 */

export interface VendorInfo {
  id: string;
  name: string;
  /**
   * API hosts (exact, or "*.suffix") that identify this vendor for baseURL/fetch/axios.
   * A "*" elsewhere stands for one DNS label: "bedrock-runtime.*.amazonaws.com",
   * "*-aiplatform.googleapis.com". IPv6 hosts are written without brackets ("::1").
   */
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
  /**
   * Constructor option names (first argument object) holding the endpoint URL, e.g. ["baseURL"].
   * A dotted name is a nested option: "httpOptions.baseUrl" is `{ httpOptions: { baseUrl } }`.
   */
  endpointOptions?: string[];
  /** Constructor option names holding the region, e.g. ["region"] (aws-bedrock, vertex). */
  regionOptions?: string[];
  /** A boolean option that switches the vendor when true, e.g. { vertexai: "google-vertex" }. */
  vendorSwitch?: { option: string; vendor: string };
  /** More boolean switches, read like `vendorSwitch` (@google/genai has `vertexai` and `enterprise`). */
  vendorSwitches?: { option: string; vendor: string }[];
  /**
   * For classes whose options object is not the first constructor argument
   * (new GoogleAIFileManager(apiKey, { baseUrl }), new GenerativeModel(apiKey, params, { baseUrl })):
   * the argument index and the option names in it. Used instead of endpointOptions/regionOptions.
   */
  positionalOptions?: { arg: number; endpointOptions?: string[]; regionOptions?: string[] };
  /**
   * Client methods that return a bound handle (a model, a chat) and take endpoint options of their
   * own: genAI.getGenerativeModel(params, { baseUrl }). Calls on the handle belong to the client;
   * a constant endpoint here overrides the client's.
   */
  factoryMethods?: { methods: string[]; optionsArg: number; endpointOptions?: string[] }[];
  /**
   * An option whose value is a provider object made by one of these functions, which moves the
   * client to another vendor: new OpenAI({ provider: bedrock({ region }) }) is aws-bedrock.
   * The functions are matched like modelProviders (declaring package + export/declaration name).
   */
  providerOption?: {
    option: string;
    providers: { module: string; functions: string[]; vendor: string; regionOptions?: string[] }[];
  };
  /**
   * Exports that are ready-made instances of the class with its default endpoint
   * (`import ollama from 'ollama'` is "default"). Calls on them are this entry's vendor.
   */
  instances?: string[];
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
  /**
   * false for calls that only configure a handle whose later calls send (getGenerativeModel's
   * systemInstruction, startChat's history): PHI given here is reported, but the vendor finding
   * belongs to the call that actually sends.
   */
  sends?: boolean;
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
  /**
   * Only a sink when the receiver traces to one of the catalog's client classes. For methods whose
   * declaring class is shared with clients that are not LLM vendors: `send` is declared once in
   * smithy's `Client` for every AWS SDK client (S3Client.send is not a Bedrock call).
   */
  requireClient?: boolean;
  /**
   * vendorFrom "bedrock-command": the command classes (declaring package + class names) whose
   * input carries content. `send` with any other command is not a sink. The command is the
   * first argument: `new ConverseCommand({...})` or a variable holding one.
   */
  commands?: { module: string; classes: string[] };
  /**
   * The vendor comes from the provider-made model passed to the receiver's constructor under this
   * option (the AI SDK's `new ToolLoopAgent({ model: openai('gpt-4o'), instructions })`, then
   * `agent.generate({ prompt })`). Content also includes the constructor's options.
   */
  receiverModelProperty?: string;
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
  /**
   * Vendor of a plain string model id ("openai/gpt-4o"): the AI SDK sends those to its global
   * default provider, the Vercel AI Gateway, unless the app changed it.
   */
  stringModelVendor?: string;
}

/** Functions that create a model handle for ModelFunctionSinkEntry calls: openai('gpt-4o'), createOpenAI({...}). */
export interface ModelProviderEntry {
  module: string;
  /**
   * Vendor id. The reserved id "unknown" (createOpenAICompatible) means the vendor is only known
   * from a constant endpoint option's host; without one, report an unknown endpoint.
   */
  vendor: string;
  /**
   * Exported names: provider instances (openai) and factories (createOpenAI). Both the name the
   * package exports and the name the .d.ts declares are listed when they differ (@ai-sdk/google-vertex
   * exports `vertex`, declared as `googleVertex`), because an alias resolves to the declaration.
   */
  exports: string[];
  endpointOptions?: string[];
  regionOptions?: string[];
  /**
   * Interfaces (in `module`) that declare the provider's call signature and model factories
   * (OpenAIProvider: `(modelId)`, `.chat()`, `.embedding()`): a call whose resolved declaration is
   * a member of one of these makes a model of this vendor, whatever variable holds the provider.
   */
  interfaces?: string[];
}

/** LangChain model classes: the vendor of invoke/stream/batch on them, or on chains that pipe into them. */
export interface LangChainModelEntry {
  module: string;
  /**
   * Class names as the type checker names them: bundled .d.ts files may rename a class
   * (@langchain/openai declares its `OpenAI` LLM as `OpenAI$2` and exports it as OpenAI), so both
   * the exported and the declared names are listed.
   */
  classes: string[];
  vendor: string;
  /** Constructor options (first argument) holding the endpoint; dotted names are nested options. */
  endpointOptions?: string[];
  /** A boolean option that switches the vendor when true (like ClientClassEntry.vendorSwitch). */
  vendorSwitch?: { option: string; vendor: string };
}

export interface VendorCatalog {
  vendors: VendorInfo[];
  clients: ClientClassEntry[];
  methods: MethodSinkEntry[];
  modelFunctions: ModelFunctionSinkEntry[];
  modelProviders: ModelProviderEntry[];
  langchainModels: LangChainModelEntry[];
  /**
   * fetch/axios: HTTP functions whose URL decides the vendor by host.
   * - `module`: the declaring package. Global `fetch` is declared by TypeScript's lib files
   *   (node_modules/typescript/lib/lib.dom.d.ts → "typescript") and by @types/node
   *   (web-globals/fetch.d.ts → "@types/node"); which one the checker picks depends on the
   *   project's `lib`/`types`, so both are listed.
   * - `classes` (optional): declaring class/interface names; omitted = any.
   * - `functions`: member names; "(call)" is the call signature of a callable interface
   *   (`axios(config)` resolves to AxiosInstance's call signature, which has no member name).
   * - `bodyArgs`: arguments that are sent; with `bodyProperty`, the named property of those
   *   arguments (fetch's `init.body`). `bodyProperty: "config"` means an axios config object as
   *   argument `urlArg`, whose `url` is the URL and whose `data` is the body.
   */
  http: { module: string; classes?: string[]; functions: string[]; urlArg: number; bodyArgs: number[]; bodyProperty?: string }[];
}
