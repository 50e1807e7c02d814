/**
 * @module The one adapter over `i18n-iso-countries`: every country's code and names in Arabic and English.
 * Replacing the package means rewriting this file only.
 */
import { createRequire } from 'node:module';
// The package's plain entry: its Node entry registers all 80 of its languages (25 ms at every start); two are registered here.
import countries from 'i18n-iso-countries/index.js';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/ar.json'));
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));

const display = { ar: new Intl.DisplayNames(['ar'], { type: 'region' }), en: new Intl.DisplayNames(['en'], { type: 'region' }) };

/**
 * Every ISO 3166 alpha-2 code with its names in `lang` (official and common forms, the first the usual one).
 * @example countryNames('en').RU // → ['Russia', 'Russian Federation']
 */
export function countryNames(lang: 'ar' | 'en'): Record<string, string[]> {
  const all = countries.getNames(lang, { select: 'all' }) as Record<string, string[]>;
  const out: Record<string, string[]> = {};
  for (const [code, names] of Object.entries(all)) {
    // The package lists the formal name first for some states (Syrian Arab Republic); ICU's display name is
    // often the shorter common one, except where it adds a disambiguating suffix (Congo - Kinshasa).
    const alias = countries.getName(code, lang, { select: 'alias' }) ?? names[0];
    let icu: string | undefined;
    try { icu = display[lang].of(code); } catch { icu = undefined; }
    const label = icu && icu !== code && !/ - |\(/.test(icu) && icu.length < alias.length ? icu : alias;
    out[code] = [...new Set([label, ...names, ...(icu && icu !== code && !/ - |\(/.test(icu) ? [icu] : [])])];
  }
  return out;
}
