/**
 * @module Sources: every outbound address an article cites, in canonical form, once each, with how
 * many times it is cited and whether it was cut off. Derived from the body's links, so the body is
 * the one truth and no format has to carry the list separately.
 */
import type { Block, Link, Source } from '../model/index.ts';
import { canonicalUrl, looksTruncated } from './canonical-url.ts';

function blockLinks(block: Block): Link[] {
  if (block.kind === 'list') return block.items.flatMap((i) => i.links);
  if ('links' in block) return block.links;
  return [];
}

/**
 * The sources of a body, in order of first citation.
 *
 * @example
 * collectSources([{ kind: 'paragraph', text: 'x', links: [{ text: 'x', url: 'https://A.org/#p', start: 0, end: 1 }] }])
 * // → [{ url: 'https://a.org/', host: 'a.org', truncated: false, cited: 1 }]
 */
export function collectSources(body: Block[]): Source[] {
  const byUrl = new Map<string, Source>();
  for (const block of body) {
    for (const link of blockLinks(block)) {
      const c = canonicalUrl(link.url);
      if (!c) continue;
      const seen = byUrl.get(c.url);
      if (seen) seen.cited += 1;
      else byUrl.set(c.url, { url: c.url, host: c.host, truncated: looksTruncated(link.url), cited: 1 });
    }
  }
  return [...byUrl.values()];
}
