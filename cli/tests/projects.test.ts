/** How the command builds a project's program: only the JSDoc the analysis reads is parsed. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { buildProgram, planProjects } from '../src/projects';

describe('phi-guard scan programs', () => {
  let folder: string;
  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-projects-'));
    const files: Record<string, string> = {
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, allowJs: true, checkJs: true, noEmit: true }, include: ['*.ts', '*.js'] }),
      'models.ts': 'export interface Patient {\n  id: string;\n  /** @phi */\n  ssn: string;\n}\n',
      'redact.ts': '/** @redactor */\nexport function scrub(s: string): string {\n  return "";\n}\n',
      'plain.ts': '/** Formats a date. @deprecated use toISOString */\nexport function fmt(d: Date): string {\n  return d.toISOString();\n}\n',
      'legacy.js': '/** @typedef {{ mrn: string }} Chart */\n/** @param {Chart} c */\nexport function show(c) {\n  return c.mrn;\n}\n',
    };
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('keeps @phi and @redactor tags and JavaScript JSDoc, and skips other JSDoc in TypeScript like tsc', () => {
    const files = ['models.ts', 'redact.ts', 'plain.ts', 'legacy.js'].map((f) => path.join(folder, f));
    const [plan] = planProjects(files);
    const program = buildProgram(plan);
    program.getTypeChecker(); // binds the files (parent pointers), as the analysis does
    const tags = (name: string, pick: (sf: ts.SourceFile) => ts.Node): string[] =>
      ts.getJSDocTags(pick(program.getSourceFile(path.join(folder, name))!)).map((t) => t.tagName.text);
    const member = (sf: ts.SourceFile) => (sf.statements[0] as ts.InterfaceDeclaration).members[1];
    assert.deepEqual(tags('models.ts', member), ['phi']);
    assert.deepEqual(tags('redact.ts', (sf) => sf.statements[0]), ['redactor']);
    assert.deepEqual(tags('plain.ts', (sf) => sf.statements[0]), [], 'a TypeScript file without @phi or @redactor is parsed as tsc parses it');
    assert.deepEqual(tags('legacy.js', (sf) => sf.statements[0]), ['param']);
    // The standard library's JSDoc (most of its text) is not parsed either.
    const lib = program.getSourceFiles().find((sf) => /lib\.es5\.d\.ts$/.test(sf.fileName))!;
    const arrayDecl = lib.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === 'Array') as ts.InterfaceDeclaration;
    const withDocs = arrayDecl.members.filter((m) => ts.getJSDocCommentsAndTags(m).length > 0);
    assert.equal(withDocs.length, 0);
    // The program still type-checks the JavaScript through its JSDoc types.
    const diagnostics = program.getSemanticDiagnostics(program.getSourceFile(path.join(folder, 'legacy.js')));
    assert.equal(diagnostics.length, 0);
  });
});
