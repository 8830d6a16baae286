/**
 * Brand for values that are PHI whatever their shape. `reason: PHI<string>` is still a string
 * for every caller, but the type says what it carries; PHI Guard reads the brand through
 * `phi.brandTypes` in phi-guard.config.json.
 */
declare const phiBrand: unique symbol;

export type PHI<T> = T & { readonly [phiBrand]: 'PHI' };

/** Marks a value as PHI where it enters the system (form parsers, EHR adapters). */
export function asPHI<T>(value: T): PHI<T> {
  return value as PHI<T>;
}
