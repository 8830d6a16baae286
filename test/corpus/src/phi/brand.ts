/**
 * Brand for values that are PHI whatever their shape. Registered in phi-guard.config.json under
 * phi.brandTypes, so `reason: PHI<string>` is PHI everywhere it goes.
 */
declare const phiBrand: unique symbol;

export type PHI<T> = T & { readonly [phiBrand]: true };

/** Marks a value as PHI where it enters the system (form parsers, EHR adapters). */
export function asPHI<T>(value: T): PHI<T> {
  return value as PHI<T>;
}
