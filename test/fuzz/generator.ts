/**
 * Labeled program generator (issue 5, part 1). Composes prompt-building programs from building
 * blocks whose answer is known: a source (PHI of each kind of SPEC section 3, or a non-PHI
 * look-alike), a chain of 0 to 6 hops (the propagation kinds of SPEC section 5, plus hops that
 * make the value clean again), an optional redactor on the way, and a sink (the SDK calls of
 * SPEC section 4, approved and unapproved vendors, first-party and loopback endpoints).
 *
 * A program is plain data (`GenProgram`), so fast-check can generate and shrink it; `render`
 * turns it into files of the rule fixture project (eslint-plugin/tests/fixture: models with
 * `@phi` tags, a config approving azure-openai and aws-bedrock in us-* for anthropic.* models,
 * the `redact` redactor, the first-party host llm.acme.internal), and `expected` derives the
 * findings the engine must report from the blocks alone.
 */
import fc from 'fast-check';

// ---------------------------------------------------------------------------------------
// Sources

export interface SourceBlock {
  /** Does the value carry PHI? */
  phi: boolean;
  /** Parameters of the generated function the expression reads. */
  params: string[];
  /** Statements before the expression (inside the function). */
  pre?: string[];
  /** A string-valued expression. */
  expr: string;
  /** Extra imports this source needs (beyond the models). */
  imports?: string[];
}

const MODELS = `import type { Appointment, ClinicStats, ClinicalNote, InsuranceClaim, IntakeRow, Patient } from './models.js';`;
const LOADERS = `import { loadNote, loadPatient, loadStats } from './models.js';`;
/** gen-models.ts, added to every batch (see GEN_MODELS_TEXT). */
const GEN_MODELS = `import type { GenVisit } from './gen-models.js';`;
const GEN_MODELS_DIAG = `import type { GenDiagnosis } from './gen-models.js';`;
const GEN_MODELS_MSG = `import type { GenMessage } from './gen-models.js';`;
export const GEN_MODELS_FILE = 'gen-models.ts';
export const GEN_MODELS_TEXT = [
  '/** A class with one @phi field; its other fields are not PHI, whatever their names (SPEC section 3, item 5). */',
  'export class GenVisit {',
  "  id = '';",
  '  /** @phi */',
  "  notes = '';",
  "  diagnosisCode = '';",
  '}',
  '/** @phi */',
  'export type GenDiagnosis = { code: string; label: string };',
  "import type { PHI } from './models.js';",
  'export interface GenMessage {',
  '  body: PHI<string>;',
  '  channel: string;',
  '}',
  '',
].join('\n');
const FHIR = `import type { Observation, Patient as FhirPatient } from '@medplum/fhirtypes';`;

/** Each source kind, with a few variants (picked by the program's `variant`). */
export const SOURCES = {
  // --- PHI (SPEC section 3, in order of authority)
  'phi-tag-member': [
    { phi: true, params: ['p: Patient'], expr: 'p.ssn' },
    { phi: true, params: ['p: Patient'], expr: 'p.fullName' },
    { phi: true, params: ['p: Patient'], expr: 'p.dateOfBirth' },
  ],
  'phi-tag-nested-member': [
    { phi: true, params: ['p: Patient'], expr: 'p.address.city' },
    { phi: true, params: ['p: Patient'], expr: "p.medications[0]?.name ?? ''" },
  ],
  'phi-tag-type': [
    { phi: true, params: ['note: ClinicalNote'], expr: 'note.text' },
    { phi: true, params: ['note: ClinicalNote'], expr: 'note.author' },
  ],
  'phi-whole-object': [
    { phi: true, params: ['note: ClinicalNote'], expr: 'JSON.stringify(note)' },
    { phi: true, params: ['p: Patient'], expr: 'JSON.stringify(p)' },
  ],
  'phi-tag-parameter': [{ phi: true, params: ['/** @phi */ reason: string'], expr: 'reason' }],
  'phi-tag-variable': [{ phi: true, params: ['id: string'], pre: ['/** @phi */ const history = await fetchText(id);'], expr: 'history' }],
  'brand-type': [{ phi: true, params: ['a: Appointment'], expr: 'a.reason' }],
  'phi-types-config': [{ phi: true, params: ['c: InsuranceClaim'], expr: 'c.claimNumber' }],
  'fhir-resource': [
    { phi: true, params: ['fp: FhirPatient'], expr: "fp.name?.[0]?.family ?? ''", imports: [FHIR] },
    { phi: true, params: ['fp: FhirPatient'], expr: "fp.birthDate ?? ''", imports: [FHIR] },
    { phi: true, params: ['o: Observation'], expr: "o.valueString ?? ''", imports: [FHIR] },
  ],
  'field-name-untyped': [
    { phi: true, params: ['row: any'], expr: 'row.ssn' },
    { phi: true, params: ['row: any'], expr: 'row.diagnosis' },
  ],
  'field-name-unmarked-type': [
    { phi: true, params: ['i: IntakeRow'], expr: 'i.mrn' },
    { phi: true, params: ['i: IntakeRow'], expr: 'i.symptoms' },
    { phi: true, params: ['i: IntakeRow'], expr: 'i.chartNumber' },
  ],
  'weak-name-patient-object': [{ phi: true, params: ['patient: any'], expr: 'patient.email' }],
  'phi-type-from-loader': [
    { phi: true, params: ['id: string'], pre: ['const loaded = await loadPatient(id);'], expr: 'loaded.fullName', imports: [LOADERS] },
    { phi: true, params: ['id: string'], pre: ['const loaded = await loadNote(id);'], expr: 'loaded.text', imports: [LOADERS] },
  ],
  'phi-tag-class-field': [{ phi: true, params: ['visit: GenVisit'], expr: 'visit.notes', imports: [GEN_MODELS] }],
  'field-name-json-parse': [{ phi: true, params: ['raw: string'], pre: ['const body = JSON.parse(raw);'], expr: 'String(body.dateOfBirth)' }],
  'phi-tag-type-alias': [{ phi: true, params: ['d: GenDiagnosis'], expr: 'd.label', imports: [GEN_MODELS_DIAG] }],
  'brand-type-member-of-interface': [{ phi: true, params: ['m: GenMessage'], expr: 'm.body', imports: [GEN_MODELS_MSG] }],
  'rest-keeping-phi-members': [{ phi: true, params: ['p: Patient'], pre: ['const { ssn: _ssn, ...rest } = p;'], expr: 'JSON.stringify(rest)' }],
  'copy-with-one-member-deleted': [{ phi: true, params: ['p: Patient'], pre: ['const copy: Partial<Patient> = { ...p };', 'delete copy.ssn;'], expr: 'JSON.stringify(copy)' }],
  'mapped-phi-array': [{ phi: true, params: ['p: Patient'], expr: "p.medications.map((m) => m.name).join(', ')" }],
  'phi-read-by-helper-in-another-file': [{ phi: true, params: ['p: Patient'], expr: 'describePatient(p)', imports: [`import { describePatient } from './helpers.js';`] }],
  // --- non-PHI look-alikes
  'clean-members-read-by-helper-in-another-file': [{ phi: false, params: ['p: Patient'], expr: 'visitLabel(p)', imports: [`import { visitLabel } from './helpers.js';`] }],
  'rest-without-phi-members': [
    { phi: false, params: ['p: Patient'], pre: ['const { fullName: _f, ssn: _s, dateOfBirth: _d, address: _a, medications: _m, ...rest } = p;'], expr: 'JSON.stringify(rest)' },
  ],
  'picked-clean-members': [{ phi: false, params: ['p: Patient'], expr: 'JSON.stringify({ id: p.id, language: p.preferredLanguage })' }],
  'keys-of-phi-object': [{ phi: false, params: ['p: Patient'], expr: "Object.keys(p).join(', ')" }],
  'typeof-phi-member': [{ phi: false, params: ['p: Patient'], expr: 'typeof p.ssn' }],
  'clean-member-next-to-brand': [{ phi: false, params: ['m: GenMessage'], expr: 'm.channel', imports: [GEN_MODELS_MSG] }],
  'fhir-record-member': [
    { phi: false, params: ['o: Observation'], expr: "o.id ?? ''", imports: [FHIR] },
    { phi: false, params: ['fp: FhirPatient'], expr: "fp.language ?? ''", imports: [FHIR] },
  ],
  'unmarked-field-of-marked-type': [{ phi: false, params: ['visit: GenVisit'], expr: 'visit.diagnosisCode', imports: [GEN_MODELS] }],
  'clean-loader-result': [{ phi: false, params: [], pre: ['const stats = await loadStats();'], expr: 'stats.clinicName', imports: [LOADERS] }],
  'clean-member-of-phi-type': [
    { phi: false, params: ['p: Patient'], expr: 'p.id' },
    { phi: false, params: ['p: Patient'], expr: 'p.preferredLanguage' },
    { phi: false, params: ['a: Appointment'], expr: 'a.id' },
  ],
  'count-or-length': [
    { phi: false, params: ['p: Patient'], expr: 'String(p.medications.length)' },
    { phi: false, params: ['p: Patient'], expr: 'String(p.ssn.length)' },
    { phi: false, params: ['a: Appointment'], expr: 'String(a.durationMinutes)' },
  ],
  'id-field': [
    { phi: false, params: ['p: Patient'], expr: 'p.clinicId' },
    { phi: false, params: ['i: IntakeRow'], expr: 'String(i.id)' },
  ],
  'excluded-field': [
    { phi: false, params: ['cs: ClinicStats'], expr: 'String(cs.patientCount)' },
    { phi: false, params: ['cs: ClinicStats'], expr: 'cs.clinicName' },
  ],
  'fhir-resource-type': [{ phi: false, params: ['fp: FhirPatient'], expr: 'fp.resourceType', imports: [FHIR] }],
  'weak-name-other-object': [{ phi: false, params: ['clinic: any'], expr: 'clinic.email' }],
  'redacted-value': [
    { phi: false, params: ['p: Patient'], expr: 'redact(p.ssn)' },
    { phi: false, params: ['note: ClinicalNote'], expr: 'redact(note)' },
  ],
} satisfies Record<string, SourceBlock[]>;
export type SourceKind = keyof typeof SOURCES;
export const SOURCE_KINDS = Object.keys(SOURCES) as SourceKind[];

// ---------------------------------------------------------------------------------------
// Hops: each takes a string expression and gives one (statements in the function body,
// declarations at the top of the file or in the helper file).

export interface HopOut {
  body: string[];
  expr: string;
  top?: string[];
  lib?: string[];
  /** Names imported from the helper file. */
  libImports?: string[];
}

type Hop = (e: string, j: number) => HopOut;

export const HOPS = {
  variable: (e, j) => ({ body: [`const v${j} = ${e};`], expr: `v${j}` }),
  reassignment: (e, j) => ({ body: [`let v${j}: string = 'pending';`, `v${j} = ${e};`], expr: `v${j}` }),
  template: (e, j) => ({ body: [`const v${j} = \`Context: \${${e}}\`;`], expr: `v${j}` }),
  concatenation: (e, j) => ({ body: [`const v${j} = 'Context: ' + ${e};`], expr: `v${j}` }),
  'concat-method': (e, j) => ({ body: [`const v${j} = 'Context: '.concat(${e});`], expr: `v${j}` }),
  join: (e, j) => ({ body: [`const v${j} = ['Context:', ${e}].join(' ');`], expr: `v${j}` }),
  map: (e, j) => ({ body: [`const v${j} = [${e}].map((s) => s.trim()).join('\\n');`], expr: `v${j}` }),
  'spread-array': (e, j) => ({ body: [`const v${j} = [...['Context:'], ...[${e}]].join(' ');`], expr: `v${j}` }),
  'spread-object': (e, j) => ({ body: [`const o${j} = { ...{ text: ${e} }, kind: 'note' };`, `const v${j} = o${j}.text;`], expr: `v${j}` }),
  'destructure-object': (e, j) => ({ body: [`const d${j} = { text: ${e}, size: 1 };`, `const { text: v${j} } = d${j};`], expr: `v${j}` }),
  'destructure-array': (e, j) => ({ body: [`const [v${j}] = [${e}, 'tail'];`], expr: `v${j}` }),
  'json-stringify': (e, j) => ({ body: [`const v${j} = JSON.stringify({ text: ${e} });`], expr: `v${j}` }),
  'string-method': (e, j) => ({ body: [`const v${j} = ${e}.toUpperCase();`], expr: `v${j}` }),
  conditional: (e, j) => ({ body: [`const v${j} = ${e}.length > 0 ? ${e} : 'n/a';`], expr: `v${j}` }),
  'helper-same-file': (e, j) => ({ top: [`function h${j}(s: string): string {`, `  return \`[\${s}]\`;`, `}`], body: [`const v${j} = h${j}(${e});`], expr: `v${j}` }),
  'helper-other-file': (e, j) => ({ lib: [`export function h${j}(s: string): string {`, `  return 'Note: ' + s.trim();`, `}`], libImports: [`h${j}`], body: [`const v${j} = h${j}(${e});`], expr: `v${j}` }),
  closure: (e, j) => ({ body: [`const f${j} = (): string => ${e};`, `const v${j} = f${j}();`], expr: `v${j}` }),
  'class-member': (e, j) => ({
    top: [`class Box${j} {`, `  constructor(private readonly text: string) {}`, `  read(): string {`, `    return this.text;`, `  }`, `}`],
    body: [`const v${j} = new Box${j}(${e}).read();`],
    expr: `v${j}`,
  }),
  'class-field': (e, j) => ({
    top: [`class Holder${j} {`, `  text = '';`, `  set(s: string): void {`, `    this.text = s;`, `  }`, `}`],
    body: [`const b${j} = new Holder${j}();`, `b${j}.set(${e});`, `const v${j} = b${j}.text;`],
    expr: `v${j}`,
  }),
  await: (e, j) => ({ body: [`const v${j} = await Promise.resolve(${e});`], expr: `v${j}` }),
  'async-helper': (e, j) => ({ top: [`async function a${j}(s: string): Promise<string> {`, `  return s;`, `}`], body: [`const v${j} = await a${j}(${e});`], expr: `v${j}` }),
  'promise-all': (e, j) => ({ body: [`const [v${j}] = await Promise.all([Promise.resolve(${e}), Promise.resolve('x')]);`], expr: `v${j}` }),
  push: (e, j) => ({ body: [`const parts${j}: string[] = ['Context:'];`, `parts${j}.push(${e});`, `const v${j} = parts${j}.join('\\n');`], expr: `v${j}` }),
  'shorthand-property': (e, j) => ({ body: [`const text${j} = ${e};`, `const o${j} = { text${j}, kind: 'note' };`, `const v${j} = o${j}.text${j};`], expr: `v${j}` }),
  'object-member': (e, j) => ({ body: [`const o${j} = { body: ${e}, kind: 'note' };`, `const v${j} = o${j}.body;`], expr: `v${j}` }),
  'array-index': (e, j) => ({ body: [`const arr${j} = [${e}];`, `const v${j} = arr${j}[0] ?? '';`], expr: `v${j}` }),
  filter: (e, j) => ({ body: [`const v${j} = [${e}, ''].filter((s) => s.length > 0).join(' ');`], expr: `v${j}` }),
  flatMap: (e, j) => ({ body: [`const v${j} = [${e}].flatMap((s) => [s, '.']).join('');`], expr: `v${j}` }),
  reduce: (e, j) => ({ body: [`const v${j} = [${e}].reduce((acc, s) => acc + s, '');`], expr: `v${j}` }),
  'for-of': (e, j) => ({ body: [`let v${j} = '';`, `for (const item${j} of [${e}]) {`, `  v${j} += item${j};`, `}`], expr: `v${j}` }),
  'conditional-reassignment': (e, j) => ({ body: [`let v${j} = 'none';`, `if (${e}.length > 0) {`, `  v${j} = ${e};`, `}`], expr: `v${j}` }),
  'promise-then': (e, j) => ({ body: [`const v${j} = await Promise.resolve(${e}).then((s) => s.trim());`], expr: `v${j}` }),
  'String()': (e, j) => ({ body: [`const v${j} = String(${e});`], expr: `v${j}` }),
  'split-join': (e, j) => ({ body: [`const v${j} = ${e}.split(' ').join(' ');`], expr: `v${j}` }),
  'optional-chaining': (e, j) => ({ body: [`const m${j}: { text?: string } = { text: ${e} };`, `const v${j} = m${j}.text?.trim() ?? '';`], expr: `v${j}` }),
  'Object.values': (e, j) => ({ body: [`const v${j} = Object.values({ text: ${e} }).join(' ');`], expr: `v${j}` }),
  'Object.assign': (e, j) => ({ body: [`const v${j} = Object.assign({ kind: 'note' }, { text: ${e} }).text;`], expr: `v${j}` }),
  'rest-destructure': (e, j) => ({ body: [`const { kind: k${j}, ...rest${j} } = { text: ${e}, kind: 'note' };`, `const v${j} = rest${j}.text + k${j};`], expr: `v${j}` }),
  'arrow-helper-other-file': (e, j) => ({ lib: [`export const h${j} = (s: string): string => \`<\${s}>\`;`], libImports: [`h${j}`], body: [`const v${j} = h${j}(${e});`], expr: `v${j}` }),
  'object-helper-other-file': (e, j) => ({
    lib: [`export function h${j}(o: { text: string; id: number }): string {`, `  return \`#\${o.id}: \${o.text}\`;`, `}`],
    libImports: [`h${j}`],
    body: [`const v${j} = h${j}({ text: ${e}, id: 1 });`],
    expr: `v${j}`,
  }),
  'static-method': (e, j) => ({ top: [`class Fmt${j} {`, `  static wrap(s: string): string {`, `    return '(' + s + ')';`, `  }`, `}`], body: [`const v${j} = Fmt${j}.wrap(${e});`], expr: `v${j}` }),
  getter: (e, j) => ({
    top: [`class View${j} {`, `  constructor(private readonly raw: string) {}`, `  get text(): string {`, `    return this.raw;`, `  }`, `}`],
    body: [`const v${j} = new View${j}(${e}).text;`],
    expr: `v${j}`,
  }),
  'object-method': (e, j) => ({ top: [`const fmt${j} = {`, `  wrap(s: string): string {`, `    return s.trim();`, `  },`, `};`], body: [`const v${j} = fmt${j}.wrap(${e});`], expr: `v${j}` }),
  'constructor-assigned-field': (e, j) => ({
    top: [`class Doc${j} {`, `  readonly body: string;`, `  constructor(body: string) {`, `    this.body = body;`, `  }`, `}`],
    body: [`const v${j} = new Doc${j}(${e}).body;`],
    expr: `v${j}`,
  }),
  'helper-returning-object': (e, j) => ({ top: [`function wrap${j}(s: string): { text: string; at: number } {`, `  return { text: s, at: 0 };`, `}`], body: [`const v${j} = wrap${j}(${e}).text;`], expr: `v${j}` }),
  'class-in-other-file': (e, j) => ({
    lib: [`export class Fmt${j} {`, `  constructor(private readonly prefix: string) {}`, `  format(s: string): string {`, `    return this.prefix + s;`, `  }`, `}`],
    libImports: [`Fmt${j}`],
    body: [`const v${j} = new Fmt${j}('Note: ').format(${e});`],
    expr: `v${j}`,
  }),
  'async-map-promise-all': (e, j) => ({ body: [`const v${j} = (await Promise.all([${e}].map(async (s) => s.trim()))).join('');`], expr: `v${j}` }),
  'try-catch': (e, j) => ({ body: [`let v${j} = '';`, `try {`, `  v${j} = ${e};`, `} catch {`, `  v${j} = 'failed';`, `}`], expr: `v${j}` }),
  'Array.from': (e, j) => ({ body: [`const v${j} = Array.from([${e}]).join('');`], expr: `v${j}` }),
  'nested-template': (e, j) => ({ body: [`const v${j} = \`<note>\${\`[\${${e}}]\`}</note>\`;`], expr: `v${j}` }),
  'getter-over-field': (e, j) => ({
    top: [`class Card${j} {`, `  private raw = '';`, `  load(s: string): void {`, `    this.raw = s;`, `  }`, `  get text(): string {`, `    return this.raw;`, `  }`, `}`],
    body: [`const c${j} = new Card${j}();`, `c${j}.load(${e});`, `const v${j} = c${j}.text;`],
    expr: `v${j}`,
  }),
  'field-assigned-outside': (e, j) => ({ top: [`class Slot${j} {`, `  text = '';`, `}`], body: [`const s${j} = new Slot${j}();`, `s${j}.text = ${e};`, `const v${j} = s${j}.text;`], expr: `v${j}` }),
  'static-field': (e, j) => ({ top: [`class Cache${j} {`, `  static last = '';`, `}`], body: [`Cache${j}.last = ${e};`, `const v${j} = Cache${j}.last;`], expr: `v${j}` }),
  'module-variable': (e, j) => ({ top: [`let last${j} = '';`], body: [`last${j} = ${e};`, `const v${j} = last${j};`], expr: `v${j}` }),
  'object-mutation': (e, j) => ({ body: [`const o${j} = { text: '', kind: 'note' };`, `o${j}.text = ${e};`, `const v${j} = o${j}.text;`], expr: `v${j}` }),
  'array-element-assignment': (e, j) => ({ body: [`const arr${j}: string[] = [];`, `arr${j}[0] = ${e};`, `const v${j} = arr${j}.join(' ');`], expr: `v${j}` }),
  'tagged-template': (e, j) => ({ body: [`const v${j} = String.raw\`Context: \${${e}}\`;`], expr: `v${j}` }),
  'async-iife': (e, j) => ({ body: [`const v${j} = await (async (): Promise<string> => ${e})();`], expr: `v${j}` }),
  'Object.entries-map': (e, j) => ({ body: [`const v${j} = Object.entries({ text: ${e} }).map(([k, s]) => k + ': ' + s).join('');`], expr: `v${j}` }),
  'json-round-trip': (e, j) => ({ body: [`const v${j} = String(JSON.parse(JSON.stringify({ text: ${e} })).text);`], expr: `v${j}` }),
  structuredClone: (e, j) => ({ body: [`const v${j} = structuredClone({ text: ${e} }).text;`], expr: `v${j}` }),
  'default-parameter-helper': (e, j) => ({ top: [`function h${j}(s: string, prefix = 'Note: '): string {`, `  return prefix + s;`, `}`], body: [`const v${j} = h${j}(${e});`], expr: `v${j}` }),
  'rest-parameter-helper': (e, j) => ({ top: [`function h${j}(...parts: string[]): string {`, `  return parts.join(' ');`, `}`], body: [`const v${j} = h${j}('Context:', ${e});`], expr: `v${j}` }),
  'higher-order-helper': (e, j) => ({ top: [`function apply${j}(s: string, f: (x: string) => string): string {`, `  return f(s);`, `}`], body: [`const v${j} = apply${j}(${e}, (x) => x.trim());`], expr: `v${j}` }),
  // --- hops after which the value is clean (SPEC section 5: overwritten, counts, tests)
  'pick-other-member-clean': (e, j) => ({ body: [`const o${j} = { text: ${e}, kind: 'note' };`, `const v${j} = o${j}.kind;`], expr: `v${j}` }),
  'delete-member-clean': (e, j) => ({ body: [`const o${j}: { text?: string; kind: string } = { text: ${e}, kind: 'note' };`, `delete o${j}.text;`, `const v${j} = JSON.stringify(o${j});`], expr: `v${j}` }),
  'comparison-clean': (e, j) => ({ body: [`const v${j} = String(${e} > 'm');`], expr: `v${j}` }),
  'overwrite-clean': (e, j) => ({ body: [`let v${j}: string = ${e};`, `v${j} = 'overwritten';`], expr: `v${j}` }),
  'length-clean': (e, j) => ({ body: [`const v${j} = \`\${${e}.length} characters\`;`], expr: `v${j}` }),
  'boolean-test-clean': (e, j) => ({ body: [`const v${j} = ${e}.includes('x') ? 'has x' : 'no x';`], expr: `v${j}` }),
} satisfies Record<string, Hop>;
export type HopKind = keyof typeof HOPS;
export const HOP_KINDS = Object.keys(HOPS) as HopKind[];
/** Hops that make the value clean (every other hop keeps what it carries). */
export const CLEANING_HOPS: ReadonlySet<HopKind> = new Set<HopKind>(['overwrite-clean', 'length-clean', 'boolean-test-clean', 'pick-other-member-clean', 'delete-member-clean', 'comparison-clean']);

// ---------------------------------------------------------------------------------------
// Redactors

export const REDACTORS = {
  none: undefined,
  /** The configured redactor (phi-guard.config.json "redactors"). */
  'configured-redactor': (e: string, j: number): HopOut => ({ body: [`const r${j} = redact(${e});`], expr: `r${j}` }),
  /** A function tagged @redactor in the file. */
  'tagged-redactor': (e: string, j: number): HopOut => ({
    top: [`/** @redactor */`, `function scrub${j}(value: string): string {`, `  return value.length > 0 ? '[removed]' : '';`, `}`],
    body: [`const r${j} = scrub${j}(${e});`],
    expr: `r${j}`,
  }),
  /** Look-alike: escapes HTML, is not de-identification (SPEC section 5). */
  'sanitizer-not-redactor': (e: string, j: number): HopOut => ({ body: [`const r${j} = sanitizeHtml(${e});`], expr: `r${j}` }),
};
export type RedactorKind = keyof typeof REDACTORS;
export const REDACTOR_KINDS = Object.keys(REDACTORS) as RedactorKind[];

// ---------------------------------------------------------------------------------------
// Sinks. `call` is one line; `pre` are statements before it; V is the value sent.

export type VendorStatus =
  | 'unapproved'
  | 'approved'
  | 'outside-scope'
  | 'unknown-endpoint'
  | 'local'
  | 'first-party'
  | 'not-llm'
  /** A project wrapper in another file: its SDK call is reported there. */
  | 'wrapper'
  /** An unapproved vendor's call that does not send the value (a wrapper reads another member). */
  | 'unapproved-no-content';

export interface SinkBlock {
  status: VendorStatus;
  imports: string[];
  /** Module-level setup (clients). */
  setup: string[];
  pre?: string[];
  call: string;
  /** Lines of the helper file (a client built there) and the names imported from it. */
  lib?: string[];
  libImports?: string[];
  /** When the SDK call is in a project wrapper in `setup`: the index of its line there. */
  vendorSetupLine?: number;
}

const OPENAI = `import OpenAI from 'openai';`;
const ANTHROPIC = `import Anthropic from '@anthropic-ai/sdk';`;
const chatMessages = `messages: [{ role: 'user', content: %V% }]`;

export const SINKS = {
  'openai chat.completions': { status: 'unapproved', imports: [OPENAI], setup: ['const client = new OpenAI();'], call: `client.chat.completions.create({ model: 'gpt-4o', ${chatMessages} })` },
  'openai chat system prompt': {
    status: 'unapproved',
    imports: [OPENAI],
    setup: ['const client = new OpenAI();'],
    call: `client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: %V% }, { role: 'user', content: 'Summarize.' }] })`,
  },
  'openai pushed message': {
    status: 'unapproved',
    imports: [OPENAI, `import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';`],
    setup: ['const client = new OpenAI();'],
    pre: [`const messages: ChatCompletionMessageParam[] = [{ role: 'system', content: 'You are a scribe.' }];`, `messages.push({ role: 'user', content: %V% });`],
    call: `client.chat.completions.create({ model: 'gpt-4o', messages })`,
  },
  'openai responses': { status: 'unapproved', imports: [OPENAI], setup: ['const client = new OpenAI();'], call: `client.responses.create({ model: 'gpt-4o', input: %V% })` },
  'openai embeddings': { status: 'unapproved', imports: [OPENAI], setup: ['const client = new OpenAI();'], call: `client.embeddings.create({ model: 'text-embedding-3-small', input: %V% })` },
  'openai legacy completions': { status: 'unapproved', imports: [OPENAI], setup: ['const client = new OpenAI();'], call: `client.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: %V% })` },
  'openai beta threads message': { status: 'unapproved', imports: [OPENAI], setup: ['const client = new OpenAI();'], call: `client.beta.threads.messages.create('thread_1', { role: 'user', content: %V% })` },
  'openai baseURL groq host': { status: 'unapproved', imports: [OPENAI], setup: [`const client = new OpenAI({ baseURL: 'https://api.groq.com/openai/v1' });`], call: `client.chat.completions.create({ model: 'llama-3.1-8b-instant', ${chatMessages} })` },
  'openai baseURL azure host': { status: 'approved', imports: [OPENAI], setup: [`const client = new OpenAI({ baseURL: 'https://acme.openai.azure.com/openai/v1' });`], call: `client.chat.completions.create({ model: 'gpt-4o', ${chatMessages} })` },
  'openai baseURL not constant': {
    status: 'unknown-endpoint',
    imports: [OPENAI],
    setup: ['declare const endpointUrl: string;', 'const client = new OpenAI({ baseURL: endpointUrl });'],
    call: `client.chat.completions.create({ model: 'gpt-4o', ${chatMessages} })`,
  },
  'openai baseURL localhost': { status: 'local', imports: [OPENAI], setup: [`const client = new OpenAI({ baseURL: 'http://localhost:11434/v1' });`], call: `client.chat.completions.create({ model: 'llama3', ${chatMessages} })` },
  'openai baseURL 127.0.0.1': { status: 'local', imports: [OPENAI], setup: [`const client = new OpenAI({ baseURL: 'http://127.0.0.1:8080/v1' });`], call: `client.embeddings.create({ model: 'e5', input: %V% })` },
  'openai baseURL first-party gateway': { status: 'first-party', imports: [OPENAI], setup: [`const client = new OpenAI({ baseURL: 'https://llm.acme.internal/v1' });`], call: `client.chat.completions.create({ model: 'm', ${chatMessages} })` },
  'azure-openai chat.completions': {
    status: 'approved',
    imports: [`import { AzureOpenAI } from 'openai';`],
    setup: [`const client = new AzureOpenAI({ endpoint: 'https://acme.openai.azure.com', apiVersion: '2024-10-21' });`],
    call: `client.chat.completions.create({ model: 'gpt-4o', ${chatMessages} })`,
  },
  'anthropic messages': { status: 'unapproved', imports: [ANTHROPIC], setup: ['const client = new Anthropic();'], call: `client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 256, ${chatMessages} })` },
  'anthropic system prompt': {
    status: 'unapproved',
    imports: [ANTHROPIC],
    setup: ['const client = new Anthropic();'],
    call: `client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 256, system: %V%, messages: [{ role: 'user', content: 'Summarize.' }] })`,
  },
  'anthropic-bedrock us-east-1': {
    status: 'approved',
    imports: [`import { AnthropicBedrock } from '@anthropic-ai/bedrock-sdk';`],
    setup: [`const client = new AnthropicBedrock({ awsRegion: 'us-east-1' });`],
    call: `client.messages.create({ model: 'anthropic.claude-3-5-sonnet-20240620-v1:0', max_tokens: 256, ${chatMessages} })`,
  },
  'anthropic-bedrock eu-central-1': {
    status: 'outside-scope',
    imports: [`import { AnthropicBedrock } from '@anthropic-ai/bedrock-sdk';`],
    setup: [`const client = new AnthropicBedrock({ awsRegion: 'eu-central-1' });`],
    call: `client.messages.create({ model: 'anthropic.claude-3-5-sonnet-20240620-v1:0', max_tokens: 256, ${chatMessages} })`,
  },
  'anthropic-vertex messages': {
    status: 'unapproved',
    imports: [`import { AnthropicVertex } from '@anthropic-ai/vertex-sdk';`],
    setup: [`const client = new AnthropicVertex({ projectId: 'acme-ml', region: 'us-east5' });`],
    call: `client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 256, ${chatMessages} })`,
  },
  'google-genai gemini': {
    status: 'unapproved',
    imports: [`import { GoogleGenAI } from '@google/genai';`],
    setup: [`const client = new GoogleGenAI({ apiKey: 'key' });`],
    call: `client.models.generateContent({ model: 'gemini-2.5-flash', contents: %V% })`,
  },
  'google-genai vertexai': {
    status: 'unapproved',
    imports: [`import { GoogleGenAI } from '@google/genai';`],
    setup: [`const client = new GoogleGenAI({ vertexai: true, project: 'acme-ml', location: 'us-central1' });`],
    call: `client.models.generateContent({ model: 'gemini-2.5-flash', contents: %V% })`,
  },
  'google-generative-ai generateContent': {
    status: 'unapproved',
    imports: [`import { GoogleGenerativeAI } from '@google/generative-ai';`],
    setup: [`const model = new GoogleGenerativeAI('key').getGenerativeModel({ model: 'gemini-1.5-flash' });`],
    call: `model.generateContent(%V%)`,
  },
  'google-generative-ai chat sendMessage': {
    status: 'unapproved',
    imports: [`import { GoogleGenerativeAI } from '@google/generative-ai';`],
    setup: [`const model = new GoogleGenerativeAI('key').getGenerativeModel({ model: 'gemini-1.5-flash' });`],
    pre: ['const chat = model.startChat();'],
    call: `chat.sendMessage(%V%)`,
  },
  'bedrock Converse us-east-1': {
    status: 'approved',
    imports: [`import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';`],
    setup: [`const client = new BedrockRuntimeClient({ region: 'us-east-1' });`],
    call: `client.send(new ConverseCommand({ modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0', messages: [{ role: 'user', content: [{ text: %V% }] }] }))`,
  },
  'bedrock Converse eu-west-1': {
    status: 'outside-scope',
    imports: [`import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';`],
    setup: [`const client = new BedrockRuntimeClient({ region: 'eu-west-1' });`],
    call: `client.send(new ConverseCommand({ modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0', messages: [{ role: 'user', content: [{ text: %V% }] }] }))`,
  },
  'bedrock InvokeModel llama': {
    status: 'outside-scope',
    imports: [`import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';`],
    setup: [`const client = new BedrockRuntimeClient({ region: 'us-west-2' });`],
    call: `client.send(new InvokeModelCommand({ modelId: 'meta.llama3-70b-instruct-v1:0', body: JSON.stringify({ prompt: %V% }) }))`,
  },
  'bedrock aggregated converse': {
    status: 'approved',
    imports: [`import { BedrockRuntime } from '@aws-sdk/client-bedrock-runtime';`],
    setup: [`const client = new BedrockRuntime({ region: 'us-west-2' });`],
    call: `client.converse({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', messages: [{ role: 'user', content: [{ text: %V% }] }] })`,
  },
  'mistral chat.complete': {
    status: 'unapproved',
    imports: [`import { Mistral } from '@mistralai/mistralai';`],
    setup: [`const client = new Mistral({ apiKey: 'key' });`],
    call: `client.chat.complete({ model: 'mistral-large-latest', ${chatMessages} })`,
  },
  'cohere v2 chat': {
    status: 'unapproved',
    imports: [`import { CohereClientV2 } from 'cohere-ai';`],
    setup: [`const client = new CohereClientV2({ token: 'key' });`],
    call: `client.chat({ model: 'command-r-plus', ${chatMessages} })`,
  },
  'groq chat.completions': { status: 'unapproved', imports: [`import Groq from 'groq-sdk';`], setup: [`const client = new Groq({ apiKey: 'key' });`], call: `client.chat.completions.create({ model: 'llama-3.1-8b-instant', ${chatMessages} })` },
  'ollama client': { status: 'local', imports: [`import { Ollama } from 'ollama';`], setup: [`const client = new Ollama({ host: 'http://127.0.0.1:11434' });`], call: `client.chat({ model: 'llama3.1', ${chatMessages} })` },
  'ollama default instance': { status: 'local', imports: [`import ollama from 'ollama';`], setup: [], call: `ollama.generate({ model: 'llama3.1', prompt: %V% })` },
  'ai-sdk openai generateText': { status: 'unapproved', imports: [`import { generateText } from 'ai';`, `import { openai } from '@ai-sdk/openai';`], setup: [], call: `generateText({ model: openai('gpt-4o'), prompt: %V% })` },
  'ai-sdk anthropic streamText': { status: 'unapproved', imports: [`import { streamText } from 'ai';`, `import { anthropic } from '@ai-sdk/anthropic';`], setup: [], call: `streamText({ model: anthropic('claude-sonnet-4-5'), prompt: %V% })` },
  'ai-sdk google messages': {
    status: 'unapproved',
    imports: [`import { generateText } from 'ai';`, `import { google } from '@ai-sdk/google';`],
    setup: [],
    call: `generateText({ model: google('gemini-2.5-flash'), ${chatMessages} })`,
  },
  'ai-sdk mistral system': { status: 'unapproved', imports: [`import { generateText } from 'ai';`, `import { mistral } from '@ai-sdk/mistral';`], setup: [], call: `generateText({ model: mistral('mistral-large-latest'), system: %V%, prompt: 'Summarize.' })` },
  'ai-sdk azure generateText': { status: 'approved', imports: [`import { generateText } from 'ai';`, `import { azure } from '@ai-sdk/azure';`], setup: [], call: `generateText({ model: azure('gpt-4o'), prompt: %V% })` },
  'ai-sdk bedrock us-east-1': {
    status: 'approved',
    imports: [`import { generateText } from 'ai';`, `import { createAmazonBedrock } from '@ai-sdk/amazon-bedrock';`],
    setup: [`const bedrock = createAmazonBedrock({ region: 'us-east-1' });`],
    call: `generateText({ model: bedrock('anthropic.claude-3-5-sonnet-20240620-v1:0'), prompt: %V% })`,
  },
  'ai-sdk gateway model string': { status: 'unapproved', imports: [`import { generateText } from 'ai';`], setup: [], call: `generateText({ model: 'openai/gpt-4o', prompt: %V% })` },
  'ai-sdk openai embed': { status: 'unapproved', imports: [`import { embed } from 'ai';`, `import { openai } from '@ai-sdk/openai';`], setup: [], call: `embed({ model: openai.embedding('text-embedding-3-small'), value: %V% })` },
  'ai-sdk localhost provider': {
    status: 'local',
    imports: [`import { generateText } from 'ai';`, `import { createOpenAI } from '@ai-sdk/openai';`],
    setup: [`const local = createOpenAI({ baseURL: 'http://localhost:1234/v1' });`],
    call: `generateText({ model: local('llama3'), prompt: %V% })`,
  },
  'langchain ChatOpenAI invoke': { status: 'unapproved', imports: [`import { ChatOpenAI } from '@langchain/openai';`], setup: [`const model = new ChatOpenAI({ model: 'gpt-4o' });`], call: `model.invoke(%V%)` },
  'langchain ChatAnthropic invoke': {
    status: 'unapproved',
    imports: [`import { ChatAnthropic } from '@langchain/anthropic';`],
    setup: [`const model = new ChatAnthropic({ model: 'claude-sonnet-4-5' });`],
    call: `model.invoke([['human', %V%]])`,
  },
  'langchain AzureChatOpenAI invoke': {
    status: 'approved',
    imports: [`import { AzureChatOpenAI } from '@langchain/openai';`],
    setup: [`const model = new AzureChatOpenAI({ azureOpenAIApiInstanceName: 'acme', azureOpenAIApiDeploymentName: 'gpt-4o', azureOpenAIApiVersion: '2024-10-21' });`],
    call: `model.invoke(%V%)`,
  },
  'langchain pipe chain': {
    status: 'unapproved',
    imports: [`import { ChatOpenAI } from '@langchain/openai';`, `import { ChatPromptTemplate } from '@langchain/core/prompts';`],
    setup: [`const chain = ChatPromptTemplate.fromMessages([['human', 'Summarize {note}']]).pipe(new ChatOpenAI({ model: 'gpt-4o' }));`],
    call: `chain.invoke({ note: %V% })`,
  },
  'fetch api.openai.com': {
    status: 'unapproved',
    imports: [],
    setup: [],
    call: `fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o', ${chatMessages} }) })`,
  },
  'fetch localhost': { status: 'local', imports: [], setup: [], call: `fetch('http://localhost:8080/v1/completions', { method: 'POST', body: JSON.stringify({ prompt: %V% }) })` },
  'fetch non-LLM host': { status: 'not-llm', imports: [], setup: [], call: `fetch('https://records.acme.example/notes', { method: 'POST', body: JSON.stringify({ text: %V% }) })` },
  'axios api.anthropic.com': {
    status: 'unapproved',
    imports: [`import axios from 'axios';`],
    setup: [],
    call: `axios.post('https://api.anthropic.com/v1/messages', { model: 'claude-sonnet-4-5', max_tokens: 256, ${chatMessages} })`,
  },
  'openai shorthand baseURL localhost': {
    status: 'local',
    imports: [OPENAI],
    setup: [`const baseURL = 'http://localhost:11434/v1';`, 'const client = new OpenAI({ baseURL });'],
    call: `client.chat.completions.create({ model: 'llama3', ${chatMessages} })`,
  },
  'openai client in an object': {
    status: 'unapproved',
    imports: [OPENAI],
    setup: ['const services = { llm: new OpenAI() };'],
    call: `services.llm.chat.completions.create({ model: 'gpt-4o', ${chatMessages} })`,
  },
  'openai client from another file (local)': {
    status: 'local',
    imports: [],
    lib: [`import OpenAI from 'openai';`, `export const sharedClient = new OpenAI({ baseURL: 'http://127.0.0.1:8000/v1' });`],
    libImports: ['sharedClient'],
    setup: [],
    call: `sharedClient.chat.completions.create({ model: 'llama3', ${chatMessages} })`,
  },
  'openai client from another file (openai)': {
    status: 'unapproved',
    imports: [],
    lib: [`import OpenAI from 'openai';`, `export const sharedClient = new OpenAI();`],
    libImports: ['sharedClient'],
    setup: [],
    call: `sharedClient.chat.completions.create({ model: 'gpt-4o', ${chatMessages} })`,
  },
  'bedrock shorthand region us-east-1': {
    status: 'approved',
    imports: [`import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';`],
    setup: [`const region = 'us-east-1';`, 'const client = new BedrockRuntimeClient({ region });', `const modelId = 'anthropic.claude-3-5-sonnet-20240620-v1:0';`],
    call: `client.send(new ConverseCommand({ modelId, messages: [{ role: 'user', content: [{ text: %V% }] }] }))`,
  },
  'ai-sdk shorthand azure model': { status: 'approved', imports: [`import { generateText } from 'ai';`, `import { azure } from '@ai-sdk/azure';`], setup: [`const model = azure('gpt-4o');`], call: `generateText({ model, prompt: %V% })` },
  'ai-sdk streamText messages': { status: 'unapproved', imports: [`import { streamText } from 'ai';`, `import { openai } from '@ai-sdk/openai';`], setup: [], call: `streamText({ model: openai('gpt-4o-mini'), ${chatMessages} })` },
  'langchain ChatOpenAI baseURL localhost': {
    status: 'local',
    imports: [`import { ChatOpenAI } from '@langchain/openai';`],
    setup: [`const model = new ChatOpenAI({ model: 'llama3', configuration: { baseURL: 'http://localhost:8000/v1' } });`],
    call: `model.invoke(%V%)`,
  },
  'anthropic messages.stream': { status: 'unapproved', imports: [ANTHROPIC], setup: ['const client = new Anthropic();'], call: `client.messages.stream({ model: 'claude-sonnet-4-5', max_tokens: 256, ${chatMessages} })` },
  'openai request object built first': {
    status: 'unapproved',
    imports: [OPENAI],
    setup: ['const client = new OpenAI();'],
    pre: [`const request = { model: 'gpt-4o', messages: [{ role: 'user' as const, content: %V% }] };`],
    call: `client.chat.completions.create(request)`,
  },
  'openai messages built by map': {
    status: 'unapproved',
    imports: [OPENAI],
    setup: ['const client = new OpenAI();'],
    pre: [`const messages = [%V%].map((c) => ({ role: 'user' as const, content: c }));`],
    call: `client.chat.completions.create({ model: 'gpt-4o', messages })`,
  },
  'openai optional-chained client': {
    status: 'unapproved',
    imports: [OPENAI],
    setup: ['const client: OpenAI | undefined = new OpenAI();'],
    call: `client?.chat.completions.create({ model: 'gpt-4o', ${chatMessages} })`,
  },
  'class service wrapper': {
    status: 'unapproved',
    imports: [OPENAI],
    setup: [
      'class Assistant {',
      '  private readonly client = new OpenAI();',
      '  ask(question: string): Promise<unknown> {',
      `    return this.client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] });`,
      '  }',
      '}',
    ],
    vendorSetupLine: 3,
    call: `new Assistant().ask(%V%)`,
  },
  'wrapper taking an options object': {
    status: 'unapproved',
    imports: [OPENAI],
    setup: [
      'const client = new OpenAI();',
      'async function askWith(opts: { prompt: string; temperature: number }): Promise<unknown> {',
      `  return client.chat.completions.create({ model: 'gpt-4o', temperature: opts.temperature, messages: [{ role: 'user', content: opts.prompt }] });`,
      '}',
    ],
    vendorSetupLine: 2,
    call: `askWith({ prompt: %V%, temperature: 0 })`,
  },
  'wrapper that does not send the value': {
    status: 'unapproved-no-content',
    imports: [OPENAI],
    setup: [
      'const client = new OpenAI();',
      'async function tune(opts: { note: string; model: string }): Promise<unknown> {',
      `  return client.chat.completions.create({ model: opts.model, messages: [{ role: 'user', content: 'Say hello.' }] });`,
      '}',
    ],
    vendorSetupLine: 2,
    call: `tune({ note: %V%, model: 'gpt-4o' })`,
  },
  'langchain HumanMessage': {
    status: 'unapproved',
    imports: [`import { ChatAnthropic } from '@langchain/anthropic';`, `import { HumanMessage } from '@langchain/core/messages';`],
    setup: [`const model = new ChatAnthropic({ model: 'claude-sonnet-4-5' });`],
    call: `model.invoke([new HumanMessage(%V%)])`,
  },
  'anthropic system blocks': {
    status: 'unapproved',
    imports: [ANTHROPIC],
    setup: ['const client = new Anthropic();'],
    call: `client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 256, system: [{ type: 'text', text: %V% }], messages: [{ role: 'user', content: 'Summarize.' }] })`,
  },
  'openai responses input messages': { status: 'unapproved', imports: [OPENAI], setup: ['const client = new OpenAI();'], call: `client.responses.create({ model: 'gpt-4o', input: [{ role: 'user', content: %V% }] })` },
  'openai moderations': { status: 'unapproved', imports: [OPENAI], setup: ['const client = new OpenAI();'], call: `client.moderations.create({ model: 'omni-moderation-latest', input: %V% })` },
  'anthropic countTokens': { status: 'unapproved', imports: [ANTHROPIC], setup: ['const client = new Anthropic();'], call: `client.messages.countTokens({ model: 'claude-sonnet-4-5', ${chatMessages} })` },
  'project wrapper in another file': { status: 'wrapper', imports: [`import { askModel } from './llm.js';`], setup: [], call: `askModel(%V%)` },
  'project wrapper in this file': {
    status: 'unapproved',
    imports: [OPENAI],
    setup: ['const client = new OpenAI();', 'async function ask(question: string): Promise<unknown> {', `  return client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: question }] });`, '}'],
    vendorSetupLine: 2,
    call: `ask(%V%)`,
  },
  'openai image part': {
    status: 'unapproved',
    imports: [OPENAI],
    setup: ['const client = new OpenAI();'],
    call: `client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: [{ type: 'text', text: 'Read this card.' }, { type: 'image_url', image_url: { url: \`data:image/png;base64,\${%V%}\` } }] }] })`,
  },
  'openai tool result': {
    status: 'unapproved',
    imports: [OPENAI],
    setup: ['const client = new OpenAI();'],
    call: `client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'assistant', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{}' } }] }, { role: 'tool', tool_call_id: 'call_1', content: %V% }] })`,
  },
  'openai responses instructions': { status: 'unapproved', imports: [OPENAI], setup: ['const client = new OpenAI();'], call: `client.responses.create({ model: 'gpt-4o', instructions: %V%, input: 'Summarize.' })` },
  'anthropic tool_result': {
    status: 'unapproved',
    imports: [ANTHROPIC],
    setup: ['const client = new Anthropic();'],
    call: `client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 256, messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: %V% }] }] })`,
  },
  'bedrock InvokeModel anthropic us-east-1': {
    status: 'approved',
    imports: [`import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';`],
    setup: [`const client = new BedrockRuntimeClient({ region: 'us-east-1' });`],
    call: `client.send(new InvokeModelCommand({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 256, ${chatMessages} }) }))`,
  },
  'bedrock region not constant': {
    status: 'outside-scope',
    imports: [`import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';`],
    setup: ['declare const awsRegion: string;', `const client = new BedrockRuntimeClient({ region: awsRegion });`],
    call: `client.send(new ConverseCommand({ modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0', messages: [{ role: 'user', content: [{ text: %V% }] }] }))`,
  },
  'mistral embeddings': { status: 'unapproved', imports: [`import { Mistral } from '@mistralai/mistralai';`], setup: [`const client = new Mistral({ apiKey: 'key' });`], call: `client.embeddings.create({ model: 'mistral-embed', inputs: [%V%] })` },
  'cohere v2 embed': {
    status: 'unapproved',
    imports: [`import { CohereClientV2 } from 'cohere-ai';`],
    setup: [`const client = new CohereClientV2({ token: 'key' });`],
    call: `client.embed({ model: 'embed-english-v3.0', inputType: 'search_document', embeddingTypes: ['float'], texts: [%V%] })`,
  },
  'ollama cloud host': { status: 'unapproved', imports: [`import { Ollama } from 'ollama';`], setup: [`const client = new Ollama({ host: 'https://ollama.com' });`], call: `client.chat({ model: 'gpt-oss:120b', ${chatMessages} })` },
  'google-genai chats sendMessage': {
    status: 'unapproved',
    imports: [`import { GoogleGenAI } from '@google/genai';`],
    setup: [`const client = new GoogleGenAI({ apiKey: 'key' });`],
    pre: [`const chat = client.chats.create({ model: 'gemini-2.5-flash' });`],
    call: `chat.sendMessage({ message: %V% })`,
  },
  'langchain OpenAIEmbeddings embedQuery': { status: 'unapproved', imports: [`import { OpenAIEmbeddings } from '@langchain/openai';`], setup: [`const embeddings = new OpenAIEmbeddings({ model: 'text-embedding-3-small' });`], call: `embeddings.embedQuery(%V%)` },
  'langchain ChatOpenAI batch': { status: 'unapproved', imports: [`import { ChatOpenAI } from '@langchain/openai';`], setup: [`const model = new ChatOpenAI({ model: 'gpt-4o' });`], call: `model.batch([%V%])` },
  'fetch azure host': {
    status: 'approved',
    imports: [],
    setup: [],
    call: `fetch('https://acme.openai.azure.com/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21', { method: 'POST', body: JSON.stringify({ ${chatMessages} }) })`,
  },
} satisfies Record<string, SinkBlock>;
export type SinkKind = keyof typeof SINKS;
export const SINK_KINDS = Object.keys(SINKS) as SinkKind[];

// ---------------------------------------------------------------------------------------
// Programs

export interface GenProgram {
  source: SourceKind;
  variant: number;
  hops: HopKind[];
  redactor: RedactorKind;
  /** Where the redactor sits in the chain: before hop `redactorAt` (modulo hops + 1). */
  redactorAt: number;
  sink: SinkKind;
}

export const programArb: fc.Arbitrary<GenProgram> = fc.record({
  source: fc.constantFrom(...SOURCE_KINDS),
  variant: fc.nat({ max: 5 }),
  hops: fc.array(fc.constantFrom(...HOP_KINDS), { minLength: 0, maxLength: 6 }),
  // Half of the programs have no redactor on the way.
  redactor: fc.oneof({ weight: 3, arbitrary: fc.constant<RedactorKind>('none') }, { weight: 1, arbitrary: fc.constantFrom(...REDACTOR_KINDS.filter((r) => r !== 'none')) }),
  redactorAt: fc.nat({ max: 6 }),
  sink: fc.constantFrom(...SINK_KINDS),
});

export interface Rendered {
  /** File name (relative to the fixture) -> text; the first is the analyzed file. */
  files: [string, string][];
  /** 1-based lines of the analyzed file where the no-phi-in-prompt finding may be (the chain and the sink). */
  phiLines: [number, number];
  /** 1-based line of the sink call. */
  sinkLine: number;
  /** 1-based line of the callee of the SDK call (approved-vendors): the sink, or inside a wrapper. */
  vendorLine: number;
}

export interface Expected {
  'no-phi-in-prompt': number;
  'approved-vendors': number;
}

/** The findings the blocks imply (SPEC sections 3 to 6). */
export function expected(p: GenProgram): Expected {
  const src = sourceOf(p);
  const status = SINKS[p.sink].status;
  const redacted = p.redactor === 'configured-redactor' || p.redactor === 'tagged-redactor';
  const cleaned = p.hops.some((h) => CLEANING_HOPS.has(h));
  // Vendors without a BAA, approved ones whose region/model is outside it, and endpoints PHI
  // Guard cannot determine are reported; local, first-party and non-LLM endpoints never are.
  // A project wrapper's own call is reported in its file (llm.ts), not here.
  const reported = status === 'unapproved' || status === 'outside-scope' || status === 'unknown-endpoint' || status === 'wrapper';
  const vendorReported = status === 'unapproved' || status === 'outside-scope' || status === 'unknown-endpoint' || status === 'unapproved-no-content';
  return {
    'no-phi-in-prompt': src.phi && !redacted && !cleaned && reported ? 1 : 0,
    'approved-vendors': vendorReported ? 1 : 0,
  };
}

export function sourceOf(p: GenProgram): SourceBlock {
  const variants: SourceBlock[] = SOURCES[p.source];
  return variants[p.variant % variants.length]!;
}

/** The block names a program is made of, for the per-block table. */
export function blocksOf(p: GenProgram): string[] {
  const out = [`source: ${p.source}`, `sink: ${p.sink}`, `vendor: ${SINKS[p.sink].status}`, `redactor: ${p.redactor}`, `hops: ${p.hops.length}`];
  for (const h of new Set(p.hops)) out.push(`hop: ${h}`);
  return out;
}

/**
 * Renders a program as `<base>.ts` (analyzed) and, when a hop needs one, `<base>-lib.ts`
 * (helpers in another file). `base` must be unique within a program batch.
 */
export function render(p: GenProgram, base: string): Rendered {
  const src = sourceOf(p);
  const sink: SinkBlock = SINKS[p.sink];
  const imports = new Set<string>([MODELS, `import { redact, sanitizeHtml } from './phi.js';`, ...(src.imports ?? []), ...sink.imports]);
  const top: string[] = [];
  const lib: string[] = [];
  const libImports: string[] = [];
  const body: string[] = [...(src.pre ?? [])];
  // Composite expressions are parenthesized so that hops can read members of them.
  let expr = /^[\w.]+$/.test(src.expr) ? src.expr : `(${src.expr})`;
  const steps: { out: HopOut }[] = [];
  const redactAt = p.redactor === 'none' ? -1 : p.redactorAt % (p.hops.length + 1);
  for (let i = 0; i <= p.hops.length; i++) {
    if (i === redactAt) {
      const r = REDACTORS[p.redactor]!(expr, i);
      steps.push({ out: r });
      expr = r.expr;
    }
    if (i === p.hops.length) break;
    const out = (HOPS[p.hops[i]!] as Hop)(expr, i);
    steps.push({ out });
    expr = out.expr;
  }
  lib.push(...(sink.lib ?? []));
  libImports.push(...(sink.libImports ?? []));
  for (const { out } of steps) {
    body.push(...out.body);
    top.push(...(out.top ?? []));
    lib.push(...(out.lib ?? []));
    libImports.push(...(out.libImports ?? []));
  }
  const libName = `${base}-lib`;
  if (libImports.length > 0) imports.add(`import { ${libImports.join(', ')} } from './${libName}.js';`);
  const needsFetchText = (src.pre ?? []).some((l) => l.includes('fetchText('));
  // The helper file's imports go first (a client built there imports its SDK).
  lib.sort((a, b) => Number(b.startsWith('import ')) - Number(a.startsWith('import ')));
  const head = [...imports, ...sink.setup, ...(needsFetchText ? ['declare function fetchText(id: string): Promise<string>;'] : []), ...top];
  const vendorLine = sink.vendorSetupLine === undefined ? undefined : imports.size + sink.vendorSetupLine + 1;
  const lines = [...head, `export async function run(${src.params.join(', ')}): Promise<unknown> {`];
  const chainStart = lines.length + 1;
  for (const l of body) lines.push(`  ${l}`);
  for (const l of sink.pre ?? []) lines.push(`  ${l.replace('%V%', () => expr)}`);
  lines.push(`  return ${sink.call.replace('%V%', () => expr)};`);
  const sinkLine = lines.length;
  lines.push('}', '');
  const files: [string, string][] = [[`${base}.ts`, lines.join('\n')]];
  if (lib.length > 0) files.push([`${libName}.ts`, `${lib.join('\n')}\n`]);
  return { files, phiLines: [chainStart, sinkLine], sinkLine, vendorLine: vendorLine ?? sinkLine };
}

/** A one-line description of a program, for failure messages and replay. */
export function describe(p: GenProgram): string {
  return `source=${p.source}#${p.variant % SOURCES[p.source].length} hops=[${p.hops.join(', ')}] redactor=${p.redactor}${p.redactor === 'none' ? '' : `@${p.redactorAt % (p.hops.length + 1)}`} sink=${p.sink}`;
}
