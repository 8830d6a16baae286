// Deterministic generator of synthetic healthcare TypeScript projects for the benchmarks
// (bench/run.mjs, server/bench/latency.mjs) and the generator test (test/bench/).
//
// A project of N lines looks like a hospital backend: typed domain models with `/** @phi */`
// members and a brand type, utility modules, service classes (the bulk of the code, no LLM),
// prompt builders (cross-file helpers, some leaking PHI, some redacting), and a few percent of
// modules that call LLM SDKs through the real installed packages (openai, @anthropic-ai/sdk,
// @google/genai, @aws-sdk/client-bedrock-runtime), directly, through a wrapper in another
// file, and through a class that collects prompt lines in a field.
//
// The generator knows every PHI flow it plants: `expected` counts the findings the engine must
// report per rule. Same seed and size, same bytes. The seed picks the department names, which
// PHI member each helper embeds, each LLM module's SDK, builder and gateway (the first four
// modules cover the four SDKs), the order of its functions, and each service method's shape,
// so a held-out project (another seed) has other code with the same mix.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** mulberry32: small, fast, deterministic. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ENTITIES = ['Ward', 'Clinic', 'Oncology', 'Cardiology', 'Pediatrics', 'Radiology', 'Pharmacy', 'Billing', 'Triage', 'Surgery', 'Maternity', 'Neurology'];
const PHI_FIELDS = ['fullName', 'dateOfBirth', 'ssn', 'mrn', 'phone', 'email'];

/** Parse "10k", "100k", "500k", "1.5m" or a plain number. */
export function parseSize(text) {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(String(text).trim());
  if (!m) throw new Error(`bad size "${text}" (use e.g. 10k, 100k, 500k)`);
  return Math.round(Number(m[1]) * (m[2].toLowerCase() === 'k' ? 1000 : m[2].toLowerCase() === 'm' ? 1_000_000 : 1));
}

export const PHI_GUARD_CONFIG = {
  approvedVendors: [{ id: 'aws-bedrock', regions: ['us-*'], models: ['anthropic.*'] }],
  redactors: [{ name: 'redact', from: './src/phi/redact' }],
  phi: { brandTypes: ['PHI'] },
};

export const TSCONFIG = {
  compilerOptions: { target: 'es2022', lib: ['es2022'], module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, types: [] },
  include: ['src'],
};

/**
 * Write a project of about `lines` lines into `root` (created; must not hold an older project).
 * Returns { lines, files, modules: {kind: count}, expected: {rule: count}, llmModules, editFile }.
 */
/** Records linked in cycles (`r0.f3 = r3; r3.f0 = r0`), written through every name: the shape of merge code. */
function mergeModule(a, d) {
  const n = 10;
  const o = [`import type { Patient${d} } from '../domain/models${d}.js';`, '', `export interface MergeNode${a} {`, '  id: string;', '  items: string[];', '  [link: string]: unknown;', '}', ''];
  o.push(`export function mergeRecords${a}(source: Patient${d}, target: Patient${d}): MergeNode${a}[] {`);
  for (let i = 0; i < n; i++) o.push(`  const r${i}: MergeNode${a} = { id: \`${'${source.id}'}-${i}\`, items: [] };`);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && (i + j) % 3 === 0) o.push(`  r${i}.f${j} = r${j};`);
  for (let i = 0; i < n; i++) o.push(`  r${i}.items.push(${i % 2 ? 'source.clinicId' : 'target.id'});`);
  o.push("  const patch = JSON.parse('{\"op\":\"replace\"}') as { op: string };", '  r0.patch = patch;');
  o.push(`  return [${Array.from({ length: n }, (_, i) => `r${i}`).join(', ')}];`, '}', '');
  return o.join('\n');
}

export function generateProject(root, { lines = 100_000, seed = 1 } = {}) {
  const random = rng(seed);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const below = (n) => Math.floor(random() * n);
  const shuffled = (xs) => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = below(i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  const entities = shuffled(ENTITIES);
  const files = new Map();
  const expected = { 'no-phi-in-prompt': 0, 'approved-vendors': 0 };
  const put = (rel, text) => {
    files.set(rel, text);
    written += text.split('\n').length;
  };

  // Module mix by lines: ~6% domain, ~4% util, ~62% services, ~22% prompt builders, ~3-4% LLM features, the rest wrappers.
  const domains = Math.max(2, Math.round(lines / 6000));
  const utils = Math.max(1, Math.round(lines / 8000));
  const builders = Math.max(2, Math.round(lines / 1100));
  const features = Math.max(4, Math.round(lines / 6500)); // at least one module per SDK
  const gateways = Math.max(1, Math.round(features / 4));
  let written = 0; // lines so far; services fill the project up to `lines`

  put('src/phi/brand.ts', [
    '/** Values that are PHI whatever their shape (read through phi.brandTypes). */',
    'declare const phiBrand: unique symbol;',
    "export type PHI<T> = T & { readonly [phiBrand]: 'PHI' };",
    'export function asPHI<T>(value: T): PHI<T> {',
    '  return value as PHI<T>;',
    '}',
    '',
  ].join('\n'));
  put('src/phi/redact.ts', [
    '/** The de-identifier registered in phi-guard.config.json under "redactors". */',
    'export function redact<T>(value: T): string {',
    "  if (typeof value !== 'string') return '[REDACTED]';",
    "  return value.replace(/\\d/g, '#').replace(/[A-Z][a-z]+ [A-Z][a-z]+/g, '[NAME]');",
    '}',
    '',
  ].join('\n'));

  // ------------------------------------------------------------ domain models
  for (let d = 0; d < domains; d++) {
    const E = entities[d % entities.length];
    const o = [`import type { PHI } from '../phi/brand.js';`, ''];
    o.push(`export type Acuity${d} = 'low' | 'medium' | 'high' | 'critical';`, '');
    o.push(`/** A patient as the ${E} department stores it. Only the tagged members identify the person. */`);
    o.push(`export interface Patient${d} {`, '  id: string;', '  clinicId: string;', '  riskScore: number;', '  flags: string[];');
    for (const f of PHI_FIELDS) o.push('  /** @phi */', `  ${f}: string;`);
    o.push('  /** @phi */', '  address: { line1: string; city: string; zip: string };', `  acuity: Acuity${d};`, '}', '');
    o.push(`export interface Encounter${d} {`, '  id: string;', '  patientId: string;', '  clinicianId: string;', '  startedAt: number;', '  durationMinutes: number;', '  /** @phi */', '  chiefComplaint: string;', '  reason: PHI<string>;', '  codes: string[];', '}', '');
    o.push(`export interface LabResult${d} {`, '  id: string;', '  encounterId: string;', '  code: string;', '  value: number;', '  unit: string;', '  abnormal: boolean;', '  /** @phi */', '  interpretation: string;', '}', '');
    o.push(`/**`, ` * A signed note: all of it is PHI.`, ` * @phi`, ` */`, `export interface ClinicalNote${d} {`, '  id: string;', '  authorId: string;', '  text: string;', '  signedAt: number;', '}', '');
    o.push(`export interface Medication${d} {`, '  code: string;', '  name: string;', '  doseMg: number;', '  perDay: number;', '}', '');
    o.push(`export class PatientRecord${d} {`, '  /** @phi */', '  readonly mrn: string;', '  private readonly meds: Medication' + d + '[] = [];', '  constructor(', '    readonly id: string,', '    mrn: string,', '    /** @phi */ readonly displayName: string,', '  ) {', '    this.mrn = mrn;', '  }', `  addMedication(med: Medication${d}): void {`, '    this.meds.push(med);', '  }', '  medicationCount(): number {', '    return this.meds.length;', '  }', '  dailyDose(code: string): number {', '    return this.meds.filter((m) => m.code === code).reduce((sum, m) => sum + m.doseMg * m.perDay, 0);', '  }', '  medicationCodes(): string[] {', '    return this.meds.map((m) => m.code).sort();', '  }', '}', '');
    let k = 0;
    while (o.length < 180) {
      o.push(`export interface Observation${d}_${k} {`, '  id: string;', '  patientId: string;', `  kind: 'vital' | 'score' | 'note';`, '  value: number;', '  recordedAt: number;', '  /** @phi */', '  comment: string;', '}', '');
      k++;
    }
    put(`src/domain/models${d}.ts`, o.join('\n'));
  }

  // ------------------------------------------------------------ utilities
  for (let u = 0; u < utils; u++) {
    const o = [];
    let k = 0;
    while (o.length < 145) {
      o.push(
        `export function truncate${u}_${k}(text: string, max: number): string {`, '  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;', '}', '',
        `export function titleCase${u}_${k}(text: string): string {`, "  return text.split(' ').map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join(' ');", '}', '',
        `export function minutesBetween${u}_${k}(a: number, b: number): number {`, '  return Math.round(Math.abs(b - a) / 60000);', '}', '',
        `export function bullet${u}_${k}(items: readonly string[]): string {`, "  return items.map((i) => `- ${i}`).join('\\n');", '}', '',
      );
      k++;
    }
    put(`src/util/text${u}.ts`, o.join('\n'));
  }
  const utilFns = (u) => ({ truncate: `truncate${u}_0`, title: `titleCase${u}_0`, minutes: `minutesBetween${u}_0`, bullet: `bullet${u}_0` });

  // ------------------------------------------------------------ prompt builders (cross-file helpers)
  // builder b exports `leakySummary{b}_{i}` (embeds a @phi member) and `safeSummary{b}_{i}` (redacted or ids only).
  for (let b = 0; b < builders; b++) {
    const d = b % domains;
    const u = b % utils;
    const U = utilFns(u);
    const o = [
      `import type { Patient${d}, Encounter${d}, LabResult${d}, ClinicalNote${d} } from '../domain/models${d}.js';`,
      "import { redact } from '../phi/redact.js';",
      `import { ${U.bullet}, ${U.truncate} } from '../util/text${u}.js';`,
      '',
      `export class PromptBuilder${b} {`,
      '  private readonly lines: string[] = [];',
      '  add(line: string): this {',
      '    this.lines.push(line);',
      '    return this;',
      '  }',
      '  build(): string {',
      "    return this.lines.join('\\n');",
      '  }',
      '}',
      '',
    ];
    let i = 0;
    while (o.length < 210) {
      const f = pick(PHI_FIELDS);
      o.push(
        `export function leakySummary${b}_${i}(patient: Patient${d}, encounters: readonly Encounter${d}[]): string {`,
        `  const visits = ${U.bullet}(encounters.map((e) => \`\${e.id} (\${e.durationMinutes} min)\`));`,
        `  return \`Patient \${patient.${f}}, \${encounters.length} visits:\\n\${visits}\`;`,
        '}',
        '',
        `export function safeSummary${b}_${i}(patient: Patient${d}, labs: readonly LabResult${d}[]): string {`,
        '  const abnormal = labs.filter((l) => l.abnormal).map((l) => `${l.code}=${l.value}${l.unit}`);',
        `  return ${U.truncate}(\`Patient \${patient.id} (\${redact(patient.${f})}), abnormal: \${abnormal.join(', ')}\`, 400);`,
        '}',
        '',
        `export function noteExcerpt${b}_${i}(note: ClinicalNote${d}): string {`,
        `  return ${U.truncate}(redact(note.text), ${200 + i});`,
        '}',
        '',
      );
      i++;
    }
    put(`src/prompts/builder${b}.ts`, o.join('\n'));
  }

  // ------------------------------------------------------------ LLM gateways (wrappers called from other files)
  for (let g = 0; g < gateways; g++) {
    const o = [];
    if (pick(['openai', 'anthropic']) === 'openai') {
      o.push("import OpenAI from 'openai';", '', 'const client = new OpenAI();', '');
      o.push(`/** Every feature of team ${g} asks the model through here. */`, `export async function ask${g}(system: string, prompt: string): Promise<string> {`, '  const completion = await client.chat.completions.create({', "    model: 'gpt-4o-mini',", '    messages: [', "      { role: 'system', content: system },", "      { role: 'user', content: prompt },", '    ],', '  });', "  return completion.choices[0]?.message.content ?? '';", '}', '');
      expected['approved-vendors'] += 1;
    } else {
      o.push("import Anthropic from '@anthropic-ai/sdk';", '', 'const client = new Anthropic();', '');
      o.push(`/** Every feature of team ${g} asks the model through here. */`, `export async function ask${g}(system: string, prompt: string): Promise<string> {`, '  const message = await client.messages.create({', "    model: 'claude-sonnet-4-5',", '    max_tokens: 1024,', '    system,', "    messages: [{ role: 'user', content: prompt }],", '  });', '  return message.id;', '}', '');
      expected['approved-vendors'] += 1;
    }
    put(`src/ai/gateway${g}.ts`, o.join('\n'));
  }

  // ------------------------------------------------------------ LLM features (a few percent of modules)
  let editFile;
  const llmModules = [];
  const firstVendors = shuffled(['openai', 'anthropic', 'genai', 'bedrock']);
  for (let a = 0; a < features; a++) {
    const d = a % domains;
    const b = below(builders);
    const bd = b % domains; // the builder's domain must match the types passed to it
    const g = below(gateways);
    const vendor = a < 4 ? firstVendors[a] : pick(firstVendors);
    const o = [];
    if (vendor === 'openai') o.push("import OpenAI from 'openai';");
    if (vendor === 'anthropic') o.push("import Anthropic from '@anthropic-ai/sdk';");
    if (vendor === 'genai') o.push("import { GoogleGenAI } from '@google/genai';");
    if (vendor === 'bedrock') o.push("import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';");
    o.push(
      `import type { Patient${bd}, Encounter${bd}, LabResult${bd}, ClinicalNote${bd} } from '../domain/models${bd}.js';`,
      `import { PatientRecord${d} } from '../domain/models${d}.js';`,
      "import { redact } from '../phi/redact.js';",
      `import { leakySummary${b}_0, safeSummary${b}_0, noteExcerpt${b}_0, PromptBuilder${b} } from '../prompts/builder${b}.js';`,
      `import { ask${g} } from './gateway${g}.js';`,
      '',
    );
    if (vendor === 'openai') o.push('const client = new OpenAI();');
    if (vendor === 'anthropic') o.push('const client = new Anthropic();');
    if (vendor === 'genai') o.push("const ai = new GoogleGenAI({ apiKey: 'set-at-deploy-time' });");
    if (vendor === 'bedrock') o.push("const usClient = new BedrockRuntimeClient({ region: 'us-east-1' });", "const euClient = new BedrockRuntimeClient({ region: 'eu-west-1' });");
    o.push('');
    // A direct SDK call whose content is `contentExpr`; returns the lines. `approved` for Bedrock in the US with an Anthropic model.
    const sdkCall = (contentExpr, variant) => {
      if (vendor === 'openai') {
        expected['approved-vendors']++;
        return ['  const completion = await client.chat.completions.create({', "    model: 'gpt-4o',", '    messages: [', "      { role: 'system', content: 'You are a careful clinical assistant.' },", `      { role: 'user', content: ${contentExpr} },`, '    ],', '  });', "  return completion.choices[0]?.message.content ?? '';"];
      }
      if (vendor === 'anthropic') {
        expected['approved-vendors']++;
        return ['  const message = await client.messages.create({', "    model: 'claude-sonnet-4-5',", '    max_tokens: 800,', `    messages: [{ role: 'user', content: ${contentExpr} }],`, '  });', '  return message.id;'];
      }
      if (vendor === 'genai') {
        expected['approved-vendors']++;
        return ['  const response = await ai.models.generateContent({', "    model: 'gemini-2.5-flash',", `    contents: ${contentExpr},`, '  });', "  return response.text ?? '';"];
      }
      // Bedrock: even variants go to the approved US region with an Anthropic model, odd ones to Europe (outside the BAA).
      const us = variant % 2 === 0;
      if (!us) expected['approved-vendors']++;
      return [`  const out = await ${us ? 'usClient' : 'euClient'}.send(`, '    new ConverseCommand({', `      modelId: '${us ? 'anthropic.claude-3-5-sonnet-20240620-v1:0' : 'meta.llama3-70b-instruct-v1:0'}',`, `      messages: [{ role: 'user', content: [{ text: ${contentExpr} }] }],`, '    }),', '  );', "  return out.output?.message?.content?.[0]?.text ?? '';"];
    };
    const reported = (variant) => vendor !== 'bedrock' || variant % 2 === 1;
    const functions = [
      // [name, params, body lines before the call, content expression, findings it plants (one per embedded PHI read)]
      ['triageNote', `patient: Patient${bd}, encounter: Encounter${bd}`, ['  const intro = `Patient ${patient.fullName}, seen for ${encounter.chiefComplaint}`;'], 'intro', 2],
      ['visitSummary', `patient: Patient${bd}, encounters: Encounter${bd}[]`, [`  const summary = leakySummary${b}_0(patient, encounters);`], 'summary', 1],
      ['labReview', `patient: Patient${bd}, labs: LabResult${bd}[]`, [`  const summary = safeSummary${b}_0(patient, labs);`], 'summary', 0],
      ['noteDigest', `note: ClinicalNote${bd}`, [`  const excerpt = noteExcerpt${b}_0(note);`], '`Summarize: ${excerpt}`', 0],
      ['reasonCheck', `encounter: Encounter${bd}`, ['  const reason = encounter.reason;'], '`Is this urgent? ${reason}`', 1],
      ['chartLines', `record: PatientRecord${d}`, ['  const lines = [`Chart ${record.mrn}`, `Meds: ${record.medicationCount()}`];'], "lines.join('\\n')", 1],
      ['clinicLines', `patient: Patient${bd}`, [`  const builder = new PromptBuilder${b}();`, '  builder.add(`Clinic ${patient.clinicId}`).add(`Flags: ${patient.flags.length}`);'], 'builder.build()', 0],
      ['redactedIntro', `patient: Patient${bd}`, ['  const intro = redact(patient.fullName);'], '`Greet ${intro} politely.`', 0],
      ['countsOnly', `patient: Patient${bd}, encounters: Encounter${bd}[]`, ['  const minutes = encounters.reduce((sum, e) => sum + e.durationMinutes, 0);'], '`Patient ${patient.id} spent ${minutes} minutes in ${encounters.length} visits.`', 0],
    ];
    shuffled(functions).forEach(([name, params, pre, content, leaks], v) => {
      o.push(`export async function ${name}${a}(${params}): Promise<string> {`, ...pre, ...sdkCall(content, v), '}', '');
      if (reported(v)) expected['no-phi-in-prompt'] += leaks;
    });
    // Through the gateway in another file: one leaking caller, one redacting caller.
    const gatewayReported = true; // gateways use unapproved vendors
    o.push(`export async function escalate${a}(patient: Patient${bd}): Promise<string> {`, `  return ask${g}('You write escalation notes.', \`Escalate \${patient.ssn} to the on-call team\`);`, '}', '');
    o.push(`export async function followUp${a}(patient: Patient${bd}): Promise<string> {`, `  return ask${g}('You write follow-up reminders.', \`Remind \${redact(patient.phone)} about the visit\`);`, '}', '');
    if (gatewayReported) expected['no-phi-in-prompt'] += 1;
    // Merge code as real EHR backends have it (ottehr's patient merge): records that point at
    // each other in cycles, JSON.parse and create/patch calls that are no LLM call. It holds no
    // PHI; what is sent is ids. Before the sharing of mutations was bounded, one such function
    // ran the analysis out of memory.
    o.push(`export async function mergeNote${a}(source: Patient${bd}, target: Patient${bd}): Promise<string> {`, `  const merged = mergeRecords${a}(source, target);`, ...sdkCall('JSON.stringify(merged.map((r) => r.id))', 0), '}', '');
    o.splice(o.indexOf("import { redact } from '../phi/redact.js';"), 0, `import { mergeRecords${a} } from '../records/merge${a}.js';`);
    put(`src/records/merge${a}.ts`, mergeModule(a, bd));
    const rel = `src/ai/feature${a}.ts`;
    put(rel, o.join('\n'));
    llmModules.push(rel);
    if (a === Math.floor(features / 2)) editFile = rel;
  }

  // ------------------------------------------------------------ services (no LLM; the bulk)
  let services = 0;
  for (let s = 0; s === 0 || written < lines; s++) {
    services++;
    const d = s % domains;
    const u = s % utils;
    const U = utilFns(u);
    const E = entities[d % entities.length];
    const o = [
      `import type { Patient${d}, Encounter${d}, LabResult${d}, Acuity${d} } from '../domain/models${d}.js';`,
      `import { PatientRecord${d} } from '../domain/models${d}.js';`,
      `import { ${U.truncate}, ${U.title}, ${U.minutes} } from '../util/text${u}.js';`,
    ];
    const dep = s > 0 && (s - 1) % domains === d ? s - 1 : undefined;
    if (dep !== undefined) o.push(`import { countByAcuity${dep} } from './service${dep}.js';`);
    o.push('', `export interface ${E}Stats${s} {`, '  patients: number;', '  encounters: number;', '  abnormalLabs: number;', '  averageMinutes: number;', '}', '');
    o.push(`export function countByAcuity${s}(patients: readonly Patient${d}[]): Record<Acuity${d}, number> {`, `  const out: Record<Acuity${d}, number> = { low: 0, medium: 0, high: 0, critical: 0 };`, '  for (const p of patients) out[p.acuity]++;', '  return out;', '}', '');
    o.push(`export class ${E}Service${s} {`, `  private readonly patients = new Map<string, Patient${d}>();`, `  private readonly encounters = new Map<string, Encounter${d}[]>();`, `  private readonly labs: LabResult${d}[] = [];`, '');
    o.push(`  upsert(patient: Patient${d}): void {`, '    this.patients.set(patient.id, patient);', '  }', '');
    o.push(`  find(id: string): Patient${d} | undefined {`, '    return this.patients.get(id);', '  }', '');
    o.push(`  create(id: string, clinicId: string): Patient${d} {`, `    const patient: Patient${d} = { id, clinicId, riskScore: 0, flags: [], fullName: '', dateOfBirth: '', ssn: '', mrn: '', phone: '', email: '', address: { line1: '', city: '', zip: '' }, acuity: 'low' };`, '    this.upsert(patient);', '    return patient;', '  }', '');
    o.push(`  record(encounter: Encounter${d}): void {`, '    const list = this.encounters.get(encounter.patientId) ?? [];', '    list.push(encounter);', '    this.encounters.set(encounter.patientId, list);', '  }', '');
    o.push(`  addLab(lab: LabResult${d}): void {`, '    this.labs.push(lab);', '  }', '');
    let m = 0;
    while (o.length < 225) {
      const variant = below(4);
      if (variant === 0) {
        o.push(`  stats${m}(clinicId: string): ${E}Stats${s} {`, '    const patients = [...this.patients.values()].filter((p) => p.clinicId === clinicId);', '    const encounters = patients.flatMap((p) => this.encounters.get(p.id) ?? []);', `    const minutes = encounters.map((e) => ${U.minutes}(e.startedAt, e.startedAt + e.durationMinutes * 60000));`, '    const abnormalLabs = this.labs.filter((l) => l.abnormal && encounters.some((e) => e.id === l.encounterId)).length;', '    const averageMinutes = minutes.length === 0 ? 0 : minutes.reduce((a, b) => a + b, 0) / minutes.length;', '    return { patients: patients.length, encounters: encounters.length, abnormalLabs, averageMinutes };', '  }', '');
      } else if (variant === 1) {
        o.push(`  highRisk${m}(threshold: number): string[] {`, '    const ids: string[] = [];', '    for (const p of this.patients.values()) {', `      if (p.riskScore >= threshold + ${m} || p.acuity === 'critical') ids.push(p.id);`, '    }', '    return ids.sort();', '  }', '');
      } else if (variant === 2) {
        o.push(`  clinicLabel${m}(clinicId: string): string {`, `    const counts = ${dep !== undefined ? `countByAcuity${dep}` : `countByAcuity${s}`}([...this.patients.values()].filter((p) => p.clinicId === clinicId));`, `    return ${U.truncate}(${U.title}(\`\${clinicId} critical \${counts.critical} high \${counts.high}\`), 60);`, '  }', '');
      } else {
        o.push(`  toRecord${m}(id: string): PatientRecord${d} | undefined {`, '    const p = this.patients.get(id);', '    if (!p) return undefined;', `    const record = new PatientRecord${d}(p.id, p.mrn, p.fullName);`, '    for (const code of p.flags) record.addMedication({ code, name: code, doseMg: 10, perDay: 1 });', '    return record;', '  }', '');
      }
      m++;
    }
    o.push('}', '');
    put(`src/services/service${s}.ts`, o.join('\n'));
  }

  fs.mkdirSync(root, { recursive: true });
  let total = 0;
  for (const [rel, text] of files) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
    total += text.split('\n').length;
  }
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'bench-hospital', private: true, type: 'module' }, null, 2) + '\n');
  fs.writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2) + '\n');
  fs.writeFileSync(path.join(root, 'phi-guard.config.json'), JSON.stringify(PHI_GUARD_CONFIG, null, 2) + '\n');
  fs.writeFileSync(path.join(root, 'eslint.config.mjs'), [
    '// PHI Guard as a user sets it up: configs.recommended on typed linting.',
    "import phiGuard from 'eslint-plugin-phi-guard';",
    '',
    "export default [{ files: ['src/**/*.ts'], ...phiGuard.configs.recommended, languageOptions: { ...phiGuard.configs.recommended.languageOptions, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } }];",
    '',
  ].join('\n'));
  fs.writeFileSync(path.join(root, 'eslint.baseline.config.mjs'), [
    '// The same typed ESLint run (parser, project service) without the PHI Guard rules.',
    "import tseslint from 'typescript-eslint';",
    '',
    "export default [{ files: ['src/**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } }, rules: {} }];",
    '',
  ].join('\n'));
  fs.writeFileSync(path.join(root, 'eslint.noop.config.mjs'), [
    '// The same typed ESLint run with one enabled rule that does nothing: what ESLint itself',
    '// costs once any rule is on, which every real lint setup pays before PHI Guard adds its own.',
    "import tseslint from 'typescript-eslint';",
    '',
    "const noop = { meta: { type: 'problem', schema: [], messages: {} }, create: () => ({ Program() {} }) };",
    "export default [{ files: ['src/**/*.ts'], plugins: { bench: { rules: { noop } } }, languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } }, rules: { 'bench/noop': 'error' } }];",
    '',
  ].join('\n'));
  return {
    lines: total,
    files: files.size,
    modules: { domain: domains, util: utils, service: services, builder: builders, gateway: gateways, feature: features },
    expected,
    llmModules,
    editFile,
  };
}
