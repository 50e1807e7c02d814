/**
 * @module `/cards/<article id>.png` and `/cards/site-<lang>.png`: the social cards shared links show when a
 * page has no image of its own (og:image, twitter:image). Rendered once per content, then kept.
 */
import type { Hono } from 'hono';
import { renderCard, type CardInput } from '../../app/index.ts';
import { NotFoundError } from '../../lib/index.ts';
import { cacheable, dependsOn } from '../http/pipeline.ts';
import { isLang } from '../../model/index.ts';
import { formatSiteDate } from '../i18n/index.ts';
import { readsOf } from '../read-cache.ts';
import { currentSite, siteText } from '../site/index.ts';
import { kicker } from '../views/teaser.tsx';
import type { WebDeps } from '../web-deps.ts';

/** The card address of an article (or static page). */
export function articleCardPath(id: string): string {
  return `/cards/${id}.png`;
}

/** The card address of pages that are not articles (home, indexes, experts) in `lang`. */
export function siteCardPath(lang: string): string {
  return `/cards/site-${lang}.png`;
}

function frame(lang: string): Pick<CardInput, 'siteName' | 'logo' | 'accent' | 'lang'> {
  const site = currentSite();
  return { lang, siteName: siteText(lang, 'name'), logo: site.logo, accent: site.colors?.accent ?? '#0b5d50' };
}

export function registerCards(app: Hono, deps: WebDeps): void {
  const png = (bytes: Buffer) =>
    new Response(new Uint8Array(bytes), { headers: { 'content-type': 'image/png', 'cache-control': 'public, max-age=86400, stale-while-revalidate=604800' } });
  app.get('/cards/:name{[0-9a-z-]+\\.png}', async (c) => {
    const name = c.req.param('name').replace(/\.png$/, '');
    const siteLang = /^site-([a-z]{2,3})$/.exec(name)?.[1];
    // Kept by the page cache (a card costs a hundred milliseconds or more to draw) and by `mizan build`
    // across rebuilds: a site's card changes with its settings only (a change to everything), an
    // article's with the article.
    if (siteLang) {
      if (!isLang(siteLang)) throw new NotFoundError(`no card ${name}`);
      cacheable(c);
      dependsOn(c, []);
      return png(await renderCard({ ...frame(siteLang), title: siteText(siteLang, 'tagline') || siteText(siteLang, 'name'), kicker: '', date: '' }));
    }
    const a = /^[0-9a-f]{16}$/.test(name) ? await readsOf(deps).getArticle(name) : undefined;
    if (!a) throw new NotFoundError(`no card ${name}`);
    cacheable(c);
    dependsOn(c, [`article:${a.id}`]);
    const line = a.type === 'page' ? '' : a.series ? `${a.typeLabel} · ${kicker(a)}` : a.typeLabel;
    return png(await renderCard({ ...frame(a.lang), title: a.title, kicker: line, date: a.published && a.type !== 'page' ? formatSiteDate(a.published, a.lang) : '' }));
  });
}
