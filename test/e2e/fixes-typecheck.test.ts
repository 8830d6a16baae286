/**
 * A quick fix must leave code that compiles and no longer leaks. Every "Wrap ... in redact()"
 * suggestion is applied, the file is type-checked with tsc's own diagnostics and analyzed again:
 * the redactor import must resolve, the wrapped expression must accept the redactor's parameter
 * and its text must fit where the expression stood, and the finding must be gone. On the example
 * app each fix is applied alone; on the 78-file corpus, all fixes of a file at once (a program
 * per fix would take minutes).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import ts from 'typescript';
import { analyzeFile, loadConfigForFile, type Finding, type TextEdit } from '@phi-guard/core';

const root = path.resolve(__dirname, '../../..');

function load(dir: string): { program: ts.Program; options: ts.CompilerOptions; host: ts.CompilerHost } {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(dir, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(String(d.messageText)) })!;
  const base = ts.createCompilerHost(parsed.options, true);
  // Every fix builds a new program: without this cache each one re-parsed every SDK typing
  // (7-9 s per fix); with it the old program's structure is reused.
  const parsedFiles = new Map<string, ts.SourceFile | undefined>();
  const host: ts.CompilerHost = {
    ...base,
    getSourceFile: (f, lang, onError) => {
      if (!parsedFiles.has(f)) parsedFiles.set(f, base.getSourceFile(f, lang, onError));
      return parsedFiles.get(f);
    },
  };
  return { program: ts.createProgram(parsed.fileNames, parsed.options, host), options: parsed.options, host };
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

const errorsOf = (program: ts.Program, sf: ts.SourceFile) =>
  [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].map((d) => `${sf.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);

const phiKey = (f: Finding) => `${f.range.startPos.line}:${f.range.startPos.character} ${(f.phi ?? []).join(',')}`;

type Mode = 'alone' | 'together';

function checkFixes(dir: string, mode: Mode): { fixes: number; problems: string[]; withoutFix: string[]; crossFile: string[] } {
  const { program, options, host } = load(dir);
  let fixes = 0;
  const problems: string[] = [];
  // No fix is offered where no wrap point type-checks (an Uploadable passed to the SDK): that is
  // the intended answer, listed in the output rather than failed.
  const withoutFix: string[] = [];
  // Fixes at the source: the PHI was embedded by a helper in another file, which the fix edits.
  const crossFile: string[] = [];
  // A fix at the source edits the helper's file too: every edited file is type-checked.
  const reanalyze = (sf: ts.SourceFile, texts: Map<string, string>, config: ReturnType<typeof loadConfigForFile>) => {
    const overlay: ts.CompilerHost = {
      ...host,
      getSourceFile: (f, lang, onError) => (texts.has(f) ? ts.createSourceFile(f, texts.get(f)!, lang, true) : host.getSourceFile(f, lang, onError)),
      readFile: (f) => texts.get(f) ?? host.readFile(f),
    };
    const after = ts.createProgram(program.getRootFileNames(), options, overlay, program);
    const afterSf = after.getSourceFile(sf.fileName)!;
    const errors = [...texts.keys()].flatMap((f) => errorsOf(after, after.getSourceFile(f)!).map((e) => `${path.basename(f)}:${e}`));
    return { errors, phi: analyzeFile(after, afterSf, config).findings.filter((f) => f.kind === 'phi-to-vendor') };
  };
  for (const sf of program.getSourceFiles()) {
    if (sf.isDeclarationFile || sf.fileName.includes('/node_modules/')) continue;
    const config = loadConfigForFile(sf.fileName);
    const findings = analyzeFile(program, sf, config).findings.filter((f) => f.kind === 'phi-to-vendor');
    if (findings.length === 0) continue;
    assert.deepEqual(errorsOf(program, sf), [], `${sf.fileName} has type errors before any fix`);
    const where = (f: Finding) => `${path.relative(root, sf.fileName)}:${f.range.startPos.line + 1}`;
    const withFix = findings.filter((f) => f.fixes[0]);
    for (const f of findings) if (!f.fixes[0]) withoutFix.push(where(f));
    for (const f of withFix) {
      const other = f.fixes[0]!.edits.filter((e) => e.fileName !== sf.fileName);
      if (other.length > 0) crossFile.push(`${where(f)} -> ${[...new Set(other.map((e) => path.relative(root, e.fileName)))].join(', ')}`);
    }
    const groups = mode === 'alone' ? withFix.map((f) => [f]) : [withFix];
    for (const group of groups) {
      // Fixes applied together share one import edit; a fix overlapping one already taken waits.
      const edits: TextEdit[] = [];
      const applied: Finding[] = [];
      for (const f of group) {
        const own = f.fixes[0]!.edits.filter((e) => !edits.some((d) => d.fileName === e.fileName && d.start === e.start && d.end === e.end && d.newText === e.newText));
        if (own.some((e) => edits.some((d) => d.fileName === e.fileName && e.start < d.end && d.start < e.end))) continue;
        edits.push(...own);
        applied.push(f);
      }
      fixes += applied.length;
      const texts = new Map<string, string>();
      for (const fileName of new Set([sf.fileName, ...edits.map((e) => e.fileName)])) {
        texts.set(fileName, applyEdits(program.getSourceFile(fileName)!.text, edits.filter((e) => e.fileName === fileName)));
      }
      const after = reanalyze(sf, texts, config);
      const label = applied.map(where).join(', ');
      if (after.errors.length > 0) problems.push(`${label}: the fix leaves type errors: ${after.errors.join('; ')}`);
      const expected = findings.length - applied.length;
      if (after.phi.length > expected) problems.push(`${label}: ${after.phi.length} PHI findings after the fix, expected ${expected}: ${after.phi.map(phiKey).join(' | ')}`);
    }
  }
  return { fixes, problems, withoutFix, crossFile };
}

for (const [name, dir, mode] of [
  ['the example app', path.join(root, 'examples/telehealth-app'), 'alone'],
  ['the labeled corpus', path.join(root, 'test/corpus'), 'together'],
] as const) {
  describe(`quick fixes type-check and remove their finding: ${name}`, function () {
    // A new program per fix (or per file) and a whole re-analysis: 78 s for the corpus on a quiet
    // machine once parsed files are shared between programs (it was 569 s without).
    this.timeout(900_000);

    it(`every Wrap-in-redactor fix, applied ${mode === 'alone' ? 'alone' : 'with the others of its file'}`, () => {
      const { fixes, problems, withoutFix, crossFile } = checkFixes(dir, mode);
      assert.ok(fixes > 0, 'no fixes were checked');
      assert.deepEqual(problems, []);
      console.log(`      ${fixes} fixes applied, type-checked and re-analyzed; no fix offered at ${withoutFix.length ? withoutFix.join(', ') : 'none'}`);
      console.log(`      fixes at the source (in another file): ${crossFile.length ? crossFile.join('; ') : 'none'}`);
    });
  });
}
