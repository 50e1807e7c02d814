/**
 * @module `expandQuery`: the names of an entity in every script, so that a search for `Tebboune` also finds
 * `تبون` and one for `بوتين` finds `Putin`. Search ranks these alternates below the words typed.
 */
import { normalize } from '../text/index.ts';
import { defaultGazetteer, type Gazetteer } from './gazetteer.ts';
import { isArabic, peelProclitics } from './word-forms.ts';

/**
 * Other ways of writing `term` when it names a known entity: its names in the other script first, then the
 * other names in its own. Capitals expand to capitals (Moscow ↔ موسكو), adjectives to adjectives
 * (Algerian ↔ جزائري), never to the state. `[]` for a term that names nothing known.
 * @example expandQuery('Tebboune') // → ['تبون', 'عبد المجيد تبون', 'Abdelmadjid Tebboune', …]
 */
export function expandQuery(term: string, g: Gazetteer = defaultGazetteer()): string[] {
  const key = normalize(term.trim()).replace(/\s+/g, ' ').replace(/'s$/, '');
  if (!key) return [];
  const candidates = isArabic(key) && !key.includes(' ') ? peelProclitics(key).map((p) => p.key) : [key];
  const own = isArabic(key) ? 'ar' : 'en';
  for (const c of candidates) {
    const forms = g.byName.get(c);
    if (!forms?.length) continue;
    const out: string[] = [];
    const seen = new Set([key, c]);
    for (const lang of [own === 'ar' ? 'en' : 'ar', own]) {
      for (const form of forms) {
        for (const n of form.siblings[lang] ?? []) {
          const k = normalize(n);
          if (seen.has(k)) continue;
          seen.add(k);
          out.push(n);
        }
      }
    }
    return out;
  }
  return [];
}
