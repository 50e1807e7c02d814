/**
 * @module `parseDate`: a whole string read as one date expression, or null — never a guess.
 */
import { normalize } from './normalize.ts';
import { findDates } from './find-dates.ts';
import { fromIso, precisionOf, type FoundDate } from './calendar-date.ts';

/** What may surround a date in a string that is "only a date": a preposition before, punctuation. */
const LEAD = /^[\s\p{P}]*(?:(?:و|ف)?(?:في|خلال|منذ|حتي|بحلول|بتاريخ|تاريخ)|[وفبل]|in|on|since|during|by|until|dated)?[\s\p{P}]*$/u;
/** After a date: punctuation, and the tatweel of هـ (the date's end is its last letter). */
const TRAIL = /^[\s\p{P}\u0640]*$/u;

/** What `parseDate` reads: a date at its precision, and for a span (a range, a decade, a Hijri month or year) its last unit. */
export type ParsedDate = Pick<FoundDate, 'date' | 'precision' | 'until' | 'calendar' | 'hijri'>;

/**
 * Reads `text` as one date: day, month or year precision. Yearless and relative expressions need
 * `opts.ref` (YYYY-MM-DD). Also takes ISO forms ('2023-05-18', '2022-10', '2020').
 * @example parseDate('18 أيار/مايو 2023') // → { date: '2023-05-18', precision: 'day' }
 * @example parseDate('في الشهر التالي') // → null (relative, and no ref)
 * @example parseDate('بين عامي 2019 و2021') // → { date: '2019', precision: 'year', until: '2021' }
 * @example parseDate('١٥ رمضان ١٤٤٤ هـ') // → { date: '2023-04-06', precision: 'day', calendar: 'hijri', hijri: '1444-09-15' }
 */
export function parseDate(text: string, opts: { ref?: string } = {}): ParsedDate | null {
  const key = normalize(text).trim();
  if (!key) return null;
  const iso = fromIso(key);
  if (iso) return { date: key, precision: precisionOf(iso) };
  // A lone relative phrase counts from the ref itself, forwards too ('the following month').
  const found = findDates(text, { ref: opts.ref, allowAfterRef: true });
  if (found.length !== 1) return null;
  const [d] = found;
  if (!LEAD.test(normalize(text.slice(0, d.start))) || !TRAIL.test(text.slice(d.end))) return null;
  const out: ParsedDate = { date: d.date, precision: d.precision };
  if (d.until) out.until = d.until;
  if (d.calendar) {
    out.calendar = d.calendar;
    out.hijri = d.hijri;
  }
  return out;
}
