/**
 * @module Rebuilding derived structures from the stored articles: the search index and the knowledge
 * tags. Used by `mizan reindex`, and after an upgrade that changes how text is analyzed.
 */
import { availableParallelism } from 'node:os';
import { besideModule, moduleWorker } from '../lib/index.ts';
import type { OpenOptions, Store } from '../store/index.ts';
import { reindexAll, searchIndexStale } from '../search/index.ts';
import { retagAll } from './tag-article.ts';
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
 *
 * @example await reindex(store) // → 1204
 */
export async function reindex(store: Store, opts: ReindexOptions = {}): Promise<number> {
  if (store.engine !== 'postgres') {
    // One writer at a time on SQLite: one after the other.
    const count = await reindexAll(store, opts.onProgress);
    await retagAll(store);
    return count;
  }
  // On PostgreSQL side by side, each in its own transaction on its own connection: they write different
  // tables (the search index's, the knowledge tags'). On a thread of its own the tagging takes a second
  // core; else Node still tags while the server builds the index's GIN index.
  const url = opts.target?.url;
  const retag = url && availableParallelism() > 1 ? retagOnThread({ url, schema: opts.target?.schema }) : retagAll(store);
  const [indexed, tagged] = await Promise.allSettled([reindexAll(store, opts.onProgress), retag]);
  if (indexed.status === 'rejected') throw indexed.reason;
  if (tagged.status === 'rejected') throw tagged.reason;
  return indexed.value;
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
