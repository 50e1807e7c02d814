/**
 * @module The knowledge tagging of a PostgreSQL reindex, on a thread of its own (started by reindex.ts):
 * opens its own connection, re-tags every published article (retagAll, in its own transaction) and
 * posts how many, or why it failed. Tagging is Node's work (the analyzer, the gazetteer), so on a second
 * core it runs beside the search index's rebuild instead of after it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openStore, type OpenOptions } from '../store/index.ts';
import { retagAll } from './tag-article.ts';

/** What reindex.ts sends the thread. */
export interface RetagStart {
  target: Pick<OpenOptions, 'url' | 'schema'>;
}

/** What the thread posts once, at its end. */
export type RetagReply = { tagged: number } | { failed: string };

const port = parentPort;
if (!port) throw new Error('retag-worker.ts runs as a worker thread of reindex (see reindex.ts)');
const { target } = workerData as RetagStart;
try {
  const store = await openStore({ ...target, migrate: false });
  try {
    port.postMessage({ tagged: await retagAll(store) } satisfies RetagReply);
  } finally {
    await store.close();
  }
} catch (err) {
  port.postMessage({ failed: (err as Error)?.stack ?? String(err) } satisfies RetagReply);
}
