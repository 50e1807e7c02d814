/**
 * @module A listing as RSS 2.0, Atom 1.0 (RFC 4287) or JSON Feed 1.1. Written here rather than through a
 * feed package: the one we used wrote a raw `&` in Atom category labels (not well-formed XML), no
 * category `term`, no `xml:lang`, JSON Feed 1.0 with one author, and no author in RSS; each output is now
 * checked by independent parsers and the Atom grammar in the tests. The "updated" stamp is the newest
 * item's date, so an unchanged listing gives the same bytes (and ETag).
 */
import type { ArticleSummary } from '../../store/index.ts';
import { variantSrc } from '../media/index.ts';
import { attr, text } from './xml-text.ts';

export type FeedKind = 'rss' | 'atom' | 'json';

export const FEED_FILES: Record<FeedKind, string> = { rss: 'feed.xml', atom: 'feed.atom', json: 'feed.json' };

export const FEED_CONTENT_TYPES: Record<FeedKind, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export interface FeedInput {
  kind: FeedKind;
  lang: string;
  title: string;
  description: string;
  /** Who publishes the feed (Atom needs an author for entries that name none). */
  publisher: string;
  /** Absolute URL of the HTML page the feed follows. */
  pageUrl: string;
  /** Absolute URL of the feed's base (the page path): feeds live at `${base}/feed.xml` and so on. */
  feedBase: string;
  items: ArticleSummary[];
  abs: (path: string) => string;
  /** Used when no item has a date. */
  fallbackDate: Date;
}

function dateOf(s: string | null): Date | undefined {
  if (!s) return undefined;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** RFC 3339 without milliseconds: `2023-05-18T00:00:00Z`. */
function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

interface FeedImage {
  url: string;
  /** Known for our own media (their feed variant is a JPEG); guessed from an outside address's extension. */
  type?: string;
  width?: number;
  height?: number;
}

const IMAGE_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif' };

/**
 * The item's image as feeds carry it: our media's JPEG variant nearest 960 px (readers show it at card
 * size), addressed as `.jpeg` so readers that judge the type by the extension see image/jpeg.
 */
function imageOf(item: ArticleSummary, abs: (path: string) => string): FeedImage | undefined {
  const image = item.image;
  if (!image) return undefined;
  const src = variantSrc(image.src, image.width, 960);
  const url = src === image.src ? src : src.replace(/\.jpg$/, '.jpeg');
  const ext = /\.([a-z0-9]+)$/i.exec(new URL(url, 'http://x').pathname)?.[1]?.toLowerCase();
  const variantWidth = Number(/\/(\d+)\.jpeg$/.exec(url)?.[1]) || image.width || undefined;
  const height = variantWidth && image.width && image.height ? Math.round((image.height * variantWidth) / image.width) : undefined;
  return { url: /^https?:\/\//.test(url) ? url : abs(url), type: ext ? IMAGE_TYPES[ext] : undefined, width: variantWidth, height };
}

/** Media RSS's `<media:content>`: unlike RSS's `<enclosure>` it needs no byte length, and it says the size. */
function mediaContent(image: FeedImage): string {
  const attrs = [`url="${attr(image.url)}"`, 'medium="image"'];
  if (image.type) attrs.push(`type="${attr(image.type)}"`);
  if (image.width) attrs.push(`width="${image.width}"`);
  if (image.height) attrs.push(`height="${image.height}"`);
  return `<media:content ${attrs.join(' ')}/>`;
}

interface Shaped {
  input: FeedInput;
  updated: Date;
  feedUrl: (kind: FeedKind) => string;
}

function rss({ input, updated, feedUrl }: Shaped): string {
  const items = input.items.map((item) => {
    const url = input.abs(item.path);
    const date = dateOf(item.published);
    const image = imageOf(item, input.abs);
    return [
      '<item>',
      `<title>${text(item.title)}</title>`,
      `<link>${text(url)}</link>`,
      `<guid isPermaLink="true">${text(url)}</guid>`,
      date ? `<pubDate>${date.toUTCString()}</pubDate>` : '',
      item.summary ? `<description>${text(item.summary)}</description>` : '',
      `<category>${text(item.typeLabel)}</category>`,
      // RSS's own <author> must be an e-mail address; Dublin Core's creator carries a name.
      ...item.authors.map((a) => `<dc:creator>${text(a.name)}</dc:creator>`),
      image ? mediaContent(image) : '',
      '</item>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">',
    '<channel>',
    `<title>${text(input.title)}</title>`,
    `<link>${text(input.pageUrl)}</link>`,
    `<description>${text(input.description || input.title)}</description>`,
    `<language>${text(input.lang)}</language>`,
    `<lastBuildDate>${updated.toUTCString()}</lastBuildDate>`,
    '<generator>Mizan</generator>',
    `<atom:link href="${attr(feedUrl('rss'))}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '</channel></rss>\n',
  ].join('');
}

function atom({ input, updated, feedUrl }: Shaped): string {
  const entries = input.items.map((item) => {
    const url = input.abs(item.path);
    const date = dateOf(item.published);
    const lang = item.lang !== input.lang ? ` xml:lang="${attr(item.lang)}"` : '';
    const image = imageOf(item, input.abs);
    return [
      `<entry${lang}>`,
      `<id>${text(url)}</id>`,
      `<title type="text">${text(item.title)}</title>`,
      `<link rel="alternate" type="text/html" hreflang="${attr(item.lang)}" href="${attr(url)}"/>`,
      image ? `<link rel="enclosure"${image.type ? ` type="${attr(image.type)}"` : ''} href="${attr(image.url)}"/>` : '',
      date ? `<published>${rfc3339(date)}</published>` : '',
      `<updated>${rfc3339(date ?? updated)}</updated>`,
      ...item.authors.map((a) => `<author><name>${text(a.name)}</name><uri>${text(input.abs(a.path))}</uri></author>`),
      `<category term="${attr(item.type)}" scheme="${attr(input.abs('/'))}" label="${attr(item.typeLabel)}"/>`,
      item.summary ? `<summary type="text">${text(item.summary)}</summary>` : '',
      '</entry>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${attr(input.lang)}">`,
    `<id>${text(input.pageUrl)}</id>`,
    `<title type="text">${text(input.title)}</title>`,
    input.description ? `<subtitle type="text">${text(input.description)}</subtitle>` : '',
    `<updated>${rfc3339(updated)}</updated>`,
    // Entries that name no author fall back to the feed's.
    `<author><name>${text(input.publisher)}</name><uri>${text(input.abs('/'))}</uri></author>`,
    `<link rel="alternate" type="text/html" href="${attr(input.pageUrl)}"/>`,
    `<link rel="self" type="application/atom+xml" href="${attr(feedUrl('atom'))}"/>`,
    '<generator>Mizan</generator>',
    ...entries,
    '</feed>\n',
  ].join('');
}

function json({ input, feedUrl }: Shaped): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: input.title,
    home_page_url: input.pageUrl,
    feed_url: feedUrl('json'),
    description: input.description || undefined,
    language: input.lang,
    authors: [{ name: input.publisher, url: input.abs('/') }],
    items: input.items.map((item) => {
      const url = input.abs(item.path);
      const date = dateOf(item.published);
      return {
        id: url,
        url,
        title: item.title,
        // JSON Feed requires content; a listing carries the summary (the title where there is none).
        content_text: item.summary || item.title,
        summary: item.summary || undefined,
        image: imageOf(item, input.abs)?.url,
        date_published: date ? rfc3339(date) : undefined,
        authors: item.authors.length ? item.authors.map((a) => ({ name: a.name, url: input.abs(a.path) })) : undefined,
        tags: [item.typeLabel],
        language: item.lang,
      };
    }),
  };
  return JSON.stringify(feed, null, 2) + '\n';
}

/**
 * The feed text.
 *
 * @example buildFeed({ kind: 'atom', lang: 'ar', title: 'ميزان', items: [...], … }) // → '<?xml version="1.0" …><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">…'
 */
export function buildFeed(input: FeedInput): string {
  const dates = input.items.map((i) => dateOf(i.published)).filter((d): d is Date => !!d);
  const updated = dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : input.fallbackDate;
  const base = input.feedBase.replace(/\/$/, '');
  const shaped: Shaped = { input, updated, feedUrl: (kind) => `${base}/${FEED_FILES[kind]}` };
  if (input.kind === 'rss') return rss(shaped);
  if (input.kind === 'atom') return atom(shaped);
  return json(shaped);
}
