/**
 * @module A number as the site writes it in a page's language. Apart from the catalogs, so the static
 * copy's search script bundles it alone and writes its count with the server's digits.
 */

const formats = new Map<string, Intl.NumberFormat>();

/**
 * A number as the site writes it in `lang`: grouped, with Western digits (the institute's Arabic pages use them).
 *
 * @example formatNumber('ar', 3740) // → '3,740' in Latin digits with Arabic grouping
 */
export function formatNumber(lang: string, n: number): string {
  let format = formats.get(lang);
  if (!format) formats.set(lang, (format = new Intl.NumberFormat(lang, { numberingSystem: 'latn', useGrouping: true })));
  return format.format(n);
}
