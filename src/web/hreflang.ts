/**
 * @module A page's language alternates as search engines want them: the page itself among them
 * (self-referencing), each language once, and an `x-default` (the default language's version, else the
 * page itself). Used by the page head and the sitemap, so the two always agree.
 */
import { DEFAULT_LANG } from '../model/index.ts';

export interface Hreflang {
  lang: string;
  href: string;
}

/**
 * @example hreflangs('ar', 'https://x.org/ar/t', []) // → [{ lang: 'ar', href: '…/ar/t' }, { lang: 'x-default', href: '…/ar/t' }]
 */
export function hreflangs(lang: string, self: string, alternates: readonly Hreflang[]): Hreflang[] {
  const byLang = new Map<string, string>([[lang, self]]);
  for (const a of alternates) if (!byLang.has(a.lang)) byLang.set(a.lang, a.href);
  const list = [...byLang].map(([l, href]) => ({ lang: l, href }));
  return [...list, { lang: 'x-default', href: byLang.get(DEFAULT_LANG) ?? self }];
}
