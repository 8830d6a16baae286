/**
 * Just enough of JSON Schema draft-07 to check our own schema against the validator in
 * tests (core may not depend on ajv). It throws on any keyword it does not know, so a schema
 * change that outgrows it cannot pass unchecked.
 */

export type Schema = { [keyword: string]: unknown };

const ANNOTATIONS = new Set(['$schema', 'title', 'description', 'default', 'definitions']);

/** Resolves a local "#/a/b/0" reference. */
export function resolveRef(root: Schema, schema: Schema): Schema {
  if (typeof schema.$ref !== 'string') return schema;
  const target = schema.$ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], root);
  return resolveRef(root, target as Schema);
}

/** True when `value` (plain JSON) is valid against `schema`. */
export function matchesSchema(root: Schema, schema: Schema, value: unknown): boolean {
  for (const [keyword, argument] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    if (!checkKeyword(root, schema, keyword, argument, value)) return false;
  }
  return true;
}

function checkKeyword(root: Schema, schema: Schema, keyword: string, argument: unknown, value: unknown): boolean {
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  switch (keyword) {
    case '$ref':
      return matchesSchema(root, resolveRef(root, schema), value);
    case 'type':
      return argument === 'integer' ? Number.isInteger(value) : typeOf(value) === argument;
    case 'enum':
      return (argument as unknown[]).includes(value);
    case 'pattern':
      return typeof value !== 'string' || new RegExp(argument as string, 'u').test(value);
    case 'minLength':
      return typeof value !== 'string' || value.length >= (argument as number);
    case 'minimum':
      return typeof value !== 'number' || value >= (argument as number);
    case 'minItems':
      return !Array.isArray(value) || value.length >= (argument as number);
    case 'items':
      return !Array.isArray(value) || value.every((item) => matchesSchema(root, argument as Schema, item));
    case 'required':
      return !isObject || (argument as string[]).every((key) => key in (value as object));
    case 'properties':
      return (
        !isObject ||
        Object.entries(argument as Record<string, Schema>).every(
          ([key, sub]) => !(key in (value as object)) || matchesSchema(root, sub, (value as Record<string, unknown>)[key]),
        )
      );
    case 'additionalProperties': {
      if (argument !== false) throw new Error('only additionalProperties: false is supported');
      const known = Object.keys((schema.properties as object | undefined) ?? {});
      return !isObject || Object.keys(value as object).every((key) => known.includes(key));
    }
    case 'oneOf':
      return (argument as Schema[]).filter((sub) => matchesSchema(root, sub, value)).length === 1;
    case 'anyOf':
      return (argument as Schema[]).some((sub) => matchesSchema(root, sub, value));
    case 'not':
      return !matchesSchema(root, argument as Schema, value);
    default:
      throw new Error(`jsonSchemaSubset does not know the keyword "${keyword}"`);
  }
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
