/**
 * The team's de-identifier, registered in phi-guard.config.json under "redactors": PHI Guard
 * treats its result as clean. Free text keeps its clinical meaning with the HIPAA Safe Harbor
 * identifiers masked (45 CFR 164.514(b)(2)); any other value (an object, a number, an array)
 * becomes a placeholder as a whole. This demo masks by pattern only; production calls the
 * de-identification service behind the same signature.
 */
const SAFE_HARBOR_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b\d{3}-?\d{2}-?\d{4}\b/g, '[SSN]'],
  [/\b(?:MRN|MR#|medical record(?: number)?)[:#\s]*[A-Z0-9-]{4,}\b/gi, '[MRN]'],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[EMAIL]'],
  [/(?:\+1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b/g, '[PHONE]'],
  [/\b\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/g, '[DATE]'],
  [/\b\d{1,5}(?:\s+[A-Za-z]+){1,4}\s+(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Dr|Drive|Ln|Lane|Ct|Way)\b\.?/g, '[ADDRESS]'],
  [/\b\d{5}(?:-\d{4})?\b/g, '[ZIP]'],
  [/\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?/g, '[NAME]'],
];

export function redact<T>(value: T): string {
  if (typeof value !== 'string') return '[REDACTED]';
  let text: string = value;
  for (const [pattern, placeholder] of SAFE_HARBOR_PATTERNS) {
    text = text.replace(pattern, placeholder);
  }
  return text;
}
