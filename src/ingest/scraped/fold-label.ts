/** @module How label lines are compared: letter case, harakat, alef forms, `&`, a final colon and spacing do not matter. */

/**
 * The comparable form of a label.
 *
 * @example
 * foldLabel('متوفر أيضاً باللغات:') === foldLabel('متوفر ايضا باللغات') // → true
 */
export function foldLabel(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u064b-\u0652\u0670\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/&/g, ' and ')
    .replace(/[:：]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A lookup from folded label to value: `labelTable([['Topics', 1]])('TOPICS:')` → `1`. */
export function labelTable<T>(entries: Iterable<[string, T]>): (line: string) => T | undefined {
  const map = new Map<string, T>();
  for (const [label, value] of entries) map.set(foldLabel(label), value);
  return (line) => map.get(foldLabel(line));
}
