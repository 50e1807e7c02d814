/**
 * @module Tagging an article when it is saved: read its entities, events and figures with a gazetteer that
 * knows the store's experts, and keep them, in the saving transaction. Also re-tags every article (after a
 * gazetteer update).
 */
import type { Article, Expert } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { readAhead } from '../lib/index.ts';
import { clearPublishedTags, createGazetteer, removeTags, saveTags, saveTagsOfMany, tagArticle, type Gazetteer } from '../knowledge/index.ts';

let cached: { key: string; gazetteer: Gazetteer } | undefined;

/** The gazetteer extended with the store's experts, rebuilt only when the experts change. */
export async function storeGazetteer(store: Store): Promise<Gazetteer> {
  const views = [...(await store.listExperts('ar')), ...(await store.listExperts('en'))];
  const byId = new Map<string, Expert>();
  for (const v of views) {
    const x = byId.get(v.id) ?? { id: v.id, names: [] };
    x.names.push({ lang: v.lang, slug: v.slug, name: v.name, title: v.title, bio: v.bio, path: v.path });
    byId.set(v.id, x);
  }
  const experts = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  const key = JSON.stringify(experts.map((x) => [x.id, x.names.map((n) => n.name)]));
  if (cached?.key !== key) cached = { key, gazetteer: createGazetteer({ experts }) };
  return cached.gazetteer;
}

/**
 * Tags `article` and stores the result (inside the caller's transaction when `store` is one).
 * @example await store.transaction((tx) => tagAndStore(tx, article))
 */
export async function tagAndStore(store: Store, article: Article): Promise<void> {
  const g = await storeGazetteer(store);
  await saveTags(store, article.id, tagArticle(article, g));
}

/** Forgets the tags of a deleted article. */
export async function untagArticle(store: Store, id: string): Promise<void> {
  await removeTags(store, id);
}

/** Articles whose tags are written together when re-tagging all. */
const RETAG_BATCH = 200;

/** Re-tags every stored article, one transaction; resolves to the count. `await retagAll(store) // → 14` */
export async function retagAll(store: Store): Promise<number> {
  return store.transaction(async (tx) => {
    let n = 0;
    // The experts cannot change inside this transaction: one gazetteer for every article.
    const g = await storeGazetteer(tx);
    // Every published article is re-tagged: their old rows go in one statement a table, not batch by batch.
    await clearPublishedTags(tx);
    let batch: Article[] = [];
    // One batch's rows in flight: on PostgreSQL the server writes them while Node tags the next batch
    // (whose articles were asked for ahead, so their reads do not wait in line behind the writes).
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      const items = batch.map((a) => ({ articleId: a.id, tags: tagArticle(a, g) }));
      batch = [];
      await writing;
      writing = saveTagsOfMany(tx, items, { cleared: true });
      writing.catch(() => {}); // awaited below; until then its failure is not unhandled
    };
    try {
      // Drafts and unpublished articles carry no tags: readers must not meet them through a country page.
      for await (const a of readAhead(tx.allArticles({ status: 'published' }), RETAG_BATCH + 100)) {
        batch.push(a);
        n++;
        if (batch.length === RETAG_BATCH) await flush();
      }
      await flush();
    } finally {
      // A batch the engine refused: its error says why, what failed after it (the transaction aborted) does not.
      await writing;
    }
    // Every article's countries may have moved: pages and the static build's rebuild start afresh.
    await tx.recordChange(['*']);
    return n;
  });
}
