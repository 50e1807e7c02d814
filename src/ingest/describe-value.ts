/** @module What a field of a page holds, in words, for the errors that refuse it. */

/**
 * `value` as an error names it: its kind, and a short quote when it is a scalar.
 *
 * @example describeValue('not an array') // → 'a string ("not an array")'
 * @example describeValue({ a: 1 }) // → 'a mapping'
 */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'a mapping';
  return `${typeof value === 'string' ? 'a string' : `a ${typeof value}`} (${JSON.stringify(value)?.slice(0, 40)})`;
}
