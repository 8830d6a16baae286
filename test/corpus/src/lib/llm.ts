import OpenAI, { AzureOpenAI } from 'openai';

/**
 * The two project wrappers every feature uses. Whoever calls `askModel` sends its `prompt`
 * to OpenAI; `askCovered` goes to our Azure OpenAI deployment, which is under a BAA.
 */
const openai = new OpenAI();
const azure = new AzureOpenAI({
  endpoint: 'https://carebridge-prod.openai.azure.com',
  apiVersion: '2024-10-21',
  deployment: 'gpt-4o',
});

export async function askModel(prompt: string, system = 'You are a helpful clinical assistant.'): Promise<string> {
  const res = await openai.chat.completions.create({ // expect: approved-vendors
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: prompt },
    ],
  });
  return res.choices[0]?.message.content ?? '';
}

export async function askCovered(prompt: string): Promise<string> {
  const res = await azure.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: prompt }],
  });
  return res.choices[0]?.message.content ?? '';
}
