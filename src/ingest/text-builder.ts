/**
 * @module Builds a block's text and its links together, so link offsets stay right while markup is
 * dropped and whitespace collapsed. Every importer writes block text through it.
 */
import type { Link } from '../model/index.ts';

/** Closing punctuation that never takes a space before it once an address in front of it is dropped. */
const CLOSING = /^[.,;:!?،؛؟)\]»”]/;

export class TextBuilder {
  private out = '';
  private pendingSpace = false;
  private afterAddress = false;
  readonly links: Link[] = [];

  /** `tidyAddresses`: drop the space a removed address leaves before closing punctuation (scraped text only). */
  constructor(private readonly opts: { tidyAddresses?: boolean } = {}) {}

  /** Appends running text; runs of whitespace become one space, none at the start. */
  text(s: string): this {
    if (s === '') return this;
    const core = s.trim();
    if (core === '') {
      this.pendingSpace = true;
      return this;
    }
    if (core.length !== s.length && /^\s/.test(s)) this.pendingSpace = true;
    this.flushSpace(core);
    this.out += /\s\s|[^\S ]/.test(core) ? core.replace(/\s+/g, ' ') : core;
    this.afterAddress = false;
    if (/\s$/.test(s)) this.pendingSpace = true;
    return this;
  }

  /** Appends `text` as a link to `url`; an empty text is an address with no anchor (start = end). */
  link(text: string, url: string): this {
    const anchor = text.replace(/\s+/g, ' ').trim();
    if (anchor === '') return this.address(url);
    if (/^\s/.test(text)) this.pendingSpace = true;
    this.flushSpace(anchor);
    const start = this.out.length;
    this.out += anchor;
    this.links.push({ text: anchor, url, start, end: this.out.length });
    this.afterAddress = false;
    if (/\s$/.test(text)) this.pendingSpace = true;
    return this;
  }

  /** Records an address cited at this place with no anchor text of its own. */
  address(url: string): this {
    const at = this.out.length;
    this.links.push({ text: '', url, start: at, end: at });
    this.afterAddress = true;
    return this;
  }

  /** The last link added, if any. */
  lastLink(): Link | undefined {
    return this.links[this.links.length - 1];
  }

  /** Whether nothing but whitespace was written since the last link. */
  rightAfterLink(): boolean {
    const last = this.lastLink();
    return last !== undefined && last.end === this.out.length;
  }

  get length(): number {
    return this.out.length;
  }

  build(): { text: string; links: Link[] } {
    return { text: this.out, links: this.links.slice() };
  }

  private flushSpace(next: string): void {
    if (this.pendingSpace && this.out !== '' && !(this.opts.tidyAddresses && this.afterAddress && CLOSING.test(next))) this.out += ' ';
    this.pendingSpace = false;
  }
}

/**
 * Joins two pieces of block text with one space, moving the second one's links along.
 *
 * @example
 * joinText({ text: 'a', links: [] }, { text: 'b', links: [{ text: 'b', url: 'u', start: 0, end: 1 }] })
 * // → { text: 'a b', links: [{ text: 'b', url: 'u', start: 2, end: 3 }] }
 */
export function joinText(a: { text: string; links: Link[] }, b: { text: string; links: Link[] }): { text: string; links: Link[] } {
  if (a.text === '') return { text: b.text, links: [...a.links, ...b.links] };
  if (b.text === '') return { text: a.text, links: [...a.links, ...b.links.map((l) => ({ ...l, start: a.text.length, end: a.text.length }))] };
  const shift = a.text.length + 1;
  return {
    text: `${a.text} ${b.text}`,
    links: [...a.links, ...b.links.map((l) => ({ ...l, start: l.start + shift, end: l.end + shift }))],
  };
}
