/**
 * @module `/series/:slug` and `/ar/series/:slug`: a series' page in each language (`/series/policywatch`),
 * the slug made from the series' name by the site's slug scheme, with its feeds under it
 * (`/series/policywatch/feed.xml|atom|json`); and `/series`, `/ar/series`, the index of every series.
 * A series is known once a published article carries it; its page and feeds list that series' articles
 * in the page's language.
 */
import type { Context, Hono } from 'hono';
import { NotFoundError } from '../../lib/index.ts';
import { LANGS, seriesName } from '../../model/index.ts';
import { slugify } from '../../text/index.ts';
import { buildFeed, FEED_CONTENT_TYPES, FEED_FILES, type FeedKind } from '../feeds/build-feed.ts';
import { t } from '../i18n/index.ts';
import { pageParam } from '../http/params.ts';
import { dependsOn } from '../http/pipeline.ts';
import { readsOf } from '../read-cache.ts';
import { feedLinks } from '../routes/feed-links.ts';
import { sendPage, sendText, sitePrefixes } from '../send.ts';
import { absoluteUrl, type WebDeps } from '../web-deps.ts';
import { seriesDirectory, type SeriesEntry } from './series-directory.ts';
import { SeriesIndexPage } from './series-index-page.tsx';
import { SeriesPage } from './series-page.tsx';
import { serT } from './series-i18n.ts';

/** Items in a series feed, as in the site's other feeds. */
const FEED_SIZE = 30;

export const SERIES_PAGE_SIZE = 12;

/**
 * A series' page in `lang`; the slug comes from its English name, so both languages share it.
 *
 * @example seriesPath('PolicyWatch', 'ar') // → '/ar/series/policywatch'
 */
export function seriesPath(name: string, lang: string): string {
  return `${LANGS[lang]?.prefix ?? ''}/series/${slugify(seriesName(name, 'en'))}`;
}

/** The series at `slug`, or a 404 naming the address. */
async function findSeries(deps: WebDeps, slug: string, path: string): Promise<SeriesEntry> {
  const found = (await seriesDirectory(deps.store)).find((e) => e.slug === slug);
  if (!found) throw new NotFoundError(`no series at ${path}`);
  return found;
}

export function registerSeries(app: Hono, deps: WebDeps): void {
  for (const { lang, prefix } of sitePrefixes()) {
    app.get(`${prefix}/series`, async (c) => {
      const abs = (p: string) => absoluteUrl(deps, c.req.url, p);
      dependsOn(c, ['*']);
      return sendPage(
        c,
        <SeriesIndexPage
          lang={lang}
          canonical={abs(`${prefix}/series`)}
          alternates={sitePrefixes().map((x) => ({ lang: x.lang, href: abs(`${x.prefix}/series`) }))}
          entries={await seriesDirectory(deps.store)}
          pathOf={(key) => seriesPath(key, lang)}
        />,
      );
    });

    for (const kind of Object.keys(FEED_FILES) as FeedKind[]) {
      app.get(`${prefix}/series/:slug/${FEED_FILES[kind]}`, async (c: Context) => {
        const found = await findSeries(deps, c.req.param('slug')!, c.req.path);
        const list = await readsOf(deps).listArticles({ series: found.spelled, lang, limit: FEED_SIZE });
        const abs = (p: string) => absoluteUrl(deps, c.req.url, p);
        const path = seriesPath(found.key, lang);
        const name = seriesName(found.key, lang);
        dependsOn(c, [`list:${lang}`, ...list.items.map((item) => `article:${item.id}`)]);
        const body = buildFeed({
          kind,
          lang,
          title: t(lang, 'feed.title', { site: t(lang, 'site.name'), title: name }),
          description: serT(lang, 'lede', { name }),
          publisher: t(lang, 'site.name'),
          pageUrl: abs(path),
          feedBase: abs(path),
          items: list.items,
          abs,
          fallbackDate: deps.now?.() ?? new Date(0),
        });
        return sendText(c, body, FEED_CONTENT_TYPES[kind]);
      });
    }

    app.get(`${prefix}/series/:slug`, async (c) => {
      const found = await findSeries(deps, c.req.param('slug'), c.req.path);
      const series = found.key;
      const spelled = found.spelled;
      const page = pageParam(c.req.query('page'));
      const list = await readsOf(deps).listArticles({ series: spelled, lang, limit: SERIES_PAGE_SIZE, offset: (page - 1) * SERIES_PAGE_SIZE });
      const pages = Math.max(1, Math.ceil(list.total / SERIES_PAGE_SIZE));
      if (page > pages) throw new NotFoundError(`${c.req.path} has ${pages} page(s), not ${page}`);
      const path = seriesPath(series, lang);
      const abs = (p: string) => absoluteUrl(deps, c.req.url, p);
      // A new issue of the series is a new article of this language: the language's list tag covers it.
      dependsOn(c, [`list:${lang}`, ...list.items.map((item) => `article:${item.id}`)]);
      return sendPage(
        c,
        <SeriesPage
          lang={lang}
          series={series}
          title={seriesName(series, lang)}
          path={path}
          canonical={abs(page > 1 ? `${path}?page=${page}` : path)}
          alternates={sitePrefixes().map((x) => ({ lang: x.lang, href: abs(seriesPath(series, x.lang)) }))}
          page={page}
          pages={pages}
          total={list.total}
          items={list.items}
          feeds={feedLinks(lang, path, seriesName(series, lang))}
          indexPath={`${LANGS[lang]?.prefix ?? ''}/series`}
        />,
      );
    });
  }
}
