/**
 * @module The readable text of an article's body, block by block, with the links of each block at
 * offsets into that block's text: what events and figures are read from and point back into.
 */
import { blockText, type Article, type Block, type Link } from '../model/index.ts';

export interface BlockText {
  /** The block's index in `article.body`. */
  block: number;
  kind: Block['kind'];
  /** `blockText(block)`: a list's items joined by line breaks. */
  text: string;
  links: Link[];
}

const READ: ReadonlySet<Block['kind']> = new Set(['paragraph', 'heading', 'quote', 'note', 'list']);

/**
 * Every block that carries prose, with its text and links (a list's item links shifted to the joined text).
 * @example articleBlocks(article)[0] // → { block: 0, kind: 'paragraph', text: '…', links: [] }
 */
export function articleBlocks(article: Pick<Article, 'body'>): BlockText[] {
  const out: BlockText[] = [];
  article.body.forEach((block, index) => {
    if (!READ.has(block.kind)) return;
    const text = blockText(block);
    let links: Link[] = [];
    if (block.kind === 'list') {
      let base = 0;
      for (const item of block.items) {
        links.push(...item.links.map((l) => ({ ...l, start: l.start + base, end: l.end + base })));
        base += item.text.length + 1;
      }
    } else if ('links' in block) {
      links = block.links;
    }
    if (text.trim()) out.push({ block: index, kind: block.kind, text, links });
  });
  return out;
}
