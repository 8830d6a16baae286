import { AnthropicVertex } from '@anthropic-ai/vertex-sdk';
import type { LabResult } from '../domain/clinical.js';

/** Claude on Google Vertex AI (vendor google-vertex): no BAA on record for it. */
const vertex = new AnthropicVertex({ projectId: 'carebridge-ml', region: 'us-east5' });

export async function interpretLab(lab: LabResult): Promise<string> {
  const prompt = `LOINC ${lab.loincCode}: value ${lab.value} ${lab.unit}. Interpretation on file: ${lab.interpretation}.`; // expect: no-phi-in-prompt
  const msg = await vertex.messages.create({ // expect: approved-vendors
    model: 'claude-sonnet-4-5@20250929',
    max_tokens: 400,
    messages: [{ role: 'user', content: prompt }],
  });
  const first = msg.content[0];
  return first?.type === 'text' ? first.text : '';
}

/** Clean: the abnormal flag is a boolean and the LOINC code is not about the person. */
export async function labCodeGlossary(lab: LabResult): Promise<string> {
  const msg = await vertex.messages.create({ // expect: approved-vendors
    model: 'claude-sonnet-4-5@20250929',
    max_tokens: 200,
    messages: [{ role: 'user', content: `What does LOINC ${lab.loincCode} measure? Abnormal flagged: ${lab.abnormal}` }],
  });
  const first = msg.content[0];
  return first?.type === 'text' ? first.text : '';
}
