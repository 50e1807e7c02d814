/**
 * @module A page's language alternates as search engines want them: the page itself among them
 * (self-referencing), each language once, and an `x-default` (the version in the site's configured default
 * language, else the page itself). Used by the page head and the sitemap, so the two always agree; both pass
 * `currentSite().defaultLanguage`, so the institute's configuration decides x-default.
 */
export interface Hreflang {
  lang: string;
  href: string;
}

/**
 * @example hreflangs('ar', 'https://x.org/ar/t', [], 'en') // → [{ lang: 'ar', href: '…/ar/t' }, { lang: 'x-default', href: '…/ar/t' }]
 */
export function hreflangs(lang: string, self: string, alternates: readonly Hreflang[], defaultLang: string): Hreflang[] {
  const byLang = new Map<string, string>([[lang, self]]);
  for (const a of alternates) if (!byLang.has(a.lang)) byLang.set(a.lang, a.href);
  const list = [...byLang].map(([l, href]) => ({ lang: l, href }));
  return [...list, { lang: 'x-default', href: byLang.get(defaultLang) ?? self }];
}
