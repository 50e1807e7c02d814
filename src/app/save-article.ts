/**
 * @module Saving one article is one use case across layers: store it, then bring the search index and
 * the knowledge tags in step, all in one transaction, so no reader ever sees an article the index does
 * not know (or the reverse).
 */
import type { Article } from '../model/index.ts';
import type { PutResult, Store } from '../store/index.ts';
import { afterSaveHooks, afterDeleteHooks } from './hooks.ts';

/** Stores `article` and updates everything derived from it; `unchanged` articles cost one read. */
export async function saveArticle(store: Store, article: Article): Promise<PutResult> {
  return store.transaction(async (tx) => {
    const result = await tx.putArticle(article);
    if (result.status === 'unchanged') return result;
    const stored = await tx.getArticle(result.id);
    if (stored) for (const hook of afterSaveHooks) await hook(tx, stored);
    return result;
  });
}

/** Deletes an article and what was derived from it. Returns false when there was none. */
export async function deleteArticle(store: Store, id: string): Promise<boolean> {
  return store.transaction(async (tx) => {
    for (const hook of afterDeleteHooks) await hook(tx, id);
    return tx.deleteArticle(id);
  });
}
