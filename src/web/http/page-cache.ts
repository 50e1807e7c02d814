/**
 * @module An in-process cache of finished answers (bytes, ETag, compressed variants), keyed by
 * path and query. An entry is valid while no change touched what it was built from (the caller's
 * `fresh` test: see change-clock.ts) and for at most `ttlMs` (writes straight to tables the change log
 * does not cover show within that time). Least recently used entries leave first.
 */
import type { Encoding } from './encode.ts';
import { encodeBody } from './encode.ts';

export interface CachedAnswer {
  status: number;
  headers: [string, string][];
  etag: string;
  body: Uint8Array;
  encoded: Partial<Record<Encoding, Uint8Array>>;
  /** The change generation the answer was built at. */
  gen: number;
  /** What it was built from (`article:<id>`…), or null: from anything. */
  tags: readonly string[] | null;
  at: number;
}

export class PageCache {
  readonly #entries = new Map<string, CachedAnswer>();
  readonly #max: number;
  readonly #ttlMs: number;
  readonly #now: () => number;
  /** Lookups answered from the cache, and lookups that were not (for `/metrics`). */
  hits = 0;
  misses = 0;

  constructor(opts: { max?: number; ttlMs?: number; now?: () => number } = {}) {
    this.#max = opts.max ?? 1000;
    this.#ttlMs = opts.ttlMs ?? 5000;
    this.#now = opts.now ?? Date.now;
  }

  /** The answer stored for `key` if it is still `fresh`. */
  get(key: string, fresh: (entry: CachedAnswer) => boolean): CachedAnswer | undefined {
    const entry = this.#entries.get(key);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    if (this.#now() - entry.at > this.#ttlMs || !fresh(entry)) {
      this.#entries.delete(key);
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Map order is insertion order: re-inserting marks the entry as recently used.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry;
  }

  /** False when the cache keeps nothing (a negative ttl): every page is rendered per request. */
  get enabled(): boolean {
    return this.#ttlMs >= 0;
  }

  set(key: string, entry: Omit<CachedAnswer, 'at' | 'encoded'>): CachedAnswer {
    const stored: CachedAnswer = { status: entry.status, headers: entry.headers, etag: entry.etag, body: entry.body, gen: entry.gen, tags: entry.tags, encoded: {}, at: 0 };
    if (!this.enabled) return stored;
    stored.at = this.#now();
    this.#entries.delete(key);
    this.#entries.set(key, stored);
    while (this.#entries.size > this.#max) this.#entries.delete(this.#entries.keys().next().value as string);
    return stored;
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** The body of a cached answer in `encoding`, compressed once and kept. */
export function encodedBody(entry: CachedAnswer, encoding: Encoding): Uint8Array {
  if (encoding === 'identity') return entry.body;
  return (entry.encoded[encoding] ??= encodeBody(entry.body, encoding));
}
