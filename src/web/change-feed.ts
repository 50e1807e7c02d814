/**
 * @module Keeps one server's `ChangeClock` in step with the database's change log, whoever wrote:
 * this server (it catches up as each of its writes returns, before the writer's next request), another
 * server on the same PostgreSQL (a `LISTEN` notification makes it catch up at once), a CLI import on the
 * same SQLite file (read as requests arrive, at most every half second). After a lost connection it
 * catches up from the last change it applied, since notifications are not replayed; requests also read
 * the log every few seconds, to cover whatever a notification missed. No timers: an idle server costs nothing.
 */
import { listenForChanges, type ChangeListener, type Store } from '../store/index.ts';
import { ChangeClock } from './change-clock.ts';

/** A hole in the ids (a PostgreSQL transaction that took an id and has not committed, or rolled back) is waited for this long. */
const GAP_WAIT_MS = 2000;

export interface ChangeFeedOptions {
  /** How often requests read the change log without being told (ms): 500 when nothing notifies, 2000 when PostgreSQL does. */
  pollMs?: number;
  /** Told when the feed could not read the log (the caches were dropped instead). */
  onError?: (err: unknown) => void;
}

export class ChangeFeed {
  readonly clock = new ChangeClock();
  readonly #store: Store;
  readonly #opts: ChangeFeedOptions;
  /** Every change up to here is applied (or given up on, for a hole that never filled). */
  #floor = -1;
  /** Changes applied above the floor. */
  readonly #applied = new Set<number>();
  #gapSince = 0;
  #running: Promise<void> | undefined;
  #again = false;
  #starting: Promise<void> | undefined;
  #pollMs = 500;
  #listener: ChangeListener | undefined;
  #stopped = false;
  #lastPoll = 0;

  constructor(store: Store, opts: ChangeFeedOptions = {}) {
    this.#store = store;
    this.#opts = opts;
  }

  /** Starts following: reads where the log stands, listens (PostgreSQL). */
  start(): Promise<void> {
    this.#starting ??= (async () => {
      const floor = await this.#store.latestChangeId();
      this.#listener = await listenForChanges(this.#store, {
        onChange: () => void this.catchUp(),
        // Notifications sent while the connection was down are lost: read what happened meanwhile.
        onReconnect: () => void this.catchUp(),
      });
      this.#pollMs = this.#opts.pollMs ?? (this.#listener ? 2000 : 500);
      this.#floor = floor;
      // Pages cached before the position was known may predate a change it already includes.
      this.clock.reset();
    })();
    return this.#starting;
  }

  /**
   * Called as requests arrive: reads the log when the last read is older than the poll interval (on
   * SQLite, the way to see another process's writes; on PostgreSQL, a net under lost notifications).
   */
  nudge(): void {
    if (this.#floor >= 0 && Date.now() - this.#lastPoll > this.#pollMs) void this.catchUp();
  }

  /** Reads the log from where it stands and applies what is new; concurrent calls share one read. */
  catchUp(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    if (this.#floor < 0) return this.#starting ? this.#starting.then(() => this.catchUp(), () => undefined) : Promise.resolve();
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      try {
        do {
          this.#again = false;
          await this.#read();
        } while (this.#again && !this.#stopped);
      } catch (err) {
        // Not knowing what changed, trust nothing cached.
        this.clock.reset();
        this.#opts.onError?.(err);
      } finally {
        this.#running = undefined;
      }
    })();
    return this.#running;
  }

  async #read(): Promise<void> {
    this.#lastPoll = Date.now();
    for (;;) {
      const rows = await this.#store.changesSince(this.#floor);
      // Far past where we stood: the log was pruned while this server was away; what changed is unknown.
      if (rows.length > 0 && rows[0].id - this.#floor > 1000) this.clock.reset();
      for (const row of rows) {
        if (this.#applied.has(row.id)) continue;
        this.#applied.add(row.id);
        this.clock.apply(row.tags);
      }
      this.#advance();
      if (rows.length < 1000) return;
    }
  }

  #advance(): void {
    for (;;) {
      const next = this.#floor + 1;
      if (this.#applied.delete(next)) {
        this.#floor = next;
        this.#gapSince = 0;
        continue;
      }
      if (this.#applied.size === 0) return;
      const now = Date.now();
      if (!this.#gapSince) this.#gapSince = now;
      if (now - this.#gapSince < GAP_WAIT_MS) return;
      this.#floor = next;
    }
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#listener?.close();
    await this.#running;
  }
}
