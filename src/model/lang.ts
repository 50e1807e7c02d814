/**
 * @module Languages Mizan publishes in. A language is a BCP 47 primary tag; adding one (fa, fr) is an
 * entry here plus a message catalog, never a schema change.
 */

export interface LangInfo {
  code: string;
  dir: 'rtl' | 'ltr';
  /** Path prefix of the site in this language: '' for the default language, '/ar' for Arabic. */
  prefix: string;
  /** Name of the language in itself. */
  name: string;
}

export const LANGS: Record<string, LangInfo> = {
  en: { code: 'en', dir: 'ltr', prefix: '', name: 'English' },
  ar: { code: 'ar', dir: 'rtl', prefix: '/ar', name: 'العربية' },
};

export type Lang = string;

export const DEFAULT_LANG = 'en';

export function isLang(code: string): boolean {
  return Object.hasOwn(LANGS, code);
}

export function langInfo(code: Lang): LangInfo {
  return LANGS[code] ?? { code, dir: 'ltr', prefix: `/${code}`, name: code };
}

/** `dirOf('ar')` → `'rtl'`. */
export function dirOf(code: Lang): 'rtl' | 'ltr' {
  return langInfo(code).dir;
}

/** The language a site path belongs to: `langOfPath('/ar/experts/x')` → `'ar'`, `'/policy-analysis/x'` → `'en'`. */
export function langOfPath(path: string): Lang {
  const first = path.split('/')[1] ?? '';
  for (const info of Object.values(LANGS)) {
    if (info.prefix && info.prefix === `/${first}`) return info.code;
  }
  return DEFAULT_LANG;
}
