/**
 * Minimal text edits to phi-guard.config.json that keep the user's formatting: the file is
 * parsed with TypeScript's JSON parser (positions included), never re-serialized.
 */
import * as ts from 'typescript';

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export function newConfigText(vendorId: string): string {
  return `${JSON.stringify({ approvedVendors: [vendorId] }, null, 2)}\n`;
}

/**
 * Edits that add `vendorId` to `approvedVendors`; `[]` when it is already there (as a string or
 * as `{ "id": ... }`); undefined when the file is not a JSON object we can edit safely.
 */
export function addApprovedVendorEdits(text: string, vendorId: string): OffsetEdit[] | undefined {
  const json = ts.parseJsonText('phi-guard.config.json', text);
  if ((json as { parseDiagnostics?: readonly unknown[] }).parseDiagnostics?.length) return undefined;
  const root = json.statements[0]?.expression;
  if (!root || !ts.isObjectLiteralExpression(root)) return undefined;
  const quoted = JSON.stringify(vendorId);
  const property = root.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && propertyName(p) === 'approvedVendors');
  if (property) {
    const list = property.initializer;
    if (!ts.isArrayLiteralExpression(list)) return undefined;
    if (list.elements.some((e) => vendorIdOf(e) === vendorId)) return [];
    const last = list.elements[list.elements.length - 1];
    if (!last) return [{ start: list.elements.pos, end: list.elements.end, newText: quoted }];
    const lastStart = last.getStart(json);
    const multiline = lineOf(text, list.getStart(json)) !== lineOf(text, lastStart);
    const separator = multiline ? `,\n${indentAt(text, lastStart)}` : ', ';
    return [{ start: last.end, end: last.end, newText: `${separator}${quoted}` }];
  }
  const first = root.properties[0];
  const open = root.getStart(json) + 1;
  if (!first) return [{ start: root.getStart(json), end: root.end, newText: `{\n  "approvedVendors": [${quoted}]\n}` }];
  const firstStart = first.getStart(json);
  const sameLine = lineOf(text, root.getStart(json)) === lineOf(text, firstStart);
  const newText = sameLine ? ` "approvedVendors": [${quoted}],` : `\n${indentAt(text, firstStart)}"approvedVendors": [${quoted}],`;
  return [{ start: open, end: open, newText }];
}

function propertyName(p: ts.PropertyAssignment): string | undefined {
  return ts.isStringLiteral(p.name) || ts.isIdentifier(p.name) ? p.name.text : undefined;
}

function vendorIdOf(element: ts.Expression): string | undefined {
  if (ts.isStringLiteral(element)) return element.text;
  if (ts.isObjectLiteralExpression(element)) {
    const id = element.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && propertyName(p) === 'id');
    if (id && ts.isStringLiteral(id.initializer)) return id.initializer.text;
  }
  return undefined;
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}
