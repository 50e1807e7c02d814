/** @module The three feed addresses under a path, as `<link rel=alternate>` entries. */
import { t } from '../i18n/index.ts';
import type { FeedLink } from '../views/layout.tsx';

/**
 * @example feedLinks('ar', '/ar/experts/x', 'X') // → [{ kind: 'rss', href: '/ar/experts/x/feed.xml', … }, …]
 */
export function feedLinks(lang: string, base: string, name: string): FeedLink[] {
  return [
    { kind: 'rss', href: `${base}/feed.xml`, title: `${name} (${t(lang, 'feed.rss')})` },
    { kind: 'atom', href: `${base}/feed.atom`, title: `${name} (${t(lang, 'feed.atom')})` },
    { kind: 'json', href: `${base}/feed.json`, title: `${name} (${t(lang, 'feed.json')})` },
  ];
}
