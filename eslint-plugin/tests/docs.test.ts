import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { STRONG_PHI_FIELD_NAMES, WEAK_PHI_FIELD_NAMES } from '@phi-guard/core/dist/src/sources/fieldNames';

const ROOT = path.resolve(__dirname, '../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require(path.join(ROOT, 'scripts/field-names-doc.js')) as { render(): string; DOC: string };

describe('the shipped docs', () => {
  it('docs/phi-field-names.md is the list the engine uses (node scripts/field-names-doc.js regenerates it)', () => {
    const doc = fs.readFileSync(generator.DOC, 'utf8');
    assert.equal(doc, generator.render(), 'eslint-plugin/docs/phi-field-names.md is out of date: run node scripts/field-names-doc.js');
    const [strong, weak] = doc.split('## Weak names');
    const listed = (text: string) => text.split("\n").filter((l) => l.startsWith("- ")).flatMap((l) => [...l.matchAll(/`([a-z0-9]+)`/g)].map((m) => m[1]));
    assert.deepEqual(listed(strong).filter((n) => STRONG_PHI_FIELD_NAMES.includes(n)), [...STRONG_PHI_FIELD_NAMES]);
    assert.deepEqual(listed(weak).filter((n) => WEAK_PHI_FIELD_NAMES.includes(n)), [...WEAK_PHI_FIELD_NAMES]);
  });

  it('the rule docs cite nothing that does not ship with the package', () => {
    for (const file of fs.readdirSync(path.join(ROOT, 'eslint-plugin/docs/rules'))) {
      const text = fs.readFileSync(path.join(ROOT, 'eslint-plugin/docs/rules', file), 'utf8');
      assert.doesNotMatch(text, /\bSPEC\b/, file);
      for (const link of text.matchAll(/\]\((?!https?:)([^)#]+)/g)) {
        assert.ok(fs.existsSync(path.join(ROOT, 'eslint-plugin/docs/rules', link[1])), `${file} links to ${link[1]}, which does not exist`);
      }
    }
  });
});

describe('links out of the packages', () => {
  it('every package names the same repository, and the rule doc links point at docs that exist in it', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ruleDocsUrl, RULE_IDS } = require('@phi-guard/core') as typeof import('@phi-guard/core');
    const urls = ['core', 'eslint-plugin', 'server', 'client'].map((d) => {
      const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, d, 'package.json'), 'utf8')) as { repository?: { url?: string } };
      assert.ok(pkg.repository?.url, `${d}/package.json has no repository.url`);
      return pkg.repository.url;
    });
    assert.equal(new Set(urls).size, 1, urls.join(', '));
    for (const id of RULE_IDS) {
      const url = ruleDocsUrl(id);
      assert.ok(url.startsWith(`${urls[0]}/blob/main/`), url);
      assert.ok(fs.existsSync(path.join(ROOT, url.slice(`${urls[0]}/blob/main/`.length))), `${url}: no such file in the repository`);
    }
  });
});
