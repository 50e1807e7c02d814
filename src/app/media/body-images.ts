/**
 * @module Images inside an article's body that come from the media library: each gets the stored image's
 * width and height (so pages reserve its room and offer its responsive variants), and, when the writer
 * gave none, the library's alt text in the article's language; alt text the writer gave is offered back
 * to the library for the next article. With `strict` (the editor's save) an address under `/media/` that
 * the library does not hold is refused, naming the block; an import only fills what it can.
 */
import { FieldError } from '../../lib/index.ts';
import type { Article, Block } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { libraryImage, MAX_ALT, offerAlt } from './media-library.ts';
import { mediaHashOf } from './media-store.ts';

/**
 * The article with its library images sized (and their alt text filled from the library when empty).
 *
 * @example (await sizeBodyImages(store, article, { strict: true })).body[2] // → { kind: 'image', src: '/media/9c…', alt: '…', width: 1600, height: 900, … }
 */
export async function sizeBodyImages(store: Store, article: Article, opts: { strict: boolean }): Promise<Article> {
  if (!article.body.some((b) => b.kind === 'image' && mediaHashOf(b.src))) return article;
  const body: Block[] = [];
  for (const [i, block] of article.body.entries()) {
    const hash = block.kind === 'image' ? mediaHashOf(block.src) : null;
    if (block.kind !== 'image' || !hash) {
      body.push(block);
      continue;
    }
    const image = await libraryImage(store, hash);
    if (!image?.width || !image.height) {
      if (opts.strict) throw new FieldError('invalid-article', `body, block ${i + 1}: the image ${block.src} is not in the media library`, { field: 'body', rule: 'not-in-library', item: i + 1 });
      body.push(block);
      continue;
    }
    const alt = block.alt.trim() || image.alt[article.lang] || '';
    if (block.alt.trim() && opts.strict) await offerAlt(store, hash, article.lang, block.alt.slice(0, MAX_ALT));
    body.push({ ...block, src: `/media/${hash}`, alt, width: image.width, height: image.height });
  }
  return { ...article, body };
}
