import * as ts from 'typescript';
import type { ConfigIssue } from './errors';
import { CONFIG_KEYS, type ObjectShape } from './keys';
import { closest } from './suggest';

/** A property as written: its key node (for key errors) and its value node. */
export interface JsonProperty {
  name: ts.Node;
  value: ts.Expression;
}

/**
 * Reads values out of the AST of ts.parseJsonText while collecting problems, so every
 * message can point at the exact key or value. Readers return undefined after reporting;
 * the caller goes on, so one run finds every problem in the file.
 */
export class JsonReader {
  readonly issues: ConfigIssue[] = [];

  constructor(readonly file: ts.JsonSourceFile) {}

  report(node: ts.Node, keyPath: string, problem: string, extra?: IssueExtra): void {
    this.reportAt(node.getStart(this.file), node.getEnd(), keyPath, problem, extra);
  }

  /** A problem the JSON schema reports too (unknown key, wrong type, missing key, not in an enum). */
  reportShape(node: ts.Node, keyPath: string, problem: string, replacement?: string): void {
    this.report(node, keyPath, problem, { alsoFoundBy: 'json-schema', ...(replacement !== undefined ? { replacement } : {}) });
  }

  reportAt(start: number, end: number, keyPath: string, problem: string, extra?: IssueExtra): void {
    const { line, character } = this.file.getLineAndCharacterOfPosition(start);
    this.issues.push({ keyPath, problem, start, end, line: line + 1, column: character + 1, ...extra });
  }

  /** The properties of an object whose keys must be those of `shape`; unknown and repeated keys are errors. */
  object(node: ts.Expression, keyPath: string, shape: ObjectShape, expected: string): Map<string, JsonProperty> | undefined {
    if (!ts.isObjectLiteralExpression(node)) {
      this.reportShape(node, keyPath, `expected ${expected}, got ${this.describe(node)}`);
      return undefined;
    }
    const known = CONFIG_KEYS[shape];
    const properties = new Map<string, JsonProperty>();
    for (const property of node.properties) {
      const key = property.name && propertyNameText(property.name);
      if (!ts.isPropertyAssignment(property) || key === undefined) {
        this.report(property, keyPath, 'expected a "key": value pair');
        continue;
      }
      const first = properties.get(key);
      if (first) {
        const { line, character } = this.file.getLineAndCharacterOfPosition(first.name.getStart(this.file));
        this.report(property.name, join(keyPath, key), `duplicate key (first at ${line + 1}:${character + 1})`, { alsoFoundBy: 'json-syntax' });
      } else if (!known.includes(key)) {
        const suggestion = closest(key, known);
        const hint = suggestion ? ` (did you mean "${suggestion}"?)` : ` (expected one of: ${known.join(', ')})`;
        this.reportShape(property.name, keyPath, `unknown key "${key}"${hint}`, suggestion === undefined ? undefined : JSON.stringify(suggestion));
      } else {
        properties.set(key, { name: property.name, value: property.initializer });
      }
    }
    return properties;
  }

  /** Reports a key the object must have. */
  requireKey(properties: Map<string, JsonProperty>, objectNode: ts.Node, keyPath: string, key: string): JsonProperty | undefined {
    const property = properties.get(key);
    if (!property) this.reportShape(objectNode, keyPath, `missing required key "${key}"`);
    return property;
  }

  array(node: ts.Expression, keyPath: string, expected: string): readonly ts.Expression[] | undefined {
    if (ts.isArrayLiteralExpression(node)) return node.elements;
    this.reportShape(node, keyPath, `expected ${expected}, got ${this.describe(node)}`);
    return undefined;
  }

  string(node: ts.Expression, keyPath: string, expected: string): string | undefined {
    if (ts.isStringLiteral(node)) return node.text;
    this.reportShape(node, keyPath, `expected ${expected}, got ${this.describe(node)}`);
    return undefined;
  }

  boolean(node: ts.Expression, keyPath: string): boolean | undefined {
    if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
    this.reportShape(node, keyPath, `expected true or false, got ${this.describe(node)}`);
    return undefined;
  }

  /**
   * An array of strings; `check` returns a problem for a bad element. An empty string is
   * always a problem: it can only be a slip.
   */
  strings(
    node: ts.Expression,
    keyPath: string,
    what: { array: string; element: string },
    check: (value: string) => string | undefined = () => undefined,
  ): string[] | undefined {
    const elements = this.array(node, keyPath, what.array);
    if (!elements) return undefined;
    const values: string[] = [];
    let ok = true;
    elements.forEach((element, index) => {
      const elementPath = `${keyPath}[${index}]`;
      const value = this.string(element, elementPath, what.element);
      const problem = value === undefined ? undefined : value === '' ? 'must not be an empty string' : check(value);
      if (problem) this.report(element, elementPath, problem);
      if (value === undefined || problem) ok = false;
      else values.push(value);
    });
    return ok ? values : undefined;
  }

  /** "a string", "an array", ... for "expected X, got Y" messages. */
  describe(node: ts.Node): string {
    switch (node.kind) {
      case ts.SyntaxKind.StringLiteral:
        return 'a string';
      case ts.SyntaxKind.NumericLiteral:
      case ts.SyntaxKind.PrefixUnaryExpression:
        return 'a number';
      case ts.SyntaxKind.TrueKeyword:
      case ts.SyntaxKind.FalseKeyword:
        return 'a boolean';
      case ts.SyntaxKind.NullKeyword:
        return 'null';
      case ts.SyntaxKind.ObjectLiteralExpression:
        return 'an object';
      case ts.SyntaxKind.ArrayLiteralExpression:
        return 'an array';
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      case ts.SyntaxKind.TemplateExpression:
        return 'a template string (JSON strings use double quotes)';
      default: {
        // Not JSON at all (a template string, `undefined`): quote what was written.
        const text = node.getText(this.file);
        return `\`${text.length > 30 ? `${text.slice(0, 30)}...` : text}\``;
      }
    }
  }
}

type IssueExtra = Pick<ConfigIssue, 'alsoFoundBy' | 'replacement'>;

export function join(keyPath: string, key: string): string {
  return keyPath ? `${keyPath}.${key}` : key;
}

function propertyNameText(name: ts.PropertyName): string | undefined {
  // parseJsonText also accepts unquoted and numeric keys (JSON5-like); their text is the key.
  if (ts.isStringLiteral(name) || ts.isIdentifier(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}
