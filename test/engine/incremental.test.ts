/**
 * Programs that follow each other, as in the editor: a language service makes a new program per
 * edit and reuses the SourceFile objects of unchanged files. What the engine carries from one
 * program to the next must give the answers a fresh program gives.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import ts from 'typescript';
import { analyzeFile, loadConfigForFile } from '@phi-guard/core';
import { getFlowContext } from '@phi-guard/core/dist/src/flow/context';
import { wrapperNames } from '@phi-guard/core/dist/src/flow/wrapperIndex';
import { ruleFixture } from '../support/program';

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
};

/** A language service over files beside the rule fixture's (so `openai` resolves), editable. */
function editableProject(files: Record<string, string>, tsconfig = 'tsconfig.json') {
  const texts = new Map(Object.entries(files).map(([name, code]) => [path.join(ruleFixture, name), code]));
  const versions = new Map([...texts.keys()].map((f) => [f, 0]));
  const host: ts.LanguageServiceHost = {
    // The server's programs carry their tsconfig's path: what is remembered is kept per project.
    getCompilationSettings: () => ({ ...options, configFilePath: path.join(ruleFixture, tsconfig) }),
    getScriptFileNames: () => [...texts.keys()],
    getScriptVersion: (f) => String(versions.get(path.resolve(f)) ?? 0),
    getScriptSnapshot: (f) => {
      const own = texts.get(path.resolve(f));
      const text = own ?? ts.sys.readFile(f);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => ruleFixture,
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: (f) => texts.has(path.resolve(f)) || ts.sys.fileExists(f),
    readFile: (f) => texts.get(path.resolve(f)) ?? ts.sys.readFile(f),
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host);
  return {
    edit(name: string, code: string) {
      const f = path.join(ruleFixture, name);
      texts.set(f, code);
      versions.set(f, (versions.get(f) ?? 0) + 1);
    },
    /**
     * The findings of `file.ts` under the current program, and what the wrapper index asked.
     * `open` files are analyzed as the server analyzes open documents (`edited`).
     */
    analyze(open: string[] = []) {
      const program = service.getProgram()!;
      const sf = program.getSourceFile(path.join(ruleFixture, 'file.ts'))!;
      const config = loadConfigForFile(sf.fileName);
      const edited = open.includes('file.ts');
      const rows = analyzeFile(program, sf, config, { edited }).findings.map((f) => `${f.range.startPos.line + 1} ${f.ruleId}${f.phi ? ' ' + f.phi.join(',') : ''}`);
      for (const name of open) if (name !== 'file.ts') analyzeFile(program, program.getSourceFile(path.join(ruleFixture, name))!, config, { edited: true });
      const { verdicts } = wrapperNames(getFlowContext(program, config), () => assert.fail('the index is built by analyzeFile'));
      return { rows: rows.sort(), asked: verdicts.asked, reused: verdicts.reused };
    },
  };
}

const CLIENT_OPENAI = `import OpenAI from 'openai';\nexport const ai = new OpenAI();\n`;
const CLIENT_LOCAL = `export const ai = { chat: { completions: { create: (body: { model: string; messages: unknown[] }) => body } } };\n`;
const GATEWAY = `import { ai } from './client.js';\nexport function ask(text: string) {\n  return ai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });\n}\n`;
const UNRELATED = `import OpenAI from 'openai';\nconst other = new OpenAI();\nexport function ping() {\n  return other.chat.completions.create({ model: 'gpt-4o', messages: [] });\n}\n`;
/** The files the user has open, as the server analyzes them. */
const OPEN = ['file.ts', 'client.ts'];
const FILE = (extra: string) =>
  `import type { Patient } from './models.js';\nimport { ask } from './gateway.js';\nexport function run(p: Patient) {\n  ${extra}\n  return ask(\`Summarize \${p.fullName}\`);\n}\n`;

describe('programs that follow each other (the editor)', () => {
  it('reuses the wrapper index verdicts of files whose types cannot have changed, and asks again where they can', () => {
    const project = editableProject({ 'client.ts': CLIENT_LOCAL, 'gateway.ts': GATEWAY, 'unrelated.ts': UNRELATED, 'file.ts': FILE('') });
    const first = project.analyze(OPEN);
    assert.deepEqual(first.rows, []);
    assert.equal(first.asked, 2, 'the first program asks about every seed call');

    // The client becomes OpenAI: the gateway imports it, so its call is asked about again and
    // `ask` becomes a wrapper (a verdict kept from before would miss the flow); unrelated.ts
    // imports neither and keeps its verdict.
    project.edit('client.ts', CLIENT_OPENAI);
    const second = project.analyze(OPEN);
    assert.deepEqual(second.rows, ['5 no-phi-in-prompt Patient.fullName']);
    assert.equal(second.asked, 1, 'only the gateway call');
    assert.equal(second.reused, 1);

    // An edit in the analyzed file: no other file imports it, so nothing else is asked again.
    project.edit('file.ts', FILE('const n = 1;'));
    const third = project.analyze(OPEN);
    assert.deepEqual(third.rows, ['5 no-phi-in-prompt Patient.fullName']);
    assert.equal(third.asked, 0);
    assert.equal(third.reused, 2);

    // A change in the client that its importers cannot see (its declarations read the same as
    // when it was last analyzed open in the editor): the gateway keeps its verdict.
    project.edit('client.ts', `${CLIENT_OPENAI}const retries = 3;\nconsole.log(retries);\n`);
    const fourth = project.analyze(OPEN);
    assert.deepEqual(fourth.rows, ['5 no-phi-in-prompt Patient.fullName']);
    assert.equal(fourth.asked, 0);

    // And back: the same answer a fresh program gives.
    project.edit('client.ts', CLIENT_LOCAL);
    const fifth = project.analyze(OPEN);
    assert.deepEqual(fifth.rows, []);
    assert.equal(fifth.asked, 1);

    // Outside the editor (no file analyzed as open: a CLI or ESLint run) no declarations are
    // compared (the emit type-checks the file), so any change in the client counts for
    // everything that imports it.
    const unopened = editableProject({ 'client.ts': CLIENT_OPENAI, 'gateway.ts': GATEWAY, 'unrelated.ts': UNRELATED, 'file.ts': FILE('') }, 'tsconfig.other.json');
    unopened.analyze();
    unopened.edit('client.ts', `${CLIENT_OPENAI}const retries = 3;\n`);
    assert.equal(unopened.analyze().asked, 1);
  });

  it('asks again everywhere after an edit that can change any file (declare global, a script)', () => {
    const project = editableProject({ 'client.ts': CLIENT_OPENAI, 'gateway.ts': GATEWAY, 'unrelated.ts': UNRELATED, 'file.ts': FILE(''), 'globals.ts': 'export {};\n' }, 'tsconfig.globals.json');
    const first = project.analyze();
    project.edit('globals.ts', 'export {};\ndeclare global {\n  var tracing: boolean;\n}\n');
    const second = project.analyze();
    assert.equal(second.reused, 0);
    assert.equal(second.asked, first.asked);
    assert.deepEqual(second.rows, first.rows);
  });
});
