/**
 * @module The plural category of a count in a language (Intl.PluralRules: Arabic has six, English two),
 * by which the catalogs and the search pages choose a count's wording. Apart from the catalogs, so the
 * static copy's search script bundles it alone.
 */

const rules = new Map<string, Intl.PluralRules>();

/**
 * The plural category of `n` in `lang`.
 *
 * @example pluralOf('ar', 2) // → 'two'
 * @example pluralOf('ar', 11) // → 'many'
 * @example pluralOf('en', 0) // → 'other'
 */
export function pluralOf(lang: string, n: number): Intl.LDMLPluralRule {
  let r = rules.get(lang);
  if (!r) rules.set(lang, (r = new Intl.PluralRules(lang)));
  return r.select(n);
}
