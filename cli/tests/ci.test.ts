/**
 * The CI recipes of the README are run, not just shown: the GitHub Actions workflow's steps
 * (offline: `npm ci` and the `uses:` actions are not run; the repository's node_modules stand
 * in for the install) and the pre-commit hook in a real git repository.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyFolder, REPO_ROOT, removeCopy } from './support';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require('js-yaml') as { load(text: string): unknown };

const FIXTURE = path.resolve(__dirname, '../../tests/fixtures/app');
const README = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

/** The fenced block of the README whose first line is `# <marker>`. */
function block(lang: string, marker: string): string {
  for (const m of README.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))) {
    const lines = m[1]!.split('\n');
    if (lines.some((l) => l.trim() === `# ${marker}`)) return m[1]!;
  }
  throw new Error(`README has no \`\`\`${lang} block marked # ${marker}`);
}

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}

function sh(script: string, cwd: string): { status: number; stdout: string; stderr: string } {
  const env = { ...process.env, PATH: `${path.join(REPO_ROOT, 'node_modules/.bin')}${path.delimiter}${process.env.PATH}`, npm_config_offline: 'true' };
  const r = spawnSync('sh', ['-c', script], { cwd, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('CI recipes in the README', function () {
  this.timeout(300_000);
  let folder: string;
  before(() => {
    folder = copyFolder(FIXTURE);
  });
  after(() => removeCopy(folder));

  it('GitHub Actions: the run steps produce the SARIF file the upload step sends, and the job fails on new findings', () => {
    const workflow = yaml.load(block('yaml', '.github/workflows/phi-guard.yml')) as { permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }> };
    assert.equal(workflow.permissions['security-events'], 'write', 'upload-sarif needs security-events: write');
    const steps = Object.values(workflow.jobs)[0]!.steps;
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(upload, 'the workflow uploads SARIF');
    assert.equal(upload.if, 'always()', 'the upload runs even when the scan step fails the job');
    let failed = false;
    for (const step of steps) {
      if (!step.run) continue; // actions/checkout, setup-node, upload-sarif: GitHub's, and networked
      if (/^npm ci\b/.test(step.run.trim())) continue; // offline: the repository's node_modules are linked in
      const r = sh(step.run, folder);
      assert.notEqual(r.status, 2, `${step.run}: ${r.stderr}`);
      if (r.status !== 0) failed = true;
    }
    assert.ok(failed, 'the fixture has findings: the scan step fails the job');
    const sarifFile = path.join(folder, String(upload.with!.sarif_file));
    const log = JSON.parse(fs.readFileSync(sarifFile, 'utf8'));
    assert.equal(log.version, '2.1.0');
    assert.ok(log.runs[0].results.length > 0);
    assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
  });

  it('pre-commit hook: blocks a commit that adds a PHI flow, lets a clean one through', () => {
    const hook = block('sh', '.git/hooks/pre-commit');
    const git = (args: string) => sh(`git -c user.email=ci@example.com -c user.name=CI ${args}`, folder);
    assert.equal(git('init -q').status, 0);
    fs.writeFileSync(path.join(folder, '.git/hooks/pre-commit'), hook, { mode: 0o755 });
    // The existing code is accepted in a baseline first, as a team adopting PHI Guard would.
    assert.equal(sh('phi-guard baseline --no-progress', folder).status, 0);
    assert.equal(git('add -A').status, 0);
    const first = git('commit -q -m "adopt PHI Guard"');
    assert.equal(first.status, 0, first.stdout + first.stderr);

    fs.appendFileSync(
      path.join(folder, 'src/chat.ts'),
      "\nexport async function leak(p: Patient): Promise<void> {\n  await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: p.ssn }] });\n}\n",
    );
    git('add src/chat.ts');
    const blocked = git('commit -q -m "leak"');
    assert.notEqual(blocked.status, 0, 'the hook blocks the commit');
    assert.match(blocked.stdout + blocked.stderr, /PHI Patient\.ssn reaches OpenAI/);
    assert.equal(git('log --oneline').stdout.trim().split('\n').length, 1);

    sh('git checkout -q -- src/chat.ts && git reset -q', folder);
    fs.writeFileSync(path.join(folder, 'src/clean.ts'), 'export const greeting = "hello";\n');
    git('add src/clean.ts');
    const ok = git('commit -q -m "clean"');
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  });
});
