/**
 * @module What an HTML page says about itself, from the most to the least reliable: JSON-LD, then
 * OpenGraph and article:* properties, then plain meta tags, `<title>`, `<html lang>`, canonical and
 * hreflang links.
 */
import { elementsByTag, type DomDocument, type DomElement } from './dom.ts';

export interface HtmlAuthor {
  name: string;
  url: string | null;
}

export interface HtmlMetadata {
  title: string | null;
  lang: string | null;
  summary: string | null;
  /** As the page writes it (an ISO time, or words): the importer reads the day in it. */
  published: string | null;
  updated: string | null;
  canonical: string | null;
  authors: HtmlAuthor[];
  section: string | null;
  keywords: string[];
  /** hreflang alternates: language → address. */
  alternates: { lang: string; url: string }[];
  siteName: string | null;
}

type Json = Record<string, unknown>;
const ARTICLE_TYPES = /^(Article|NewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReportageNewsArticle|BlogPosting|Report|ScholarlyArticle|TechArticle|WebPage)$/;

function asArray<T>(v: T | T[] | undefined | null): T[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);

/** Every JSON-LD object on the page, @graph flattened. */
function jsonLd(tags: Map<string, DomElement[]>): Json[] {
  const out: Json[] = [];
  for (const script of tags.get('script') ?? []) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    try {
      const data = JSON.parse(script.textContent ?? '');
      for (const item of asArray<unknown>(data)) {
        if (typeof item !== 'object' || item === null) continue;
        const obj = item as Json;
        out.push(obj, ...asArray(obj['@graph'] as Json[]).filter((g) => typeof g === 'object' && g !== null));
      }
    } catch {
      // A broken JSON-LD block is common and harmless: the other sources still speak.
    }
  }
  return out;
}

function typeMatches(obj: Json): boolean {
  return asArray(obj['@type'] as string | string[]).some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t));
}

/**
 * The metadata of a parsed page.
 *
 * @example
 * readMetadata(parseDocument('<meta property="og:title" content="T">')).title // → 'T'
 */
export function readMetadata(doc: DomDocument, tags: Map<string, DomElement[]> = elementsByTag(doc)): HtmlMetadata {
  // One pass over the meta tags; selectors per key cost more than the whole rest of the page.
  const byKey = new Map<string, string[]>();
  for (const m of tags.get('meta') ?? []) {
    const content = text(m.getAttribute('content'));
    if (content === null) continue;
    for (const attr of ['property', 'name']) {
      const key = m.getAttribute(attr)?.trim().toLowerCase();
      if (key) byKey.set(key, [...(byKey.get(key) ?? []), content]);
    }
  }
  const meta = (key: string): string | null => byKey.get(key)?.[0] ?? null;
  const metas = (key: string): string[] => byKey.get(key) ?? [];
  const links = tags.get('link') ?? [];
  const rel = (l: DomElement) => ` ${(l.getAttribute('rel') ?? '').toLowerCase()} `;

  const ld = jsonLd(tags);
  const art = ld.find((o) => typeMatches(o) && asArray(o['@type'] as string[]).some((t) => t !== 'WebPage')) ?? ld.find(typeMatches) ?? {};

  const ldAuthors: HtmlAuthor[] = asArray(art.author as unknown)
    .map((a): HtmlAuthor | null => {
      if (typeof a === 'string') return { name: a, url: null };
      if (typeof a === 'object' && a !== null) {
        const o = a as Json;
        const name = text(o.name);
        return name ? { name, url: text(o.url) ?? text(o['@id']) } : null;
      }
      return null;
    })
    .filter((a): a is HtmlAuthor => a !== null);
  const metaAuthors = metas('author')
    .flatMap((a) => a.split(/\s*(?:,|،|\band\b|&)\s*/))
    .filter((a) => a && !/^https?:/.test(a))
    .map((name) => ({ name, url: null }));
  const relAuthors = (tags.get('a') ?? []).filter((a) => rel(a).includes(' author ')).map((a) => ({ name: (a.textContent ?? '').trim(), url: a.getAttribute('href') })).filter((a) => a.name);

  const first = (tag: string) => tags.get(tag)?.[0];
  const titleTag = text(first('title')?.textContent);
  const siteName = meta('og:site_name') ?? text((art.publisher as Json | undefined)?.name);
  let title = text(art.headline) ?? text(art.name) ?? meta('og:title') ?? meta('twitter:title') ?? text(first('h1')?.textContent) ?? titleTag;
  // "Story | Site" → "Story" when the site's name is known.
  if (title && siteName && title !== siteName) title = title.replace(new RegExp(`\\s*[|–—-]\\s*${siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), '');

  const langAttr = text(doc.documentElement.getAttribute('lang')) ?? text(art.inLanguage) ?? meta('og:locale');
  const keywords = [
    ...metas('article:tag'),
    ...asArray(art.keywords as string | string[]).flatMap((k) => (typeof k === 'string' ? k.split(/\s*[,،]\s*/) : [])),
  ].filter(Boolean);

  return {
    title: title?.replace(/\s+/g, ' ').trim() || null,
    lang: langAttr ? langAttr.toLowerCase().split(/[-_]/)[0] : null,
    summary: text(art.description) ?? meta('og:description') ?? meta('description') ?? meta('twitter:description'),
    published: text(art.datePublished) ?? meta('article:published_time') ?? meta('date') ?? meta('dc.date') ?? meta('citation_publication_date') ?? text(first('time')?.getAttribute('datetime')),
    updated: text(art.dateModified) ?? meta('article:modified_time'),
    canonical: text(links.find((l) => rel(l).includes(' canonical '))?.getAttribute('href')) ?? meta('og:url') ?? text(art.url),
    authors: ldAuthors.length ? ldAuthors : relAuthors.length ? relAuthors : metaAuthors,
    section: text(art.articleSection) ?? meta('article:section'),
    keywords: [...new Set(keywords)],
    alternates: links
      .filter((l) => rel(l).includes(' alternate ') && l.hasAttribute('hreflang'))
      .map((l) => ({ lang: (l.getAttribute('hreflang') ?? '').toLowerCase().split('-')[0], url: l.getAttribute('href') ?? '' }))
      .filter((a) => a.lang && a.lang !== 'x' && a.url),
    siteName,
  };
}
