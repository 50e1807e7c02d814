/**
 * @module `{name}` placeholders in an interface message, filled from values: the one rule every message
 * catalog (site, editors' side, editor, mail, subscribe, newsletters) follows.
 */

/**
 * `message` with each `{name}` that `vars` has replaced by its value; unknown placeholders stay as written.
 *
 * @example fillPlaceholders('بقلم {names}', { names: 'سابينا هينبرج' }) // → 'بقلم سابينا هينبرج'
 */
export function fillPlaceholders(message: string, vars: Record<string, string | number> = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(vars, name) ? String(vars[name]) : whole));
}
