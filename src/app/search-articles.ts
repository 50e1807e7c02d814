/**
 * @module Search as readers get it: the index, widened across scripts by the knowledge layer's
 * gazetteer, so `Tebboune` finds تبون and `بوتين` finds Putin. Search and knowledge sit side by side and
 * never import each other; this use case joins them.
 */
import { expandQuery } from '../knowledge/index.ts';
import { search, type SearchOptions, type SearchQuery, type SearchResponse } from '../search/index.ts';
import type { Store } from '../store/index.ts';

/**
 * @example await searchArticles(store, parseSearchQuery({ q: 'Tebboune' })) // → hits in English and Arabic (تبون)
 */
export function searchArticles(store: Store, query: SearchQuery, opts: Pick<SearchOptions, 'budgetMs' | 'pairsWaitMs'> = {}): Promise<SearchResponse> {
  return search(store, query, { ...opts, expand: (word) => expandQuery(word) });
}
