/**
 * @module A block's text with its links placed at their offsets. Overlapping links keep the first. A link
 * that cites one of the article's sources is followed by its note number (a superscript link to the
 * numbered source list); a citation with no anchor text (start = end) is the note number alone. Where no
 * notes are given (the editor's preview), an address with no anchor text shows as a small host marker.
 */
import type { Link } from '../../model/index.ts';
import { smartQuotes } from '../../text/index.ts';
import { hostOf, safeHref } from './safe-href.ts';
import type { NoteRef } from './source-notes.ts';

/** A citation's note number: `<sup><a href="#source-3" id="cite-3-1">٣</a></sup>`. */
export function NoteMark(props: { note: NoteRef; label: string }) {
  return (
    <sup class="note-ref">
      <a href={`#${props.note.target}`} id={props.note.id} aria-label={props.label}>
        {props.note.label}
      </a>
    </sup>
  );
}

/**
 * @example <LinkedText text="see the report" links={[{ text: 'report', url: 'https://x.org', start: 8, end: 14 }]} />
 * // → see the <a href="https://x.org">report</a>
 * @example <LinkedText text='the "window"' lang="en" /> // → the “window”
 */
export function LinkedText(props: { text: string; lang?: string; links?: Link[]; noteOf?: (linkIndex: number) => NoteRef | undefined; noteLabel?: (note: NoteRef) => string }) {
  const { noteOf } = props;
  // Printed quotation marks in the block's language; one character for one, so link offsets still hold.
  const text = props.lang ? smartQuotes(props.text, props.lang) : props.text;
  const links = (props.links ?? [])
    .map((link, index) => ({ link, index }))
    .filter(({ link: l }) => l.start <= l.end && l.end <= text.length)
    .sort((a, b) => a.link.start - b.link.start || a.link.end - b.link.end);
  if (links.length === 0) return <>{text}</>;
  const parts: unknown[] = [];
  let at = 0;
  for (const { link, index } of links) {
    if (link.start < at) continue;
    if (link.start > at) parts.push(text.slice(at, link.start));
    const href = safeHref(link.url);
    const note = noteOf?.(index);
    if (link.start === link.end) {
      if (note) parts.push(<NoteMark note={note} label={props.noteLabel?.(note) ?? note.label} />);
      else if (href && !noteOf) {
        parts.push(
          <a class="bare-link" href={href} rel="noopener" dir="ltr">
            {hostOf(link.url)}
          </a>,
        );
      }
    } else {
      const anchor = text.slice(link.start, link.end);
      // A link that cites a source is marked: on paper its address is printed once, in the numbered
      // sources, not again inside the sentence (site.css, @media print).
      parts.push(
        href ? (
          <a href={href} rel="noopener" class={note ? 'cites' : undefined}>
            {anchor}
          </a>
        ) : (
          anchor
        ),
      );
      if (note) parts.push(<NoteMark note={note} label={props.noteLabel?.(note) ?? note.label} />);
    }
    at = link.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
