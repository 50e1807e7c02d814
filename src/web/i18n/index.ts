/**
 * @module The site's interface language: message catalogs, `t()`, and number and date formatting
 * for a page's language. A third language is one more catalog file registered in `CATALOGS`.
 */
import { DEFAULT_LANG } from '../../model/index.ts';
import { ar } from './ar.ts';
import { en, type Catalog, type MessageKey } from './en.ts';
import { formatSiteDate } from './format-date.ts';
import { formatNumber } from './format-number.ts';
import { pluralOf } from './plural-of.ts';
import { siteText } from '../site/site-context.ts';

export type { Catalog, MessageKey } from './en.ts';
export { formatSiteDate } from './format-date.ts';
export { formatNumber } from './format-number.ts';
export { pluralOf } from './plural-of.ts';

/** Every language the interface speaks. */
export const CATALOGS: Record<string, Catalog> = { en, ar };

/**
 * The institute's own texts: not in the catalogs but in its configuration file (`site-context.ts`), so
 * no name is written into the interface strings.
 */
const SITE_KEYS = { 'site.name': 'name', 'site.tagline': 'tagline', 'site.description': 'description' } as const;
export type SiteKey = keyof typeof SITE_KEYS;

/**
 * The interface string `key` in `lang`, with `{name}` placeholders filled from `vars`. When `vars.n` is a
 * number the catalog's plural form for it is used where one exists; a language without a catalog
 * falls back to English.
 *
 * @example t('ar', 'nav.search') // → 'بحث'
 * @example t('en', 'listing.count', { n: 1 }) // → '1 item'
 */
export function t(lang: string, key: MessageKey | SiteKey, vars?: Record<string, string | number>): string {
  if (key in SITE_KEYS) return siteText(lang, SITE_KEYS[key as SiteKey]);
  const catalog = CATALOGS[lang] ?? CATALOGS[DEFAULT_LANG];
  let message: string = catalog[key as MessageKey];
  if (vars && typeof vars.n === 'number') {
    const plural = (catalog as Record<string, string>)[`${key}.${pluralOf(lang, vars.n)}`];
    if (plural !== undefined) message = plural;
  }
  if (!vars) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? (typeof vars[name] === 'number' ? formatNumber(lang, vars[name] as number) : String(vars[name])) : whole,
  );
}

/** The name of language `code` written in `inLang`: `langName('en', 'ar')` → `'الإنجليزية'`. */
export function langName(code: string, inLang: string): string {
  const key = `${code} ${inLang}`;
  let name = langNames.get(key);
  if (name === undefined) {
    try {
      name = new Intl.DisplayNames([inLang], { type: 'language' }).of(code) ?? code;
    } catch {
      name = code;
    }
    // Codes come from documents and requests: a bounded memo, since making the formatter is what costs.
    if (langNames.size < 1000) langNames.set(key, name);
  }
  return name;
}

const langNames = new Map<string, string>();

/** Whether the interface has a catalog for `lang`. */
export function hasCatalog(lang: string): boolean {
  return Object.hasOwn(CATALOGS, lang);
}

export { en, ar };
