/**
 * @module Reads an HTML article page: metadata from what the page says about itself, the body from
 * its main content (found by a reading-mode heuristic, then walked into blocks of plain text and safe addresses).
 */
import { MizanError } from '../../lib/index.ts';
import { articlePath, articlePathProblem, expertPath, slugOfPath, typeFromLabel, type Article, type Warning } from '../../model/index.ts';
import { slugify } from '../../text/index.ts';
import { finishArticle } from '../finish-article.ts';
import { ownPathOf } from '../own-path.ts';
import { scriptLang } from '../script-lang.ts';
import { elementsByTag, parseDocument } from './dom.ts';
import { htmlBlocks } from './html-blocks.ts';
import { checkHtmlSource, checkHtmlTree } from '../limits.ts';
import { readMetadata } from './html-metadata.ts';
import { readDay } from '../read-day.ts';
import { findMainContent } from './main-content.ts';

/**
 * Reads an HTML page.
 *
 * @example
 * readHtml('a.html', '<html lang="en"><head><title>T</title></head><body><p>Hello.</p></body></html>').article.title // → 'T'
 */
export function readHtml(file: string, source: string, opts: { path?: string } = {}): { article: Article; warnings: Warning[] } {
  checkHtmlSource(file, source);
  const doc = parseDocument(source);
  checkHtmlTree(doc.documentElement, file, source);
  const tags = elementsByTag(doc);
  const meta = readMetadata(doc, tags);
  const lineOf = (needle: string): number | null => {
    const at = source.indexOf(needle);
    return at < 0 ? null : source.slice(0, at).split('\n').length;
  };
  if (!meta.title) throw new MizanError('no-title', 'the page has no title (no JSON-LD headline, og:title, <h1> or <title>)', { file, line: lineOf('<body') ?? 1, data: { problem: 'html' } });
  const title = meta.title;
  const lang = meta.lang ?? scriptLang(title);

  // Labels such as "Brief Analysis" appear as the article section or as a kicker above the title.
  let type = meta.section ? typeFromLabel(meta.section) : undefined;
  if (!type) {
    for (const tag of ['span', 'div', 'p', 'a']) {
      for (const el of tags.get(tag) ?? []) {
        if (!/type|label|kicker|eyebrow|category/i.test(el.getAttribute('class') ?? '')) continue;
        const text = el.textContent ?? '';
        if (text.length < 40) type = typeFromLabel(text.trim());
        if (type) break;
      }
      if (type) break;
    }
  }

  const warnings: Warning[] = [];
  const root = findMainContent(doc);
  const body = htmlBlocks(root, { file, base: meta.canonical, title, warnings, lineOf });
  if (body.length === 0) warnings.push({ code: 'no-body', file, line: null, message: 'no article text was found in the page' });

  const authors = meta.authors.map((a) => {
    const fromUrl = a.url && /\/(experts?|authors?|people|staff|contributors?)\/[^/]+\/?$/.test(a.url) ? slugOfPath(a.url) : '';
    const slug = fromUrl || slugify(a.name) || 'author';
    return { slug, name: a.name, path: expertPath(lang, slug) };
  });
  const uniqueAuthors = authors.filter((a, i) => authors.findIndex((b) => b.slug === a.slug) === i);

  const slug = slugify(title);
  let own = ownPathOf(meta.canonical);
  // A canonical address under a language the site does not publish in is no path the site serves: the title gives it.
  if (own && articlePathProblem(own)) {
    warnings.push({ code: 'bad-path', file, line: lineOf(meta.canonical ?? ''), message: `the page's address ${own} is under a language the site does not publish in: the title gives the path` });
    own = null;
  }
  const path = opts.path ?? own ?? (slug ? articlePath(lang, slug) : undefined);
  if (!path) throw new MizanError('no-slug', 'the title gives no slug under the site scheme; give the page its path with --path', { file });

  const article = finishArticle(
    {
      lang,
      type,
      title,
      summary: meta.summary ?? '',
      // The page's own metadata is not the writer's to fix: a date that names no day is left out, with a warning.
      published: readDay(meta.published, 'published', { file, line: meta.published ? lineOf(meta.published) : null, warnings }),
      updated: readDay(meta.updated, 'updated', { file, line: meta.updated ? lineOf(meta.updated) : null, warnings }),
      path,
      origin: { file, url: meta.canonical && /^https?:/i.test(meta.canonical) ? meta.canonical : null },
      authors: uniqueAuthors,
      translations: meta.alternates
        .filter((a) => a.lang !== lang)
        .map((a) => ({ lang: a.lang, path: ownPathOf(a.url) }))
        .filter((t): t is { lang: string; path: string } => t.path !== null),
      body,
      topics: meta.keywords.map((k) => ({ slug: slugify(k), name: k })).filter((t) => t.slug),
    },
    file,
    { warnings },
  );
  return { article, warnings };
}
