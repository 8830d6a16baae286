import OpenAI, { AzureOpenAI } from 'openai';
import Anthropic from '@anthropic-ai/sdk';

/** Shared, configured SDK clients: features import these instead of constructing their own. */
export const openaiClient = new OpenAI({ maxRetries: 3, timeout: 30_000 });
export const claude = new Anthropic({ maxRetries: 3 });
export const coveredAzure = new AzureOpenAI({
  endpoint: 'https://carebridge-prod.openai.azure.com',
  apiVersion: '2024-10-21',
});
