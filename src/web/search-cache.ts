/**
 * @module Answers to searches asked again. Readers ask the same few things (a name in the news, a
 * country, a topic) far more often than anything else; each such search is the same CPU work on the one
 * event loop. The answer to a query (its words, filters, page and interface language) is kept until any
 * content change reaches this server's change clock, or for a minute at most (a change made where the
 * clock cannot see it, such as `mizan reindex` run beside the server). The same query asked while its
 * answer is being computed waits for that answer instead of computing it again.
 *
 * An answer cut short by its deadline (searches crowding in) is kept too, but for two seconds only: were
 * it not kept at all, a flood of searches would never warm the cache (every answer partial, every one
 * computed again), and the hot queries that make most of a flood would cost full price each time. Two
 * seconds after, the next asker gets a fresh answer, whole once the crowd has gone.
 */
import type { SearchQuery, SearchResponse } from '../search/index.ts';
import type { ChangeClock } from './change-clock.ts';

export interface SearchCacheOptions {
  /** Answers kept at most (the least recently used go first). */
  maxEntries?: number;
  /** An answer is kept this long at most (ms). */
  ttlMs?: number;
  /** A partial answer (cut short by its deadline) is kept this long at most (ms). */
  partialTtlMs?: number;
}

interface Entry {
  gen: number;
  at: number;
  /** How long it is kept (shortened once the answer turns out partial). */
  ttl: number;
  answer: Promise<SearchResponse>;
}

/** Search answers keyed by query, dropped on any content change. */
export class SearchCache {
  readonly #clock: ChangeClock | undefined;
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #partialTtlMs: number;
  readonly #entries = new Map<string, Entry>();
  hits = 0;
  misses = 0;

  /** Without a clock nothing is kept: there would be no way to know an answer went stale. */
  constructor(clock: ChangeClock | undefined, opts: SearchCacheOptions = {}) {
    this.#clock = clock;
    this.#maxEntries = opts.maxEntries ?? 1000;
    this.#ttlMs = opts.ttlMs ?? 60_000;
    this.#partialTtlMs = Math.min(this.#ttlMs, opts.partialTtlMs ?? 2_000);
  }

  /**
   * The kept answer to `query`, else `compute()`'s (kept once it succeeds).
   *
   * @example await cache.answer(query, () => gate.run(() => searchArticles(store, query)))
   */
  answer(query: SearchQuery, compute: () => Promise<SearchResponse>): Promise<SearchResponse> {
    const clock = this.#clock;
    if (!clock || this.#maxEntries <= 0) return compute();
    const key = keyOf(query);
    const now = Date.now();
    const kept = this.#entries.get(key);
    if (kept && now - kept.at <= kept.ttl && clock.fresh(kept.gen, null)) {
      // Most recently used last: the map's order is the eviction order.
      this.#entries.delete(key);
      this.#entries.set(key, kept);
      this.hits++;
      return kept.answer;
    }
    this.misses++;
    const entry: Entry = { gen: clock.gen, at: now, ttl: this.#ttlMs, answer: compute() };
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    // A refused or failed search is not an answer: the next asker tries again. One cut short by its
    // deadline is kept briefly (see above), from the moment it was answered.
    const drop = () => this.#entries.get(key) === entry && this.#entries.delete(key);
    entry.answer.then((answer) => {
      if (!answer.partial) return;
      entry.at = Date.now();
      entry.ttl = this.#partialTtlMs;
    }, drop);
    while (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value as string);
    return entry.answer;
  }
}

/** The query's identity: every field that changes the answer, in a fixed order. */
function keyOf(query: SearchQuery): string {
  return JSON.stringify(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
