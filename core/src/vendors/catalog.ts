import type { VendorCatalog } from './catalogTypes';

// Stopgap catalog (openai, anthropic, AI SDK) until the verified full catalog lands.
export const catalog: VendorCatalog = {
  vendors: [
    { id: 'openai', name: 'OpenAI', hosts: ['api.openai.com'] },
    { id: 'azure-openai', name: 'Azure OpenAI', hosts: ['*.openai.azure.com', '*.cognitiveservices.azure.com'] },
    { id: 'anthropic', name: 'Anthropic', hosts: ['api.anthropic.com'] },
    { id: 'aws-bedrock', name: 'AWS Bedrock', hosts: ['bedrock-runtime.*.amazonaws.com'] },
    { id: 'vercel-gateway', name: 'Vercel AI Gateway', hosts: ['ai-gateway.vercel.sh'] },
    { id: 'local', name: 'a local model', hosts: ['localhost', '127.0.0.1'], local: true },
  ],
  clients: [
    { module: 'openai', classes: ['OpenAI'], vendor: 'openai', endpointOptions: ['baseURL'] },
    { module: 'openai', classes: ['AzureOpenAI'], vendor: 'azure-openai', endpointOptions: ['endpoint', 'baseURL'] },
    { module: '@anthropic-ai/sdk', classes: ['Anthropic'], vendor: 'anthropic', endpointOptions: ['baseURL'] },
  ],
  methods: [
    { module: 'openai', classes: ['Completions', 'Responses', 'Embeddings'], methods: ['create', 'stream', 'parse'], vendor: 'openai', contentArgs: [0], modelProperty: 'model', untypedChains: ['chat.completions.create', 'responses.create', 'embeddings.create', 'completions.create'] },
    { module: '@langchain/openai', methods: ['embedQuery', 'embedDocuments'], vendor: 'openai', vendorFrom: 'langchain' },
    { module: '@langchain/core', methods: ['invoke', 'stream', 'batch', 'call', 'predict', 'generate', 'streamEvents', 'embedQuery', 'embedDocuments'], vendor: 'openai', vendorFrom: 'langchain' },
    { module: '@anthropic-ai/sdk', classes: ['Messages', 'Completions'], methods: ['create', 'stream', 'countTokens'], vendor: 'anthropic', contentArgs: [0], modelProperty: 'model', untypedChains: ['messages.create'] },
  ],
  modelFunctions: [{ module: 'ai', functions: ['generateText', 'streamText', 'generateObject', 'streamObject', 'embed', 'embedMany'], requestArg: 0, modelProperty: 'model' }],
  modelProviders: [{ module: '@ai-sdk/openai', vendor: 'openai', exports: ['openai', 'createOpenAI'], endpointOptions: ['baseURL'] }],
  langchainModels: [{ module: '@langchain/openai', classes: ['ChatOpenAI', 'OpenAIEmbeddings', 'OpenAI'], vendor: 'openai' }, { module: '@langchain/openai', classes: ['AzureChatOpenAI', 'AzureOpenAIEmbeddings'], vendor: 'azure-openai' }],
  http: [{ module: 'typescript', functions: ['fetch'], urlArg: 0, bodyArgs: [1] }],
};
