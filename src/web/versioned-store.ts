/**
 * @module The store as the web layer holds it: the same store, with a `ChangeFeed` that keeps this
 * server's caches in step with the database's change log. A write made through this store returns only
 * once the feed has applied it, so the writer's next request already sees it.
 */
import type { Store } from '../store/index.ts';
import type { ChangeClock } from './change-clock.ts';
import { ChangeFeed, type ChangeFeedOptions } from './change-feed.ts';

const WRITES = new Set(['putArticle', 'deleteArticle', 'addAlias', 'transaction', 'recordChange']);

const registry = new WeakMap<Store, ChangeClock>();

/** The change clock of a store wrapped by `versionedStore`, if it is one. */
export function clockOf(store: Store): ChangeClock | undefined {
  return registry.get(store);
}

export interface VersionedStore {
  store: Store;
  feed: ChangeFeed;
}

/**
 * Wraps `store` so each write catches the feed up before it returns; starts the feed.
 *
 * @example const v = versionedStore(store); await v.store.putArticle(a); v.feed.clock.gen // → moved on
 */
export function versionedStore(store: Store, opts: ChangeFeedOptions = {}): VersionedStore {
  const feed = new ChangeFeed(store, opts);
  feed.start().catch((err) => {
    // A store closed before the feed could start (short-lived apps in tests): nothing to follow.
    opts.onError?.(err);
  });
  const wrapped = new Proxy(store, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (typeof prop === 'string' && WRITES.has(prop)) {
        return async (...args: unknown[]) => {
          try {
            return await (value as (...a: unknown[]) => unknown).apply(target, args);
          } finally {
            await feed.catchUp();
          }
        };
      }
      return value.bind(target);
    },
  });
  registry.set(wrapped, feed.clock);
  return { store: wrapped, feed };
}
