import ts from 'typescript';

/**
 * How much JSDoc a file needs parsed for the analysis. The engine reads only `@phi` and
 * `@redactor` tags (and, in JavaScript, JSDoc types), so a TypeScript file without either
 * word can be parsed the way `tsc` parses it (`ParseForTypeErrors`: JSDoc skipped except
 * `@see`/`@link`). On the 100k-line bench project, where the standard library and SDK
 * typings are mostly JSDoc, this is 0.4 s of a 6.9 s scan and 30 MB of AST.
 * A host that builds its own program passes the result to `ts.createSourceFile`.
 */
export function jsDocParsingModeFor(fileName: string, text: string): ts.JSDocParsingMode {
  if (!/\.[cm]?tsx?$/i.test(fileName)) return ts.JSDocParsingMode.ParseAll;
  return /@(?:phi|redactor)\b/.test(text) ? ts.JSDocParsingMode.ParseAll : ts.JSDocParsingMode.ParseForTypeErrors;
}
