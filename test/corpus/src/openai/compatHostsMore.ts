import OpenAI from 'openai';
import type { Appointment } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/** More OpenAI-compatible hosts tried by the platform team: DeepSeek, OpenRouter, xAI, Perplexity. */
const deepseek = new OpenAI({ baseURL: 'https://api.deepseek.com', apiKey: process.env.DEEPSEEK_API_KEY });
const openrouter = new OpenAI({ baseURL: 'https://openrouter.ai/api/v1', apiKey: process.env.OPENROUTER_API_KEY });
const grok = new OpenAI({ baseURL: 'https://api.x.ai/v1', apiKey: process.env.XAI_API_KEY });
const perplexity = new OpenAI({ baseURL: 'https://api.perplexity.ai', apiKey: process.env.PPLX_API_KEY });

export async function reasonAboutVisit(appointment: Appointment): Promise<string> {
  const res = await deepseek.chat.completions.create({ // expect: approved-vendors
    model: 'deepseek-reasoner',
    messages: [{ role: 'user', content: appointment.reason }], // expect: no-phi-in-prompt
  });
  return res.choices[0]?.message.content ?? '';
}

export async function routeToAnyModel(patient: Patient): Promise<string> {
  const res = await openrouter.chat.completions.create({ // expect: approved-vendors
    model: 'anthropic/claude-sonnet-4.5',
    messages: [{ role: 'user', content: `Draft a birthday greeting for ${patient.fullName}.` }], // expect: no-phi-in-prompt
  });
  return res.choices[0]?.message.content ?? '';
}

export async function askGrok(patient: Patient): Promise<string> {
  const res = await grok.chat.completions.create({ // expect: approved-vendors
    model: 'grok-3',
    messages: [{ role: 'user', content: `Explain allergy cross-reactivity for: ${patient.allergies.join(', ')}` }], // expect: no-phi-in-prompt
  });
  return res.choices[0]?.message.content ?? '';
}

/** Clean: a literature question with no patient data, still an unapproved vendor. */
export async function searchGuidelines(topic: string): Promise<string> {
  const res = await perplexity.chat.completions.create({ model: 'sonar', messages: [{ role: 'user', content: `Latest USPSTF guidance on ${topic}` }] }); // expect: approved-vendors
  return res.choices[0]?.message.content ?? '';
}
