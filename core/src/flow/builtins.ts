/**
 * How values move through the standard library. Names here are matched only after the
 * checker resolved the call to TypeScript's own lib files or @types/node (or when there are
 * no types at all), never for project functions of the same name.
 */

/** String methods whose result is derived from the receiver's text (and the arguments' for concat/replace). */
export const STRING_PROPAGATORS = new Set([
  'toUpperCase', 'toLowerCase', 'toLocaleUpperCase', 'toLocaleLowerCase', 'trim', 'trimStart', 'trimEnd', 'slice', 'substring', 'substr',
  'replace', 'replaceAll', 'padStart', 'padEnd', 'concat', 'normalize', 'toString', 'valueOf', 'at', 'charAt', 'split', 'repeat',
  'match', 'matchAll', 'toWellFormed', 'toJSON', 'toISOString', 'toDateString', 'toLocaleDateString', 'toLocaleString', 'toUTCString',
  'toTimeString', 'toLocaleTimeString', 'toFixed', 'toPrecision', 'format',
]);

/** Array methods whose result holds (some of) the receiver's elements. */
export const ARRAY_SELECTORS = new Set([
  'filter', 'find', 'findLast', 'slice', 'sort', 'toSorted', 'reverse', 'toReversed', 'flat', 'at', 'values', 'entries', 'splice',
  'shift', 'pop', 'with', 'toSpliced', 'fill', 'copyWithin', 'get', 'next',
]);

/** Methods whose callback's return becomes (part of) the result, called with the receiver's elements. */
export const CALLBACK_MAPPERS = new Set(['map', 'flatMap', 'then']);

/** Results that reveal nothing of the content: counts, tests, positions. */
export const NON_CONTENT_METHODS = new Set([
  'includes', 'startsWith', 'endsWith', 'indexOf', 'lastIndexOf', 'search', 'localeCompare', 'test', 'some', 'every', 'findIndex',
  'findLastIndex', 'has', 'keys', 'forEach', 'push', 'unshift', 'getTime', 'valueOfTime', 'codePointAt', 'charCodeAt',
]);

/** Global functions: result carries the argument's content as text. */
export const TEXT_FUNCTIONS = new Set([
  'String', 'encodeURIComponent', 'encodeURI', 'escape', 'btoa', 'atob', 'decodeURIComponent', 'decodeURI', 'unescape',
  'Number', 'parseInt', 'parseFloat', 'BigInt',
]);

/** Member functions of globals: JSON.stringify, Object.values, Buffer.from... → how the result relates to the arguments. */
export const STATIC_FUNCTIONS: Record<string, 'text' | 'same' | 'values' | 'clean' | 'union'> = {
  'JSON.stringify': 'text',
  'JSON.parse': 'text',
  'Object.values': 'values',
  'Object.entries': 'values',
  'Object.keys': 'clean',
  'Object.getOwnPropertyNames': 'clean',
  'Object.assign': 'union',
  'Object.fromEntries': 'same',
  'Object.freeze': 'same',
  'Array.from': 'same',
  'Array.of': 'union',
  'Promise.all': 'same',
  'Promise.allSettled': 'same',
  'Promise.race': 'same',
  'Promise.any': 'same',
  'Promise.resolve': 'same',
  'Buffer.from': 'text',
  'Buffer.concat': 'same',
  'structuredClone': 'same',
  'Boolean': 'clean',
  'Array.isArray': 'clean',
  'Number.isNaN': 'clean',
  'Number.isFinite': 'clean',
  'Math.max': 'clean',
  'Math.min': 'clean',
  'Math.round': 'clean',
  'Math.floor': 'clean',
  'Math.ceil': 'clean',
};

/** Properties that are derived counts or flags, never content. */
export const NON_CONTENT_PROPERTIES = new Set(['length', 'size', 'byteLength', 'count']);

/**
 * String methods whose argument at `arg` is put into the result's text as it is: an embedding
 * point, like a `+` operand (`TEMPLATE.replace('{{name}}', patient.name)`). A function there
 * is a replacer: what it returns is embedded.
 */
export const STRING_EMBEDDING_ARGS: Record<string, number> = { replace: 1, replaceAll: 1, padStart: 1, padEnd: 1 };

/**
 * Library functions that fill a template with their arguments (Node's `util.format`,
 * LangChain prompt templates' `format`, `formatMessages`, `invoke`...): each argument is an
 * embedding point. Matched by the declaring package, the declaring file and the member name.
 */
export const TEMPLATE_FILLERS: readonly { module: string; file: RegExp; names: readonly string[] }[] = [
  { module: '@types/node', file: /\/util\.d\.ts$/, names: ['format', 'formatWithOptions'] },
  {
    module: '@langchain/core',
    file: /\/prompts\//,
    names: ['format', 'formatMessages', 'formatPromptValue', 'invoke', 'partial', 'formatDocument', 'stream', 'batch'],
  },
  // langchain 0.0.x declares its prompt templates itself.
  { module: 'langchain', file: /\/prompts\//, names: ['format', 'formatMessages', 'formatPromptValue', 'invoke', 'partial', 'call'] },
];
