import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { format } from 'node:util';
import { openaiClient, claude } from '../lib/clients.js';

/**
 * The patient portal's triage endpoints as they arrive: Express (body `any`), a Lambda behind
 * API Gateway (body a JSON string) and a web-standard route handler (`await request.json()`).
 * No type says what the body holds: names decide for members, and a body forwarded whole is
 * PHI (phi.requestBodies "whole", the default).
 */
export async function triage(req: ExpressRequest, res: ExpressResponse): Promise<void> {
  const { dateOfBirth, complaint, preferredTime } = req.body;
  const completion = await openaiClient.chat.completions.create({ // expect: approved-vendors
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'You route portal messages to the right clinic queue.' },
      { role: 'user', content: `Born ${dateOfBirth}; wants ${preferredTime}.` }, // expect: no-phi-in-prompt
      { role: 'user', content: complaint }, // expect: no-phi-in-prompt
    ],
  });
  res.json({ queue: completion.choices[0]?.message.content });
}

export async function escalate(req: ExpressRequest, res: ExpressResponse): Promise<void> {
  const reply = await claude.messages.create({ // expect: approved-vendors
    model: 'claude-sonnet-4-5',
    max_tokens: 400,
    messages: [{ role: 'user', content: `Escalation form: ${JSON.stringify(req.body)}` }], // expect: no-phi-in-prompt
  });
  res.json({ ok: reply.id.length > 0, page: req.body.page });
}

export async function lambdaHandler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const { mrn, topic } = JSON.parse(event.body ?? '{}');
  const completion = await openaiClient.chat.completions.create({ // expect: approved-vendors
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: format('Topic %s for chart %s', topic, mrn) }], // expect: no-phi-in-prompt
  });
  return { statusCode: 200, body: completion.choices[0]?.message.content ?? '' };
}

const LETTER = 'Dear {{name}}, your visit about {{reason}} is confirmed.';

export async function POST(request: Request): Promise<Response> {
  const form = await request.json();
  const draft = LETTER.replace('{{name}}', form.fullName).replace('{{reason}}', 'your follow-up'); // expect: no-phi-in-prompt
  const completion = await openaiClient.chat.completions.create({ // expect: approved-vendors
    model: 'gpt-4o-mini',
    messages: [
      { role: 'user', content: `Polish this letter: ${draft}` },
      { role: 'user', content: `Channel: ${form.channel}` },
    ],
  });
  return new Response(completion.choices[0]?.message.content ?? '');
}
