/**
 * @module The store as the web layer holds it: the same store, plus a content version for the page
 * cache. The version moves at once on a write made through this process, and follows the database's own
 * `contentVersion()` (writes by other processes: an import, the editors' side) within `checkEveryMs`,
 * read in the background so no request waits on it.
 */
import type { Store } from '../store/index.ts';

const WRITES = new Set(['putArticle', 'deleteArticle', 'addAlias', 'transaction']);

const registry = new WeakMap<Store, () => string>();

/** The content version of a store wrapped by `versionedStore`, if it is one. */
export function versionOf(store: Store): (() => string) | undefined {
  return registry.get(store);
}

export interface VersionedStore {
  store: Store;
  /** The current content version, without waiting. */
  version(): string;
}

/**
 * Wraps `store` so each write method moves `version()` before and after it runs.
 *
 * @example const v = versionedStore(store); await v.store.putArticle(a); v.version() // → '2:…'
 */
export function versionedStore(store: Store, opts: { checkEveryMs?: number } = {}): VersionedStore {
  const checkEveryMs = opts.checkEveryMs ?? 500;
  let writes = 0;
  let dbVersion = -1;
  let checkedAt = 0;
  let checking = false;
  const check = () => {
    if (checking || typeof store.contentVersion !== 'function') return;
    checking = true;
    checkedAt = Date.now();
    store
      .contentVersion()
      .then((v) => {
        dbVersion = v;
      })
      .catch(() => {
        // A failing database shows on the pages themselves; the cache only stops trusting itself.
        dbVersion = -1;
        writes++;
      })
      .finally(() => {
        checking = false;
      });
  };
  check();
  const wrapped = new Proxy(store, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (typeof prop === 'string' && WRITES.has(prop)) {
        return async (...args: unknown[]) => {
          writes++;
          try {
            return await (value as (...a: unknown[]) => unknown).apply(target, args);
          } finally {
            writes++;
            check();
          }
        };
      }
      return value.bind(target);
    },
  });
  const version = () => {
    if (Date.now() - checkedAt > checkEveryMs) check();
    return `${writes}:${dbVersion}`;
  };
  registry.set(wrapped, version);
  return { store: wrapped, version };
}
