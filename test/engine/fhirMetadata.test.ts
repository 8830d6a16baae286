/**
 * False alarms found on a real FHIR backend: members of FHIR datatypes that describe the data's
 * encoding or code system (an attachment's contentType, an identifier's system, an extension's
 * url) are not PHI, even when read from a patient's resource; their siblings still are.
 */
import * as assert from 'node:assert/strict';
import { analyze } from '../support/program';

describe('engine: FHIR metadata is not PHI', () => {
  it('attachment contentType/size, identifier system, extension url: clean; title and value: PHI', () => {
    const code = `import OpenAI from 'openai';
import type { DocumentReference, Patient } from '@medplum/fhirtypes';
const openai = new OpenAI();
const ask = (content: string) => openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content }] });
export async function f(doc: DocumentReference, p: Patient) {
  const mimeType = doc.content?.[0]?.attachment?.contentType ?? 'image/png';
  await ask(\`Type \${mimeType} size \${doc.content?.[0]?.attachment?.size}\`);
  await ask(\`Title \${doc.content?.[0]?.attachment?.title}\`);
  const mrn = p.identifier?.find((i) => i.system === 'urn:mrn');
  await ask(\`System \${mrn?.system}\`);
  await ask(\`Value \${mrn?.value}\`);
  await ask(\`Ext \${p.extension?.[0]?.url}\`);
}`;
    const rows = analyze(code)
      .findings.filter((f) => f.ruleId === 'no-phi-in-prompt')
      .map((f) => `${f.range.startPos.line + 1} ${code.slice(f.range.start, f.range.end)} ${(f.phi ?? []).join(',')}`);
    assert.deepEqual(rows, ['8 doc.content?.[0]?.attachment?.title DocumentReference.content', '11 mrn?.value Patient.identifier']);
  });
});
