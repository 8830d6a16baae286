import * as assert from 'node:assert/strict';
import { analyze, renderFlows } from '../support/program';

const HEAD = `import OpenAI from 'openai';\nconst openai = new OpenAI();\nimport type { Patient, ClinicalNote } from './models.js';\n`;

describe('engine: flow paths', () => {
  it('records source, each hop and the call', () => {
    const a = analyze(`${HEAD}export async function f(p: Patient) {\n  const name = p.fullName;\n  let prompt = 'Hi';\n  prompt = \`Dear \${name}\`;\n  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });\n}`);
    const phi = a.findings.filter((f) => f.ruleId === 'no-phi-in-prompt');
    assert.equal(phi.length, 1);
    assert.deepEqual(renderFlows(phi), ['no-phi-in-prompt@L7: source@L5 -> hop@L5 -> hop@L7 -> hop@L7 -> hop@L7 -> sink@L8']);
    assert.deepEqual(phi[0]!.phi, ['Patient.fullName']);
    assert.match(phi[0]!.message, /^PHI Patient\.fullName reaches OpenAI \(chat\.completions\.create, line 8\); openai has no BAA in phi-guard\.config\.json\.$/);
    assert.equal(phi[0]!.fixes[0]!.title, 'Wrap name in redact()');
  });

  it('lists the call in the inventory with its vendor and the PHI that reaches it', () => {
    const a = analyze(`${HEAD}export async function f(n: ClinicalNote) {\n  return openai.embeddings.create({ model: 'text-embedding-3-small', input: n.text });\n}`);
    assert.equal(a.callSites.length, 1);
    assert.equal(a.callSites[0]!.vendor.id, 'openai');
    assert.equal(a.callSites[0]!.approved, false);
    assert.deepEqual(a.callSites[0]!.phi, ['ClinicalNote.text']);
  });

  it('follows a parameter through a same-file helper and reports where it is embedded', () => {
    const a = analyze(`${HEAD}function line(label: string, value: string) {\n  return label + ': ' + value;\n}\nexport async function f(p: Patient) {\n  const body = line('DOB', p.dateOfBirth);\n  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: body }] });\n}`);
    assert.deepEqual(
      a.findings.filter((f) => f.ruleId === 'no-phi-in-prompt').map((f) => [f.range.startPos.line + 1, f.phi]),
      [[8, ['Patient.dateOfBirth']]],
    );
  });

  it('treats recursion and cycles without hanging', () => {
    const a = analyze(`${HEAD}function a(s: string, n: number): string { return n > 0 ? b(s + '!', n - 1) : s; }\nfunction b(s: string, n: number): string { return a(s, n); }\nexport async function f(p: Patient) {\n  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: a(p.ssn, 3) }] });\n}`);
    assert.ok(a.findings.some((f) => f.ruleId === 'no-phi-in-prompt' && f.phi?.includes('Patient.ssn')));
  });
});

describe('engine: fails closed', () => {
  it('turns an exhausted time budget into a finding per rule on the first line', () => {
    const calls = Array.from({ length: 400 }, (_, i) => `  await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: \`\${p.ssn} ${i}\` }] });`).join('\n');
    const a = analyze(`${HEAD}export async function f(p: Patient) {\n${calls}\n}`, 0);
    assert.deepEqual(a.findings.map((f) => [f.ruleId, f.kind, f.range.startPos.line]), [
      ['no-phi-in-prompt', 'analysis-failed', 0],
      ['approved-vendors', 'analysis-failed', 0],
    ]);
    assert.match(a.findings[0]!.message, /could not finish analyzing this file: the time budget of 0 ms ran out/);
  });

  it('analyzes half-typed code and syntax errors without throwing', () => {
    const a = analyze(`${HEAD}export async function f(p: Patient) {\n  const x = p.\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: \`\${p.ssn}\` }\n`);
    assert.ok(a.findings.some((f) => f.ruleId === 'no-phi-in-prompt' && f.kind === 'phi-to-vendor'));
  });

  it('PHI spread into an array is reported at the spread, and its fix redacts each element', () => {
    const code = `${HEAD}import type { PHI } from './models.js';\nexport async function f(allergies: PHI<string>[]) {\n  const all = [...allergies, 'none otherwise'];\n  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: all.join('\\n') }] });\n}`;
    const phi = analyze(code).findings.filter((f) => f.kind === 'phi-to-vendor');
    assert.deepEqual(phi.map((f) => f.range.startPos.line + 1), [6]);
    const edits = phi[0]!.fixes[0]!.edits;
    assert.ok(edits.some((e) => e.newText === '...allergies.map((item) => redact(item))'), JSON.stringify(edits));
    // Applied (edits from the end, so offsets stay valid), the file sends nothing that is PHI.
    let fixed = code;
    for (const e of [...edits].sort((a, b) => b.start - a.start)) fixed = fixed.slice(0, e.start) + e.newText + fixed.slice(e.end);
    assert.deepEqual(analyze(fixed).findings.filter((f) => f.kind === 'phi-to-vendor').map((f) => f.message), []);
  });
});
