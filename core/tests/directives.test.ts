/**
 * The language server hides findings with `isSuppressed`; ESLint hides them itself. These tests
 * run the real ESLint `Linter` with two stand-in rules named like PHI Guard's that report at
 * every line start and every token, once with inline config off (every problem) and once on
 * (what ESLint keeps), and check that `isSuppressed` removes exactly the difference.
 */
import * as assert from 'node:assert/strict';
import { Linter, type Rule } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { hasRealReason, honouredDirectives, isSuppressed, parseDirectives, reportableNear, unhonouredSuppressionOf, type Directive } from '../src/directives';

const RULES = ['phi-guard/no-phi-in-prompt', 'phi-guard/approved-vendors'] as const;

/** A rule that reports at the start of every line and at the start and end of every token and comment. */
function everywhereRule(): Rule.RuleModule {
  return {
    meta: { type: 'problem', schema: [], messages: { here: 'here' } },
    create(context) {
      return {
        'Program:exit'() {
          const source = context.sourceCode;
          const spots = new Map<string, { line: number; column: number }>();
          const add = (line: number, column: number) => spots.set(`${line}:${column}`, { line, column });
          source.lines.forEach((_, i) => add(i + 1, 0));
          for (const token of [...source.ast.tokens, ...(source.ast.comments ?? [])]) {
            if (!token.loc) continue;
            add(token.loc.start.line, token.loc.start.column);
            add(token.loc.end.line, token.loc.end.column);
          }
          for (const loc of spots.values()) context.report({ loc, messageId: 'here' });
        },
      };
    },
  };
}

const plugin = {
  rules: { 'no-phi-in-prompt': everywhereRule(), 'approved-vendors': everywhereRule() },
};

interface Problem {
  rule: string;
  line: number;
  column: number;
}

function lint(code: string, fileName: string, inlineConfig: boolean): Problem[] {
  const typescript = /\.[cm]?tsx?$/.test(fileName);
  const config: Linter.Config[] = [
    {
      files: ['**/*.js', '**/*.jsx', '**/*.ts', '**/*.tsx'],
      plugins: { 'phi-guard': plugin },
      rules: { 'phi-guard/no-phi-in-prompt': 'error', 'phi-guard/approved-vendors': 'error' },
      linterOptions: { noInlineConfig: !inlineConfig, reportUnusedDisableDirectives: 'off' },
      languageOptions: typescript
        ? { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: fileName.endsWith('x') } } }
        : { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: fileName.endsWith('x') } } },
    },
  ];
  const messages = new Linter({ configType: 'flat' }).verify(code, config, { filename: fileName });
  // ESLint warns (ruleId null) about each directive it ignores; anything else means it did not lint.
  const fatal = messages.find((m) => m.fatal || (m.ruleId === null && !/noInlineConfig|should not span/.test(m.message)));
  if (fatal) throw new Error(`ESLint did not lint the snippet: ${fatal.message}`);
  return messages
    .filter((m) => (RULES as readonly (string | null)[]).includes(m.ruleId))
    .map((m) => ({ rule: m.ruleId as string, line: m.line, column: m.column }));
}

const render = (problems: Problem[]) => problems.map((p) => `${p.rule}@${p.line}:${p.column}`).sort();

/** ESLint's result next to ours, both rendered as `rule@line:column` (1-based, ESLint's way). */
function compare(code: string, fileName = 'snippet.js'): { eslint: string[]; ours: string[]; directives: Directive[] } {
  const everything = lint(code, fileName, false);
  const directives = parseDirectives(code, fileName);
  const ours = everything.filter((p) => !isSuppressed({ line: p.line - 1, character: p.column - 1 }, p.rule, directives));
  return { eslint: render(lint(code, fileName, true)), ours: render(ours), directives };
}

/** Asserts agreement, and that the snippet does hide something (or nothing, when `hides` is false). */
function agrees(code: string, fileName = 'snippet.js', hides = true): Directive[] {
  const { eslint, ours, directives } = compare(code, fileName);
  assert.deepEqual(ours, eslint);
  const total = render(lint(code, fileName, false)).length;
  if (hides) assert.ok(eslint.length < total, 'the snippet should suppress something');
  else assert.equal(eslint.length, total, 'the snippet should suppress nothing');
  return directives;
}

describe('directives: isSuppressed agrees with ESLint', () => {
  it('eslint-disable-next-line with a rule and a reason', () => {
    const directives = agrees(['const a = 1;', '// eslint-disable-next-line phi-guard/no-phi-in-prompt -- redacted upstream', 'send(a);', 'send(a);'].join('\n'));
    assert.equal(directives.length, 1);
    assert.deepEqual(directives[0].rules, ['phi-guard/no-phi-in-prompt']);
    assert.equal(directives[0].justification, 'redacted upstream');
  });

  it('eslint-disable-next-line for the other rule leaves this one', () => {
    agrees(['// eslint-disable-next-line phi-guard/approved-vendors', 'send(a);'].join('\n'));
  });

  it('eslint-disable-next-line without rules hides every rule on the next line only', () => {
    agrees(['x();', '  // eslint-disable-next-line', '  send(a); send(b);', 'send(c);'].join('\n'));
  });

  it('eslint-disable-line, as a line comment and as a one-line block comment', () => {
    agrees(['send(a); // eslint-disable-line phi-guard/no-phi-in-prompt', 'send(b); /* eslint-disable-line */ send(c);', 'send(d);'].join('\n'));
  });

  it('no space after the comment marker', () => {
    agrees(['send(a); //eslint-disable-line', '/*eslint-disable-next-line*/', 'send(b);'].join('\n'));
  });

  it('block eslint-disable ... eslint-enable, positional within the line', () => {
    agrees(['send(a);', 'send(b); /* eslint-disable */ send(c);', 'send(d);', 'send(e); /* eslint-enable */ send(f);', 'send(g);'].join('\n'));
  });

  it('block eslint-disable of one rule, then a bare eslint-enable', () => {
    agrees(['/* eslint-disable phi-guard/no-phi-in-prompt */', 'send(a);', '/* eslint-enable */', 'send(b);'].join('\n'));
  });

  it('a bare eslint-disable, then eslint-enable of one rule re-enables that rule only', () => {
    agrees(['/* eslint-disable */', 'send(a);', '/* eslint-enable phi-guard/approved-vendors */', 'send(b);'].join('\n'));
  });

  it('eslint-disable without eslint-enable lasts to the end of the file', () => {
    agrees(['send(a);', '/* eslint-disable phi-guard/approved-vendors, phi-guard/no-phi-in-prompt */', 'send(b);', 'send(c);'].join('\n'));
  });

  it('two eslint-disable of the same rule and one eslint-enable', () => {
    agrees(['/* eslint-disable phi-guard/no-phi-in-prompt */', 'send(a);', '/* eslint-disable phi-guard/no-phi-in-prompt */', 'send(b);', '/* eslint-enable phi-guard/no-phi-in-prompt */', 'send(c);'].join('\n'));
  });

  it('a line comment "// eslint-disable" is not a directive', () => {
    agrees(['// eslint-disable', 'send(a);', '// eslint-enable', 'send(b);'].join('\n'), 'snippet.js', false);
  });

  it('a block eslint-disable-line spanning lines is ignored', () => {
    agrees(['send(a); /* eslint-disable-line', '  phi-guard/no-phi-in-prompt */ send(b);', 'send(c);'].join('\n'), 'snippet.js', false);
  });

  it('a block eslint-disable-next-line spanning lines applies after its last line', () => {
    agrees(['/* eslint-disable-next-line', '   phi-guard/no-phi-in-prompt,', '   phi-guard/approved-vendors */', 'send(a);', 'send(b);'].join('\n'));
  });

  it('directive-looking text in strings, templates and regular expressions is not a comment', () => {
    agrees(
      [
        'const s = "// eslint-disable-line";',
        "const t = '/* eslint-disable */';",
        'const u = `/* eslint-disable */ ${a /* not a directive */} // eslint-disable-line`;',
        'const re = /\\/\\/ eslint-disable-line/g;',
        'const d = a / b; // division, then a real comment',
        'const e = x.test(y) ? /[/]* eslint-disable *\\// : 1;',
        'send(a);',
      ].join('\n'),
      'snippet.js',
      false,
    );
  });

  it('JSDoc-style "/** eslint-disable */" is not a directive', () => {
    agrees(['/** eslint-disable */', 'send(a);'].join('\n'), 'snippet.js', false);
  });

  it('quoted rule names, spaces around commas, unknown rules alongside ours', () => {
    agrees(['// eslint-disable-next-line other/rule , "phi-guard/no-phi-in-prompt" -- why', 'send(a);'].join('\n'));
  });

  it('a reason needs whitespace around the dashes', () => {
    agrees(['// eslint-disable-next-line phi-guard/no-phi-in-prompt--not-a-reason', 'send(a);'].join('\n'), 'snippet.js', false);
    agrees(['// eslint-disable-next-line phi-guard/no-phi-in-prompt --- three dashes', 'send(a);'].join('\n'));
  });

  it('a label must be followed by whitespace', () => {
    agrees(['// eslint-disable-next-linephi-guard/no-phi-in-prompt', 'send(a);'].join('\n'), 'snippet.js', false);
  });

  it('CRLF line endings', () => {
    agrees(['send(a);', '// eslint-disable-next-line phi-guard/no-phi-in-prompt', 'send(b);', '/* eslint-disable */ send(c);', 'send(d);'].join('\r\n'));
  });

  it('a directive inside a template substitution', () => {
    agrees(['const p = `${', '  // eslint-disable-next-line phi-guard/no-phi-in-prompt', '  patient.ssn', '}`;'].join('\n'));
  });

  it('eslint-disable-next-line on the last line', () => {
    agrees(['send(a);', 'send(b); // eslint-disable-next-line'].join('\n'), 'snippet.js', false);
  });

  it('TypeScript: generics, type assertions and non-null before a slash', () => {
    agrees(
      [
        'const n = (value as number) / 2; // eslint-disable-line phi-guard/approved-vendors',
        'const m = value! / 2;',
        'function f<T>(x: T): T { return x; }',
        '/* eslint-disable phi-guard/no-phi-in-prompt */',
        'send(f<string>(`${a}`) /* c */);',
      ].join('\n'),
      'snippet.ts',
    );
  });

  it('TSX: a block directive in a JSX expression container', () => {
    agrees(
      [
        'const view = (',
        '  <div>',
        '    {/* eslint-disable-next-line phi-guard/no-phi-in-prompt */}',
        '    <Summary text={patient.ssn} />',
        '  </div>',
        ');',
      ].join('\n'),
      'snippet.tsx',
    );
  });
});

describe('directives: parseDirectives', () => {
  it('finds nothing in a file without directives, cheaply', () => {
    assert.deepEqual(parseDirectives('const a = "eslint";\n// a comment\n'), []);
  });

  it('reports comment positions as 0-based lines and characters', () => {
    const [directive] = parseDirectives('x;\n  /* eslint-disable-next-line\n */\ny;');
    assert.equal(directive.type, 'disable-next-line');
    assert.deepEqual(directive.comment.startPos, { line: 1, character: 2 });
    assert.deepEqual(directive.comment.endPos, { line: 2, character: 3 });
    assert.equal(directive.rules, undefined);
  });

  it('accepts a bare rule id and adds the phi-guard namespace', () => {
    const directives = parseDirectives('// eslint-disable-next-line phi-guard/no-phi-in-prompt\nsend(a);');
    assert.equal(isSuppressed({ line: 1, character: 5 }, 'no-phi-in-prompt', directives), true);
    assert.equal(isSuppressed({ line: 1, character: 5 }, 'approved-vendors', directives), false);
  });
});

describe('directives: PHI Guard suppressions need a reason', () => {
  const one = (text: string): Directive => parseDirectives(text)[0]!;

  it('a reason is text after "--" that is not a placeholder', () => {
    assert.equal(hasRealReason(one('// eslint-disable-next-line')), false);
    assert.equal(hasRealReason(one('// eslint-disable-next-line phi-guard/no-phi-in-prompt -- <reason>')), false);
    assert.equal(hasRealReason(one('// eslint-disable-next-line phi-guard/no-phi-in-prompt -- TODO')), false);
    assert.equal(hasRealReason(one('// eslint-disable-next-line phi-guard/no-phi-in-prompt -- ids only, reviewed (PRIV-12)')), true);
  });

  it('a fail-closed finding is hidden only by a reasoned directive that names its rule', () => {
    const text = "import x from 'y'; // eslint-disable-line -- the import is fine\nconst a = 1;\n";
    const directives = parseDirectives(text);
    const at = { line: 0, character: 0 };
    assert.equal(isSuppressed(at, 'no-phi-in-prompt', honouredDirectives(directives, false)), true);
    assert.equal(isSuppressed(at, 'no-phi-in-prompt', honouredDirectives(directives, true)), false);
    assert.equal(unhonouredSuppressionOf(at, 'no-phi-in-prompt', directives, true), directives[0]);
    const named = parseDirectives("import x from 'y'; // eslint-disable-line phi-guard/no-phi-in-prompt -- generated file\n");
    assert.equal(unhonouredSuppressionOf(at, 'no-phi-in-prompt', named, true), undefined);
    assert.equal(isSuppressed(at, 'no-phi-in-prompt', honouredDirectives(named, true)), true);
  });

  // ESLint applies every directive to every problem, a problem about the directive included:
  // the place reportableNear picks must be one ESLint does not hide.
  const sources = [
    'const a = 1;\n// eslint-disable-next-line\nconst b = 2;\n',
    'const a = 1;\nconst b = 2; // eslint-disable-line -- <reason>\nconst c = 3;\n',
    'const a = 1;\nconst b = 2; // eslint-disable-line\n',
    'const a = 1;\nconst b = 2; /* eslint-disable */\nconst c = 3;\n',
    'const a = 1;\n/* eslint-disable phi-guard/no-phi-in-prompt */\nconst c = 3;\n',
  ];
  for (const text of sources) {
    it(`a problem about the directive is reported where ESLint keeps it: ${JSON.stringify(text)}`, () => {
      const directive = parseDirectives(text)[0]!;
      const at = reportableNear(directive, text.split('\n').length);
      assert.ok(at);
      const rule: Rule.RuleModule = {
        meta: { type: 'problem', schema: [], messages: { here: 'here' } },
        create: (context) => ({ Program: () => context.report({ loc: { line: at.line + 1, column: at.character }, messageId: 'here' }) }),
      };
      const linter = new Linter({ configType: 'flat' });
      const messages = linter.verify(text, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { 'phi-guard': { rules: { 'no-phi-in-prompt': rule } } }, rules: { 'phi-guard/no-phi-in-prompt': 'error' } }], 'file.ts');
      assert.deepEqual(messages.filter((m) => m.ruleId === 'phi-guard/no-phi-in-prompt').map((m) => m.line), [at.line + 1]);
    });
  }
  it('a bare block eslint-disable at the very start of a file leaves ESLint no place to say so', () => {
    assert.equal(reportableNear(one('/* eslint-disable */\nconst a = 1;\n'), 2), undefined);
  });
});
