/**
 * @module The preview "as on the site": the article as the form describes it, unsaved, rendered by the
 * site's own article page (its layout, stylesheet and fonts, light or dark as the reader's system asks),
 * so what the editor checks is what readers will get. Never cached, never indexed.
 */
import type { Context } from 'hono';
import type { Article } from '../../../model/index.ts';
import type { Store } from '../../../store/index.ts';
import { ArticlePage } from '../../views/article-page.tsx';
import { renderPage } from '../../views/layout.tsx';

export async function sitePreview(c: Context, store: Store, article: Article): Promise<Response> {
  // Translations show as the site would show them: only those that exist.
  const translations = await Promise.all(article.translations.map(async (tr) => ({ ...tr, exists: !!(await store.getArticleByPath(tr.path)) })));
  // The page's head needs absolute addresses (canonical, share image), as the site's own route gives it.
  const canonical = new URL(article.path, c.req.url).href;
  const page = <ArticlePage article={{ ...article, translations }} canonical={canonical} alternates={[]} recommended={[]} jsonLd={null} />;
  return c.html(await renderPage(page), 200, { 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' });
}
