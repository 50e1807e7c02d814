/**
 * @module `/policy-analysis/:slug` in every language: an article, or a topic's or region's listing
 * (they share one namespace). Former paths answer 301 to the current one.
 */
import type { Context, Hono } from 'hono';
import { NotFoundError } from '../../lib/index.ts';
import { typeLabel, type Article } from '../../model/index.ts';
import type { PathTarget } from '../../store/index.ts';
import { pageParam, typeParam } from '../http/params.ts';
import { t } from '../i18n/index.ts';
import { sendPage, sitePrefixes } from '../send.ts';
import { articleJsonLd } from '../structured-data.ts';
import { ArticlePage, type Recommendation } from '../views/article-page.tsx';
import { ListingPage } from '../views/listing-page.tsx';
import { cachedReads } from '../read-cache.ts';
import { absoluteUrl, type WebDeps } from '../web-deps.ts';
import { feedLinks } from './feed-links.ts';
import { articleCardPath } from '../cards/index.ts';

export const LISTING_PAGE_SIZE = 12;

/** A 301 to `canonical` keeping the query, when `path` is a former path; undefined otherwise. */
export function redirectIfMoved(c: Context, target: PathTarget, path: string): Response | undefined {
  if (target.canonical === path) return undefined;
  const q = c.req.url.indexOf('?');
  return c.redirect(target.canonical + (q < 0 ? '' : c.req.url.slice(q)), 301);
}

async function recommendations(deps: WebDeps, a: Article): Promise<Recommendation[]> {
  const out: Recommendation[] = [];
  const seen = new Set<string>([a.path]);
  for (const r of a.related) {
    if (out.length >= 3) break;
    if (r.path && seen.has(r.path)) continue;
    if (r.path) seen.add(r.path);
    out.push({ title: r.title, lang: r.lang, path: r.path, label: r.type ? typeLabel(r.type, r.lang) : '', authors: r.authors });
  }
  // Too few named on the page: the newest pieces on the same topics, then the newest in the language.
  const terms = [...a.topics, ...a.regions];
  for (const term of terms) {
    if (out.length >= 3) break;
    const target = await cachedReads(deps.store).resolvePath(term.path);
    if (!target || target.kind !== 'term') continue;
    const page = await cachedReads(deps.store).listArticles({ termId: target.id, lang: a.lang, limit: 6 });
    for (const s of page.items) {
      if (out.length >= 3) break;
      if (seen.has(s.path)) continue;
      seen.add(s.path);
      out.push({ title: s.title, lang: s.lang, path: s.path, label: s.typeLabel, authors: s.authors.map((x) => x.name) });
    }
  }
  if (out.length < 3) {
    const page = await cachedReads(deps.store).listArticles({ lang: a.lang, limit: 6 });
    for (const s of page.items) {
      if (out.length >= 3) break;
      if (seen.has(s.path)) continue;
      seen.add(s.path);
      out.push({ title: s.title, lang: s.lang, path: s.path, label: s.typeLabel, authors: s.authors.map((x) => x.name) });
    }
  }
  return out;
}

export function registerPolicyAnalysis(app: Hono, deps: WebDeps): void {
  for (const { prefix } of sitePrefixes()) {
    app.get(`${prefix}/policy-analysis/:slug`, async (c) => {
      const path = c.req.path;
      const target = await cachedReads(deps.store).resolvePath(path);
      if (!target || (target.kind !== 'article' && target.kind !== 'term')) throw new NotFoundError(`nothing at ${path}`);
      const moved = redirectIfMoved(c, target, path);
      if (moved) return moved;
      const abs = (p: string) => absoluteUrl(deps, c.req.url, p);

      if (target.kind === 'article') {
        const reads = cachedReads(deps.store);
        const stored = await reads.getArticle(target.id);
        if (!stored) throw new NotFoundError(`nothing at ${path}`);
        // Link only translations readers can open: stored, and published.
        const translations = await Promise.all(
          stored.translations.map(async (tr) => {
            if (!tr.exists) return tr;
            const to = await reads.resolvePath(tr.path);
            return { ...tr, exists: !!to && to.kind === 'article' && (await reads.isPublished(to.id)) };
          }),
        );
        const article = { ...stored, translations };
        // A page without query parameters: anything after `?` is ignored, and the canonical says so.
        const existing = article.translations.filter((tr) => tr.exists);
        const alternates = [{ lang: article.lang, href: abs(article.path) }, ...existing.map((tr) => ({ lang: tr.lang, href: abs(tr.path) }))];
        return sendPage(
          c,
          <ArticlePage
            article={article}
            canonical={abs(article.path)}
            alternates={alternates}
            recommended={await recommendations(deps, article)}
            jsonLd={articleJsonLd(article, abs)}
            shareImage={article.image ? undefined : abs(articleCardPath(article.id))}
          />,
        );
      }

      const term = await cachedReads(deps.store).getTerm(target.id, target.lang);
      if (!term) throw new NotFoundError(`nothing at ${path}`);
      const type = typeParam(c.req.query('type'));
      const page = pageParam(c.req.query('page'));
      const list = await cachedReads(deps.store).listArticles({ termId: term.id, lang: term.lang, type, limit: LISTING_PAGE_SIZE, offset: (page - 1) * LISTING_PAGE_SIZE });
      const pages = Math.max(1, Math.ceil(list.total / LISTING_PAGE_SIZE));
      if (page > pages) throw new NotFoundError(`${path} has ${pages} page(s), not ${page}`);
      const self = page > 1 ? `${term.path}?page=${page}` : term.path;
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
        />,
      );
    });
  }
}
