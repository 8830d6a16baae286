/**
 * configs.recommended on files that no tsconfig.json/jsconfig.json includes (a JavaScript
 * project without a jsconfig): typed by the default project, not a parse error per file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import plugin from '../src/index';

const REPO = path.resolve(__dirname, '../../..');

describe('configs.recommended without a tsconfig or jsconfig', function () {
  this.timeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phi-guard-loose-'));
  const file = path.join(dir, 'src', 'send.js');
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended as never] });

  before(() => {
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "loose", "private": true, "type": "module" }\n');
    fs.writeFileSync(path.join(dir, 'phi-guard.config.json'), '{ "approvedVendors": [] }\n');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(path.join(dir, 'src', 'types.js'), '/**\n * @typedef {object} Rec\n * @property {string} ssn\n */\nexport {};\n');
    fs.writeFileSync(
      file,
      [
        "import OpenAI from 'openai';",
        'const openai = new OpenAI();',
        "/** @param {import('./types.js').Rec} rec */",
        "export const send = (rec) => openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: rec.ssn }] });",
        '',
      ].join('\n'),
    );
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lints every file with types from the default project: findings, no parse error', async () => {
    const results = await eslint.lintFiles(['.']);
    const messages = results.flatMap((r) => r.messages.map((m) => `${path.relative(dir, r.filePath)}:${m.line} ${m.ruleId ?? 'fatal'} ${m.message}`));
    assert.deepEqual(
      messages.map((m) => m.split(' ').slice(0, 2).join(' ')).sort(),
      ['src/send.js:4 phi-guard/approved-vendors', 'src/send.js:4 phi-guard/no-phi-in-prompt'],
      messages.join('\n'),
    );
    assert.match(messages.find((m) => m.includes('no-phi-in-prompt'))!, /PHI Rec\.ssn reaches OpenAI/);
  });

  it('lints the text it is given (an unsaved editor buffer), not the file on disk', async () => {
    const edited = fs.readFileSync(file, 'utf8').replace('content: rec.ssn', "content: 'hello'");
    const [result] = await eslint.lintText(edited, { filePath: file });
    assert.deepEqual(result.messages.map((m) => m.ruleId), ['phi-guard/approved-vendors']);
  });
});
