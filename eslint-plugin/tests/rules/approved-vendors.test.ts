import * as path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../src/rules/approved-vendors';

const fixture = path.resolve(__dirname, '../../../tests/fixture');
const filename = path.join(fixture, 'file.ts');

const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['*.js'] }, tsconfigRootDir: fixture } },
});

/** The callee of the call on `line` is reported; `callee` is its text, to pin the column. */
function invalid(code: string, line: number, callee: string, messageId: 'unapprovedVendor' | 'unknownEndpoint' | 'outsideBaaScope', message?: string) {
  const column = (code.split('\n')[line - 1] ?? '').indexOf(callee) + 1;
  if (column === 0) throw new Error(`test setup: "${callee}" is not on line ${line}`);
  return { code, filename, errors: [{ messageId, line, column, endColumn: column + callee.length, ...(message ? { data: { message } } : {}) }] };
}

ruleTester.run('approved-vendors', rule as never, {
  valid: [
    // Azure OpenAI has a BAA in the fixture config.
    { filename, code: `import { AzureOpenAI } from 'openai';\nconst c = new AzureOpenAI({ endpoint: 'https://acme.openai.azure.com', apiVersion: '2024-10-21' });\nexport const r = c.chat.completions.create({ model: 'gpt-4o', messages: [] });` },
    // OpenAI's client pointed at Azure by a constant baseURL is azure-openai.
    { filename, code: `import OpenAI from 'openai';\nconst c = new OpenAI({ baseURL: 'https://acme.openai.azure.com/openai/v1' });\nexport const r = c.chat.completions.create({ model: 'gpt-4o', messages: [] });` },
    // First-party gateway declared in the config, and loopback.
    { filename, code: `import OpenAI from 'openai';\nconst gw = new OpenAI({ baseURL: 'https://llm.acme.internal/v1' });\nconst local = new OpenAI({ baseURL: 'http://127.0.0.1:8080/v1' });\nexport const a = gw.embeddings.create({ model: 'e', input: 'x' });\nexport const b = local.embeddings.create({ model: 'e', input: 'x' });` },
    // A variable named like a client is not a client: matching is by declaration.
    { filename, code: `const openai = { chat: { completions: { create: (x: unknown) => x } } };\nexport const r = openai.chat.completions.create({ model: 'gpt-4o' });` },
    // Bedrock inside the BAA's regions and models.
    { filename, code: `import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\nconst bedrock = new BedrockRuntimeClient({ region: 'us-east-1' });\nexport const r = bedrock.send(new ConverseCommand({ modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0', messages: [] }));` },
    // fetch to a host that is not an LLM vendor.
    { filename, code: `export const r = fetch('https://api.example.org/v1/things', { method: 'POST', body: '{}' });` },
  ],
  invalid: [
    invalid(`import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport const r = openai.chat.completions.create({ model: 'gpt-4o', messages: [] });`, 3, 'openai.chat.completions.create', 'unapprovedVendor',
      'OpenAI (chat.completions.create) is not in approvedVendors in phi-guard.config.json: openai has no BAA on record.'),
    invalid(`import Anthropic from '@anthropic-ai/sdk';\nconst a = new Anthropic();\nexport const r = a.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 10, messages: [] });`, 3, 'a.messages.create', 'unapprovedVendor'),
    // A client passed in: its class decides.
    invalid(`import OpenAI from 'openai';\nexport async function f(client: OpenAI) {\n  return client.responses.create({ model: 'gpt-4o', input: 'hi' });\n}`, 3, 'client.responses.create', 'unapprovedVendor'),
    // An endpoint read at run time cannot be determined.
    invalid(`import OpenAI from 'openai';\ndeclare const baseURL: string;\nconst c = new OpenAI({ baseURL });\nexport const r = c.chat.completions.create({ model: 'gpt-4o', messages: [] });`, 4, 'c.chat.completions.create', 'unknownEndpoint'),
    // fetch to a vendor's API host.
    invalid(`export const r = fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o' }) });`, 1, 'fetch', 'unapprovedVendor'),
    // Vercel AI SDK: the provider decides the vendor.
    invalid(`import { generateText } from 'ai';\nimport { openai } from '@ai-sdk/openai';\nexport const r = generateText({ model: openai('gpt-4o'), prompt: 'hi' });`, 3, 'generateText', 'unapprovedVendor'),
    // Bedrock outside the BAA: region, model, or a region that cannot be determined.
    invalid(`import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\nconst bedrock = new BedrockRuntimeClient({ region: 'eu-west-1' });\nexport const r = bedrock.send(new ConverseCommand({ modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0', messages: [] }));`, 3, 'bedrock.send', 'outsideBaaScope',
      'Amazon Bedrock (send) is approved in phi-guard.config.json, but its region "eu-west-1" is outside the BAA (covers us-*).'),
    invalid(`import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';\nconst bedrock = new BedrockRuntimeClient({ region: 'us-west-2' });\nexport const r = bedrock.send(new InvokeModelCommand({ modelId: 'meta.llama3-70b-instruct-v1:0', body: '{}' }));`, 3, 'bedrock.send', 'outsideBaaScope'),
    invalid(`import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';\ndeclare const region: string;\nconst bedrock = new BedrockRuntimeClient({ region });\nexport const r = bedrock.send(new ConverseCommand({ modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0', messages: [] }));`, 4, 'bedrock.send', 'outsideBaaScope'),
  ],
});
