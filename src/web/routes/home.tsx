/** @module The home page per language: `/` (English) and `/ar/` (Arabic). */
import type { Hono } from 'hono';
import { PUBLICATION_TYPES, LANGS, homePath, typeLabel } from '../../model/index.ts';
import { t } from '../i18n/index.ts';
import { sendPage, sitePrefixes } from '../send.ts';
import { HomePage } from '../views/home-page.tsx';
import { readsOf } from '../read-cache.ts';
import { absoluteUrl, type WebDeps } from '../web-deps.ts';
import { feedLinks } from './feed-links.ts';

export function registerHome(app: Hono, deps: WebDeps): void {
  for (const { lang, prefix } of sitePrefixes()) {
    app.get(`${prefix}/`, async (c) => {
      const latest = await readsOf(deps).listArticles({ lang, limit: 6 });
      const byType = [];
      for (const type of PUBLICATION_TYPES) {
        const page = await readsOf(deps).listArticles({ lang, type, limit: 4 });
        if (page.total === 0) continue;
        byType.push({ type, label: typeLabel(type, lang), items: page.items, more: `${prefix}/search?type=${type}` });
      }
      const abs = (p: string) => absoluteUrl(deps, c.req.url, p);
      const alternates = Object.values(LANGS).map((l) => ({ lang: l.code, href: abs(homePath(l.code)) }));
      const jsonLd = {
        '@context': 'https://schema.org',
        '@type': 'WebSite',
        name: t(lang, 'site.name'),
        url: abs(homePath(lang)),
        inLanguage: lang,
        potentialAction: { '@type': 'SearchAction', target: `${abs(`${prefix}/search`)}?q={query}`, 'query-input': 'required name=query' },
      };
      return sendPage(
        c,
        <HomePage
          lang={lang}
          canonical={abs(homePath(lang))}
          alternates={alternates}
          feeds={feedLinks(lang, prefix, t(lang, 'feed.latest'))}
          latest={latest.items}
          byType={byType}
          jsonLd={jsonLd}
        />,
      );
    });
  }
}
