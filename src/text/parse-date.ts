/**
 * @module `parseDate`: a whole string read as one date expression, or null — never a guess.
 */
import { normalize } from './normalize.ts';
import { findDates } from './find-dates.ts';
import { fromIso, precisionOf, type DatePrecision } from './calendar-date.ts';

/** What may surround a date in a string that is "only a date": a preposition before, punctuation. */
const LEAD = /^[\s\p{P}]*(?:(?:و|ف)?(?:في|خلال|منذ|حتي|بحلول|بتاريخ|تاريخ)|in|on|since|during|by|until|dated)?[\s\p{P}]*$/u;
const TRAIL = /^[\s\p{P}]*$/u;

/**
 * Reads `text` as one date: day, month or year precision. Yearless and relative expressions need
 * `opts.ref` (YYYY-MM-DD). Also takes ISO forms ('2023-05-18', '2022-10', '2020').
 * @example parseDate('18 أيار/مايو 2023') // → { date: '2023-05-18', precision: 'day' }
 * @example parseDate('في الشهر التالي') // → null (relative, and no ref)
 */
export function parseDate(text: string, opts: { ref?: string } = {}): { date: string; precision: DatePrecision } | null {
  const key = normalize(text).trim();
  if (!key) return null;
  const iso = fromIso(key);
  if (iso) return { date: key, precision: precisionOf(iso) };
  // A lone relative phrase counts from the ref itself, forwards too ('the following month').
  const found = findDates(text, { ref: opts.ref, allowAfterRef: true });
  if (found.length !== 1) return null;
  const [d] = found;
  if (!LEAD.test(normalize(text.slice(0, d.start))) || !TRAIL.test(text.slice(d.end))) return null;
  return { date: d.date, precision: d.precision };
}
