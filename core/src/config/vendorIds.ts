/**
 * Ids of the vendors in the built-in catalog (core/src/vendors/catalog.ts). Kept here as a
 * plain list so the configuration can be validated without loading the catalog; a test in
 * the vendors module should check the two agree.
 */
export const BUILTIN_VENDOR_IDS: readonly string[] = [
  'openai',
  'azure-openai',
  'anthropic',
  'google-gemini',
  'google-vertex',
  'aws-bedrock',
  'mistral',
  'cohere',
  'groq',
  'together',
  'huggingface',
  'replicate',
  'deepseek',
  'xai',
  'openrouter',
  'perplexity',
  'vercel-gateway',
  'assemblyai',
  'deepgram',
  'local',
];
