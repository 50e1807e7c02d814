/**
 * @module `/policy-analysis/:slug` in every language: an article, or a topic's or region's listing
 * (they share one namespace). Former paths answer 301 to the current one.
 */
import type { Context, Hono } from 'hono';
import { NotFoundError } from '../../lib/index.ts';
import { countryCode } from '../../ingest/index.ts';
import { countryPath, type Article } from '../../model/index.ts';
import type { PathTarget } from '../../store/index.ts';
import { pageParam, typeParam } from '../http/params.ts';
import { dependsOn } from '../http/pipeline.ts';
import { t } from '../i18n/index.ts';
import { sendPage, sitePrefixes } from '../send.ts';
import { articleJsonLd } from '../structured-data.ts';
import { ArticlePage } from '../views/article-page.tsx';
import { ListingPage } from '../views/listing-page.tsx';
import { readsOf } from '../read-cache.ts';
import { absoluteUrl, type WebDeps } from '../web-deps.ts';
import { feedLinks } from './feed-links.ts';
import { recommendations } from './recommendations.ts';
import { articleCardPath } from '../cards/index.ts';

export const LISTING_PAGE_SIZE = 12;

/** A 301 to `canonical` keeping the query, when `path` is a former path; undefined otherwise. */
export function redirectIfMoved(c: Context, target: PathTarget, path: string): Response | undefined {
  if (target.canonical === path) return undefined;
  const q = c.req.url.indexOf('?');
  return c.redirect(target.canonical + (q < 0 ? '' : c.req.url.slice(q)), 301);
}

/** The country page a region term leads to besides its own listing, when the term names a country. */
function countryOfTerm(term: { kind: string; name: string; lang: string }): { name: string; path: string } | undefined {
  if (term.kind !== 'region') return undefined;
  const code = countryCode(term.name, term.lang);
  return code ? { name: term.name, path: countryPath(term.lang, code) } : undefined;
}

export function registerPolicyAnalysis(app: Hono, deps: WebDeps): void {
  for (const { prefix } of sitePrefixes()) {
    app.get(`${prefix}/policy-analysis/:slug`, async (c) => {
      const path = c.req.path;
      const target = await readsOf(deps).resolvePath(path);
      if (!target || (target.kind !== 'article' && target.kind !== 'term')) throw new NotFoundError(`nothing at ${path}`);
      const moved = redirectIfMoved(c, target, path);
      if (moved) return moved;
      const abs = (p: string) => absoluteUrl(deps, c.req.url, p);

      if (target.kind === 'article') {
        const reads = readsOf(deps);
        const stored = await reads.getArticle(target.id);
        if (!stored) throw new NotFoundError(`nothing at ${path}`);
        // What this page is built from, for the page cache: a change elsewhere leaves it cached.
        const tags = new Set([`article:${target.id}`]);
        // Link only translations readers can open: stored, and published.
        const translations = await Promise.all(
          stored.translations.map(async (tr) => {
            if (!tr.exists) return tr;
            const to = await reads.resolvePath(tr.path);
            if (to) tags.add(`article:${to.id}`);
            return { ...tr, exists: !!to && to.kind === 'article' && (await reads.isPublished(to.id)) };
          }),
        );
        const article: Article = { ...stored, translations, countries: await reads.countries(stored) };
        // A page without query parameters: anything after `?` is ignored, and the canonical says so.
        const existing = article.translations.filter((tr) => tr.exists);
        const alternates = [{ lang: article.lang, href: abs(article.path) }, ...existing.map((tr) => ({ lang: tr.lang, href: abs(tr.path) }))];
        const recommended = await recommendations(deps, article, tags);
        dependsOn(c, tags);
        return sendPage(
          c,
          <ArticlePage
            article={article}
            canonical={abs(article.path)}
            alternates={alternates}
            recommended={recommended}
            jsonLd={articleJsonLd(article, abs)}
            shareImage={article.image ? undefined : abs(articleCardPath(article.id))}
            authorPhotos={await reads.photos(article.lang, article.authors.map((x) => x.slug))}
          />,
        );
      }

      const term = await readsOf(deps).getTerm(target.id, target.lang);
      if (!term) throw new NotFoundError(`nothing at ${path}`);
      const type = typeParam(c.req.query('type'));
      const page = pageParam(c.req.query('page'));
      const list = await readsOf(deps).listArticles({ termId: term.id, lang: term.lang, type, limit: LISTING_PAGE_SIZE, offset: (page - 1) * LISTING_PAGE_SIZE });
      const pages = Math.max(1, Math.ceil(list.total / LISTING_PAGE_SIZE));
      if (page > pages) throw new NotFoundError(`${path} has ${pages} page(s), not ${page}`);
      const self = page > 1 ? `${term.path}?page=${page}` : term.path;
      dependsOn(c, [`term:${term.id}`, ...list.items.map((item) => `article:${item.id}`)]);
      return sendPage(
        c,
        <ListingPage
          term={term}
          canonical={abs(type ? term.path : self)}
          alternates={term.alternates.map((x) => ({ lang: x.lang, href: abs(x.path) }))}
          feeds={feedLinks(term.lang, term.path, term.name)}
          type={type}
          page={page}
          pages={pages}
          total={list.total}
          items={list.items}
          country={countryOfTerm(term)}
        />,
      );
    });
  }
}
