/**
 * @module Indexing an article for search with the countries readers see on it: those its page lists and
 * those the knowledge layer tagged it with (article-countries.ts). The index's country facet and filter
 * are written from them, so `country=DZ` finds what the article page and the API list under DZ. Runs
 * after the article's tags are saved, in the same transaction (hooks.ts).
 */
import type { Article } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { indexArticle } from '../search/index.ts';
import { withCountries } from './article-countries.ts';

/**
 * Indexes `article` (inside the caller's transaction when `store` is one) with its countries.
 * @example await store.transaction(async (tx) => { await tagAndStore(tx, seed); await indexWithCountries(tx, seed); }) // country=DZ finds the seed
 */
export async function indexWithCountries(store: Store, article: Article): Promise<void> {
  await indexArticle(store, await withCountries(store, article));
}
