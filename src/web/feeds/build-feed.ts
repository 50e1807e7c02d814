/**
 * @module The one adapter over the `feed` package: a listing becomes RSS 2.0, Atom 1.0 or JSON Feed.
 * Its "updated" stamp is the newest item's date, so an unchanged listing gives the same bytes (and ETag).
 */
import { Feed } from 'feed';
import { variantSrc } from '../media/index.ts';
import type { ArticleSummary } from '../../store/index.ts';

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
  return s ? new Date(`${s}T00:00:00Z`) : undefined;
}

/**
 * The feed text.
 *
 * @example buildFeed({ kind: 'rss', lang: 'ar', title: 'ميزان', items: [...], … }) // → '<?xml version="1.0" …><rss version="2.0">…'
 */
export function buildFeed(input: FeedInput): string {
  const dates = input.items.map((i) => dateOf(i.published)).filter((d): d is Date => !!d);
  const updated = dates.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : input.fallbackDate;
  const base = input.feedBase.replace(/\/$/, '');
  const feed = new Feed({
    id: input.pageUrl,
    title: input.title,
    description: input.description,
    link: input.pageUrl,
    language: input.lang,
    updated,
    generator: 'Mizan',
    feedLinks: { rss: `${base}/${FEED_FILES.rss}`, atom: `${base}/${FEED_FILES.atom}`, json: `${base}/${FEED_FILES.json}` },
  });
  for (const item of input.items) {
    const url = input.abs(item.path);
    feed.addItem({
      title: item.title,
      id: url,
      guid: url,
      link: url,
      date: dateOf(item.published) ?? updated,
      published: dateOf(item.published),
      description: item.summary || undefined,
      // `.jpeg`, so the enclosure's type (read from the extension by the feed library) is image/jpeg.
      image: item.image ? input.abs(variantSrc(item.image.src, item.image.width, 960).replace(/\.jpg$/, '.jpeg')) : undefined,
      category: [{ name: item.typeLabel }],
      // RSS 2.0's <author> must be an e-mail address, which experts' pages do not give: names go to Atom and JSON only.
      // An empty list breaks the library's JSON Feed writer: no authors, no author field.
      author: input.kind === 'rss' || !item.authors.length ? undefined : item.authors.map((a) => ({ name: a.name, link: input.abs(a.path) })),
    });
  }
  if (input.kind === 'rss') return feed.rss2();
  if (input.kind === 'atom') return feed.atom1();
  return feed.json1();
}
