/**
 * Shapes of real code that made the analysis grow without bound (ottehr's patient-merge code:
 * FHIR resources that point at each other), and the bounds that keep it linear.
 */
import * as assert from 'node:assert/strict';
import ts from 'typescript';
import { analyzeFile, loadConfigForFile } from '@phi-guard/core';
import { analyze, programWith, programWithFiles } from '../support/program';
// Internal: how many definitions the sharing of mutations made (not part of the public API).
import { DefIndex } from '@phi-guard/core/dist/src/flow/defs';

const HEADER = `import OpenAI from 'openai';\nconst openai = new OpenAI();\nimport type { Patient } from './models.js';\n`;

/** `n` objects, each linked to others through members in cycles (`r0.f3 = r3; r3.f0 = r0`). */
function cyclicMerge(n: number, phiInto: number): { code: string; phiLine: number; callLine: number } {
  const lines = HEADER.split('\n').slice(0, -1);
  lines.push('export async function merge(p: Patient) {');
  for (let i = 0; i < n; i++) lines.push(`  const r${i}: any = {};`);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && (i + j) % 3 === 0) lines.push(`  r${i}.f${j} = r${j};`);
  let phiLine = 0;
  for (let i = 0; i < n; i++) {
    lines.push(`  r${i}.items.push(${i === phiInto ? 'p.fullName' : 'p.clinicId'});`);
    if (i === phiInto) phiLine = lines.length;
  }
  lines.push(`  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: JSON.stringify(r0) }] });`);
  const callLine = lines.length;
  lines.push('}');
  return { code: lines.join('\n'), phiLine, callLine };
}

describe('engine: shapes of real code stay bounded', () => {
  it('objects linked in cycles: PHI written into one reaches what is sent through the others, in bounded work', () => {
    const { code, phiLine, callLine } = cyclicMerge(12, 9);
    const findings = analyze(code).findings.map((f) => `${f.range.startPos.line + 1} ${f.ruleId}${f.phi ? ' ' + f.phi.join(',') : ''}`).sort();
    assert.deepEqual(findings, [`${callLine} approved-vendors`, `${phiLine} no-phi-in-prompt Patient.fullName`].sort());

    // Each write is copied to a bounded number of places: 12 writes of `items` plus the 36 link
    // writes, each at most 32 exact copies and one coarse copy per variable. Unbounded, the
    // member paths through the cycles (r0.f3.f0.f3...) made millions and ran out of memory.
    const { program, sourceFile } = programWith(code);
    const fn = sourceFile.statements.find(ts.isFunctionDeclaration)!;
    const defs = new DefIndex(program.getTypeChecker());
    let total = 0;
    for (const stmt of fn.body!.statements) {
      if (!ts.isVariableStatement(stmt)) continue;
      const sym = program.getTypeChecker().getSymbolAtLocation(stmt.declarationList.declarations[0]!.name)!;
      total += defs.defsOf(sym, fn).length;
    }
    assert.ok(total > 48, `every write is recorded (${total})`);
    assert.ok(total <= 48 * (32 + 12 * 3), `copies are bounded (${total})`);
  });

  it('a clean member written into the same cycles stays clean', () => {
    const { code, callLine } = cyclicMerge(12, -1);
    const findings = analyze(code).findings.map((f) => `${f.range.startPos.line + 1} ${f.ruleId}`);
    assert.deepEqual(findings, [`${callLine} approved-vendors`]);
  });

  it('a schema built from a package the catalog does not know is never type-checked to match its parse()', () => {
    // ottehr: `PaperworkConfigSchema.parse(config)` cost 3.9 s of overload resolution, because
    // `parse` is also an OpenAI method name and asking the receiver's type instantiates the schema.
    const code = `${HEADER}import { z } from 'zod';
const Base = z.object({ id: z.string() });
export const Intake = Base.extend({ reason: z.string() });
export async function f(p: Patient, raw: unknown) {
  const intake = Intake.parse(raw);
  console.log(intake.id);
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: p.fullName }] });
}`;
    const { program, sourceFile } = programWith(code);
    const checker = program.getTypeChecker();
    const asked: string[] = [];
    const wrap = <K extends 'getResolvedSignature' | 'getSymbolAtLocation' | 'getTypeAtLocation'>(k: K) => {
      const orig = checker[k] as (...a: unknown[]) => unknown;
      (checker as unknown as Record<K, unknown>)[k] = (node: ts.Node, ...rest: unknown[]) => {
        if (node.getSourceFile?.() === sourceFile && /parse/.test(node.getText())) asked.push(`${k}(${node.getText().split('\n')[0]})`);
        return orig.call(checker, node, ...rest);
      };
    };
    wrap('getResolvedSignature');
    wrap('getSymbolAtLocation');
    wrap('getTypeAtLocation');
    const rows = analyzeFile(program, sourceFile, loadConfigForFile(sourceFile.fileName)).findings.map((f) => `${f.range.startPos.line + 1} ${f.ruleId}${f.phi ? ' ' + f.phi.join(',') : ''}`);
    assert.deepEqual(rows.sort(), ['10 approved-vendors', '10 no-phi-in-prompt Patient.fullName']);
    assert.deepEqual(asked.filter((a) => !a.startsWith('getSymbolAtLocation(Intake)') && !a.startsWith('getSymbolAtLocation(z)')), []);
  });
  it('a wrapper given another name by Object.assign or Object.freeze is still a wrapper', () => {
    const files = {
      'gw.ts': `import OpenAI from 'openai';\nconst openai = new OpenAI();\nasync function ask(text: string) {\n  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });\n}\nexport const send = Object.assign(ask, { retries: 3 });\nexport const post = Object.freeze(ask);\n`,
      'file.ts': [
        `import type { Patient } from './models.js';`,
        `import { send, post } from './gw.js';`,
        `export async function run(p: Patient) {`,
        `  await send(p.fullName);`,
        `  return post(p.ssn);`,
        `}`,
      ].join('\n'),
    };
    const { program, sourceFile } = programWithFiles(files);
    const rows = analyzeFile(program, sourceFile, loadConfigForFile(sourceFile.fileName)).findings
      .filter((f) => f.ruleId === 'no-phi-in-prompt')
      .map((f) => `${f.range.startPos.line + 1} ${f.phi?.join(',')}`);
    assert.deepEqual(rows.sort(), ['4 Patient.fullName', '5 Patient.ssn']);
  });
  it("a wrapper's name reaches other files only through imports and exports, not through their locals and data", () => {
    // ottehr: aliasing by name alone joined 14,130 names (`result`, `timezone`, `filter`, ...) to
    // one wrapper through one file each, so half of the package's calls were resolved with the
    // checker. Names a file declares are its own; calls through them elsewhere are not resolved.
    const files = {
      'gw.ts': `import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function ask(text: string) {\n  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });\n}\n`,
      'other.ts': `import { ask } from './gw.js';\nexport async function summarize(note: string) {\n  const result = await ask(note);\n  const payload = { timezone: result, filter: result };\n  return payload;\n}\n`,
      'file.ts': [
        `import type { Patient } from './models.js';`,
        `import { ask as send } from './gw.js';`,
        `export async function run(p: Patient, result: (s: string) => string, rows: string[], o: { timezone(): string }) {`,
        `  const kept = rows.filter((r) => result(r).length > 0);`,
        `  const tz = o.timezone();`,
        `  const local = send;`,
        `  await local(p.fullName);`,
        `  console.log(kept.length, tz);`,
        `  return send(\`Summarize for \${p.fullName}\`);`,
        `}`,
      ].join('\n'),
    };
    const { program, sourceFile } = programWithFiles(files);
    const checker = program.getTypeChecker();
    const asked: string[] = [];
    for (const k of ['getResolvedSignature', 'getSymbolAtLocation'] as const) {
      const orig = checker[k] as (...a: unknown[]) => unknown;
      (checker as unknown as Record<string, unknown>)[k] = (node: ts.Node, ...rest: unknown[]) => {
        if (node.getSourceFile?.() === sourceFile) asked.push(node.getText());
        return orig.call(checker, node, ...rest);
      };
    }
    const rows = analyzeFile(program, sourceFile, loadConfigForFile(sourceFile.fileName)).findings
      .filter((f) => f.ruleId === 'no-phi-in-prompt')
      .map((f) => `${f.range.startPos.line + 1} ${f.phi?.join(',')}`);
    // Both calls of the wrapper are found: through the import's local name and through a local alias of it.
    assert.deepEqual(rows.sort(), ['7 Patient.fullName', '9 Patient.fullName']);
    // `result(r)` (a parameter), `rows.filter` and `o.timezone()` are not wrapper calls, though
    // other.ts has a `result` holding the wrapper's answer and properties `timezone` and `filter`.
    // (What is sent does not read them, so only the search for wrapper calls could ask.)
    for (const node of ['result(r)', 'filter', 'timezone', 'o.timezone()']) {
      assert.ok(!asked.includes(node), `the checker was asked about ${node}: ${asked.join(' | ')}`);
    }
  });
});
