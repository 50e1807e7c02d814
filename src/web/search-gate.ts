/**
 * @module How many searches run at once in this process. A search is CPU work on the server's one event
 * loop (on SQLite entirely so); any number of them running together only interleave, each taking longer,
 * and the article pages queued behind them wait for all. The gate lets a few run (one on SQLite, four on
 * PostgreSQL, whose searches mostly wait on the server), queues the rest in arrival order, and refuses a
 * search that would wait too long (503 with Retry-After) rather than let latency grow without bound.
 */
import { MizanError } from '../lib/index.ts';

export interface SearchGateOptions {
  /** Searches running at once. */
  concurrency: number;
  /** Searches waiting at most; more are refused at once. */
  maxQueue?: number;
  /** A search that has waited this long is refused (ms). */
  maxWaitMs?: number;
  /**
   * Whether searches run on this event loop (the default). Then, under load, each search waits as long as
   * the last one ran before it starts, so pages get half the loop. Searches answered by worker processes
   * take none of this loop's time: pacing them would only leave the workers idle.
   */
  onThisThread?: boolean;
}

/** The 503 a search gets when the server is too busy with other searches. */
export class SearchBusyError extends MizanError {
  constructor() {
    super('search-busy', 'the server is busy with other searches: try again in a moment', { status: 503 });
  }
}

/**
 * @example const gate = new SearchGate({ concurrency: 1 }); await gate.run(() => search(store, q))
 */
export class SearchGate {
  readonly #concurrency: number;
  readonly #maxQueue: number;
  readonly #maxWaitMs: number;
  readonly #paced: boolean;
  #running = 0;
  readonly #waiting: { start: () => void; since: number; gone?: boolean }[] = [];

  constructor(opts: SearchGateOptions) {
    this.#concurrency = Math.max(1, opts.concurrency);
    this.#maxQueue = opts.maxQueue ?? 256;
    // Long enough that a crowd of readers (256 connections, an import running) is served, not refused;
    // a reader who gives up sooner leaves the queue anyway (the request's signal).
    this.#maxWaitMs = opts.maxWaitMs ?? 15_000;
    this.#paced = opts.onThisThread ?? true;
  }

  /**
   * Runs `fn` when a slot is free. `signal` is the request's: a reader who has gone (a closed tab, a
   * client's timeout) leaves the queue, so abandoned searches never take the CPU from live ones. `fn` is
   * told whether searches are crowding in (it had to wait, or others wait behind it): then its time is short.
   */
  /**
   * Runs `fn` now if a slot is free and nobody waits for one, else not at all (undefined): for work that
   * can wait, such as refreshing a kept answer, which must never hold a reader back.
   */
  runIfIdle<T>(fn: () => Promise<T>): Promise<T> | undefined {
    if (this.#running >= this.#concurrency || this.#waiting.length > 0) return undefined;
    return this.run(() => fn());
  }

  async run<T>(fn: (crowded: boolean) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) throw new SearchBusyError();
    const waited = this.#running >= this.#concurrency;
    if (waited) {
      if (this.#waiting.length >= this.#maxQueue) throw new SearchBusyError();
      const since = performance.now();
      await new Promise<void>((start, reject) => {
        const waiter: { start: () => void; since: number; gone?: boolean } = { start: () => (signal?.removeEventListener('abort', gone), start()), since };
        const gone = () => {
          // Still queued: it leaves the queue. Already handed the slot (starting on the next turn): #next passes it on.
          waiter.gone = true;
          const at = this.#waiting.indexOf(waiter);
          if (at >= 0) this.#waiting.splice(at, 1);
          reject(new SearchBusyError());
        };
        signal?.addEventListener('abort', gone, { once: true });
        this.#waiting.push(waiter);
      });
      if (signal?.aborted || performance.now() - since > this.#maxWaitMs) {
        this.#next();
        throw new SearchBusyError();
      }
    } else {
      this.#running++;
    }
    const started = performance.now();
    try {
      return await fn(waited || this.#waiting.length > 0);
    } finally {
      this.#next(performance.now() - started);
    }
  }

  /**
   * Hands the slot to the next waiting search after a turn of the event loop, so pages get one. When
   * that turn shows other work waiting (it took over a millisecond to come round), the next search also
   * waits as long as the last one ran: under load, searches take at most about half the loop.
   */
  #next(tookMs = 0): void {
    if (this.#waiting.length === 0) {
      this.#running--;
      return;
    }
    // The slot stays held while it is handed on; the next waiter is taken only then, so two slots freed
    // with different delays still start their waiters in arrival order.
    const handOn = () => {
      const next = this.#waiting.shift();
      if (!next) this.#running--;
      else if (next.gone) this.#next();
      else next.start();
    };
    if (!this.#paced) return handOn();
    const asked = performance.now();
    setImmediate(() => {
      if (tookMs > 0 && performance.now() - asked > 1) setTimeout(handOn, Math.min(tookMs, 200));
      else handOn();
    });
  }

}
