/**
 * Input hygiene for prompts. None of these de-identify anything: they trim, collapse
 * whitespace and escape markup, so PHI that goes in comes out.
 */
export function sanitizeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function sanitizeForPrompt(value: string): string {
  return value.replace(/\s+/g, ' ').trim().slice(0, 4000);
}

export function sanitizeInput(value: string | undefined): string {
  return (value ?? '').replace(/[\u0000-\u001f]/g, '');
}
