/**
 * @module The one adapter over `i18n-iso-countries`: recognises a country by its name in a page's
 * language, so a "Regions & Countries" entry that is a country becomes a country reference.
 */
import { createRequire } from 'node:module';
import { Remembered } from '../lib/index.ts';
// The package's plain entry: its Node entry registers all 80 of its languages (25 ms at every start); two are registered here.
import countries from 'i18n-iso-countries/index.js';

const require = createRequire(import.meta.url);
for (const lang of ['ar', 'en']) countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));

/** Names already looked up (the package compares a name with every country's, one by one); a site's terms are a few hundred. */
const known = new Remembered<string | null>(10_000);

/**
 * The ISO 3166 alpha-2 code of a country name, or undefined.
 *
 * @example
 * countryCode('الجزائر', 'ar') // → 'DZ'
 */
export function countryCode(name: string, lang: string): string | undefined {
  return known.get(`${lang}\u0000${name}`, () => lookUp(name.trim(), lang) ?? null) ?? undefined;
}

function lookUp(name: string, lang: string): string | undefined {
  try {
    return countries.getAlpha2Code(name, lang) ?? countries.getAlpha2Code(name, 'en');
  } catch {
    return undefined;
  }
}
