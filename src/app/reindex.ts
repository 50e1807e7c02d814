/**
 * @module Rebuilding derived structures from the stored articles: the search index and the knowledge
 * tags. Used by `mizan reindex`, and after an upgrade that changes how text is analyzed.
 */
import { availableParallelism } from 'node:os';
import { besideModule, moduleWorker } from '../lib/index.ts';
import type { OpenOptions, Store } from '../store/index.ts';
import { indexArticles, reindexAll, searchIndexStale } from '../search/index.ts';
import type { Article } from '../model/index.ts';
import { retagAll } from './tag-article.ts';
import { countriesOfAll, type CountriesOfAll } from './article-countries.ts';
import type { RetagReply, RetagStart } from './retag-worker.ts';

export interface ReindexOptions {
  onProgress?: (done: number) => void;
  /**
   * Where `store` is (as opened): on PostgreSQL, with a second core, the knowledge tags are then
   * rebuilt on a thread of their own, over their own connection, while this one rebuilds the index.
   */
  target?: Pick<OpenOptions, 'db' | 'url' | 'schema'>;
}

/**
 * Rebuilds the search index and the knowledge tags from every published article; resolves to the count.
 * The index's country facet is written from the tags (each article's countries, as readers see them).
 *
 * @example await reindex(store) // → 1204
 */
export async function reindex(store: Store, opts: ReindexOptions = {}): Promise<number> {
  if (store.engine !== 'postgres') {
    // One writer at a time on SQLite: one after the other, the tags first.
    await retagAll(store);
    return reindexAll(store, opts.onProgress, await countriesOfAll(store));
  }
  // On PostgreSQL side by side, each in its own transaction on its own connection: they write different
  // tables (the search index's, the knowledge tags'). On a thread of its own the tagging takes a second
  // core; else Node still tags while the server builds the index's GIN index. The index takes each
  // article's countries from the tags as they stood; the few that re-tagging moved are indexed again after.
  const before = await countriesOfAll(store);
  const url = opts.target?.url;
  const retag = url && availableParallelism() > 1 ? retagOnThread({ url, schema: opts.target?.schema }) : retagAll(store);
  const [indexed, tagged] = await Promise.allSettled([reindexAll(store, opts.onProgress, before), retag]);
  if (indexed.status === 'rejected') throw indexed.reason;
  if (tagged.status === 'rejected') throw tagged.reason;
  await indexMovedCountries(store, before);
  return indexed.value;
}

/** Indexes again the published articles whose countries the knowledge tags no longer give as `before` did. */
async function indexMovedCountries(store: Store, before: CountriesOfAll): Promise<void> {
  const after = await countriesOfAll(store);
  const published = await store.db.selectFrom('articles').select(['id', 'lang']).where('status', '=', 'published').execute();
  const moved: Article[] = [];
  for (const { id, lang } of published) {
    if (before.found(id, lang) === after.found(id, lang)) continue;
    const article = await store.getArticle(id);
    if (article) moved.push(after(article));
  }
  if (moved.length) await indexArticles(store, moved);
}

/** retagAll on a worker thread (retag-worker.ts); resolves to the count tagged. */
function retagOnThread(target: RetagStart['target']): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = moduleWorker(besideModule(import.meta.url, 'retag-worker'), { target } satisfies RetagStart);
    let reply: RetagReply | undefined;
    worker.on('message', (m: RetagReply) => (reply = m));
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (reply && 'tagged' in reply) resolve(reply.tagged);
      else reject(new Error(`re-tagging the articles failed: ${reply && 'failed' in reply ? reply.failed : `its thread exited with code ${code}`}`));
    });
  });
}

/**
 * Rebuilds what `reindex` rebuilds when the search index was built by an older Mizan (a migration
 * marked it); resolves to the count rebuilt, or null when it was up to date.
 */
export async function reindexIfStale(store: Store, opts: ReindexOptions = {}): Promise<number | null> {
  if (!(await searchIndexStale(store))) return null;
  return reindex(store, opts);
}
