/**
 * Quick fixes over the protocol: each returned edit is applied the way an editor would and the
 * diagnostics are checked again.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as ts from 'typescript';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from './support/lspClient';
import { copyFixture, removeCopy } from './support/workspace';

const lineOf = (d: Diagnostic) => d.range.start.line + 1;

function titled(actions: CodeAction[], pattern: RegExp): CodeAction {
  const action = actions.find((a) => pattern.test(a.title));
  assert.ok(action, `no action matching ${pattern}; got ${JSON.stringify(actions.map((a) => a.title))}`);
  return action;
}

function syntaxErrors(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  return ((source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** tsc's diagnostics for `files` (their text as the editor has it) in the fixture's project. */
function typeErrors(folder: string, files: string[], textOf: (f: string) => string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(folder, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const host = ts.createCompilerHost(parsed.options, true);
  const own = new Map(files.map((f) => [f, textOf(f)]));
  const program = ts.createProgram([...new Set([...parsed.fileNames, ...files])], parsed.options, {
    ...host,
    getSourceFile: (f, lang, onError) => (own.has(f) ? ts.createSourceFile(f, own.get(f)!, lang, true) : host.getSourceFile(f, lang, onError)),
    readFile: (f) => own.get(f) ?? host.readFile(f),
  });
  return files.flatMap((f) => {
    const sf = program.getSourceFile(f)!;
    return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].map((d) => `${path.basename(f)}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  });
}

describe('language server: code actions', function () {
  this.timeout(120_000);
  let folder: string;
  let client: LspClient;

  beforeEach(async () => {
    folder = copyFixture('basic');
    client = await LspClient.start({ workspaceFolders: [folder] });
  });

  afterEach(async () => {
    await client?.stop();
    removeCopy(folder);
  });

  it('offers wrap (preferred), fix all, approve and suppress for a PHI finding, in that order', async () => {
    const file = path.join(folder, 'src/summary.ts');
    client.open(file);
    const diagnostics = await client.diagnosticsFor(file, (ds) => ds.length === 3);
    const actions = await client.codeActions(file, diagnostics.find((d) => lineOf(d) === 8)!);
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, !!a.isPreferred]),
      [
        ['Wrap patient.ssn in redact()', 'quickfix', true],
        ['Fix all PHI Guard findings in this file (2)', 'quickfix', false],
        ['Add "openai" to approvedVendors (only if a BAA with OpenAI covers this use)', 'quickfix', false],
        ['Suppress phi-guard/no-phi-in-prompt with eslint-disable-next-line (give a reason)', 'quickfix', false],
      ],
    );
  });

  it('"Wrap patient.ssn in redact()" wraps the expression, adds the import, and the finding goes away', async () => {
    const file = path.join(folder, 'src/summary.ts');
    client.open(file);
    const diagnostics = await client.diagnosticsFor(file, (ds) => ds.length === 3);
    const wrap = titled(await client.codeActions(file, diagnostics.find((d) => lineOf(d) === 8)!), /^Wrap patient\.ssn in redact\(\)$/);
    client.applyEdit(wrap.edit!);
    const text = client.text(file);
    assert.match(text, /`Patient \$\{redact\(patient\.ssn\)\}`/);
    assert.match(text, /^import \{ redact \} from '\.\/phi\/redact\.js';$/m);
    assert.deepEqual(syntaxErrors(file, text), []);
    const after = await client.diagnosticsFor(file, (ds) => ds.length === 2);
    assert.ok(!after.some((d) => /ssn/.test(String(d.message))), JSON.stringify(after));
  });

  it('fix at the source: the wrap lands in the helper file that embeds the PHI, with its import; it type-checks and the finding goes away', async () => {
    const file = path.join(folder, 'src/summary.ts');
    const helper = path.join(folder, 'src/describe.ts');
    client.open(file);
    const diagnostics = await client.diagnosticsFor(file, (ds) => ds.length === 3);
    const actions = await client.codeActions(file, diagnostics.find((d) => lineOf(d) === 14)!);
    const wraps = actions.filter((a) => /^Wrap /.test(a.title));
    assert.deepEqual(wraps.map((a) => [a.title, !!a.isPreferred]), [['Wrap patient.dateOfBirth in redact() in describe.ts', true]], 'no fix wraps the whole describePatient(patient) at the call');
    const before = client.text(file);
    client.applyEdit(wraps[0]!.edit!);
    assert.equal(client.text(file), before, 'the call site is not edited');
    const fixed = fs.readFileSync(helper, 'utf8');
    assert.match(fixed, /return `born \$\{redact\(patient\.dateOfBirth\)\}`;/);
    assert.match(fixed, /^import \{ redact \} from '\.\/phi\/redact\.js';$/m);
    assert.deepEqual(typeErrors(folder, [helper, file], (f) => client.text(f)), []);
    const after = await client.diagnosticsFor(file, (ds) => ds.length === 2);
    assert.ok(!after.some((d) => lineOf(d) === 14), JSON.stringify(after));
  });

  it('"Fix all PHI Guard findings in this file": the source action applies every fix with one import', async () => {
    const file = path.join(folder, 'src/summary.ts');
    client.open(file);
    await client.diagnosticsFor(file, (ds) => ds.length === 3);
    const nothingOnSave = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: pathToFileURL(file).href },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.deepEqual(nothingOnSave, [], 'a bare source.fixAll (on save) does not redact');
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: pathToFileURL(file).href },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.phi-guard'] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all PHI Guard findings in this file (2)', 'source.fixAll.phi-guard']]);
    client.applyEdit(actions[0]!.edit!);
    const text = client.text(file);
    assert.match(text, /`Patient \$\{redact\(patient\.ssn\)\}`/);
    assert.equal(text.match(/import \{ redact \}/g)?.length, 1);
    assert.match(fs.readFileSync(path.join(folder, 'src/describe.ts'), 'utf8'), /redact\(patient\.dateOfBirth\)/);
    assert.deepEqual(typeErrors(folder, [file, path.join(folder, 'src/describe.ts')], (f) => client.text(f)), []);
    await client.diagnosticsFor(file, (ds) => ds.length === 1 && ds[0]!.code === 'approved-vendors');
  });

  it('fix all in a file with two findings on one template: each wrapped once, no overlapping edits', async () => {
    const file = path.join(folder, 'src/two.ts');
    client.writeFile(file, "import OpenAI from 'openai';\nimport type { Patient } from './models.js';\nimport { describePatient } from './describe.js';\nconst openai = new OpenAI();\nexport async function f(p: Patient) {\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: `${p.fullName} / ${p.ssn}` }] });\n}\n");
    client.open(file);
    const diagnostics = await client.diagnosticsFor(file, (ds) => ds.length === 3);
    const actions = await client.codeActions(file, diagnostics.find((d) => d.code === 'no-phi-in-prompt')!);
    assert.deepEqual(actions.filter((a) => /^(Wrap|Fix all)/.test(a.title)).map((a) => a.title), ['Wrap p.fullName in redact()', 'Fix all PHI Guard findings in this file (2)']);
    client.applyEdit(titled(actions, /^Fix all/).edit!);
    assert.match(client.text(file), /`\$\{redact\(p\.fullName\)\} \/ \$\{redact\(p\.ssn\)\}`/);
    assert.deepEqual(typeErrors(folder, [file], (f) => client.text(f)), []);
    await client.diagnosticsFor(file, (ds) => ds.length === 1);
  });

  it('"Add openai to approvedVendors" edits phi-guard.config.json and the config reload clears the findings', async () => {
    const file = path.join(folder, 'src/summary.ts');
    const config = path.join(folder, 'phi-guard.config.json');
    client.open(file);
    const diagnostics = await client.diagnosticsFor(file, (ds) => ds.length === 3);
    const approve = titled(await client.codeActions(file, diagnostics.find((d) => d.code === 'approved-vendors')!), /^Add "openai" to approvedVendors/);
    client.applyEdit(approve.edit!);
    assert.deepEqual(JSON.parse(fs.readFileSync(config, 'utf8')).approvedVendors, ['openai']);
    assert.match(fs.readFileSync(config, 'utf8'), /"redactors": \[\{ "name": "redact"/, 'the rest of the file is kept as written');
    await client.diagnosticsFor(file, (ds) => ds.length === 0);
  });

  it('creates phi-guard.config.json when there is none', async () => {
    await client.stop();
    fs.rmSync(path.join(folder, 'phi-guard.config.json'));
    client = await LspClient.start({ workspaceFolders: [folder] });
    const file = path.join(folder, 'src/summary.ts');
    client.open(file);
    const diagnostics = await client.diagnosticsFor(file, (ds) => ds.length === 3);
    const approve = titled(await client.codeActions(file, diagnostics.find((d) => d.code === 'approved-vendors')!), /^Add "openai"/);
    assert.ok(approve.edit?.documentChanges?.some((c) => 'kind' in c && c.kind === 'create'));
    client.applyEdit(approve.edit!);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(folder, 'phi-guard.config.json'), 'utf8')), { approvedVendors: ['openai'] });
    await client.diagnosticsFor(file, (ds) => ds.length === 0);
  });

  it('suppress inserts an eslint-disable-next-line with a reason placeholder, and selects it', async () => {
    const file = path.join(folder, 'src/summary.ts');
    client.open(file);
    const diagnostics = await client.diagnosticsFor(file, (ds) => ds.length === 3);
    const suppress = titled(await client.codeActions(file, diagnostics.find((d) => lineOf(d) === 14)!), /^Suppress/);
    client.applyEdit(suppress.edit!);
    const lines = client.text(file).split('\n');
    assert.equal(lines[13], '      // eslint-disable-next-line phi-guard/no-phi-in-prompt -- <reason>');
    // The placeholder is no reason: the finding stays, and says why.
    await client.diagnosticsFor(file, (ds) => ds.length === 3 && ds.some((d) => lineOf(d) === 15 && /gives no reason/.test(String(d.message))));
    assert.equal(suppress.command?.command, 'phiGuard.selectReasonPlaceholder');
    await client.connection.sendRequest('workspace/executeCommand', { command: suppress.command!.command, arguments: suppress.command!.arguments });
    const shown = client.shownDocuments[0] as { selection: { start: { line: number; character: number }; end: { character: number } } };
    assert.equal(lines[13].slice(shown.selection.start.character, shown.selection.end.character), '<reason>');
    // The user types the reason over the selection: now it is hidden.
    client.change(file, client.text(file).replace('-- <reason>', '-- only the intro line, reviewed (PRIV-7)'));
    await client.diagnosticsFor(file, (ds) => ds.length === 2 && !ds.some((d) => lineOf(d) === 15));
  });

  it('suppress adds the rule to an eslint-disable-next-line already on the line above', async () => {
    const file = path.join(folder, 'src/multiline.ts');
    client.open(file);
    const diagnostics = await client.diagnosticsFor(file, (ds) => ds.length === 2);
    const suppress = titled(await client.codeActions(file, diagnostics.find((d) => lineOf(d) === 11)!), /^Suppress/);
    client.applyEdit(suppress.edit!);
    assert.equal(client.text(file).split('\n')[9], '  // eslint-disable-next-line phi-guard/approved-vendors, phi-guard/no-phi-in-prompt -- vendor review SEC-12');
    await client.diagnosticsFor(file, (ds) => ds.length === 1 && lineOf(ds[0]) === 8);
  });

  it('suppress inside a multi-line template literal wraps the statement in eslint-disable/enable', async () => {
    const file = path.join(folder, 'src/multiline.ts');
    client.open(file);
    const diagnostics = await client.diagnosticsFor(file, (ds) => ds.length === 2);
    const suppress = titled(await client.codeActions(file, diagnostics.find((d) => lineOf(d) === 8)!), /^Suppress/);
    client.applyEdit(suppress.edit!);
    const text = client.text(file);
    assert.deepEqual(syntaxErrors(file, text), []);
    assert.match(text, /  \/\* eslint-disable phi-guard\/no-phi-in-prompt -- <reason> \*\/\n  const prompt = `Intake form\nName: \$\{patient\.fullName\}\nDone\.`;\n  \/\* eslint-enable phi-guard\/no-phi-in-prompt \*\/\n/);
    await client.diagnosticsFor(file, (ds) => ds.length === 2 && ds.some((d) => /gives no reason/.test(String(d.message))));
    client.change(file, text.replace('-- <reason>', '-- intake form template, reviewed'));
    await client.diagnosticsFor(file, (ds) => ds.length === 1 && String(ds[0].message).includes('ssn'));
  });

  it('answers for a document edited since its last analysis (no stale offsets)', async () => {
    const file = path.join(folder, 'src/summary.ts');
    client.open(file);
    await client.diagnosticsFor(file, (ds) => ds.length === 3);
    client.change(file, `// a new first line\n${client.text(file)}`);
    // Ask at once, before the debounced analysis: the server analyzes the new text first.
    const actions = await client.codeActions(file, { range: { start: { line: 8, character: 27 }, end: { line: 8, character: 38 } }, message: '' });
    const wrap = titled(actions, /^Wrap patient\.ssn in redact\(\)$/);
    client.applyEdit(wrap.edit!);
    assert.match(client.text(file), /const intro = `Patient \$\{redact\(patient\.ssn\)\}`;/);
  });
});
