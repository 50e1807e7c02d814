/**
 * @module One line of a scraped page to block text with links. Scrapers leave links in several broken
 * shapes; each shape is a row of the table below, tried in order at every position:
 * `[name \(/path/\)](#)`, `[text](url)` (an address repeated as `(<url>)` right after it is the same
 * citation), `([url](url))`, `(-) <url>`, `(<url>)`, `<url>`, `(url)` and bare addresses.
 */
import type { Link } from '../../model/index.ts';
import { canonicalUrl } from '../canonical-url.ts';
import { TextBuilder } from '../text-builder.ts';

export interface ParsedLine {
  text: string;
  links: Link[];
  /** Links whose address is not http(s) nor a site path (javascript:, data:, …): dropped, text kept. */
  unsafe: string[];
}

const URL_CHARS = String.raw`[^\s<>()\[\]]+`;

type Emit = (m: RegExpExecArray, b: TextBuilder, out: ParsedLine) => void;

/** Unescapes the backslash escapes a Markdown-minded scraper puts before punctuation. */
function unescape(s: string): string {
  return s.replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
}

function looksLikeUrl(s: string): boolean {
  return /^(?:https?:\/\/|www\.)\S+$/i.test(s.trim());
}

/** A link's address as stored: canonical for web addresses, a clean site path for internal ones, null when unsafe or empty. */
function target(url: string): string | null {
  const u = unescape(url.trim());
  if (u === '' || u === '#') return null;
  const c = canonicalUrl(u);
  if (c) return c.url;
  if (/^\/(?!\/)/.test(u)) return sitePath(u);
  return null;
}

/** `'/ar/experts/x/'` or `'ar/experts/x'` → `'/ar/experts/x'`. */
export function sitePath(p: string): string {
  const clean = '/' + p.trim().replace(/^\/+|\/+$/g, '');
  return clean.split(/[?#]/)[0] || '/';
}

function addLink(text: string, url: string, b: TextBuilder, out: ParsedLine): void {
  const t = target(url);
  if (t === null) {
    if (/^\s*(javascript|data|vbscript):/i.test(url)) out.unsafe.push(url.trim());
    b.text(text);
    return;
  }
  if (looksLikeUrl(text)) b.address(t);
  else b.link(text, t);
}

function addAddress(url: string, b: TextBuilder, out: ParsedLine): void {
  const t = target(url);
  if (t === null) {
    if (/^\s*(javascript|data|vbscript):/i.test(url)) out.unsafe.push(url.trim());
    return;
  }
  // The scraper's habit of repeating a link's address right after it: one citation, not two.
  const last = b.lastLink();
  if (last && b.rightAfterLink() && last.url === t) return;
  b.address(t);
}

const SHAPES: { re: RegExp; emit: Emit }[] = [
  // [name \(/path/\)](#): a link whose path the scraper moved into its text.
  { re: /\[([^\]]*?)\s*\\\(([^)\s]*?)\\\)\s*\]\(#?\)/y, emit: (m, b, o) => addLink(unescape(m[1]), m[2], b, o) },
  // ([https://cut-](https://full)): an address shown as its own (possibly cut) text, in parentheses.
  { re: new RegExp(String.raw`\(\[(${URL_CHARS})\]\((${URL_CHARS})\)\)`, 'y'), emit: (m, b, o) => addAddress(m[2], b, o) },
  // [text](url)
  { re: /\[((?:\\.|[^\]\\])*)\]\(((?:[^()\s]|\([^()\s]*\))*)\)/y, emit: (m, b, o) => addLink(unescape(m[1]), m[2], b, o) },
  // (-) <url>
  { re: new RegExp(String.raw`\(-\)\s*<(${URL_CHARS})>`, 'y'), emit: (m, b, o) => addAddress(m[1], b, o) },
  // (<url>)
  { re: new RegExp(String.raw`\(<(${URL_CHARS})>\)`, 'y'), emit: (m, b, o) => addAddress(m[1], b, o) },
  // <url>
  { re: new RegExp(String.raw`<((?:https?:)?//${URL_CHARS})>`, 'y'), emit: (m, b, o) => addAddress(m[1], b, o) },
  // (url)
  { re: new RegExp(String.raw`\((https?://${URL_CHARS})\)`, 'y'), emit: (m, b, o) => addAddress(m[1], b, o) },
  // a bare address; punctuation that ends the sentence is not part of it
  { re: /https?:\/\/[^\s<>()[\]]+?(?=[.,;:!?،؛]*(?:\s|$))/y, emit: (m, b, o) => addAddress(m[0], b, o) },
];

const STARTS = /[[(<h]/;

/**
 * Text and links of one scraped line.
 *
 * @example
 * parseLine('see [this](https://a.org/x) (<https://a.org/x>) now')
 * // → { text: 'see this now', links: [{ text: 'this', url: 'https://a.org/x', start: 4, end: 8 }], unsafe: [] }
 */
export function parseLine(line: string): ParsedLine {
  const out: ParsedLine = { text: '', links: [], unsafe: [] };
  const b = new TextBuilder({ tidyAddresses: true });
  let plain = '';
  let i = 0;
  while (i < line.length) {
    let matched = false;
    if (STARTS.test(line[i])) {
      for (const shape of SHAPES) {
        shape.re.lastIndex = i;
        const m = shape.re.exec(line);
        if (!m) continue;
        if (plain) b.text(unescape(plain));
        plain = '';
        shape.emit(m, b, out);
        i = shape.re.lastIndex;
        matched = true;
        break;
      }
    }
    if (!matched) plain += line[i++];
  }
  if (plain) b.text(unescape(plain));
  const built = b.build();
  out.text = built.text;
  out.links = built.links;
  return out;
}
