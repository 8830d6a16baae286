import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_IDS, ruleDocsUrl } from '@phi-guard/core';
import { ESLint } from 'eslint';
import plugin from '../src/index';

const fixture = path.resolve(__dirname, '../../tests/fixture');

const docsDir = path.resolve(__dirname, '../../docs/rules');

describe('eslint-plugin-phi-guard', () => {
  it('registers exactly the engine rules, each documented and on in configs.recommended', () => {
    assert.deepEqual(Object.keys(plugin.rules).sort(), [...RULE_IDS].sort());
    for (const id of RULE_IDS) {
      const rule = plugin.rules[id as keyof typeof plugin.rules];
      assert.ok(fs.existsSync(path.join(docsDir, `${id}.md`)), `docs/rules/${id}.md is missing`);
      assert.equal(rule.meta.docs?.url, ruleDocsUrl(id));
      assert.equal(plugin.configs.recommended!.rules?.[`phi-guard/${id}`], 'error');
    }
  });

  it('recommended config enables typed linting', () => {
    const opts = plugin.configs.recommended!.languageOptions?.parserOptions as { projectService?: unknown };
    assert.equal(opts.projectService, true);
  });

  describe('a suppression of a PHI Guard finding needs a reason', function () {
    this.timeout(120_000);
    const leak = (comment: string) =>
      `import OpenAI from 'openai';\nimport type { Patient } from './models.js';\nconst openai = new OpenAI();\n` +
      `export async function f(p: Patient) {\n  ${comment}\n  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: p.ssn }] });\n}\n`;
    const lint = async (code: string) => {
      const eslint = new ESLint({ cwd: fixture, overrideConfigFile: true, overrideConfig: [{ files: ['**/*.ts'], ...plugin.configs.recommended }] as never });
      const [result] = await eslint.lintText(code, { filePath: path.join(fixture, 'file.ts') });
      return result!.messages.map((m) => ({ rule: m.ruleId, line: m.line, message: m.message }));
    };

    for (const comment of ['// eslint-disable-next-line', '// eslint-disable-next-line phi-guard/no-phi-in-prompt, phi-guard/approved-vendors -- <reason>']) {
      it(`"${comment}" hides the findings, and each rule reports that at the comment`, async () => {
        const messages = await lint(leak(comment));
        assert.deepEqual(messages.map((m) => `${m.rule}:${m.line}`).sort(), ['phi-guard/approved-vendors:5', 'phi-guard/no-phi-in-prompt:5']);
        for (const m of messages) assert.match(m.message, /The eslint-disable comment on line 5 hides a PHI Guard finding \(.*\) without a reason/);
      });
    }

    it('a bare /* eslint-disable */ on line 1 covers every place to report: the run stops, saying where and what to do', async () => {
      const code = `/* eslint-disable */\n${leak('')}`;
      await assert.rejects(lint(code), /PHI Guard: the eslint-disable comment at .*file\.ts:1:1 gives no reason but hides a PHI Guard finding \(.*\).*Name the rule with a reason/);
    });

    it('a reasoned /* eslint-disable -- ... */ on line 1 that names no PHI Guard rule does not hide a fail-closed finding either', async () => {
      // The checker cannot type the last of 5,000 inferred variables: the file fails closed.
      const chain = ['  const v0 = p.ssn;', ...Array.from({ length: 5000 }, (_, i) => `  const v${i + 1} = v${i};`)].join('\n');
      const code = `/* eslint-disable -- generated file */\n${leak(chain).replace('content: p.ssn', 'content: String(v5000)')}`;
      await assert.rejects(lint(code), /PHI Guard: the eslint-disable comment at .*file\.ts:1:1 does not name phi-guard\/no-phi-in-prompt but hides a PHI Guard finding \(.*could not/);
    });

    it('the same comment on line 2 is reported on line 1 instead', async () => {
      const messages = await lint(`// a generated file\n/* eslint-disable */\n${leak('')}`);
      assert.ok(messages.length > 0 && messages.every((m) => m.line === 1 && /The eslint-disable comment on line 2 hides a PHI Guard finding/.test(m.message)), JSON.stringify(messages));
    });

    it('a real reason hides them, and nothing is reported', async () => {
      assert.deepEqual(await lint(leak('// eslint-disable-next-line phi-guard/no-phi-in-prompt, phi-guard/approved-vendors -- ids only, reviewed by privacy (PRIV-12)')), []);
    });
  });
});
