#!/usr/bin/env node
// Writes eslint-plugin/docs/phi-field-names.md from core/src/sources/fieldNames.ts, the list the
// engine uses: each group comment of the source becomes a heading. `--check` exits 1 when the
// doc is out of date (a test runs the same comparison).
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const SOURCE = path.join(ROOT, 'core/src/sources/fieldNames.ts');
const DOC = path.join(ROOT, 'eslint-plugin/docs/phi-field-names.md');

/** The names of one exported array, grouped by the `// comment` lines inside it. */
function groups(text, constName) {
  const start = text.indexOf(`export const ${constName}`);
  if (start < 0) throw new Error(`${SOURCE}: no export const ${constName}`);
  const body = text.slice(text.indexOf('[', text.indexOf('=', start)) + 1, text.indexOf('];', start));
  const result = [];
  for (const line of body.split('\n')) {
    const comment = /^\s*\/\/\s*(.*)$/.exec(line);
    if (comment) result.push({ title: comment[1], names: [] });
    else {
      const names = [...line.matchAll(/'([^']+)'/g)].map((m) => m[1]);
      if (names.length === 0) continue;
      if (result.length === 0) result.push({ title: '', names: [] });
      result[result.length - 1].names.push(...names);
    }
  }
  return result;
}

function render() {
  const text = fs.readFileSync(SOURCE, 'utf8');
  const patientLike = /export const PATIENT_LIKE_NAME = \/(.*)\/i;/.exec(text);
  if (!patientLike) throw new Error(`${SOURCE}: no PATIENT_LIKE_NAME`);
  const list = (names) => names.map((n) => `\`${n}\``).join(', ');
  const out = [
    '# Built-in PHI field names',
    '',
    '<!-- Generated from core/src/sources/fieldNames.ts by `node scripts/field-names-doc.js`; do not edit. -->',
    '',
    'PHI Guard guesses PHI from field names only where the types say nothing: `any`, untyped JSON,',
    'plain JavaScript, and interfaces, classes and typedefs with no PHI marking at all (no `@phi`,',
    'no brand type, not in `phi.types`, not FHIR). Names are compared after lower-casing and',
    'dropping `_`, `-` and spaces: `ssn`, `SSN` and `social_security_number` all match.',
    '',
    '`phi.fields.include` in `phi-guard.config.json` adds strong names, `phi.fields.exclude`',
    'removes names, and `phi.builtinFieldNames: false` turns this list off.',
    '',
    '## Strong names',
    '',
    'PHI wherever they appear: the HIPAA Safe Harbor identifiers (45 CFR 164.514(b)(2)(i), items',
    'A to R) and clinical content.',
    '',
  ];
  for (const g of groups(text, 'STRONG_PHI_FIELD_NAMES')) {
    if (g.title) out.push(`- **${g.title}**: ${list(g.names)}`);
    else out.push(`- ${list(g.names)}`);
  }
  out.push(
    '',
    '## Weak names',
    '',
    'PHI only inside a patient-like object: one whose type or variable name matches',
    `\`/${patientLike[1]}/i\`, or that also has a strong name. \`clinic.name\` is not PHI,`,
    '`patient.name` is.',
    '',
  );
  for (const g of groups(text, 'WEAK_PHI_FIELD_NAMES')) out.push(`- ${g.title ? `**${g.title}**: ` : ''}${list(g.names)}`);
  out.push('');
  return out.join('\n');
}

module.exports = { render, DOC };

if (require.main === module) {
  const doc = render();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : '';
    if (current !== doc) {
      console.error(`${path.relative(process.cwd(), DOC)} is out of date: run node scripts/field-names-doc.js`);
      process.exit(1);
    }
  } else {
    fs.writeFileSync(DOC, doc);
    console.log(`wrote ${path.relative(process.cwd(), DOC)}`);
  }
}
