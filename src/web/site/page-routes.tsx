/**
 * @module `/<slug>` and `/ar/<slug>`: the institute's static pages (articles of type `page`). Mounted
 * last, so every address the site answers itself wins; former addresses answer 301 like articles'.
 */
import type { Hono } from 'hono';
import { NotFoundError } from '../../lib/index.ts';
import { sendPage, sitePrefixes } from '../send.ts';
import { readsOf } from '../read-cache.ts';
import { redirectIfMoved } from '../routes/policy-analysis.tsx';
import { absoluteUrl, type WebDeps } from '../web-deps.ts';
import { StaticPage } from './views/static-page.tsx';
import { siteText } from './site-context.ts';
import { articleCardPath } from '../cards/index.ts';
import { variantSrc } from '../media/index.ts';

export function registerPages(app: Hono, deps: WebDeps): void {
  for (const { lang, prefix } of sitePrefixes()) {
    app.get(`${prefix}/:slug`, async (c) => {
      const path = c.req.path;
      const reads = readsOf(deps);
      const target = await reads.resolvePath(path);
      if (!target || target.kind !== 'article' || target.lang !== lang) throw new NotFoundError(`nothing at ${path}`);
      const stored = await reads.getArticle(target.id);
      if (!stored || stored.type !== 'page') throw new NotFoundError(`nothing at ${path}`);
      const moved = redirectIfMoved(c, target, path);
      if (moved) return moved;
      const abs = (p: string) => absoluteUrl(deps, c.req.url, p);
      const translations = await Promise.all(
        stored.translations.map(async (tr) => {
          const to = await reads.resolvePath(tr.path);
          return { ...tr, exists: !!to && to.kind === 'article' && (await reads.isPublished(to.id)) };
        }),
      );
      const page = { ...stored, translations };
      const alternates = [{ lang: page.lang, href: abs(page.path) }, ...translations.filter((tr) => tr.exists).map((tr) => ({ lang: tr.lang, href: abs(tr.path) }))];
      const jsonLd = {
        '@context': 'https://schema.org',
        '@type': 'WebPage',
        name: page.title,
        description: page.summary || undefined,
        inLanguage: page.lang,
        url: abs(page.path),
        isPartOf: { '@type': 'WebSite', name: siteText(lang, 'name'), url: abs(`${prefix}/`) },
      };
      return sendPage(c, <StaticPage page={page} canonical={abs(page.path)} alternates={alternates} jsonLd={jsonLd} shareImage={page.image ? abs(variantSrc(page.image.src, page.image.width, 1200)) : abs(articleCardPath(page.id))} />);
    });
  }
}
