/**
 * @module The editor's document and Mizan's Article blocks, both ways. The blocks are the stored truth;
 * the document is a view of them, so `blocksFromDoc(docFromBlocks(b))` gives `b` back for every kind
 * (paragraph, heading, quote, note, gap, list, image, table) with its links at the same offsets. A
 * newline inside a block's text is a hard break; a link with no anchor text (start = end) is a bare-link
 * marker at its place.
 */
import type { Node as PmNode, Mark } from 'prosemirror-model';
import type { Block, Link } from '../../../../model/index.ts';
import { schema } from './schema.ts';

type Inline = { text: string; links: Link[] };

function inlineNodes(text: string, links: Link[]): PmNode[] {
  const out: PmNode[] = [];
  const pushText = (s: string, marks: readonly Mark[] = []) => {
    s.split('\n').forEach((part, i) => {
      if (i > 0) out.push(schema.nodes.hard_break.create(null, null, marks));
      if (part) out.push(schema.text(part, marks));
    });
  };
  const sorted = links
    .map((l, i) => ({ ...l, i }))
    .filter((l) => l.start <= l.end && l.end <= text.length)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let at = 0;
  for (const l of sorted) {
    if (l.start < at) continue; // overlapping: the first one wins, as on the site
    pushText(text.slice(at, l.start));
    if (l.start === l.end) out.push(schema.nodes.bare_link.create({ href: l.url }));
    else pushText(text.slice(l.start, l.end), [schema.marks.link.create({ href: l.url, key: `k${l.i}` })]);
    at = l.end;
  }
  pushText(text.slice(at));
  return out;
}

function readInline(node: PmNode): Inline {
  let text = '';
  const links: Link[] = [];
  let open: { mark: Mark; start: number } | null = null;
  const close = () => {
    if (open) links.push({ text: text.slice(open.start), url: open.mark.attrs.href, start: open.start, end: text.length });
    open = null;
  };
  node.forEach((child) => {
    const link = child.marks.find((m) => m.type === schema.marks.link) ?? null;
    if (open && (!link || !link.eq(open.mark))) close();
    if (child.type === schema.nodes.bare_link) {
      links.push({ text: '', url: child.attrs.href, start: text.length, end: text.length });
      return;
    }
    if (link && !open) open = { mark: link, start: text.length };
    if (child.type === schema.nodes.hard_break) text += '\n';
    else if (child.isText) text += child.text;
  });
  close();
  // A link's text is the slice it covers (close() runs before later text is added).
  for (const l of links) l.text = text.slice(l.start, l.end);
  return { text, links };
}

function paragraph(text: string, links: Link[]): PmNode {
  return schema.nodes.paragraph.create(null, inlineNodes(text, links));
}

function nodeFromBlock(block: Block): PmNode {
  const n = schema.nodes;
  switch (block.kind) {
    case 'paragraph':
      return paragraph(block.text, block.links);
    case 'heading':
      return n.heading.create({ level: block.level ?? 2 }, inlineNodes(block.text, block.links));
    case 'quote':
      return n.quote.create(null, inlineNodes(block.text, block.links));
    case 'note':
      return n.note.create(null, inlineNodes(block.text, block.links));
    case 'gap':
      return n.gap.create();
    case 'list':
      return (block.ordered ? n.ordered_list : n.bullet_list).create(
        null,
        (block.items.length ? block.items : [{ text: '', links: [] }]).map((item) => n.list_item.create(null, paragraph(item.text, item.links))),
      );
    case 'image':
      return n.image.create({ src: block.src, alt: block.alt ?? '', caption: block.caption ?? '', credit: block.credit ?? '', width: block.width ?? null, height: block.height ?? null });
    case 'table': {
      const width = Math.max(1, ...block.rows.map((r) => r.length));
      const rows = (block.rows.length ? block.rows : [['']]).map((row) =>
        n.table_row.create(
          null,
          Array.from({ length: width }, (_, i) => n.table_cell.create(null, row[i] ? schema.text(row[i].replace(/\n/g, ' ')) : null)),
        ),
      );
      return n.table.create(null, rows);
    }
  }
}

/**
 * The editor document showing `blocks` (an empty body is one empty paragraph).
 *
 * @example docFromBlocks([{ kind: 'heading', level: 2, text: 'عنوان', links: [] }]).firstChild.type.name // → 'heading'
 */
export function docFromBlocks(blocks: readonly Block[]): PmNode {
  const content = blocks.map(nodeFromBlock);
  return schema.nodes.doc.create(null, content.length ? content : [schema.nodes.paragraph.create()]);
}

function isBlank(b: Inline): boolean {
  return b.text.trim() === '' && b.links.length === 0;
}

/**
 * The Article blocks a document holds. Empty text blocks (the blank line a writer leaves) are dropped;
 * a table keeps its rows as plain text, the first row being its header.
 *
 * @example blocksFromDoc(docFromBlocks(blocks)) // → blocks
 */
export function blocksFromDoc(doc: PmNode): Block[] {
  const out: Block[] = [];
  doc.forEach((node) => {
    const n = schema.nodes;
    switch (node.type) {
      case n.paragraph:
      case n.quote:
      case n.note: {
        const inline = readInline(node);
        if (!isBlank(inline)) out.push({ kind: node.type.name as 'paragraph', ...inline });
        break;
      }
      case n.heading: {
        const inline = readInline(node);
        if (!isBlank(inline)) out.push({ kind: 'heading', text: inline.text, level: node.attrs.level, links: inline.links });
        break;
      }
      case n.gap:
        out.push({ kind: 'gap', text: '', links: [] });
        break;
      case n.bullet_list:
      case n.ordered_list: {
        const items: Inline[] = [];
        node.forEach((item) => {
          const inline = readInline(item.firstChild!);
          if (!isBlank(inline)) items.push(inline);
        });
        if (items.length) out.push({ kind: 'list', ordered: node.type === n.ordered_list, items });
        break;
      }
      case n.image:
        out.push({
          kind: 'image',
          src: node.attrs.src,
          alt: node.attrs.alt,
          caption: node.attrs.caption,
          credit: node.attrs.credit,
          ...(node.attrs.width && node.attrs.height ? { width: node.attrs.width, height: node.attrs.height } : {}),
        });
        break;
      case n.table: {
        const rows: string[][] = [];
        node.forEach((row) => {
          const cells: string[] = [];
          row.forEach((cell) => cells.push(cell.textContent));
          rows.push(cells);
        });
        if (rows.some((r) => r.some((c) => c.trim()))) out.push({ kind: 'table', rows });
        break;
      }
    }
  });
  return out;
}
