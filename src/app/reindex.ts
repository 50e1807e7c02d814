/**
 * @module Rebuilding derived structures from the stored articles: today the search index. Used by
 * `mizan reindex`, and after an upgrade that changes how text is analyzed.
 */
import type { Store } from '../store/index.ts';
import { reindexAll } from '../search/index.ts';

/**
 * Rebuilds the search index from every stored article, in one transaction; resolves to the count.
 *
 * @example await reindex(store) // → 1204
 */
export async function reindex(store: Store, onProgress?: (done: number) => void): Promise<number> {
  return reindexAll(store, onProgress);
}
