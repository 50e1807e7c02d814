/**
 * @module The editor's document schema: exactly Mizan's Block kinds and nothing more, so whatever is
 * typed or pasted can only become something the Article JSON can hold. Every block carries
 * `dir="auto"`: its direction follows its own first strong letter, so an English quote inside an
 * Arabic article reads left to right while the article's Arabic stays right to left.
 */
import { Schema, type DOMOutputSpec, type NodeSpec } from 'prosemirror-model';
import { tableNodes } from 'prosemirror-tables';
import { safeUrl } from './safe-url.ts';

const AUTO = { dir: 'auto' };

function textBlock(tag: string, extra: Record<string, string> = {}): NodeSpec {
  return {
    content: 'inline*',
    group: 'block',
    defining: true,
    parseDOM: [{ tag }],
    toDOM: (): DOMOutputSpec => [tag, { ...AUTO, ...extra }, 0],
  };
}

const tables = tableNodes({ tableGroup: 'block', cellContent: 'text*', cellAttributes: {} });
// Cells hold plain text (Article tables have no links or breaks) and read their direction from it.
for (const name of ['table_cell', 'table_header'] as const) {
  const spec = tables[name];
  const toDOM = spec.toDOM!;
  tables[name] = {
    ...spec,
    marks: '',
    toDOM: (node) => {
      const out = toDOM(node) as [string, Record<string, unknown>, 0];
      return [out[0], { ...out[1], dir: 'auto' }, 0];
    },
  };
}

export const schema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: { ...textBlock('p'), parseDOM: [{ tag: 'p' }, { tag: 'div.p' }] },
    heading: {
      attrs: { level: { default: 2 } },
      content: 'inline*',
      group: 'block',
      defining: true,
      // A pasted h1 is the article's title level: inside the body it becomes the top body heading.
      parseDOM: [1, 2, 3, 4, 5, 6].map((n) => ({ tag: `h${n}`, attrs: { level: Math.max(2, n) } })),
      toDOM: (node) => [`h${node.attrs.level}`, AUTO, 0],
    },
    quote: {
      content: 'inline*',
      group: 'block',
      defining: true,
      parseDOM: [{ tag: 'blockquote' }],
      toDOM: () => ['blockquote', AUTO, 0],
    },
    note: {
      content: 'inline*',
      group: 'block',
      defining: true,
      parseDOM: [{ tag: 'aside' }],
      toDOM: () => ['aside', { ...AUTO, class: 'note' }, 0],
    },
    gap: {
      group: 'block',
      atom: true,
      selectable: true,
      parseDOM: [{ tag: 'p.gap' }],
      toDOM: () => ['p', { class: 'gap', 'data-gap': '1', contenteditable: 'false' }, '[…]'],
    },
    bullet_list: {
      content: 'list_item+',
      group: 'block',
      parseDOM: [{ tag: 'ul' }],
      toDOM: () => ['ul', AUTO, 0],
    },
    ordered_list: {
      content: 'list_item+',
      group: 'block',
      parseDOM: [{ tag: 'ol' }],
      toDOM: () => ['ol', AUTO, 0],
    },
    // One paragraph an item: Article lists are flat lists of linked text.
    list_item: {
      content: 'paragraph',
      defining: true,
      parseDOM: [{ tag: 'li' }],
      toDOM: () => ['li', AUTO, 0],
    },
    image: {
      group: 'block',
      atom: true,
      draggable: true,
      attrs: { src: {}, alt: { default: '' }, caption: { default: '' }, credit: { default: '' }, width: { default: null }, height: { default: null } },
      parseDOM: [
        {
          tag: 'img[src]',
          getAttrs: (dom) => {
            const src = safeUrl((dom as HTMLElement).getAttribute('src') ?? '');
            return src ? { src, alt: (dom as HTMLElement).getAttribute('alt') ?? '' } : false;
          },
        },
      ],
      toDOM: (node) => [
        'figure',
        { class: 'figure', dir: 'auto' },
        ['img', { src: node.attrs.src, alt: node.attrs.alt, ...(node.attrs.width && node.attrs.height ? { width: String(node.attrs.width), height: String(node.attrs.height) } : {}) }],
        ['figcaption', { dir: 'auto' }, [node.attrs.alt ? 'span' : 'strong', { class: node.attrs.alt ? 'alt' : 'alt missing' }, node.attrs.alt || '⚠ alt'], ' ', node.attrs.caption, node.attrs.credit ? ` (${node.attrs.credit})` : ''],
      ],
    },
    ...tables,
    // An address cited with no anchor text (Link with start = end): a small marker naming its host.
    bare_link: {
      inline: true,
      group: 'inline',
      atom: true,
      attrs: { href: {} },
      parseDOM: [
        {
          tag: 'a.bare-link[href]',
          getAttrs: (dom) => {
            const href = safeUrl((dom as HTMLElement).getAttribute('href') ?? '');
            return href ? { href } : false;
          },
        },
      ],
      toDOM: (node) => ['a', { class: 'bare-link', href: node.attrs.href, dir: 'ltr', contenteditable: 'false' }, hostOf(node.attrs.href)],
    },
    hard_break: {
      inline: true,
      group: 'inline',
      selectable: false,
      parseDOM: [{ tag: 'br' }],
      toDOM: () => ['br'],
    },
    text: { group: 'inline' },
  },
  marks: {
    link: {
      // `key` keeps two neighbouring links to one address apart, as the Article keeps them.
      attrs: { href: {}, key: { default: null } },
      inclusive: false,
      parseDOM: [
        {
          tag: 'a[href]',
          getAttrs: (dom) => {
            const href = safeUrl((dom as HTMLElement).getAttribute('href') ?? '');
            return href ? { href } : false;
          },
        },
      ],
      toDOM: (mark) => ['a', { href: mark.attrs.href, rel: 'noopener' }, 0],
    },
  },
});

/** The host an address names, for the marker of a bare link. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
