/**
 * @module Rebuilding derived structures from the stored articles: the search index and the knowledge
 * tags. Used by `mizan reindex`, and after an upgrade that changes how text is analyzed.
 */
import type { Store } from '../store/index.ts';
import { reindexAll, searchIndexStale } from '../search/index.ts';
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

/**
 * Rebuilds what `reindex` rebuilds when the search index was built by an older Mizan (a migration
 * marked it); resolves to the count rebuilt, or null when it was up to date.
 */
export async function reindexIfStale(store: Store, onProgress?: (done: number) => void): Promise<number | null> {
  if (!(await searchIndexStale(store))) return null;
  return reindex(store, onProgress);
}
