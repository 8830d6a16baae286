import * as assert from 'node:assert/strict';
import { ConfigError, fingerprintFindings, parseBaselineText, type Finding } from '../src';

/** A finding on `text` at the first occurrence of `expr` (after `from`), its source at `source`. */
function findingAt(fileName: string, text: string, expr: string, source: string, from = 0): Finding {
  const range = (s: string, after = 0) => {
    const start = text.indexOf(s, after);
    assert.ok(start >= 0, s);
    const line = text.slice(0, start).split('\n').length - 1;
    return { fileName, start, end: start + s.length, startPos: { line, character: 0 }, endPos: { line, character: 0 } };
  };
  const at = range(expr, from);
  return {
    ruleId: 'no-phi-in-prompt',
    kind: 'phi-to-vendor',
    message: 'm',
    range: at,
    phi: ['Patient.ssn'],
    vendor: { id: 'openai', name: 'OpenAI' },
    call: { name: 'create', range: range('openai.create', from) },
    flow: [],
    origins: [{ phi: 'Patient.ssn', flow: [{ kind: 'source', range: range(source, from), description: 'Patient.ssn' }] }],
    fixes: [],
  };
}

describe('baseline fingerprints', () => {
  const text = 'const s = p.ssn;\nopenai.create({ content: `SSN ${s}` });\n';
  const fp = (t: string, expr = '`SSN ${s}`', source = 'p.ssn') => fingerprintFindings([findingAt('/r/src/a.ts', t, expr, source)], '/r', (f) => (f === '/r/src/a.ts' ? t : undefined))[0];

  it('do not depend on line numbers or whitespace', () => {
    assert.match(fp(text)!, /^[0-9a-f]{32}:0$/);
    assert.equal(fp(`// header\n\n${text}`), fp(text));
    assert.equal(fp(text.replace('`SSN ${s}`', '`SSN ${s}`').replace('openai.create({ content', 'openai.create({\n  content')), fp(text));
  });

  it('change with the PHI source, the expression, the file', () => {
    assert.notEqual(fp(text.replace('p.ssn', 'q.ssn'), '`SSN ${s}`', 'q.ssn'), fp(text));
    assert.notEqual(fp(text.replace('`SSN ${s}`', '`SSN: ${s}`'), '`SSN: ${s}`'), fp(text));
    const other = fingerprintFindings([findingAt('/r/src/b.ts', text, '`SSN ${s}`', 'p.ssn')], '/r', () => text)[0];
    assert.notEqual(other, fp(text));
  });

  it('tell the same code twice in a file apart by order', () => {
    const twice = text + text;
    const second = twice.indexOf('const s', 1);
    const fps = fingerprintFindings([findingAt('/r/a.ts', twice, '`SSN ${s}`', 'p.ssn'), findingAt('/r/a.ts', twice, '`SSN ${s}`', 'p.ssn', second)], '/r', () => twice);
    assert.equal(fps[0]!.replace(/:\d+$/, ''), fps[1]!.replace(/:\d+$/, ''));
    assert.deepEqual(fps.map((f) => f!.split(':')[1]), ['0', '1']);
  });
});

describe('baseline files', () => {
  it('parse entries', () => {
    const b = parseBaselineText('{"version":1,"findings":[{"fingerprint":"' + 'a'.repeat(32) + ':0","rule":"no-phi-in-prompt","file":"src/a.ts","reason":"legacy"}]}', '/r/phi-guard.baseline.json');
    assert.deepEqual(b.entries, [{ fingerprint: `${'a'.repeat(32)}:0`, rule: 'no-phi-in-prompt', file: 'src/a.ts', message: '', reason: 'legacy' }]);
  });

  it('report what is wrong, where', () => {
    const cases: [string, RegExp][] = [
      ['{"version":1,"findings":[', /phi-guard\.baseline\.json:1:\d+: .*expected/i],
      ['{"version":2,"findings":[]}', /:1:12: version: must be 1/],
      ['{"version":1}', /findings: must be an array/],
      ['{"version":1,"findings":[{"fingerprint":"x","rule":"r","file":"f"}]}', /findings\[0\]\.fingerprint: "x" is not a PHI Guard fingerprint/],
      ['{"version":1,"findings":[{"fingerprint":"' + 'a'.repeat(32) + ':0","file":"f"}]}', /findings\[0\]\.rule: is missing/],
    ];
    for (const [text, message] of cases) {
      assert.throws(() => parseBaselineText(text, '/r/phi-guard.baseline.json'), (e: unknown) => e instanceof ConfigError && message.test(e.message), text);
    }
  });
});
