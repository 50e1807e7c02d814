/**
 * @module Searches off the server's event loop. A search is milliseconds of CPU (ranking, snippets, and
 * on SQLite the queries themselves); run on the thread that also serves pages, a flood of searches
 * starves every reader of the site. The pool keeps a few worker processes (search-worker.ts), each with
 * its own read-only connection to the same database, and hands each search to the least busy one; the
 * server only parses the query and renders the answer. Processes rather than threads: a worker thread in
 * Node 20 cannot load the TypeScript sources development runs, and a process that dies or bloats is
 * replaced without touching the server. A worker that dies is replaced; the searches it held fail with a
 * 503 instead of hanging.
 *
 * Only a database another connection can open takes a pool: a SQLite file or PostgreSQL, not `:memory:`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MizanError } from '../lib/index.ts';
import type { SearchQuery, SearchResponse } from '../search/index.ts';
import type { OpenOptions, Store } from '../store/index.ts';
import { searchArticles } from './search-articles.ts';
import type { SearchRequest, WorkerMessage } from './search-worker.ts';

export interface SearchPoolOptions {
  /** The database the server opened (its file, or its PostgreSQL URL and schema). */
  target: Pick<OpenOptions, 'db' | 'url' | 'schema'>;
  /** Worker processes (default: see `searchWorkersOf`). */
  size: number;
}

/** A search that could not be answered because its worker stopped (a crash, or the pool closing). */
export class SearchWorkerError extends MizanError {
  constructor(message: string) {
    super('search-unavailable', message, { status: 503 });
  }
}

interface Pending {
  resolve: (r: SearchResponse) => void;
  reject: (e: Error) => void;
}

/**
 * How long a replacement waits after a worker died: doubled after each death until one comes up, so a
 * worker that cannot start (a database gone away) neither spins nor floods the log.
 */
const RESPAWN_MS = 500;
const RESPAWN_MAX_MS = 30_000;

const here = import.meta.url;
// Compiled (dist/app/search-pool.js) the worker is compiled too; from the sources it runs through tsx,
// named by its absolute address so a server started from a data folder finds it.
const compiled = here.endsWith('.js');
const WORKER = fileURLToPath(new URL(compiled ? './search-worker.js' : './search-worker.ts', here));
const EXEC_ARGV = compiled ? [] : ['--import', import.meta.resolve('tsx')];

class Slot {
  child?: ChildProcess;
  ready: Promise<void>;
  readonly pending = new Map<number, Pending>();
  #closed = false;

  #isReady = false;
  #respawnMs = RESPAWN_MS;
  #timer?: NodeJS.Timeout;

  constructor(
    private readonly target: SearchPoolOptions['target'],
    private readonly log: (line: string) => void,
  ) {
    this.ready = this.#watch(this.#spawn());
  }

  /** `ready`, its failure handled here too: a pool nobody awaits (a server's) must not crash on it. */
  #watch(ready: Promise<void>): Promise<void> {
    ready.then(
      () => {
        this.#isReady = true;
        this.#respawnMs = RESPAWN_MS;
      },
      () => {},
    );
    return ready;
  }

  #spawn(): Promise<void> {
    const child = fork(WORKER, [], {
      execArgv: EXEC_ARGV,
      serialization: 'advanced',
      env: { ...process.env, MIZAN_SEARCH_WORKER_TARGET: JSON.stringify(this.target) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child = child;
    this.#isReady = false;
    return new Promise<void>((resolve, reject) => {
      child.on('message', (msg: WorkerMessage) => {
        if ('ready' in msg) return resolve();
        if ('failed' in msg) return reject(new SearchWorkerError(`a search worker could not open the database: ${msg.failed}`));
        const waiting = this.pending.get(msg.id);
        if (!waiting) return;
        this.pending.delete(msg.id);
        if ('result' in msg) waiting.resolve(msg.result as SearchResponse);
        else waiting.reject(new MizanError(msg.error.code ?? 'search-failed', msg.error.message, { status: msg.error.status ?? 500 }));
      });
      child.on('error', (err) => {
        this.log(`search worker failed: ${err.message}`);
        reject(err);
      });
      child.on('exit', (code, signal) => {
        const lost = [...this.pending.values()];
        this.pending.clear();
        for (const p of lost) p.reject(new SearchWorkerError('the search worker stopped before answering: try again in a moment'));
        reject(new SearchWorkerError(`the search worker exited (${signal ?? code}) before it was ready`));
        if (this.#closed) return;
        const wait = this.#respawnMs;
        this.#respawnMs = Math.min(RESPAWN_MAX_MS, wait * 2);
        this.log(`search worker exited (${signal ?? code}); starting another in ${wait} ms`);
        const next = new Promise<void>((r) => (this.#timer = setTimeout(r, wait))).then(() => (this.#closed ? undefined : this.#spawn()));
        next.catch(() => {}); // its own exit handler starts the next one
        this.ready = this.#watch(next);
      });
    });
  }

  /** The worker's process id (tests kill it to see the pool recover). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  post(req: SearchRequest): Promise<SearchResponse> {
    return new Promise<SearchResponse>((resolve, reject) => {
      this.pending.set(req.id, { resolve, reject });
      this.ready.then(
        () => {
          if (!this.child?.connected) throw new SearchWorkerError('the search worker stopped before answering: try again in a moment');
          this.child.send(req);
        },
        (err: Error) => {
          this.pending.delete(req.id);
          reject(err);
        },
      ).catch((err: Error) => {
        this.pending.delete(req.id);
        reject(err);
      });
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    // One still loading has nothing to finish and is not listening yet.
    if (!this.#isReady) child.kill('SIGTERM');
    else if (child.connected) child.send('close');
    // A worker still busy with a long search is not waited for long: its connection is read-only.
    const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
    await gone;
    clearTimeout(timer);
  }
}

/**
 * @example const pool = await SearchPool.start({ target: { db: 'data/mizan.db' }, size: 1 }); await pool.search(parseSearchQuery({ q: 'الجزائر' }), {})
 */
export class SearchPool {
  readonly #slots: Slot[];
  #next = 1;

  private constructor(slots: Slot[]) {
    this.#slots = slots;
  }

  /**
   * Starts `size` workers without waiting for them: a search asked meanwhile waits for its worker (a
   * server's start is not held up by its workers' own).
   */
  static spawn(opts: SearchPoolOptions, log: (line: string) => void = () => {}): SearchPool {
    return new SearchPool(Array.from({ length: Math.max(1, opts.size) }, () => new Slot(opts.target, log)));
  }

  /** Starts `size` workers and waits until each has opened the database (or one could not). */
  static async start(opts: SearchPoolOptions, log: (line: string) => void = () => {}): Promise<SearchPool> {
    const pool = SearchPool.spawn(opts, log);
    try {
      await pool.ready();
    } catch (err) {
      await pool.close();
      throw err;
    }
    return pool;
  }

  /** Resolves once every worker has opened the database; rejects with the first that could not. */
  ready(): Promise<void> {
    return Promise.all(this.#slots.map((s) => s.ready)).then(() => undefined);
  }

  get size(): number {
    return this.#slots.length;
  }

  /** The workers' process ids. */
  pids(): (number | undefined)[] {
    return this.#slots.map((s) => s.pid);
  }

  /** Answers `query` on the worker with the fewest searches in hand. */
  search(query: SearchQuery, opts: SearchRequest['opts']): Promise<SearchResponse> {
    let slot = this.#slots[0]!;
    for (const s of this.#slots) if (s.pending.size < slot.pending.size) slot = s;
    return slot.post({ id: this.#next++, query, opts });
  }

  async close(): Promise<void> {
    await Promise.all(this.#slots.map((s) => s.close()));
  }
}

/**
 * Worker processes for searches: MIZAN_SEARCH_WORKERS (0 keeps searches on the server's own thread), else
 * one per core but the one serving pages, at least one and at most four.
 */
export function searchWorkersOf(value: string | undefined, cores = availableParallelism()): number {
  if (value !== undefined && value !== '') {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > 64) throw new MizanError('bad-setting', `MIZAN_SEARCH_WORKERS must be a whole number from 0 to 64, not "${value}"`);
    return n;
  }
  return Math.min(4, Math.max(1, cores - 1));
}

/** Whether a database can be opened by a worker too (not an in-memory SQLite database). */
export function poolable(target: Pick<OpenOptions, 'db' | 'url'>): boolean {
  return target.db !== ':memory:';
}

/**
 * Searches through `pool` for a server over `store`: a search its worker could not answer (one still
 * starting that failed, or one that died holding it) is answered on the server's own thread instead.
 * `concurrency`: searches handed to the pool at once (one a worker on SQLite, whose searches are all
 * CPU; at least four on PostgreSQL, whose searches mostly wait on the database server).
 */
export function pooledSearcher(pool: SearchPool, store: Store) {
  return {
    search: (query: SearchQuery, opts: SearchRequest['opts']): Promise<SearchResponse> =>
      pool.search(query, opts).catch((err: unknown) => (err instanceof SearchWorkerError ? searchArticles(store, query, opts) : Promise.reject(err))),
    concurrency: store.engine === 'postgres' ? Math.max(4, pool.size) : pool.size,
  };
}
