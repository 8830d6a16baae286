import type { MethodSinkEntry, ModelProviderEntry, VendorCatalog } from './catalogTypes';

/**
 * The vendor catalog: which SDK calls send data to which LLM vendor. Data only; the matcher
 * (match.ts) reads it. Format: catalogTypes.ts.
 *
 * Every module/class/member below was checked against the installed SDKs by
 * test/fixtures/sdk-shapes/verify-catalog.mjs, which builds a TypeScript program over the
 * fixtures in that folder and asks the checker for each call's resolved declaration (package of
 * the declaring file, declaring class/interface, member name). Versions checked: openai 7.59.0,
 * @anthropic-ai/sdk 1.14.0, @anthropic-ai/bedrock-sdk 1.1.3, @anthropic-ai/vertex-sdk 1.1.3,
 * @google/generative-ai 0.24.1, @google/genai 3.3.0, @aws-sdk/client-bedrock-runtime 3.1164.0,
 * @mistralai/mistralai 2.7.0, cohere-ai 8.1.0, groq-sdk 1.6.0, ollama 0.6.4, ai 7.0.173,
 * @ai-sdk/* 4.x/5.x, @langchain/core 1.4.0, @langchain/openai 1.6.0, @langchain/anthropic 1.5.11,
 * axios 1.21.1, @types/node 20.19, typescript 6.0.3; langchain 0.0.150 and assemblyai 4.41.5 by
 * test/engine/legacyVendors.test.ts.
 * Entries marked "not installed" were taken from the packages' documentation and are not verified.
 *
 * Declaration sites worth knowing (the matcher must use these, not the names users import):
 * - Methods are declared on resource classes, not on the client: `client.chat.completions.create`
 *   resolves to openai :: Completions :: create (the legacy `client.completions.create` is also a
 *   class named Completions in another file of the same package).
 * - AnthropicBedrock / AnthropicBedrockMantle / AnthropicVertex expose `messages` typed with
 *   @anthropic-ai/sdk's resources: their calls resolve into @anthropic-ai/sdk, so the client object
 *   (not the method) decides aws-bedrock / google-vertex. `new Anthropic()` resolves its
 *   constructor to BaseAnthropic.
 * - Bedrock `client.send(cmd)` resolves to @smithy/core :: Client :: send (file
 *   @smithy/core/dist-types/submodules/client/smithy-client/client.d.ts), shared by every AWS SDK
 *   client, hence `requireClient` and `commands`. Older installs declare it in @smithy/smithy-client.
 *   `new BedrockRuntime()` resolves its constructor to BedrockRuntimeClient; its aggregated
 *   methods are declared on the merged interface BedrockRuntime.
 * - @google/genai declares Models.generateContent etc. as arrow-typed properties
 *   (`generateContent: (params) => Promise<...>`): the signature is a FunctionType whose parent
 *   property names the member. Its classes are in one bundled file (dist/node/node.d.ts), some not
 *   exported (`GeminiNextGenInteractions`).
 * - cohere-ai exports `CohereClient` as an alias of class `CustomClient` (extends CohereClient);
 *   CohereClientV2 declares `chat: typeof V2Client.prototype.chat`, so v2 calls resolve to
 *   V2Client, and its v1-compatible members to CohereClient.
 * - The ollama package's Node class `Ollama` extends the browser class also named `Ollama`
 *   (dist/browser.d.ts); chat/generate/embed are declared on the browser one.
 * - @mistralai/mistralai's clients inherit their constructor from ClientSDK.
 * - `ai` re-exports `gateway`/`createGateway` from @ai-sdk/gateway (they resolve there), and
 *   exports some functions under other names: experimental_transcribe / experimental_generateSpeech
 *   are `declare const x: typeof transcribe` (resolve to transcribe / generateSpeech);
 *   experimental_streamTextLowMemory is `streamTextLowMemory`, experimental_decide is `decide`...
 * - @ai-sdk providers export aliases: @ai-sdk/google-vertex `vertex` = googleVertex,
 *   `createVertex` = createGoogleVertex; @ai-sdk/amazon-bedrock `bedrock` = amazonBedrock;
 *   @ai-sdk/google `createGoogleGenerativeAI` = createGoogle; @ai-sdk/deepseek `deepseek` = deepSeek.
 * - LangChain: ChatOpenAI's invoke/stream are overridden in @langchain/openai (BaseChatOpenAI);
 *   batch/streamEvents/generate come from @langchain/core (Runnable, BaseChatModel); ChatAnthropic
 *   inherits everything from @langchain/core; pipe() chains resolve to Runnable/RunnableSequence.
 *   @langchain/openai's bundled .d.ts names its LLM classes `OpenAI$2` and `AzureOpenAI$1`.
 * - Global fetch resolves to @types/node (web-globals/fetch.d.ts) when @types/node is loaded, else
 *   to TypeScript's lib.dom.d.ts (package "typescript"). axios.post etc. are declared on class
 *   Axios; `axios(config)` and `instance(config)` on AxiosInstance's call signature.
 */

// ------------------------------------------------------------------------------------------
// Vendors and their API hosts
// ------------------------------------------------------------------------------------------

const vendors: VendorCatalog['vendors'] = [
  // eu./us./jp./... data-residency hosts and mtls.api.openai.com (openai/internal/data-residency.js).
  { id: 'openai', name: 'OpenAI', hosts: ['api.openai.com', '*.api.openai.com'] },
  {
    id: 'azure-openai',
    name: 'Azure OpenAI',
    // Azure AI Foundry serverless/model-inference endpoints are the same Microsoft service boundary.
    hosts: ['*.openai.azure.com', '*.cognitiveservices.azure.com', '*.services.ai.azure.com', '*.models.ai.azure.com', '*.inference.ai.azure.com'],
  },
  { id: 'anthropic', name: 'Anthropic', hosts: ['api.anthropic.com'] },
  { id: 'google-gemini', name: 'Google Gemini API', hosts: ['generativelanguage.googleapis.com'] },
  {
    id: 'google-vertex',
    name: 'Google Vertex AI',
    // global, regional (us-central1-aiplatform...) and multi-region (aiplatform.eu.rep...) hosts.
    hosts: ['aiplatform.googleapis.com', '*-aiplatform.googleapis.com', 'aiplatform.*.rep.googleapis.com'],
  },
  {
    id: 'aws-bedrock',
    name: 'Amazon Bedrock',
    // Regional hosts only ("*" is one DNS label): not every *.amazonaws.com host is Bedrock.
    // bedrock-mantle.<region>.api.aws is the OpenAI/Anthropic-compatible endpoint (BedrockOpenAI,
    // AnthropicBedrockMantle); bedrock-agent-runtime serves agents and knowledge bases.
    hosts: [
      'bedrock-runtime.*.amazonaws.com',
      'bedrock-runtime-fips.*.amazonaws.com',
      'bedrock-runtime.*.amazonaws.com.cn',
      'bedrock-runtime.*.api.aws',
      'bedrock-mantle.*.api.aws',
      'bedrock-agent-runtime.*.amazonaws.com',
      'bedrock-agent-runtime-fips.*.amazonaws.com',
    ],
  },
  // Not in SPEC §4's list: cohere-ai's SagemakerClient sends to SageMaker endpoints, an AWS
  // service of its own (approving aws-bedrock should not silently approve it).
  { id: 'aws-sagemaker', name: 'Amazon SageMaker', hosts: ['runtime.sagemaker.*.amazonaws.com', 'runtime-fips.sagemaker.*.amazonaws.com'] },
  // api.eu./api.us. from @mistralai/mistralai ServerList; codestral.mistral.ai is Codestral's own host.
  { id: 'mistral', name: 'Mistral AI', hosts: ['api.mistral.ai', 'api.eu.mistral.ai', 'api.us.mistral.ai', 'codestral.mistral.ai'] },
  { id: 'cohere', name: 'Cohere', hosts: ['api.cohere.com', 'api.cohere.ai'] },
  { id: 'groq', name: 'Groq', hosts: ['api.groq.com'] },
  { id: 'together', name: 'Together AI', hosts: ['api.together.xyz', 'api.together.ai'] },
  { id: 'huggingface', name: 'Hugging Face', hosts: ['api-inference.huggingface.co', 'router.huggingface.co', '*.endpoints.huggingface.cloud'] },
  { id: 'replicate', name: 'Replicate', hosts: ['api.replicate.com'] },
  { id: 'deepseek', name: 'DeepSeek', hosts: ['api.deepseek.com'] },
  { id: 'xai', name: 'xAI', hosts: ['api.x.ai'] },
  { id: 'openrouter', name: 'OpenRouter', hosts: ['openrouter.ai'] },
  { id: 'perplexity', name: 'Perplexity', hosts: ['api.perplexity.ai'] },
  { id: 'vercel-gateway', name: 'Vercel AI Gateway', hosts: ['ai-gateway.vercel.sh'] },
  { id: 'assemblyai', name: 'AssemblyAI', hosts: ['api.assemblyai.com', 'api.eu.assemblyai.com', 'streaming.assemblyai.com', 'streaming.eu.assemblyai.com'] },
  { id: 'deepgram', name: 'Deepgram', hosts: ['api.deepgram.com'] },
  // Not in SPEC §4's list: Ollama's hosted service. The ollama SDK's webSearch/webFetch always go
  // to https://ollama.com, and `new Ollama({ host: 'https://ollama.com' })` runs cloud models.
  { id: 'ollama-cloud', name: 'Ollama Cloud', hosts: ['ollama.com'] },
  { id: 'local', name: 'Local (loopback)', hosts: ['localhost', '*.localhost', '127.0.0.1', '::1', '0.0.0.0'], local: true },
];

// ------------------------------------------------------------------------------------------
// SDK client classes
// ------------------------------------------------------------------------------------------

const clients: VendorCatalog['clients'] = [
  // openai
  {
    module: 'openai',
    classes: ['OpenAI'],
    vendor: 'openai',
    endpointOptions: ['baseURL'],
    // new OpenAI({ provider: bedrock({ region }) }) / vertex({ location }) from openai/providers/*.
    providerOption: {
      option: 'provider',
      providers: [
        { module: 'openai', functions: ['bedrock'], vendor: 'aws-bedrock', regionOptions: ['region'] },
        { module: 'openai', functions: ['vertex'], vendor: 'google-vertex', regionOptions: ['location'] },
      ],
    },
  },
  { module: 'openai', classes: ['AzureOpenAI'], vendor: 'azure-openai', endpointOptions: ['endpoint', 'baseURL'] },
  // Amazon Bedrock's OpenAI-compatible endpoint (bedrock-mantle.<region>.api.aws).
  { module: 'openai', classes: ['BedrockOpenAI'], vendor: 'aws-bedrock', endpointOptions: ['baseURL'], regionOptions: ['awsRegion'] },

  // anthropic. `new Anthropic()` resolves its constructor to BaseAnthropic (also exported).
  { module: '@anthropic-ai/sdk', classes: ['Anthropic', 'BaseAnthropic'], vendor: 'anthropic', endpointOptions: ['baseURL'] },
  {
    module: '@anthropic-ai/bedrock-sdk',
    classes: ['AnthropicBedrock', 'AnthropicBedrockMantle'],
    vendor: 'aws-bedrock',
    endpointOptions: ['baseURL'],
    regionOptions: ['awsRegion'],
  },
  { module: '@anthropic-ai/vertex-sdk', classes: ['AnthropicVertex'], vendor: 'google-vertex', endpointOptions: ['baseURL'], regionOptions: ['region'] },

  // @google/generative-ai: GoogleGenerativeAI(apiKey) has no options object; the endpoint is in
  // getGenerativeModel(params, { baseUrl }). GenerativeModel / ChatSession are the handles the
  // calls are made on (also constructible directly).
  {
    module: '@google/generative-ai',
    classes: ['GoogleGenerativeAI'],
    vendor: 'google-gemini',
    factoryMethods: [{ methods: ['getGenerativeModel', 'getGenerativeModelFromCachedContent'], optionsArg: 1, endpointOptions: ['baseUrl'] }],
  },
  { module: '@google/generative-ai', classes: ['GenerativeModel'], vendor: 'google-gemini', positionalOptions: { arg: 2, endpointOptions: ['baseUrl'] } },
  { module: '@google/generative-ai', classes: ['ChatSession'], vendor: 'google-gemini', positionalOptions: { arg: 3, endpointOptions: ['baseUrl'] } },
  {
    module: '@google/generative-ai',
    classes: ['GoogleAIFileManager', 'GoogleAICacheManager'],
    vendor: 'google-gemini',
    positionalOptions: { arg: 1, endpointOptions: ['baseUrl'] },
  },

  // @google/genai: `vertexai: true` or `enterprise: true` is Vertex AI; location is the region.
  {
    module: '@google/genai',
    classes: ['GoogleGenAI'],
    vendor: 'google-gemini',
    endpointOptions: ['httpOptions.baseUrl'],
    regionOptions: ['location'],
    vendorSwitch: { option: 'vertexai', vendor: 'google-vertex' },
    vendorSwitches: [{ option: 'enterprise', vendor: 'google-vertex' }],
  },

  // Bedrock runtime. BedrockRuntime extends BedrockRuntimeClient (and inherits its constructor).
  { module: '@aws-sdk/client-bedrock-runtime', classes: ['BedrockRuntimeClient', 'BedrockRuntime'], vendor: 'aws-bedrock', endpointOptions: ['endpoint'], regionOptions: ['region'] },

  // Mistral (constructor inherited from ClientSDK). `server: "eu" | "us"` picks a regional host.
  { module: '@mistralai/mistralai', classes: ['Mistral', 'MistralCore'], vendor: 'mistral', endpointOptions: ['serverURL'] },

  // cohere-ai: `CohereClient` is exported from class CustomClient (extends CohereClient).
  { module: 'cohere-ai', classes: ['CustomClient', 'CohereClient', 'CohereClientV2', 'V2Client'], vendor: 'cohere', endpointOptions: ['environment', 'baseUrl'] },
  { module: 'cohere-ai', classes: ['BedrockClient', 'BedrockClientV2'], vendor: 'aws-bedrock', regionOptions: ['awsRegion'] },
  { module: 'cohere-ai', classes: ['SagemakerClient', 'SagemakerClientV2'], vendor: 'aws-sagemaker', regionOptions: ['awsRegion'] },

  // groq-sdk
  { module: 'groq-sdk', classes: ['Groq'], vendor: 'groq', endpointOptions: ['baseURL'] },

  // ollama: local by default (http://127.0.0.1:11434); `host` may point elsewhere (ollama.com).
  // The package's default export is a ready-made instance.
  { module: 'ollama', classes: ['Ollama'], vendor: 'local', endpointOptions: ['host'], instances: ['default'] },

  // assemblyai 4.41.5: one client; each service has a base URL option of its own.
  { module: 'assemblyai', classes: ['AssemblyAI'], vendor: 'assemblyai', endpointOptions: ['baseUrl', 'llmGatewayBaseUrl', 'syncBaseUrl', 'streamingBaseUrl'] },
];

// ------------------------------------------------------------------------------------------
// SDK methods that send content
// ------------------------------------------------------------------------------------------

const openaiMethods: MethodSinkEntry[] = [
  {
    // chat.completions (resources/chat/completions) and the legacy completions (resources/completions)
    // are both classes named Completions.
    module: 'openai',
    classes: ['Completions'],
    methods: ['create', 'stream', 'parse', 'runTools'],
    vendor: 'openai',
    contentArgs: [0],
    modelProperty: 'model',
    // beta.chat.completions.* is the openai 4.x spelling of parse/stream.
    untypedChains: ['chat.completions.create', 'chat.completions.stream', 'chat.completions.parse', 'chat.completions.runTools', 'beta.chat.completions.parse', 'beta.chat.completions.stream', 'completions.create'],
  },
  {
    // responses and beta.responses (two classes named Responses).
    module: 'openai',
    classes: ['Responses'],
    methods: ['create', 'stream', 'parse', 'compact'],
    vendor: 'openai',
    contentArgs: [0],
    modelProperty: 'model',
    untypedChains: ['responses.create', 'responses.stream', 'responses.parse', 'responses.compact', 'beta.responses.create'],
  },
  { module: 'openai', classes: ['InputTokens'], methods: ['count'], vendor: 'openai', contentArgs: [0], modelProperty: 'model', displayName: 'responses.inputTokens.count', untypedChains: ['responses.inputTokens.count'] },
  { module: 'openai', classes: ['Embeddings'], methods: ['create'], vendor: 'openai', contentArgs: [0], modelProperty: 'model', displayName: 'embeddings.create', untypedChains: ['embeddings.create'] },
  { module: 'openai', classes: ['Moderations'], methods: ['create'], vendor: 'openai', contentArgs: [0], modelProperty: 'model', displayName: 'moderations.create', untypedChains: ['moderations.create'] },
  // Assistants API (beta): instructions, thread messages, run instructions, tool outputs.
  { module: 'openai', classes: ['Assistants'], methods: ['create'], vendor: 'openai', contentArgs: [0], modelProperty: 'model', displayName: 'beta.assistants.create', untypedChains: ['beta.assistants.create'] },
  { module: 'openai', classes: ['Assistants'], methods: ['update'], vendor: 'openai', contentArgs: [1], displayName: 'beta.assistants.update', untypedChains: ['beta.assistants.update'] },
  {
    module: 'openai',
    classes: ['Threads'],
    methods: ['create', 'createAndRun', 'createAndRunPoll', 'createAndRunStream'],
    vendor: 'openai',
    contentArgs: [0],
    modelProperty: 'model',
    untypedChains: ['beta.threads.create', 'beta.threads.createAndRun', 'beta.threads.createAndRunPoll', 'beta.threads.createAndRunStream'],
  },
  // beta.threads.messages.create(threadID, body)
  { module: 'openai', classes: ['Messages'], methods: ['create'], vendor: 'openai', contentArgs: [1], displayName: 'beta.threads.messages.create', untypedChains: ['beta.threads.messages.create'] },
  {
    // beta.threads.runs.*(threadID | runID, params)
    module: 'openai',
    classes: ['Runs'],
    methods: ['create', 'createAndPoll', 'createAndStream', 'stream', 'submitToolOutputs', 'submitToolOutputsAndPoll', 'submitToolOutputsStream'],
    vendor: 'openai',
    contentArgs: [1],
    modelProperty: 'model',
    untypedChains: [
      'beta.threads.runs.create',
      'beta.threads.runs.createAndPoll',
      'beta.threads.runs.createAndStream',
      'beta.threads.runs.stream',
      'beta.threads.runs.submitToolOutputs',
      'beta.threads.runs.submitToolOutputsAndPoll',
      'beta.threads.runs.submitToolOutputsStream',
    ],
  },
  // Conversations API: conversations.create({ items }), conversations.items.create(id, { items }).
  { module: 'openai', classes: ['Conversations'], methods: ['create'], vendor: 'openai', contentArgs: [0], displayName: 'conversations.create', untypedChains: ['conversations.create'] },
  { module: 'openai', classes: ['Items'], methods: ['create'], vendor: 'openai', contentArgs: [1], displayName: 'conversations.items.create', untypedChains: ['conversations.items.create'] },
  // Audio in (a visit recording is PHI) and text to speech.
  {
    module: 'openai',
    classes: ['Transcriptions', 'Translations', 'Speech'],
    methods: ['create'],
    vendor: 'openai',
    contentArgs: [0],
    modelProperty: 'model',
    untypedChains: ['audio.transcriptions.create', 'audio.translations.create', 'audio.speech.create'],
  },
  { module: 'openai', classes: ['Images'], methods: ['edit', 'generate', 'createVariation'], vendor: 'openai', contentArgs: [0], modelProperty: 'model', untypedChains: ['images.edit', 'images.generate', 'images.createVariation'] },
  // File uploads (fine-tuning/batch JSONL, assistants files): files.create({ file }),
  // uploads.parts.create(uploadID, { data }), vectorStores.files.upload(vectorStoreId, file).
  { module: 'openai', classes: ['Files'], methods: ['create'], vendor: 'openai', contentArgs: [0], displayName: 'files.create', untypedChains: ['files.create'] },
  { module: 'openai', classes: ['Files'], methods: ['upload', 'uploadAndPoll'], vendor: 'openai', contentArgs: [1], untypedChains: ['vectorStores.files.upload', 'vectorStores.files.uploadAndPoll'] },
  { module: 'openai', classes: ['Parts'], methods: ['create'], vendor: 'openai', contentArgs: [1], displayName: 'uploads.parts.create', untypedChains: ['uploads.parts.create'] },
];

const anthropicMessageChains = ['messages.create', 'messages.stream', 'messages.parse', 'messages.countTokens', 'beta.messages.create', 'beta.messages.stream', 'beta.messages.parse', 'beta.messages.countTokens', 'beta.messages.toolRunner'];

const anthropicMethods: MethodSinkEntry[] = [
  {
    // messages and beta.messages (two classes named Messages); also reached from AnthropicBedrock,
    // AnthropicBedrockMantle and AnthropicVertex clients, which decide the vendor.
    module: '@anthropic-ai/sdk',
    classes: ['Messages'],
    methods: ['create', 'stream', 'parse', 'countTokens', 'toolRunner', 'thread'],
    vendor: 'anthropic',
    contentArgs: [0],
    modelProperty: 'model',
    untypedChains: anthropicMessageChains,
  },
  { module: '@anthropic-ai/sdk', classes: ['Batches'], methods: ['create'], vendor: 'anthropic', contentArgs: [0], untypedChains: ['messages.batches.create', 'beta.messages.batches.create'] },
  { module: '@anthropic-ai/sdk', classes: ['Files'], methods: ['upload'], vendor: 'anthropic', contentArgs: [0], untypedChains: ['files.upload', 'beta.files.upload'] },
  // Managed agents: beta.sessions.events.send(sessionID, { events: [{ type: 'user.message', content }] }).
  { module: '@anthropic-ai/sdk', classes: ['Events'], methods: ['send'], vendor: 'anthropic', contentArgs: [1], displayName: 'beta.sessions.events.send', untypedChains: ['beta.sessions.events.send'] },
  // Legacy Text Completions (client.completions.create): gone from 1.x; declared as Completions.create in
  // older SDKs (verified on the 0.122.0 copy nested under @langchain/anthropic/node_modules).
  { module: '@anthropic-ai/sdk', classes: ['Completions'], methods: ['create'], vendor: 'anthropic', contentArgs: [0], modelProperty: 'model', displayName: 'completions.create', untypedChains: ['completions.create'] },
  // Plain JavaScript only: with types, these calls resolve into @anthropic-ai/sdk (above). Without
  // types, the untyped fallback matches chains by the package the client was imported from.
  { module: '@anthropic-ai/bedrock-sdk', methods: ['create', 'stream', 'parse', 'countTokens', 'toolRunner'], vendor: 'aws-bedrock', contentArgs: [0], modelProperty: 'model', untypedChains: anthropicMessageChains },
  { module: '@anthropic-ai/vertex-sdk', methods: ['create', 'stream', 'parse', 'countTokens', 'toolRunner'], vendor: 'google-vertex', contentArgs: [0], modelProperty: 'model', untypedChains: anthropicMessageChains },
];

const googleMethods: MethodSinkEntry[] = [
  // @google/generative-ai
  {
    module: '@google/generative-ai',
    classes: ['GenerativeModel'],
    methods: ['generateContent', 'generateContentStream', 'countTokens', 'embedContent', 'batchEmbedContents'],
    vendor: 'google-gemini',
    contentArgs: [0],
    untypedChains: ['generateContent', 'generateContentStream', 'countTokens', 'embedContent', 'batchEmbedContents'],
  },
  // Content given here is sent with every later request: the model's systemInstruction, the chat's history.
  { module: '@google/generative-ai', classes: ['GoogleGenerativeAI'], methods: ['getGenerativeModel'], vendor: 'google-gemini', sends: false, contentArgs: [0], modelProperty: 'model', untypedChains: ['getGenerativeModel'] },
  { module: '@google/generative-ai', classes: ['GenerativeModel'], methods: ['startChat'], vendor: 'google-gemini', sends: false, contentArgs: [0], untypedChains: ['startChat'] },
  { module: '@google/generative-ai', classes: ['ChatSession'], methods: ['sendMessage', 'sendMessageStream'], vendor: 'google-gemini', contentArgs: [0], untypedChains: ['sendMessage', 'sendMessageStream'] },
  { module: '@google/generative-ai', classes: ['GoogleAIFileManager'], methods: ['uploadFile'], vendor: 'google-gemini', contentArgs: [0], untypedChains: ['uploadFile'] },
  { module: '@google/generative-ai', classes: ['GoogleAICacheManager'], methods: ['create'], vendor: 'google-gemini', contentArgs: [0], modelProperty: 'model', untypedChains: ['create'] },

  // @google/genai (methods declared as arrow-typed properties on Models, Batches...)
  {
    module: '@google/genai',
    classes: ['Models'],
    methods: ['generateContent', 'generateContentStream', 'embedContent', 'countTokens', 'computeTokens', 'generateImages', 'editImage', 'upscaleImage', 'generateVideos', 'recontextImage', 'segmentImage'],
    vendor: 'google-gemini',
    contentArgs: [0],
    modelProperty: 'model',
    untypedChains: [
      'models.generateContent',
      'models.generateContentStream',
      'models.embedContent',
      'models.countTokens',
      'models.computeTokens',
      'models.generateImages',
      'models.editImage',
      'models.upscaleImage',
      'models.generateVideos',
      'models.recontextImage',
      'models.segmentImage',
    ],
  },
  // chats.create({ history, config: { systemInstruction } }) then chat.sendMessage({ message }).
  // create() is synchronous and sends nothing (it returns a local Chat); its history and system
  // instruction go out with every sendMessage, so it carries content but is no vendor finding.
  { module: '@google/genai', classes: ['Chats'], methods: ['create'], vendor: 'google-gemini', sends: false, contentArgs: [0], modelProperty: 'model', displayName: 'chats.create', untypedChains: ['chats.create'] },
  { module: '@google/genai', classes: ['Chat'], methods: ['sendMessage', 'sendMessageStream'], vendor: 'google-gemini', contentArgs: [0], untypedChains: ['sendMessage', 'sendMessageStream'] },
  { module: '@google/genai', classes: ['Files'], methods: ['upload'], vendor: 'google-gemini', contentArgs: [0], displayName: 'files.upload', untypedChains: ['files.upload'] },
  { module: '@google/genai', classes: ['Caches'], methods: ['create'], vendor: 'google-gemini', contentArgs: [0], modelProperty: 'model', displayName: 'caches.create', untypedChains: ['caches.create'] },
  { module: '@google/genai', classes: ['Batches'], methods: ['create', 'createEmbeddings'], vendor: 'google-gemini', contentArgs: [0], modelProperty: 'model', untypedChains: ['batches.create', 'batches.createEmbeddings'] },
  { module: '@google/genai', classes: ['GeminiNextGenInteractions'], methods: ['create'], vendor: 'google-gemini', contentArgs: [0], modelProperty: 'model', displayName: 'interactions.create', untypedChains: ['interactions.create'] },
  { module: '@google/genai', classes: ['FileSearchStores'], methods: ['uploadToFileSearchStore'], vendor: 'google-gemini', contentArgs: [0], untypedChains: ['fileSearchStores.uploadToFileSearchStore'] },
  // Live API (WebSocket): connect({ config: { systemInstruction } }), then session.send*.
  { module: '@google/genai', classes: ['Live'], methods: ['connect'], vendor: 'google-gemini', contentArgs: [0], modelProperty: 'model', displayName: 'live.connect', untypedChains: ['live.connect'] },
  { module: '@google/genai', classes: ['Session'], methods: ['sendClientContent', 'sendRealtimeInput', 'sendToolResponse'], vendor: 'google-gemini', contentArgs: [0], untypedChains: ['sendClientContent', 'sendRealtimeInput', 'sendToolResponse'] },
];

/** Bedrock runtime commands whose input carries content (prompts, documents, audio, images). */
const bedrockCommands = {
  module: '@aws-sdk/client-bedrock-runtime',
  classes: [
    'InvokeModelCommand',
    'InvokeModelWithResponseStreamCommand',
    'InvokeModelWithBidirectionalStreamCommand',
    'ConverseCommand',
    'ConverseStreamCommand',
    'CountTokensCommand',
    'ApplyGuardrailCommand',
    'InvokeGuardrailChecksCommand',
    'StartAsyncInvokeCommand',
  ],
};

const bedrockMethods: MethodSinkEntry[] = [
  {
    // client.send(new ConverseCommand({...})): declared once for every AWS SDK client.
    module: '@smithy/core',
    classes: ['Client'],
    methods: ['send'],
    vendor: 'aws-bedrock',
    vendorFrom: 'bedrock-command',
    requireClient: true,
    commands: bedrockCommands,
    contentArgs: [0],
    modelProperty: 'modelId',
    untypedChains: ['send'],
  },
  {
    // Same method in installs whose AWS SDK still declares it in @smithy/smithy-client (2.x-3.x).
    module: '@smithy/smithy-client',
    classes: ['Client'],
    methods: ['send'],
    vendor: 'aws-bedrock',
    vendorFrom: 'bedrock-command',
    requireClient: true,
    commands: bedrockCommands,
    contentArgs: [0],
    modelProperty: 'modelId',
  },
  {
    // The aggregated client: new BedrockRuntime().converse({ modelId, messages }).
    module: '@aws-sdk/client-bedrock-runtime',
    classes: ['BedrockRuntime'],
    methods: ['converse', 'converseStream', 'invokeModel', 'invokeModelWithResponseStream', 'invokeModelWithBidirectionalStream', 'countTokens', 'applyGuardrail', 'invokeGuardrailChecks', 'startAsyncInvoke'],
    vendor: 'aws-bedrock',
    contentArgs: [0],
    modelProperty: 'modelId',
    untypedChains: ['converse', 'converseStream', 'invokeModel', 'invokeModelWithResponseStream', 'invokeModelWithBidirectionalStream', 'countTokens', 'applyGuardrail', 'invokeGuardrailChecks', 'startAsyncInvoke'],
  },
];

const mistralMethods: MethodSinkEntry[] = [
  { module: '@mistralai/mistralai', classes: ['Chat'], methods: ['complete', 'stream', 'parse', 'parseStream'], vendor: 'mistral', contentArgs: [0], modelProperty: 'model', untypedChains: ['chat.complete', 'chat.stream', 'chat.parse', 'chat.parseStream'] },
  { module: '@mistralai/mistralai', classes: ['Embeddings'], methods: ['create'], vendor: 'mistral', contentArgs: [0], modelProperty: 'model', displayName: 'embeddings.create', untypedChains: ['embeddings.create'] },
  { module: '@mistralai/mistralai', classes: ['Fim'], methods: ['complete', 'stream'], vendor: 'mistral', contentArgs: [0], modelProperty: 'model', untypedChains: ['fim.complete', 'fim.stream'] },
  { module: '@mistralai/mistralai', classes: ['Agents'], methods: ['complete', 'stream'], vendor: 'mistral', contentArgs: [0], untypedChains: ['agents.complete', 'agents.stream'] },
  { module: '@mistralai/mistralai', classes: ['Classifiers'], methods: ['moderate', 'moderateChat', 'classify', 'classifyChat'], vendor: 'mistral', contentArgs: [0], modelProperty: 'model', untypedChains: ['classifiers.moderate', 'classifiers.moderateChat', 'classifiers.classify', 'classifiers.classifyChat'] },
  { module: '@mistralai/mistralai', classes: ['Ocr'], methods: ['process'], vendor: 'mistral', contentArgs: [0], modelProperty: 'model', displayName: 'ocr.process', untypedChains: ['ocr.process'] },
  {
    module: '@mistralai/mistralai',
    classes: ['Conversations'],
    methods: ['start', 'startStream', 'append', 'appendStream', 'restart', 'restartStream'],
    vendor: 'mistral',
    contentArgs: [0],
    modelProperty: 'model',
    untypedChains: ['beta.conversations.start', 'beta.conversations.startStream', 'beta.conversations.append', 'beta.conversations.appendStream', 'beta.conversations.restart', 'beta.conversations.restartStream'],
  },
  { module: '@mistralai/mistralai', classes: ['Transcriptions'], methods: ['complete', 'stream'], vendor: 'mistral', contentArgs: [0], modelProperty: 'model', untypedChains: ['audio.transcriptions.complete', 'audio.transcriptions.stream'] },
  { module: '@mistralai/mistralai', classes: ['Speech'], methods: ['complete'], vendor: 'mistral', contentArgs: [0], modelProperty: 'model', displayName: 'audio.speech.complete', untypedChains: ['audio.speech.complete'] },
  { module: '@mistralai/mistralai', classes: ['Files'], methods: ['upload'], vendor: 'mistral', contentArgs: [0], displayName: 'files.upload', untypedChains: ['files.upload'] },
  {
    // Standalone functions (tree-shakable API): chatComplete(new MistralCore(), request).
    module: '@mistralai/mistralai',
    methods: [
      'chatComplete',
      'chatStream',
      'embeddingsCreate',
      'fimComplete',
      'fimStream',
      'agentsComplete',
      'agentsStream',
      'classifiersModerate',
      'classifiersModerateChat',
      'classifiersClassify',
      'classifiersClassifyChat',
      'ocrProcess',
      'betaConversationsStart',
      'betaConversationsStartStream',
      'betaConversationsAppend',
      'betaConversationsAppendStream',
      'betaConversationsRestart',
      'betaConversationsRestartStream',
      'audioTranscriptionsComplete',
      'audioTranscriptionsStream',
      'audioSpeechComplete',
      'filesUpload',
    ],
    vendor: 'mistral',
    vendorFrom: 'fixed',
    contentArgs: [1],
    modelProperty: 'model',
  },
];

const cohereMethods: MethodSinkEntry[] = [
  {
    // v1 API on CohereClient (also what CohereClientV2's generate/classify/... resolve to).
    module: 'cohere-ai',
    classes: ['CohereClient'],
    methods: ['chat', 'chatStream', 'embed', 'generate', 'generateStream', 'rerank', 'classify', 'summarize', 'tokenize'],
    vendor: 'cohere',
    contentArgs: [0],
    modelProperty: 'model',
    untypedChains: ['chat', 'chatStream', 'embed', 'generate', 'generateStream', 'rerank', 'classify', 'summarize', 'tokenize'],
  },
  {
    // v2 API: new CohereClientV2().chat(...) and new CohereClient().v2.chat(...).
    module: 'cohere-ai',
    classes: ['V2Client'],
    methods: ['chat', 'chatStream', 'embed', 'rerank', 'parse'],
    vendor: 'cohere',
    contentArgs: [0],
    modelProperty: 'model',
    untypedChains: ['v2.chat', 'v2.chatStream', 'v2.embed', 'v2.rerank', 'chat', 'chatStream', 'embed', 'rerank'],
  },
  // audio.transcriptions.create(file, request)
  { module: 'cohere-ai', classes: ['TranscriptionsClient'], methods: ['create'], vendor: 'cohere', contentArgs: [0, 1], displayName: 'audio.transcriptions.create', untypedChains: ['audio.transcriptions.create'] },
];

const groqMethods: MethodSinkEntry[] = [
  // chat.completions.create (groq's legacy Completions class has no methods).
  { module: 'groq-sdk', classes: ['Completions'], methods: ['create'], vendor: 'groq', contentArgs: [0], modelProperty: 'model', untypedChains: ['chat.completions.create'] },
  { module: 'groq-sdk', classes: ['Embeddings'], methods: ['create'], vendor: 'groq', contentArgs: [0], modelProperty: 'model', displayName: 'embeddings.create', untypedChains: ['embeddings.create'] },
  { module: 'groq-sdk', classes: ['Transcriptions', 'Translations', 'Speech'], methods: ['create'], vendor: 'groq', contentArgs: [0], modelProperty: 'model', untypedChains: ['audio.transcriptions.create', 'audio.translations.create', 'audio.speech.create'] },
  { module: 'groq-sdk', classes: ['Files'], methods: ['create'], vendor: 'groq', contentArgs: [0], displayName: 'files.create', untypedChains: ['files.create'] },
];

const ollamaMethods: MethodSinkEntry[] = [
  { module: 'ollama', classes: ['Ollama'], methods: ['chat', 'generate', 'embed', 'embeddings'], vendor: 'local', contentArgs: [0], modelProperty: 'model', untypedChains: ['chat', 'generate', 'embed', 'embeddings'] },
  // Always https://ollama.com/api/web_search|web_fetch, whatever `host` says.
  { module: 'ollama', classes: ['Ollama'], methods: ['webSearch', 'webFetch'], vendor: 'ollama-cloud', vendorFrom: 'fixed', contentArgs: [0], untypedChains: ['webSearch', 'webFetch'] },
];

// assemblyai: audio (a visit recording is PHI) and text sent for transcription and to its LLM
// Gateway. Services are declared in assemblyai/dist/services/*; the client's members hold them.
const assemblyaiMethods: MethodSinkEntry[] = [
  { module: 'assemblyai', classes: ['TranscriptService'], methods: ['transcribe', 'submit', 'create'], vendor: 'assemblyai', contentArgs: [0], untypedChains: ['transcripts.transcribe', 'transcripts.submit', 'transcripts.create'] },
  { module: 'assemblyai', classes: ['FileService'], methods: ['upload'], vendor: 'assemblyai', contentArgs: [0], untypedChains: ['files.upload'] },
  { module: 'assemblyai', classes: ['LlmGatewayService'], methods: ['chatCompletions', 'understanding'], vendor: 'assemblyai', contentArgs: [0], modelProperty: 'model', untypedChains: ['llmGateway.chatCompletions', 'llmGateway.understanding'] },
  { module: 'assemblyai', classes: ['SyncTranscriber'], methods: ['transcribe', 'transcribeLive'], vendor: 'assemblyai', contentArgs: [0], untypedChains: ['sync.transcribe', 'sync.transcribeLive'] },
  { module: 'assemblyai', classes: ['StreamingTranscriber', 'RealtimeTranscriber'], methods: ['sendAudio'], vendor: 'assemblyai', contentArgs: [0] },
  // LeMUR (assemblyai 4.x before 4.20; not in the installed version): prompts over transcripts.
  { module: 'assemblyai', classes: ['LemurService'], methods: ['task', 'summary', 'questionAnswer', 'actionItems'], vendor: 'assemblyai', contentArgs: [0], untypedChains: ['lemur.task', 'lemur.summary', 'lemur.questionAnswer', 'lemur.actionItems'] },
];

const aiSdkMethods: MethodSinkEntry[] = [
  {
    // new ToolLoopAgent({ model, instructions }).generate({ prompt }) / .stream(...)
    module: 'ai',
    classes: ['ToolLoopAgent'],
    methods: ['generate', 'stream'],
    vendor: 'unknown',
    receiverModelProperty: 'model',
    contentArgs: [0],
  },
];

/**
 * LangChain: the receiver decides the vendor (vendorFrom "langchain"): a model, or a chain built
 * with pipe()/RunnableSequence.from() that contains one. Classes are omitted on purpose: invoke
 * and friends are declared on many @langchain/core classes (Runnable, RunnableSequence,
 * RunnableBinding, RunnableRetry, RunnableMap, BaseChatModel, BaseLLM, ...), and a call on a
 * prompt template or parser alone is not a sink because it contains no model.
 */
const langchainMethodNames = [
  'invoke',
  'stream',
  'batch',
  'streamEvents',
  'streamLog',
  'transform',
  'generate',
  'generatePrompt',
  'embedQuery',
  'embedDocuments',
  // Removed in @langchain/core 1.x, present in 0.x (not verified here):
  'call',
  'predict',
  'predictMessages',
  'callPrompt',
];
const langchainMethodModules = [
  '@langchain/core', // Runnable, RunnableSequence, BaseChatModel, BaseLLM, Embeddings (verified)
  '@langchain/openai', // BaseChatOpenAI.invoke/stream, OpenAIEmbeddings.embedQuery/embedDocuments (verified)
  '@langchain/anthropic', // (verified: ChatAnthropic overrides none of these in 1.5.11)
  // Not installed; listed in case their classes override these methods:
  '@langchain/google-genai',
  '@langchain/google-vertexai',
  '@langchain/google-vertexai-web',
  '@langchain/aws',
  '@langchain/mistralai',
  '@langchain/groq',
  '@langchain/ollama',
  '@langchain/cohere',
  '@langchain/deepseek',
  '@langchain/xai',
  '@langchain/community',
];
const langchainMethods: MethodSinkEntry[] = [
  ...langchainMethodModules.map((module) => ({
    module,
    methods: langchainMethodNames,
    vendor: 'unknown',
    vendorFrom: 'langchain' as const,
    contentArgs: [0],
    untypedChains: ['invoke', 'stream', 'batch', 'streamEvents', 'generate', 'embedQuery', 'embedDocuments'],
  })),
  // langchain 0.0.x (verified: 0.0.150) declares its models, chains and prompts itself
  // (langchain/dist/...): model.call/predict/invoke, and chain.call/run on an LLMChain({ llm }).
  {
    module: 'langchain',
    methods: [...langchainMethodNames, 'run'],
    vendor: 'unknown',
    vendorFrom: 'langchain' as const,
    contentArgs: [0],
    untypedChains: ['invoke', 'stream', 'batch', 'generate', 'call', 'predict', 'predictMessages', 'run', 'embedQuery', 'embedDocuments'],
  },
];

// ------------------------------------------------------------------------------------------
// Vercel AI SDK: functions that send a request to the provider of `model`
// ------------------------------------------------------------------------------------------

const modelFunctions: VendorCatalog['modelFunctions'] = [
  {
    module: 'ai',
    // Declaration names first (what the checker resolves to), then the experimental_* export
    // names of the same functions (for the untyped fallback, which sees import names).
    functions: [
      'generateText',
      'streamText',
      'generateObject',
      'streamObject',
      'embed',
      'embedMany',
      'rerank',
      'generateImage',
      'generateSpeech',
      'transcribe',
      'streamTextLowMemory',
      'streamLanguageModelCall',
      'streamSpeech',
      'streamTranscribe',
      'streamTranslate',
      'decide',
      'extract',
      'experimental_generateVideo',
      'experimental_startVideo',
      'experimental_generateSpeech',
      'experimental_transcribe',
      'experimental_streamTextLowMemory',
      'experimental_streamLanguageModelCall',
      'experimental_streamSpeech',
      'experimental_streamTranscribe',
      'experimental_streamTranslate',
      'experimental_decide',
      'experimental_extract',
      'experimental_evaluate',
    ],
    requestArg: 0,
    modelProperty: 'model',
    stringModelVendor: 'vercel-gateway',
  },
  // experimental_startBatch({ provider: openai, requests }) names the provider, not a model.
  { module: 'ai', functions: ['startBatch', 'experimental_startBatch'], requestArg: 0, modelProperty: 'provider' },
  // uploadFile({ api: openai.files(), data }) / uploadSkill({ api, files }).
  { module: 'ai', functions: ['uploadFile', 'uploadSkill'], requestArg: 0, modelProperty: 'api' },
];

const modelProviders: ModelProviderEntry[] = [
  // Installed and verified.
  { module: '@ai-sdk/openai', vendor: 'openai', exports: ['openai', 'createOpenAI'], endpointOptions: ['baseURL'], interfaces: ['OpenAIProvider'] },
  { module: '@ai-sdk/azure', vendor: 'azure-openai', exports: ['azure', 'createAzure'], endpointOptions: ['baseURL'], interfaces: ['AzureOpenAIProvider'] },
  { module: '@ai-sdk/anthropic', vendor: 'anthropic', exports: ['anthropic', 'createAnthropic'], endpointOptions: ['baseURL'], interfaces: ['AnthropicProvider'] },
  { module: '@ai-sdk/google', vendor: 'google-gemini', exports: ['google', 'createGoogle', 'createGoogleGenerativeAI'], endpointOptions: ['baseURL'], interfaces: ['GoogleProvider'] },
  {
    // Includes the /anthropic, /maas and /xai subpaths (partner models served by Vertex AI).
    module: '@ai-sdk/google-vertex',
    vendor: 'google-vertex',
    exports: [
      'vertex',
      'googleVertex',
      'createVertex',
      'createGoogleVertex',
      'vertexAnthropic',
      'googleVertexAnthropic',
      'createVertexAnthropic',
      'createGoogleVertexAnthropic',
      'vertexMaas',
      'googleVertexMaas',
      'createVertexMaas',
      'createGoogleVertexMaas',
      'googleVertexXai',
      'createGoogleVertexXai',
    ],
    endpointOptions: ['baseURL'],
    regionOptions: ['location'],
    // GoogleVertexMaasProvider extends @ai-sdk/openai-compatible's OpenAICompatibleProvider: its
    // call signature resolves there, so vertexMaas(...) is only recognised by its export.
    interfaces: ['GoogleVertexProvider', 'GoogleVertexAnthropicProvider', 'GoogleVertexXaiProvider'],
  },
  {
    // Includes the /anthropic and /mantle subpaths.
    module: '@ai-sdk/amazon-bedrock',
    vendor: 'aws-bedrock',
    exports: ['bedrock', 'amazonBedrock', 'createAmazonBedrock', 'bedrockAnthropic', 'amazonBedrockAnthropic', 'createBedrockAnthropic', 'createAmazonBedrockAnthropic', 'bedrockMantle', 'createBedrockMantle'],
    endpointOptions: ['baseURL'],
    regionOptions: ['region'],
    interfaces: ['AmazonBedrockProvider', 'AmazonBedrockAnthropicProvider', 'BedrockMantleProvider'],
  },
  { module: '@ai-sdk/mistral', vendor: 'mistral', exports: ['mistral', 'createMistral'], endpointOptions: ['baseURL'], interfaces: ['MistralProvider'] },
  { module: '@ai-sdk/deepseek', vendor: 'deepseek', exports: ['deepseek', 'deepSeek', 'createDeepSeek'], endpointOptions: ['baseURL'], interfaces: ['DeepSeekProvider'] },
  // `ai` re-exports gateway/createGateway from here.
  { module: '@ai-sdk/gateway', vendor: 'vercel-gateway', exports: ['gateway', 'createGateway', 'createGatewayProvider'], endpointOptions: ['baseURL'], interfaces: ['GatewayProvider'] },
  // Any OpenAI-compatible server: only the baseURL host tells the vendor (LM Studio on localhost,
  // Together, Fireworks...).
  { module: '@ai-sdk/openai-compatible', vendor: 'unknown', exports: ['createOpenAICompatible'], endpointOptions: ['baseURL'], interfaces: ['OpenAICompatibleProvider'] },

  // Not installed: names from the providers' documentation, not verified.
  { module: '@ai-sdk/groq', vendor: 'groq', exports: ['groq', 'createGroq'], endpointOptions: ['baseURL'], interfaces: ['GroqProvider'] },
  { module: '@ai-sdk/cohere', vendor: 'cohere', exports: ['cohere', 'createCohere'], endpointOptions: ['baseURL'], interfaces: ['CohereProvider'] },
  { module: '@ai-sdk/togetherai', vendor: 'together', exports: ['togetherai', 'createTogetherAI'], endpointOptions: ['baseURL'] },
  { module: '@ai-sdk/xai', vendor: 'xai', exports: ['xai', 'createXai'], endpointOptions: ['baseURL'], interfaces: ['XaiProvider'] },
  { module: '@ai-sdk/perplexity', vendor: 'perplexity', exports: ['perplexity', 'createPerplexity'], endpointOptions: ['baseURL'] },
  { module: '@ai-sdk/huggingface', vendor: 'huggingface', exports: ['huggingface', 'createHuggingFace'], endpointOptions: ['baseURL'] },
  { module: '@ai-sdk/replicate', vendor: 'replicate', exports: ['replicate', 'createReplicate'], endpointOptions: ['baseURL'] },
  { module: '@ai-sdk/assemblyai', vendor: 'assemblyai', exports: ['assemblyai', 'createAssemblyAI'] },
  { module: '@ai-sdk/deepgram', vendor: 'deepgram', exports: ['deepgram', 'createDeepgram'] },
  { module: '@openrouter/ai-sdk-provider', vendor: 'openrouter', exports: ['openrouter', 'createOpenRouter'], endpointOptions: ['baseURL'] },
  { module: 'ollama-ai-provider', vendor: 'local', exports: ['ollama', 'createOllama'], endpointOptions: ['baseURL'] },
  { module: 'ollama-ai-provider-v2', vendor: 'local', exports: ['ollama', 'createOllama'], endpointOptions: ['baseURL'] },
  { module: 'ai-sdk-ollama', vendor: 'local', exports: ['ollama', 'createOllama'], endpointOptions: ['baseURL'] },
];

// ------------------------------------------------------------------------------------------
// LangChain model classes
// ------------------------------------------------------------------------------------------

const langchainModels: VendorCatalog['langchainModels'] = [
  {
    module: '@langchain/openai',
    // OpenAI$2 is how the bundled .d.ts declares the exported `OpenAI` LLM class.
    classes: ['ChatOpenAI', 'ChatOpenAICompletions', 'ChatOpenAIResponses', 'BaseChatOpenAI', 'OpenAI', 'OpenAI$2', 'OpenAIEmbeddings', 'DallEAPIWrapper'],
    vendor: 'openai',
    endpointOptions: ['configuration.baseURL'],
  },
  {
    module: '@langchain/openai',
    // AzureOpenAI$1 is the declared name of the exported `AzureOpenAI` LLM class. Exact class
    // names decide before base classes: AzureChatOpenAI extends ChatOpenAI.
    classes: ['AzureChatOpenAI', 'AzureChatOpenAICompletions', 'AzureChatOpenAIResponses', 'AzureOpenAI', 'AzureOpenAI$1', 'AzureOpenAIEmbeddings'],
    vendor: 'azure-openai',
    endpointOptions: ['azureOpenAIEndpoint', 'azureOpenAIBasePath', 'configuration.baseURL'],
  },
  // ChatAnthropic's constructor is inherited from ChatAnthropicMessages.
  { module: '@langchain/anthropic', classes: ['ChatAnthropic', 'ChatAnthropicMessages'], vendor: 'anthropic', endpointOptions: ['anthropicApiUrl', 'clientOptions.baseURL'] },

  // Not installed: class names from the packages' documentation, not verified.
  { module: '@langchain/google-genai', classes: ['ChatGoogleGenerativeAI', 'GoogleGenerativeAIEmbeddings'], vendor: 'google-gemini', endpointOptions: ['baseUrl'] },
  { module: '@langchain/google-vertexai', classes: ['ChatVertexAI', 'VertexAI', 'VertexAIEmbeddings'], vendor: 'google-vertex' },
  { module: '@langchain/google-vertexai-web', classes: ['ChatVertexAI', 'VertexAI', 'VertexAIEmbeddings'], vendor: 'google-vertex' },
  { module: '@langchain/aws', classes: ['ChatBedrockConverse', 'BedrockEmbeddings'], vendor: 'aws-bedrock', endpointOptions: ['endpointHost'] },
  { module: '@langchain/mistralai', classes: ['ChatMistralAI', 'MistralAI', 'MistralAIEmbeddings'], vendor: 'mistral', endpointOptions: ['serverURL', 'endpoint'] },
  { module: '@langchain/groq', classes: ['ChatGroq'], vendor: 'groq', endpointOptions: ['baseUrl'] },
  { module: '@langchain/ollama', classes: ['ChatOllama', 'Ollama', 'OllamaEmbeddings'], vendor: 'local', endpointOptions: ['baseUrl'] },
  { module: '@langchain/cohere', classes: ['ChatCohere', 'Cohere', 'CohereEmbeddings', 'CohereRerank'], vendor: 'cohere' },
  { module: '@langchain/deepseek', classes: ['ChatDeepSeek'], vendor: 'deepseek', endpointOptions: ['configuration.baseURL'] },
  { module: '@langchain/xai', classes: ['ChatXAI'], vendor: 'xai' },

  // langchain 0.0.x (verified: 0.0.150): langchain/chat_models/openai, llms/openai, llms/openai-chat,
  // embeddings/openai, chat_models/anthropic, llms/... declare the classes in the package itself.
  {
    module: 'langchain',
    classes: ['ChatOpenAI', 'PromptLayerChatOpenAI', 'OpenAI', 'PromptLayerOpenAI', 'OpenAIChat', 'PromptLayerOpenAIChat', 'OpenAIEmbeddings'],
    vendor: 'openai',
    endpointOptions: ['configuration.basePath', 'configuration.baseURL'],
  },
  { module: 'langchain', classes: ['ChatAnthropic'], vendor: 'anthropic', endpointOptions: ['anthropicApiUrl'] },
];

// ------------------------------------------------------------------------------------------
// Raw HTTP
// ------------------------------------------------------------------------------------------

const http: VendorCatalog['http'] = [
  // fetch(url, { body }). Resolves to @types/node (web-globals/fetch.d.ts) when @types/node is in
  // the program, otherwise to node_modules/typescript/lib/lib.dom.d.ts (or lib.webworker.d.ts),
  // whose package is "typescript".
  { module: 'typescript', functions: ['fetch'], urlArg: 0, bodyArgs: [1], bodyProperty: 'body' },
  { module: '@types/node', functions: ['fetch'], urlArg: 0, bodyArgs: [1], bodyProperty: 'body' },
  // import { fetch } from 'undici' / 'node-fetch' (not installed here; undici-types, which
  // @types/node uses, declares the same function).
  { module: 'undici-types', functions: ['fetch'], urlArg: 0, bodyArgs: [1], bodyProperty: 'body' },
  { module: 'undici', functions: ['fetch'], urlArg: 0, bodyArgs: [1], bodyProperty: 'body' },
  { module: 'node-fetch', functions: ['fetch'], urlArg: 0, bodyArgs: [1], bodyProperty: 'body' },
  // axios(config) / instance(config) / axios.request(config): the config's url and data.
  // "(call)" is AxiosInstance's call signature. Listed first: the untyped fallback takes the
  // first axios entry for `axios(...)` calls.
  { module: 'axios', classes: ['Axios', 'AxiosInstance', 'AxiosStatic'], functions: ['request', '(call)'], urlArg: 0, bodyArgs: [0], bodyProperty: 'config' },
  // axios.post(url, data, config) and friends, on the default export or an axios.create() instance.
  { module: 'axios', classes: ['Axios', 'AxiosInstance', 'AxiosStatic'], functions: ['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm'], urlArg: 0, bodyArgs: [1] },
];

export const catalog: VendorCatalog = {
  vendors,
  clients,
  methods: [...openaiMethods, ...anthropicMethods, ...googleMethods, ...bedrockMethods, ...mistralMethods, ...cohereMethods, ...groqMethods, ...ollamaMethods, ...assemblyaiMethods, ...aiSdkMethods, ...langchainMethods],
  modelFunctions,
  modelProviders,
  langchainModels,
  http,
};
