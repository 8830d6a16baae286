import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { analyzeFile, loadConfigForFile } from '@phi-guard/core';

// The benchmark's project generator (bench/generator.mjs): a small project must type-check and
// the engine must report exactly the PHI flows and vendor calls the generator planted. No timing.
interface Generated {
  lines: number;
  files: number;
  expected: Record<string, number>;
  llmModules: string[];
}
type Generator = { generateProject(root: string, options: { lines: number; seed?: number }): Generated };

const repo = path.resolve(__dirname, '../../..');
const load = (): Promise<Generator> => import(path.join(repo, 'bench/generator.mjs')) as Promise<Generator>;

describe('bench: project generator', () => {
  let root: string;
  let project: Generated;
  let program: ts.Program;

  before(async () => {
    const { generateProject } = await load();
    // Inside the repository so the real SDK packages resolve from its node_modules.
    fs.mkdirSync(path.join(repo, '.bench'), { recursive: true });
    root = fs.mkdtempSync(path.join(repo, '.bench', 'test-generator-'));
    project = generateProject(root, { lines: 6000, seed: 7 });
    program = programOf(root);
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes the requested size deterministically', async () => {
    const { generateProject } = await load();
    const again = fs.mkdtempSync(path.join(repo, '.bench', 'test-generator-'));
    try {
      const second = generateProject(again, { lines: 6000, seed: 7 });
      assert.deepEqual(second, project);
      for (const rel of project.llmModules) {
        assert.equal(fs.readFileSync(path.join(again, rel), 'utf8'), fs.readFileSync(path.join(root, rel), 'utf8'));
      }
    } finally {
      fs.rmSync(again, { recursive: true, force: true });
    }
    assert.ok(project.lines >= 6000 && project.lines < 6600, `${project.lines} lines`);
    assert.ok(project.llmModules.length >= 2);
  });

  it('type-checks against the installed SDK packages', () => {
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    assert.deepEqual(diagnostics, []);
    const imports = new Set(program.getSourceFiles().map((sf) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(sf.fileName)?.[1]).filter(Boolean));
    for (const pkg of ['openai', '@anthropic-ai/sdk', '@google/genai', '@aws-sdk/client-bedrock-runtime']) assert.ok(imports.has(pkg), pkg);
  });

  it('gets exactly the planted findings from the engine', () => {
    assert.deepEqual(findingCounts(program), project.expected);
    assert.ok(project.expected['no-phi-in-prompt']! > 0 && project.expected['approved-vendors']! > 0);
  });

  it('writes other code for another seed (a held-out project), still type-checked and exactly counted', async () => {
    const { generateProject } = await load();
    const other = fs.mkdtempSync(path.join(repo, '.bench', 'test-generator-'));
    try {
      const heldOut = generateProject(other, { lines: 6000, seed: 8 });
      const differing = project.llmModules.filter((rel) => fs.readFileSync(path.join(other, rel), 'utf8') !== fs.readFileSync(path.join(root, rel), 'utf8'));
      assert.ok(differing.length >= project.llmModules.length / 2, `${differing.length} of ${project.llmModules.length} LLM modules differ`);
      const otherProgram = programOf(other);
      assert.deepEqual(ts.getPreEmitDiagnostics(otherProgram).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), []);
      assert.deepEqual(findingCounts(otherProgram), heldOut.expected);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});

function programOf(root: string): ts.Program {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  return ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
}

function findingCounts(program: ts.Program): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const sf of program.getSourceFiles()) {
    if (sf.isDeclarationFile || sf.fileName.includes('/node_modules/')) continue;
    for (const f of analyzeFile(program, sf, loadConfigForFile(sf.fileName)).findings) {
      assert.notEqual(f.kind, 'analysis-failed', f.message);
      counts[f.ruleId] = (counts[f.ruleId] ?? 0) + 1;
    }
  }
  return counts;
}
