/**
 * @module One search worker: a child process with its own read-only connection to the server's database
 * that answers searches sent by the `SearchPool`. Its caches (document columns, learned term pairs) follow
 * the database's own version stamps, as the server's do, so an answer here is the answer the server
 * would give; only the CPU is another core's.
 */
import { parseSearchQuery, type SearchOptions, type SearchQuery } from '../search/index.ts';
import { openStore, type OpenOptions } from '../store/index.ts';
import { searchArticles } from './search-articles.ts';

/** A search asked of the worker. */
export interface SearchRequest {
  id: number;
  query: SearchQuery;
  opts: Pick<SearchOptions, 'budgetMs' | 'pairsWaitMs'>;
}

/** What the worker posts back: once `ready` (or why it could not open), then one answer per request. */
export type WorkerMessage =
  | { ready: true }
  | { failed: string }
  | { id: number; result: unknown }
  | { id: number; error: { message: string; code?: string; status?: number } };

const post = process.send?.bind(process);
if (!post) throw new Error('search-worker.ts runs as a child of the server (see search-pool.ts)');
// The server gone (a crash, kill -9): nothing is left to answer.
process.on('disconnect', () => process.exit(0));
/** Posts to the server, or leaves quietly when it has gone (it may go while this worker is still opening). */
function send(msg: WorkerMessage, done?: () => void): void {
  if (!process.connected) process.exit(0);
  post!(msg, undefined, {}, (err) => (err ? process.exit(0) : done?.()));
}

const target = JSON.parse(process.env.MIZAN_SEARCH_WORKER_TARGET ?? '{}') as OpenOptions;
try {
  const store = await openStore({ ...target, readOnly: true });
  process.on('message', (msg: SearchRequest | 'close') => {
    if (msg === 'close') {
      void store.close().finally(() => process.exit(0));
      return;
    }
    searchArticles(store, msg.query, msg.opts).then(
      (result) => send({ id: msg.id, result } satisfies WorkerMessage),
      (err: unknown) => {
        const e = err as { message?: string; code?: string; status?: number };
        send({ id: msg.id, error: { message: String(e?.message ?? err), code: e?.code, status: e?.status } } satisfies WorkerMessage);
      },
    );
  });
  send({ ready: true } satisfies WorkerMessage);
  // The first search loads what every search uses (document columns, the gazetteer, learned term pairs):
  // done now, a reader's first search does not pay for it. Real searches interleave with it meanwhile.
  searchArticles(store, parseSearchQuery({ q: 'warm' })).catch(() => {});
} catch (err) {
  send({ failed: (err as Error).message }, () => process.exit(1));
}
