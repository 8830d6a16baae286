import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_IDS, ruleDocsUrl } from '@phi-guard/core';
import plugin from '../src/index';

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
});
