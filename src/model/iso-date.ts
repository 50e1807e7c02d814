/**
 * @module The days an article may carry (`published`, `updated`): real calendar days written
 * YYYY-MM-DD, in the years 1000–9999. Every entry point (importers, the editors' form, the store)
 * refuses any other, so feeds and citations never print year 0000 or 30 February.
 */

/** The first year a date may name: an institute's archive does not reach further back. */
export const MIN_YEAR = 1000;
/** The last year four digits can write. */
export const MAX_YEAR = 9999;

/**
 * Why `value` is not such a day (said of it: "'…' is …"), or null when it is.
 *
 * @example isoDateProblem('2023-05-18') // → null
 * @example isoDateProblem('2023-02-30') // → 'is not a real calendar date'
 * @example isoDateProblem('0000-01-01') // → 'is before the year 1000'
 */
export function isoDateProblem(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return 'is not a date written YYYY-MM-DD';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < MIN_YEAR) return `is before the year ${MIN_YEAR}`;
  if (year > MAX_YEAR) return `is after the year ${MAX_YEAR}`;
  const t = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || t.getUTCMonth() !== month - 1 || t.getUTCDate() !== day) return 'is not a real calendar date';
  return null;
}
