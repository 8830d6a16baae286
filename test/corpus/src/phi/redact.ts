/**
 * The de-identification helpers. `redact` is registered in phi-guard.config.json under
 * "redactors"; `maskIdentifiers` is tagged `@redactor` instead. Both return text with the HIPAA
 * Safe Harbor identifiers removed, so their results are clean.
 */
const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b\d{3}-?\d{2}-?\d{4}\b/g, '[SSN]'],
  [/\b\d{4}-\d{2}-\d{2}\b/g, '[DATE]'],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[EMAIL]'],
  [/\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b/g, '[PHONE]'],
];

export function redact(value: unknown): string {
  if (typeof value !== 'string') return '[REDACTED]';
  return PATTERNS.reduce((text, [pattern, mask]) => text.replace(pattern, mask), value);
}

/**
 * Masks identifiers in free text with the de-identification service's rules.
 * @redactor
 */
export function maskIdentifiers(text: string): string {
  return redact(text).replace(/\b[A-Z][a-z]+ [A-Z][a-z]+\b/g, '[NAME]');
}
