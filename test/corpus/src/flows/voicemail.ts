import Groq from 'groq-sdk';

/**
 * Voicemail triage: `@phi` on a class, a parameter and a variable, for values whose types are
 * plain strings.
 */
const groq = new Groq();

/** @phi */
export class Voicemail {
  constructor(
    public readonly callerNumber: string,
    public readonly transcript: string,
  ) {}
}

declare function transcribe(audioUrl: string): Promise<string>;

export async function triageVoicemail(vm: Voicemail): Promise<string> {
  const res = await groq.chat.completions.create({ // expect: approved-vendors
    model: 'llama-3.1-8b-instant',
    messages: [{ role: 'user', content: `Callback ${vm.callerNumber}: ${vm.transcript}` }], // expect: no-phi-in-prompt
  });
  return res.choices[0]?.message.content ?? '';
}

export async function callbackScript(/** @phi */ callerName: string, topic: string): Promise<string> {
  const res = await groq.chat.completions.create({ // expect: approved-vendors
    model: 'llama-3.1-8b-instant',
    messages: [{ role: 'user', content: `Write a callback script for ${callerName} about ${topic}.` }], // expect: no-phi-in-prompt
  });
  return res.choices[0]?.message.content ?? '';
}

export async function triageFromAudio(audioUrl: string): Promise<string> {
  /** @phi */
  const heard = await transcribe(audioUrl);
  const res = await groq.chat.completions.create({ // expect: approved-vendors
    model: 'llama-3.1-8b-instant',
    messages: [{ role: 'user', content: heard.slice(0, 2000) }], // expect: no-phi-in-prompt
  });
  return res.choices[0]?.message.content ?? '';
}
