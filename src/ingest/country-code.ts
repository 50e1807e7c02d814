/**
 * @module The one adapter over `i18n-iso-countries`: recognises a country by its name in a page's
 * language, so a "Regions & Countries" entry that is a country becomes a country reference.
 */
import { createRequire } from 'node:module';
// The package's plain entry: its Node entry registers all 80 of its languages (25 ms at every start); two are registered here.
import countries from 'i18n-iso-countries/index.js';

const require = createRequire(import.meta.url);
for (const lang of ['ar', 'en']) countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));

/** Names already looked up (the package compares a name with every country's, one by one). */
const known = new Map<string, string | null>();
/** Past this many names the memo starts again (names come from a site's own terms: a few hundred). */
const KNOWN_MAX = 10_000;

/**
 * The ISO 3166 alpha-2 code of a country name, or undefined.
 *
 * @example
 * countryCode('الجزائر', 'ar') // → 'DZ'
 */
export function countryCode(name: string, lang: string): string | undefined {
  const key = `${lang}\u0000${name}`;
  let code = known.get(key);
  if (code === undefined) {
    if (known.size >= KNOWN_MAX) known.clear();
    code = lookUp(name.trim(), lang) ?? null;
    known.set(key, code);
  }
  return code ?? undefined;
}

function lookUp(name: string, lang: string): string | undefined {
  try {
    return countries.getAlpha2Code(name, lang) ?? countries.getAlpha2Code(name, 'en');
  } catch {
    return undefined;
  }
}
