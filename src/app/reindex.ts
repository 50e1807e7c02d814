/**
 * @module Rebuilding derived structures from the stored articles: the search index and the knowledge
 * tags. Used by `mizan reindex`, and after an upgrade that changes how text is analyzed.
 */
import type { Store } from '../store/index.ts';
import { reindexAll } from '../search/index.ts';
import { retagAll } from './tag-article.ts';

/**
 * Rebuilds the search index and the knowledge tags from every published article; resolves to the count.
 *
 * @example await reindex(store) // → 1204
 */
export async function reindex(store: Store, onProgress?: (done: number) => void): Promise<number> {
  const count = await reindexAll(store, onProgress);
  await retagAll(store);
  return count;
}
