/**
 * @module `/series/:slug` and `/ar/series/:slug`: a series' page in each language (`/series/policywatch`),
 * the slug made from the series' name by the site's slug scheme. A series is known once a published
 * article carries it; the page lists that series' articles in the page's language.
 */
import type { Hono } from 'hono';
import { NotFoundError } from '../../lib/index.ts';
import { LANGS, seriesName } from '../../model/index.ts';
import { slugify } from '../../text/index.ts';
import { pageParam } from '../http/params.ts';
import { dependsOn } from '../http/pipeline.ts';
import { readsOf } from '../read-cache.ts';
import { sendPage, sitePrefixes } from '../send.ts';
import { absoluteUrl, type WebDeps } from '../web-deps.ts';
import { SeriesPage } from './series-page.tsx';

export const SERIES_PAGE_SIZE = 12;

/**
 * A series' page in `lang`; the slug comes from its English name, so both languages share it.
 *
 * @example seriesPath('PolicyWatch', 'ar') // → '/ar/series/policywatch'
 */
export function seriesPath(name: string, lang: string): string {
  return `${LANGS[lang]?.prefix ?? ''}/series/${slugify(seriesName(name, 'en'))}`;
}

export function registerSeries(app: Hono, deps: WebDeps): void {
  for (const { lang, prefix } of sitePrefixes()) {
    app.get(`${prefix}/series/:slug`, async (c) => {
      const slug = c.req.param('slug');
      const names = await deps.store.db.selectFrom('articles').select('series_name').distinct().where('series_name', 'is not', null).where('status', '=', 'published').execute();
      // A series is known by its English name (PolicyWatch), whatever its articles call it (المرصد السياسي).
      const series = names.map((r) => seriesName(r.series_name!, 'en')).find((n) => slugify(n) === slug);
      if (!series) throw new NotFoundError(`no series at ${c.req.path}`);
      const spelled = names.map((r) => r.series_name!).filter((n) => seriesName(n, 'en') === series);
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
        />,
      );
    });
  }
}
