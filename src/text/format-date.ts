/**
 * @module `formatDate`: a date as the site writes it, the inverse of `parseDate`.
 */
import { LEVANTINE_MONTHS, EGYPTIAN_MONTHS, ENGLISH_MONTHS } from './months.ts';
import { fromIso } from './calendar-date.ts';

/**
 * Writes an ISO date (day, month or year precision) as the site does: Arabic pairs the Levantine and
 * Egyptian month names ('18 أيار/مايو 2023'), English is 'May 18, 2023'. Other languages get English.
 * A string that is not an ISO date comes back unchanged (views must not fail on bad data).
 * @example formatDate('2022-10', 'ar') // → 'تشرين الأول/أكتوبر 2022'
 * @example formatDate('2023-05-18', 'en') // → 'May 18, 2023'
 */
export function formatDate(date: string, lang: string): string {
  const d = fromIso(date);
  if (!d) return date;
  const year = String(d.year);
  if (d.month === undefined) return year;
  if (lang === 'ar') {
    const name = `${LEVANTINE_MONTHS[d.month - 1]}/${EGYPTIAN_MONTHS[d.month - 1]}`;
    return d.day === undefined ? `${name} ${year}` : `${d.day} ${name} ${year}`;
  }
  const name = ENGLISH_MONTHS[d.month - 1];
  return d.day === undefined ? `${name} ${year}` : `${name} ${d.day}, ${year}`;
}
