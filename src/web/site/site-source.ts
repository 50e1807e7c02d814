/**
 * @module The identity each request is answered under: the configuration file's, with the admin's
 * settings over it, read from the database once and again only after a change tagged `*` (a settings
 * save records one), which this server's change clock learns of at once from its own writes and
 * from other servers through the change log.
 */
import { effectiveSite } from '../../app/index.ts';
import type { SiteConfig } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import type { ChangeClock } from '../change-clock.ts';

/** No tag names settings on its own: only a change tagged `*` stamps it. */
const SETTINGS_TAGS = ['site:settings'];

export class SiteSource {
  readonly #store: Store;
  readonly #base: SiteConfig;
  readonly #clock: ChangeClock;
  readonly #onError?: (err: unknown) => void;
  #site: SiteConfig | undefined;
  #gen = -1;
  #loading: Promise<SiteConfig> | undefined;

  constructor(store: Store, base: SiteConfig, clock: ChangeClock, onError?: (err: unknown) => void) {
    this.#store = store;
    this.#base = base;
    this.#clock = clock;
    this.#onError = onError;
  }

  /** The identity now; concurrent requests after a change share one read. */
  current(): Promise<SiteConfig> | SiteConfig {
    if (this.#site && this.#clock.fresh(this.#gen, SETTINGS_TAGS)) return this.#site;
    this.#loading ??= (async () => {
      const gen = this.#clock.gen;
      try {
        const site = await effectiveSite(this.#store, this.#base);
        this.#site = site;
        this.#gen = gen;
        return site;
      } catch (err) {
        // A database that cannot answer now: serve the file's identity, try again on the next request.
        this.#onError?.(err);
        return this.#site ?? this.#base;
      } finally {
        this.#loading = undefined;
      }
    })();
    return this.#loading;
  }
}
