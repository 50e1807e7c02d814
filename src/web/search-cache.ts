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
 * computed again), and the hot queries that make most of a flood would cost full price each time. Past
 * its two seconds, the next asker still gets it at once while a fresh answer is computed for those after
 * (whole once the crowd has gone): readers of a hot query never queue behind the flood for an answer the
 * server already holds. A whole answer is never given past its time, and no answer after a change.
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
  /** Settled as partial: past its time it is still given while a fresh answer is computed. */
  partial?: boolean;
  /** A fresh answer is being computed to replace it. */
  refreshing?: boolean;
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
  answer(query: SearchQuery, compute: () => Promise<SearchResponse>, refresh: () => Promise<SearchResponse> | undefined = compute): Promise<SearchResponse> {
    const clock = this.#clock;
    if (!clock || this.#maxEntries <= 0) return compute();
    const key = keyOf(query);
    const now = Date.now();
    const kept = this.#entries.get(key);
    if (kept && clock.fresh(kept.gen, null) && (now - kept.at <= kept.ttl || kept.partial)) {
      this.#entries.delete(key);
      this.#entries.set(key, kept);
      this.hits++;
      if (now - kept.at > kept.ttl && !kept.refreshing) this.#refresh(key, kept, refresh);
      return kept.answer;
    }
    this.misses++;
    const entry = this.#keep(key, clock.gen, compute());
    entry.answer.catch(() => this.#entries.get(key) === entry && this.#entries.delete(key));
    return entry.answer;
  }

  /**
   * Computes a fresh answer for a partial one past its time, which stays until the fresh one is in.
   * `compute` may decline (undefined: no time for it now); a later asker tries again.
   */
  #refresh(key: string, stale: Entry, compute: () => Promise<SearchResponse> | undefined): void {
    const gen = this.#clock!.gen;
    const fresh = compute();
    if (!fresh) return;
    stale.refreshing = true;
    fresh.then(
      (answer) => {
        if (this.#entries.get(key) === stale) this.#keep(key, gen, Promise.resolve(answer));
      },
      () => (stale.refreshing = false),
    );
  }

  #keep(key: string, gen: number, answer: Promise<SearchResponse>): Entry {
    const entry: Entry = { gen, at: Date.now(), ttl: this.#ttlMs, answer };
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    answer.then(
      (a) => {
        if (!a.partial) return;
        entry.at = Date.now();
        entry.ttl = this.#partialTtlMs;
        entry.partial = true;
      },
      () => {},
    );
    while (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value as string);
    return entry;
  }
}

/** The query's identity: every field that changes the answer, in a fixed order. */
function keyOf(query: SearchQuery): string {
  return JSON.stringify(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
