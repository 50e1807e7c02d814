/**
 * @module Dates as the site writes them in a page's language. The writing itself belongs to the text
 * layer (`formatDate`, the inverse of its date parser); this is the interface's one door to it.
 */
import { formatDate } from '../../text/index.ts';

/**
 * A `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) date written for readers of `lang`; anything else comes back as given.
 *
 * @example formatSiteDate('2023-05-18', 'ar') // → '18 أيار/مايو 2023'
 * @example formatSiteDate('2023-05-18', 'en') // → 'May 18, 2023'
 */
export function formatSiteDate(date: string, lang: string): string {
  return formatDate(date, lang);
}
