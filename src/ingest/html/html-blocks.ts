/**
 * @module Turns an article's main-content HTML into body blocks: headings, paragraphs with
 * links, lists, quotes, tables, images with captions and credits, notes and footnotes. Only text and
 * web addresses leave this module; markup never does.
 */
import type { Block, Link, Warning } from '../../model/index.ts';
import { canonicalUrl } from '../canonical-url.ts';
import { TextBuilder } from '../text-builder.ts';
import { isElement, TEXT_NODE, type DomElement, type DomNode } from './dom.ts';
import { isFootnotes } from './main-content.ts';
import { checkBlockCount, PAGE_LIMITS } from '../limits.ts';

export interface BlockContext {
  file: string;
  /** The page's own address, for resolving relative links and images. */
  base: string | null;
  title: string;
  warnings: Warning[];
  /** Finds the line of a string in the original source, for warnings. */
  lineOf: (needle: string) => number | null;
}

const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'label', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'br', 'wbr', 'nobr']);
const CREDIT = '.credit, .copyright, .photo-credit, .image-credit, .caption-credit, .media-credit, small, cite';
const NOTE = /(^|[\s_-])(note|editor-?note|author-?note|disclaimer)($|[\s_-])/i;

/** A link's address as kept: absolute http(s) in canonical form, or a site path; null for anything else. */
function resolveHref(href: string, ctx: BlockContext): string | null {
  const h = href.trim();
  if (h === '' || h.startsWith('#')) return null;
  if (/^(javascript|data|vbscript|file):/i.test(h.replace(/[\s\u0000-\u001f]/g, ''))) {
    ctx.warnings.push({ code: 'unsafe-link', file: ctx.file, line: ctx.lineOf(h), message: `link to a ${h.split(':')[0].toLowerCase()}: address dropped, its text kept` });
    return null;
  }
  let abs = h;
  if (ctx.base && !/^[a-z][a-z0-9+.-]*:/i.test(h)) {
    try {
      abs = new URL(h, ctx.base).href;
    } catch {
      return null;
    }
  }
  const c = canonicalUrl(abs);
  // A link to another page of the same site is internal: a path, not a cited source.
  if (c && ctx.base && /^\/(?!\/)/.test(h)) return new URL(c.url).pathname;
  if (c && ctx.base && c.host === canonicalUrl(ctx.base)?.host) return new URL(c.url).pathname;
  if (c) return c.url;
  if (/^\/(?!\/)/.test(h)) return h.split('#')[0];
  return null;
}

function resolveSrc(src: string | null, ctx: BlockContext): string | null {
  if (!src) return null;
  const s = src.trim().split(/\s+/)[0];
  if (/^data:/i.test(s)) {
    ctx.warnings.push({ code: 'unsafe-link', file: ctx.file, line: ctx.lineOf(s.slice(0, 40)), message: 'image with a data: address dropped' });
    return null;
  }
  try {
    const abs = ctx.base ? new URL(s, ctx.base).href : s;
    if (/^https?:\/\//i.test(abs)) return abs;
    return /^\/(?!\/)/.test(s) ? s : null;
  } catch {
    return null;
  }
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Text and links of inline content. */
function inlineOf(nodes: Iterable<DomNode>, ctx: BlockContext, b = new TextBuilder()): TextBuilder {
  for (const child of nodes) {
    if (child.nodeType === TEXT_NODE) {
      b.text(child.textContent ?? '');
      continue;
    }
    if (!isElement(child)) continue;
    const tag = child.tagName.toLowerCase();
    if (tag === 'br') b.text(' ');
    else if (tag === 'img' || tag === 'picture' || tag === 'figure') continue;
    else if (tag === 'a') {
      const inner = inlineOf(child.childNodes, ctx).build();
      const href = resolveHref(child.getAttribute('href') ?? '', ctx);
      if (href && inner.text) b.link(' '.repeat(/^\s/.test(child.textContent ?? '') ? 1 : 0) + inner.text, href);
      else b.text(inner.text);
      if (/\s$/.test(child.textContent ?? '')) b.text(' ');
    } else if (tag === 'sup' && [...child.getElementsByTagName('a')].some((a) => (a.getAttribute('href') ?? '').startsWith('#')) && /^\s*\[?\d+\]?\s*$/.test(child.textContent ?? '')) {
      // A footnote reference: keep its number, the in-page jump is meaningless outside the page.
      b.text(collapse(child.textContent ?? '').replace(/^\[|\]$/g, ''));
    } else inlineOf(child.childNodes, ctx, b);
  }
  return b;
}

function imageOf(img: DomElement, figure: DomElement | null, ctx: BlockContext): Block | null {
  const src = resolveSrc(img.getAttribute('src') ?? img.getAttribute('data-src') ?? img.getAttribute('srcset'), ctx);
  if (!src) return null;
  let caption = '';
  let credit = '';
  const cap = (figure?.getElementsByTagName('figcaption')[0] as DomElement | undefined);
  if (cap) {
    const creditEl = cap.querySelector(CREDIT);
    if (creditEl) credit = collapse(creditEl.textContent ?? '');
    caption = collapse((cap.textContent ?? '').replace(creditEl?.textContent ?? '\u0000', ''));
  }
  if (!credit && figure) {
    const outside = [...figure.querySelectorAll(CREDIT)].find((c) => !cap || !cap.querySelector(CREDIT));
    if (outside) credit = collapse(outside.textContent ?? '');
  }
  const m = /^(.*?)\s*(?:\(|\s)?(?:(?:Photo|Image|Credit|Source|Photograph)\s*:|©|الصورة\s*:|المصدر\s*:|تصوير\s*:)\s*(.+?)\)?$/i.exec(caption);
  if (!credit && m) {
    caption = m[1];
    credit = m[2];
  }
  return { kind: 'image', src, alt: collapse(img.getAttribute('alt') ?? ''), caption, credit: credit.replace(/^(?:Photo|Image|Credit|Source)\s*:\s*/i, '') };
}

function tableOf(table: DomElement): Block {
  const rows: string[][] = [];
  for (const tr of table.getElementsByTagName('tr')) {
    const cells = [...tr.children].filter((c) => /^(td|th)$/i.test(c.tagName)).map((c) => collapse(c.textContent ?? ''));
    if (cells.length) rows.push(cells);
  }
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  if (width * rows.length > PAGE_LIMITS.tableCells) return { kind: 'table', rows }; // refused whole by checkBody
  return { kind: 'table', rows: rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]) };
}

function pushText(out: Block[], kind: 'paragraph' | 'quote' | 'note', b: TextBuilder): void {
  const { text, links } = b.build();
  if (text) out.push({ kind, text, links });
}

/** Walks a container: runs of inline content become paragraphs, block elements their own blocks. */
function walk(el: DomElement, ctx: BlockContext, out: Block[]): void {
  let run = new TextBuilder();
  const flush = () => {
    pushText(out, 'paragraph', run);
    run = new TextBuilder();
  };
  for (const child of el.childNodes) {
    if (child.nodeType === TEXT_NODE) {
      run.text(child.textContent ?? '');
      continue;
    }
    if (!isElement(child)) continue;
    const tag = child.tagName.toLowerCase();
    if (INLINE.has(tag)) {
      inlineOf([child], ctx, run);
      continue;
    }
    flush();
    block(child, tag, ctx, out);
    checkBlockCount(out.length, ctx.file);
  }
  flush();
}

function block(el: DomElement, tag: string, ctx: BlockContext, out: Block[]): void {
  if (isFootnotes(el)) {
    const items = [...el.getElementsByTagName('li')].map((li) => {
      const { text, links } = inlineOf(li.childNodes, ctx).build();
      const clean = text.replace(/\s*[↩↑⤴^]\uFE0E?\s*$/u, '');
      return { text: clean, links: links.filter((l) => l.end <= clean.length) };
    }).filter((i) => i.text);
    if (items.length) out.push({ kind: 'list', ordered: true, items });
    return;
  }
  switch (tag) {
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6': {
      const { text, links } = inlineOf(el.childNodes, ctx).build();
      if (!text || (tag === 'h1' && collapse(text) === collapse(ctx.title))) return;
      out.push({ kind: 'heading', level: Math.max(2, Number(tag[1])), text, links });
      return;
    }
    case 'p': {
      pushText(out, NOTE.test(`${el.className} ${el.id}`) ? 'note' : 'paragraph', inlineOf(el.childNodes, ctx));
      for (const img of el.getElementsByTagName('img')) {
        const image = imageOf(img, null, ctx);
        if (image) out.push(image);
      }
      return;
    }
    case 'ul':
    case 'ol': {
      const items: { text: string; links: Link[] }[] = [];
      for (const li of el.getElementsByTagName('li')) {
        const own = [...li.childNodes].filter((c) => !(isElement(c) && /^(ul|ol)$/i.test(c.tagName)));
        const built = inlineOf(own, ctx).build();
        if (built.text) items.push(built);
      }
      if (items.length) out.push({ kind: 'list', ordered: tag === 'ol', items });
      return;
    }
    case 'blockquote': {
      const b = new TextBuilder();
      for (const child of el.childNodes) {
        b.text(' ');
        inlineOf(isElement(child) && !INLINE.has(child.tagName.toLowerCase()) ? child.childNodes : [child], ctx, b);
      }
      pushText(out, 'quote', b);
      return;
    }
    case 'figure': {
      const table = (el.getElementsByTagName('table')[0] as DomElement | undefined);
      if (table) {
        out.push(tableOf(table));
        return;
      }
      const quote = (el.getElementsByTagName('blockquote')[0] as DomElement | undefined);
      if (quote) {
        block(quote, 'blockquote', ctx, out);
        return;
      }
      const img = (el.getElementsByTagName('img')[0] as DomElement | undefined);
      if (img) {
        const image = imageOf(img, el, ctx);
        if (image) out.push(image);
        return;
      }
      walk(el, ctx, out);
      return;
    }
    case 'img': {
      const image = imageOf(el, null, ctx);
      if (image) out.push(image);
      return;
    }
    case 'table':
      if (el.querySelector('p, h2, h3, ul, ol, blockquote, figure')) walk(el, ctx, out);
      else if (el.querySelector('td, th')) out.push(tableOf(el));
      return;
    case 'pre': {
      const text = collapse(el.textContent ?? '');
      if (text) out.push({ kind: 'paragraph', text, links: [] });
      return;
    }
    case 'hr':
    case 'figcaption':
      return;
    case 'aside':
    case 'div':
    case 'section':
      if (NOTE.test(`${el.className} ${el.id}`) && !el.querySelector('p + p, h2, ul, ol, table')) {
        pushText(out, 'note', inlineOf(el.childNodes, ctx));
        return;
      }
      walk(el, ctx, out);
      return;
    default:
      walk(el, ctx, out);
  }
}

/**
 * The body blocks of a content element.
 *
 * @example
 * htmlBlocks(parseDocument('<h2>A</h2><p>b <a href="https://x.org">c</a></p>').body, ctx)
 * // → [{ kind: 'heading', level: 2, text: 'A', links: [] }, { kind: 'paragraph', text: 'b c', links: [{ text: 'c', url: 'https://x.org/', start: 2, end: 3 }] }]
 */
export function htmlBlocks(root: DomElement, ctx: BlockContext): Block[] {
  const out: Block[] = [];
  walk(root, ctx, out);
  return out;
}
