/**
 * @module Feeds (RSS 2.0, Atom, JSON Feed) for each language's latest analysis, and under every topic,
 * region, expert and country path: `/ar/feed.xml`, `/policy-analysis/<topic>/feed.atom`,
 * `/experts/<slug>/feed.json`, `/ar/countries/dz/feed.xml`.
 */
import type { Context, Hono } from 'hono';
import { NotFoundError } from '../../lib/index.ts';
import { countryPath, homePath } from '../../model/index.ts';
import type { ArticleQuery, ArticleSummary } from '../../store/index.ts';
import { countryKnowledge } from '../../knowledge/index.ts';
import { buildFeed, FEED_CONTENT_TYPES, FEED_FILES, type FeedKind } from '../feeds/build-feed.ts';
import { t } from '../i18n/index.ts';
import { sendText, sitePrefixes } from '../send.ts';
import { readsOf } from '../read-cache.ts';
import { absoluteUrl, type WebDeps } from '../web-deps.ts';

export const FEED_SIZE = 30;

export function registerFeeds(app: Hono, deps: WebDeps): void {
  const send = async (c: Context, kind: FeedKind, lang: string, title: string, description: string, pagePath: string, query: ArticleQuery | ArticleSummary[]) => {
    const list = Array.isArray(query) ? { items: query } : await readsOf(deps).listArticles({ ...query, limit: FEED_SIZE });
    const abs = (p: string) => absoluteUrl(deps, c.req.url, p);
    const body = buildFeed({
      kind,
      lang,
      title,
      description,
      publisher: t(lang, 'site.name'),
      pageUrl: abs(pagePath),
      feedBase: abs(pagePath === homePath(lang) ? pagePath.replace(/\/$/, '') : pagePath),
      items: list.items,
      abs,
      fallbackDate: deps.now?.() ?? new Date(0),
    });
    return sendText(c, body, FEED_CONTENT_TYPES[kind]);
  };

  for (const { lang, prefix } of sitePrefixes()) {
    for (const kind of Object.keys(FEED_FILES) as FeedKind[]) {
      const file = FEED_FILES[kind];
      app.get(`${prefix}/${file}`, (c) =>
        send(c, kind, lang, t(lang, 'feed.title', { site: t(lang, 'site.name'), title: t(lang, 'feed.latest') }), t(lang, 'site.description'), homePath(lang), { lang }),
      );

      app.get(`${prefix}/policy-analysis/:slug/${file}`, async (c) => {
        const pagePath = c.req.path.slice(0, -(file.length + 1));
        const target = await readsOf(deps).resolvePath(pagePath);
        if (!target || target.kind !== 'term') throw new NotFoundError(`no feed at ${c.req.path}`);
        if (target.canonical !== pagePath) return c.redirect(`${target.canonical}/${file}`, 301);
        const term = await readsOf(deps).getTerm(target.id, target.lang);
        if (!term) throw new NotFoundError(`no feed at ${c.req.path}`);
        return send(c, kind, term.lang, t(term.lang, 'feed.title', { site: t(term.lang, 'site.name'), title: term.name }), term.name, term.path, { termId: term.id, lang: term.lang });
      });

      app.get(`${prefix}/countries/:code/${file}`, async (c) => {
        const code = c.req.param('code');
        if (!/^[a-z]{2}$/.test(code)) throw new NotFoundError(`no feed at ${c.req.path}`);
        const country = await countryKnowledge(deps.store, code).catch(() => undefined);
        if (!country) throw new NotFoundError(`no feed at ${c.req.path}`);
        // The articles about the country in this language, newest first, as teasers.
        const items: ArticleSummary[] = [];
        for (const ref of country.articles) {
          const a = ref.lang === lang ? await deps.store.getArticle(ref.id) : undefined;
          if (a) items.push({ id: a.id, lang: a.lang, type: a.type, typeLabel: a.typeLabel, series: a.series, title: a.title, summary: a.summary, published: a.published, path: a.path, authors: a.authors.map((x) => ({ name: x.name, path: x.path })), image: a.image });
        }
        items.sort((x, y) => (y.published ?? '').localeCompare(x.published ?? ''));
        const name = lang === 'ar' ? country.names.ar : country.names.en;
        return send(c, kind, lang, t(lang, 'feed.title', { site: t(lang, 'site.name'), title: name }), name, countryPath(lang, code), items.slice(0, FEED_SIZE));
      });

      app.get(`${prefix}/experts/:slug/${file}`, async (c) => {
        const pagePath = c.req.path.slice(0, -(file.length + 1));
        const target = await readsOf(deps).resolvePath(pagePath);
        if (!target || target.kind !== 'expert') throw new NotFoundError(`no feed at ${c.req.path}`);
        if (target.canonical !== pagePath) return c.redirect(`${target.canonical}/${file}`, 301);
        const expert = await readsOf(deps).getExpert(target.id, target.lang);
        if (!expert) throw new NotFoundError(`no feed at ${c.req.path}`);
        return send(c, kind, expert.lang, t(expert.lang, 'feed.title', { site: t(expert.lang, 'site.name'), title: expert.name }), expert.bio || expert.name, expert.path, { expertId: expert.id });
      });
    }
  }
}
