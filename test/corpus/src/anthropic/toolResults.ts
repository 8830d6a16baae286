import Anthropic from '@anthropic-ai/sdk';
import type { LabResult } from '../domain/clinical.js';
import type { Patient } from '../domain/patient.js';

/** The nurse-line agent answers with tools; tool results carry chart data back to the model. */
const anthropic = new Anthropic();

const tools: Anthropic.Tool[] = [
  { name: 'get_recent_labs', description: 'Recent lab results for the caller', input_schema: { type: 'object', properties: {} } },
];

export async function answerWithLabs(patient: Patient, labs: LabResult[], question: string): Promise<Anthropic.Message> {
  const first = await anthropic.messages.create({ // expect: approved-vendors
    model: 'claude-sonnet-4-5',
    max_tokens: 800,
    tools,
    messages: [{ role: 'user', content: question }],
  });
  const toolUse = first.content.find((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use');
  if (!toolUse) return first;
  const labLines = labs.map((l) => `${l.loincCode} ${l.value} ${l.unit}`).join('\n'); // expect: no-phi-in-prompt
  return anthropic.messages.create({ // expect: approved-vendors
    model: 'claude-sonnet-4-5',
    max_tokens: 800,
    tools,
    messages: [
      { role: 'user', content: question },
      { role: 'assistant', content: first.content },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: toolUse.id, content: labLines },
          { type: 'text', text: `Caller verified as ${patient.fullName}.` }, // expect: no-phi-in-prompt
        ],
      },
    ],
  });
}
