/**
 * @module The one adapter over `i18n-iso-countries`: recognises a country by its name in a page's
 * language, so a "Regions & Countries" entry that is a country becomes a country reference.
 */
import { createRequire } from 'node:module';
// The package's plain entry: its Node entry registers all 80 of its languages (25 ms at every start); two are registered here.
import countries from 'i18n-iso-countries/index.js';

const require = createRequire(import.meta.url);
for (const lang of ['ar', 'en']) countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));

/**
 * The ISO 3166 alpha-2 code of a country name, or undefined.
 *
 * @example
 * countryCode('الجزائر', 'ar') // → 'DZ'
 */
export function countryCode(name: string, lang: string): string | undefined {
  try {
    return countries.getAlpha2Code(name.trim(), lang) ?? countries.getAlpha2Code(name.trim(), 'en');
  } catch {
    return undefined;
  }
}
