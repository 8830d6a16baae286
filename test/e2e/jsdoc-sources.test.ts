/**
 * PHI declared in JSDoc (plain JavaScript) gives the same verdicts as the same declarations in
 * TypeScript: each case is analyzed as a .js file with JSDoc and as a .ts file with types, in
 * the rule fixture project (phi.types lists `InsuranceClaim`; openai is not approved).
 */
import assert from 'node:assert/strict';
import { analyzeFile, loadConfigForFile, type Finding } from '@phi-guard/core';
import { programWith } from '../support/program';

function findings(code: string, fileName: string): string[] {
  const { program, sourceFile } = programWith(code, fileName);
  return analyzeFile(program, sourceFile, loadConfigForFile(sourceFile.fileName))
    .findings.filter((f: Finding) => f.ruleId === 'no-phi-in-prompt')
    .map((f: Finding) => `L${f.range.startPos.line + 1} ${f.kind} ${(f.phi ?? []).join(',')}`);
}

const send = `const openai = new OpenAI();
const ask = (content) => openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content }] });`;
const sendTs = send.replace('(content)', '(content: string)');

const cases: { name: string; js: string; ts: string; expected: string[] }[] = [
  {
    name: '@typedef {object} with @property: a PHI field name',
    js: `import OpenAI from 'openai';
${send}
/**
 * @typedef {object} Rec
 * @property {string} id
 * @property {string} ssn
 */
/** @param {Rec} rec */
export const f = (rec) => ask(\`record \${rec.id}: \${rec.ssn}\`);`,
    ts: `import OpenAI from 'openai';
${sendTs}
interface Rec {
  id: string;
  ssn: string;
}


export const f = (rec: Rec) => ask(\`record \${rec.id}: \${rec.ssn}\`);`,
    expected: ['L10 phi-to-vendor Rec.ssn'],
  },
  {
    name: 'a typedef listed in phi.types',
    js: `import OpenAI from 'openai';
${send}
/**
 * @typedef {object} InsuranceClaim
 * @property {string} payer
 */
/** @param {InsuranceClaim} claim */
export const f = (claim) => ask(claim.payer);`,
    ts: `import OpenAI from 'openai';
${sendTs}
interface InsuranceClaim {
  payer: string;
}


export const f = (claim: InsuranceClaim) => ask(claim.payer);`,
    expected: ['L9 phi-to-vendor InsuranceClaim.payer'],
  },
  {
    name: 'a typedef marked @phi, read through a variable annotated with @type',
    js: `import OpenAI from 'openai';
${send}
/**
 * @phi
 * @typedef {object} Visit
 * @property {string} summary
 */
/** @param {Visit} visit */
export function f(visit) {
  /** @type {string} */
  const text = visit.summary;
  return ask(text);
}`,
    ts: `import OpenAI from 'openai';
${sendTs}
/** @phi */
interface Visit {
  summary: string;
}


export function f(visit: Visit) {

  const text: string = visit.summary;
  return ask(text);
}`,
    expected: ['L13 phi-to-vendor Visit.summary'],
  },
  {
    name: 'a member of a typedef that is not PHI stays clean',
    js: `import OpenAI from 'openai';
${send}
/**
 * @typedef {object} Clinic
 * @property {string} name
 */
/** @param {Clinic} clinic */
export const f = (clinic) => ask(clinic.name);`,
    ts: `import OpenAI from 'openai';
${sendTs}
interface Clinic {
  name: string;
}


export const f = (clinic: Clinic) => ask(clinic.name);`,
    expected: [],
  },
];

describe('JSDoc PHI sources give the same verdicts as TypeScript types', () => {
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(findings(c.js, 'jsdoc-case.js'), c.expected, 'JavaScript with JSDoc');
      assert.deepEqual(findings(c.ts, 'jsdoc-case.ts'), c.expected, 'TypeScript');
    });
  }

  it('an inline {{ ssn: string }} is named after the parameter it types, not `object`', () => {
    const js = `import OpenAI from 'openai';
${send}
/** @param {{ ssn: string }} person */
export const f = (person) => ask(person.ssn);`;
    assert.deepEqual(findings(js, 'jsdoc-case.js'), ['L5 phi-to-vendor person.ssn']);
  });
});
