import * as path from 'node:path';
import * as ts from 'typescript';
import type { CustomSink } from './types';
import { JsonReader, join } from './jsonReader';
import { PATTERNS } from './keys';
import { checkKnownId } from './vendors';

const IDENTIFIER = new RegExp(PATTERNS.identifier);

/**
 * `sinks`: LLM calls the built-in catalog does not know (an in-house client package, an SDK
 * not listed), declared like catalog entries: the module that declares the function, its
 * name (and class, for a method), the arguments that carry content, and the vendor.
 */
export function readSinks(reader: JsonReader, node: ts.Expression, customIds: ReadonlySet<string>, configDir: string): CustomSink[] | undefined {
  const elements = reader.array(node, 'sinks', 'an array of { module, function, vendor, class?, content? } objects');
  if (!elements) return undefined;
  const sinks: CustomSink[] = [];
  let ok = true;
  elements.forEach((element, index) => {
    const keyPath = `sinks[${index}]`;
    const properties = reader.object(element, keyPath, 'sinks[]', 'an object { module, function, vendor, class?, content? }');
    if (!properties) {
      ok = false;
      return;
    }
    const before = reader.issues.length;
    const moduleProperty = reader.requireKey(properties, element, keyPath, 'module');
    const module = moduleProperty && reader.string(moduleProperty.value, join(keyPath, 'module'), 'a package name or a path relative to this file');
    const fnProperty = reader.requireKey(properties, element, keyPath, 'function');
    const fn = fnProperty && readIdentifier(reader, fnProperty.value, join(keyPath, 'function'), 'function or method name');
    const classProperty = properties.get('class');
    const cls = classProperty && readIdentifier(reader, classProperty.value, join(keyPath, 'class'), 'class or interface name');
    const vendorProperty = reader.requireKey(properties, element, keyPath, 'vendor');
    const vendor = vendorProperty && reader.string(vendorProperty.value, join(keyPath, 'vendor'), 'a vendor id string');
    if (vendorProperty && vendor !== undefined) checkKnownId(reader, vendorProperty.value, join(keyPath, 'vendor'), vendor, customIds);
    const contentProperty = properties.get('content');
    const content = contentProperty && readIndexes(reader, contentProperty.value, join(keyPath, 'content'));
    if (reader.issues.length > before || module === undefined || fn === undefined || vendor === undefined) {
      ok = false;
      return;
    }
    const sink: CustomSink = { module, function: fn, vendor };
    if (module.startsWith('./') || module.startsWith('../')) sink.resolvedModule = path.resolve(configDir, module);
    if (cls !== undefined) sink.class = cls;
    if (content !== undefined) sink.content = content;
    sinks.push(sink);
  });
  return ok ? sinks : undefined;
}

function readIdentifier(reader: JsonReader, node: ts.Expression, keyPath: string, what: string): string | undefined {
  const text = reader.string(node, keyPath, `a ${what} string`);
  if (text === undefined) return undefined;
  if (IDENTIFIER.test(text)) return text;
  reader.report(node, keyPath, `"${text}" is not a ${what} (expected an identifier like "complete")`);
  return undefined;
}

function readIndexes(reader: JsonReader, node: ts.Expression, keyPath: string): number[] | undefined {
  const elements = reader.array(node, keyPath, 'an array of argument indexes');
  if (!elements) return undefined;
  const out: number[] = [];
  elements.forEach((element, index) => {
    if (ts.isNumericLiteral(element) && Number.isInteger(Number(element.text))) out.push(Number(element.text));
    else reader.report(element, `${keyPath}[${index}]`, `expected an argument index (0, 1, ...), got ${reader.describe(element)}`);
  });
  if (elements.length === 0) reader.report(node, keyPath, 'must list at least one argument index (leave out "content" for every argument)');
  return out.length === elements.length && elements.length > 0 ? out : undefined;
}
