/**
 * @module Numbered notes: each citation in an article's body (a link whose address is one of its
 * sources) gets the number of its entry in the source list, and each entry knows every place it is
 * cited, so the reader can go from a note to its source and back. Numbers are written in the page's
 * digits (Arabic-Indic on Arabic pages).
 */
import type { Block, Source } from '../../model/index.ts';
import { readableSource } from './source-label.ts';
import { safeHref } from './safe-href.ts';

/** One citation in the text: its note number, as written, and the anchors either way. */
export interface NoteRef {
  n: number;
  label: string;
  /** The citation's own anchor id, the target of the source entry's way back. */
  id: string;
  /** The source entry's anchor id. */
  target: string;
}

/** One entry of the numbered source list. */
export interface SourceEntry {
  n: number;
  label: string;
  id: string;
  /** The full address when it can be followed; a truncated address is shown but not linked. */
  href: string | undefined;
  host: string;
  title: string | null;
  truncated: boolean;
  /** The ids of the places in the text that cite this source, in reading order. */
  backrefs: string[];
}

export interface SourceNotes {
  entries: SourceEntry[];
  /** The note for link `linkIndex` of block `blockIndex` (of list item `itemIndex`), if it cites a source. */
  refOf(blockIndex: number, linkIndex: number, itemIndex?: number): NoteRef | undefined;
}

/** A note number in the page's digits: `noteNumber(12, 'ar')` → '١٢', `noteNumber(12, 'en')` → '12'. */
export function noteNumber(n: number, lang: string): string {
  // Making the formatter costs far more than formatting: one for every page.
  return lang === 'ar' ? (arabicDigits ??= new Intl.NumberFormat('ar', { numberingSystem: 'arab', useGrouping: false })).format(n) : String(n);
}

let arabicDigits: Intl.NumberFormat | undefined;

function key(block: number, link: number, item?: number): string {
  return item === undefined ? `${block}:${link}` : `${block}:${item}:${link}`;
}

/**
 * Numbers an article's sources in list order and finds where each is cited.
 *
 * @example
 * const notes = sourceNotes(article.body, article.sources, 'ar');
 * notes.entries[0].label // → '١'
 * notes.refOf(0, 0)      // → { n: 1, label: '١', id: 'cite-1-1', target: 'source-1' }
 */
export function sourceNotes(blocks: readonly Block[], sources: readonly Source[], lang: string): SourceNotes {
  const entries: SourceEntry[] = [];
  const byUrl = new Map<string, SourceEntry>();
  for (const source of sources) {
    const url = source.url.trim();
    if (!safeHref(url) || byUrl.has(url)) continue;
    const n = entries.length + 1;
    const { host, title } = readableSource(url, source.truncated ?? false);
    const entry: SourceEntry = { n, label: noteNumber(n, lang), id: `source-${n}`, href: source.truncated ? undefined : safeHref(url), host, title, truncated: source.truncated ?? false, backrefs: [] };
    entries.push(entry);
    byUrl.set(url, entry);
  }
  const refs = new Map<string, NoteRef>();
  const cite = (k: string, url: string) => {
    const entry = byUrl.get(url.trim());
    if (!entry) return;
    const id = `cite-${entry.n}-${entry.backrefs.length + 1}`;
    entry.backrefs.push(id);
    refs.set(k, { n: entry.n, label: entry.label, id, target: entry.id });
  };
  blocks.forEach((block, b) => {
    if (block.kind === 'list') block.items.forEach((item, i) => item.links.forEach((link, l) => cite(key(b, l, i), link.url)));
    else if ('links' in block) block.links.forEach((link, l) => cite(key(b, l), link.url));
  });
  return { entries, refOf: (block, link, item) => refs.get(key(block, link, item)) };
}
