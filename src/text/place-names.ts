/**
 * @module Arabic names of countries and capitals, normalized, for the stemmer's clitic rule (لأوكرانيا is
 * ل + أوكرانيا). Country names come from npm `i18n-iso-countries` (this file is its only importer in text);
 * capitals and regions are listed here.
 */
import { createRequire } from 'node:module';
import { normalize } from './normalize.ts';

const require = createRequire(import.meta.url);

const CAPITALS = 'بيروت بريطانيا أمريكا أوروبا أفريقيا إفريقيا آسيا موسكو واشنطن باريس لندن بكين طهران دمشق بغداد بيروت أنقرة إسطنبول برلين روما كييف طرابلس بروكسل جنيف نيويورك مدريد';
/** Country names that are also everyday words ("financial", "sons"). */
const COMMON_WORDS = new Set(['مالي', 'بنين']);

/** Single-word place names without their ال, normalized: 'اوكرانيا', 'روسيا', 'موسكو', 'كويت', … */
export const PLACE_NAMES: ReadonlySet<string> = (() => {
  const names = new Set<string>();
  try {
    // The package's plain entry: its Node entry registers all 80 of its languages, 25 ms at every start.
    const countries = require('i18n-iso-countries/index.js') as { registerLocale(l: unknown): void; getNames(lang: string, o: { select: 'all' }): Record<string, string[]> };
    countries.registerLocale(require('i18n-iso-countries/langs/ar.json'));
    for (const list of Object.values(countries.getNames('ar', { select: 'all' }))) {
      for (const name of list) {
        if (name.includes(' ') || COMMON_WORDS.has(name)) continue;
        // الكويت is listed as كويت too: the stemmer sees names after their article is gone.
        names.add(normalize(name.startsWith('ال') ? name.slice(2) : name));
      }
    }
  } catch {
    // The package is a convenience; without it the capitals below still work.
  }
  for (const c of CAPITALS.split(' ')) names.add(normalize(c));
  return names;
})();
