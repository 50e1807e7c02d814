/**
 * @module A block's text with its links placed at their offsets. Overlapping links keep the first; a link
 * with no anchor text (start = end) shows as a small marker naming the host.
 */
import type { Link } from '../../model/index.ts';
import { hostOf, safeHref } from './safe-href.ts';

/**
 * @example <LinkedText text="see the report" links={[{ text: 'report', url: 'https://x.org', start: 8, end: 14 }]} />
 * // → see the <a href="https://x.org">report</a>
 */
export function LinkedText(props: { text: string; links?: Link[] }) {
  const { text } = props;
  const links = [...(props.links ?? [])].filter((l) => l.start <= l.end && l.end <= text.length).sort((a, b) => a.start - b.start || a.end - b.end);
  if (links.length === 0) return <>{text}</>;
  const parts: unknown[] = [];
  let at = 0;
  for (const link of links) {
    if (link.start < at) continue;
    if (link.start > at) parts.push(text.slice(at, link.start));
    const href = safeHref(link.url);
    if (link.start === link.end) {
      if (href) {
        parts.push(
          <a class="bare-link" href={href} rel="noopener" dir="ltr">
            {hostOf(link.url)}
          </a>,
        );
      }
    } else {
      const anchor = text.slice(link.start, link.end);
      parts.push(href ? <a href={href} rel="noopener">{anchor}</a> : anchor);
    }
    at = link.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
