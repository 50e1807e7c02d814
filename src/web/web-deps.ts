/** @module What the web layer needs from its host: the store, the public origin, a clock. */
import type { SiteConfig } from '../model/index.ts';
import type { SearchQuery, SearchResponse } from '../search/index.ts';
import type { Store } from '../store/index.ts';
import type { Logger } from '../lib/logger.ts';
import type { SiteMetrics } from './ops/metrics.ts';
import type { QueryWatch } from './ops/query-watch.ts';
import type { Reads } from './read-cache.ts';
import type { Readiness } from './ops/readiness.ts';

export interface WebDeps {
  store: Store;
  /** The public origin used in canonical links, feeds, sitemaps and JSON-LD (MIZAN_BASE_URL); the request's own origin when unset. */
  baseUrl?: string;
  /** The clock, for feeds' and sitemaps' "updated" stamps and health checks. */
  now?: () => Date;
  /** The institute's identity (name, logo, menus…) from its configuration file; Mizan's own when unset. */
  site?: SiteConfig;
  /** Receives one line per request (method, path, status, milliseconds); silent when unset. */
  log?: (line: string) => void;
  /** Whether this server may take traffic (`/readyz`); an app without one is ready at once. */
  readiness?: Readiness;
  /** Structured logs: one JSON line per request with its id (wins over `log`), errors with their stacks. */
  logger?: Logger;
  /** The store's query timings, fed to this app's metrics once it exists (see `openStore({ onQuery })`). */
  queryWatch?: QueryWatch;
  /** This app's Prometheus metrics (`/metrics`); `createWebApp` makes them. */
  metrics?: SiteMetrics;
  /** The shared secret of `POST /hooks/mail/bounce` (else `MIZAN_BOUNCE_SECRET`; unset: the hook is off). */
  bounceSecret?: string;
  /**
   * What the public pages read, when not the store through the memoized reads: `mizan build` passes a
   * snapshot loaded in bulk (static/site-snapshot.ts), since it reads every page once and nothing changes meanwhile.
   */
  reads?: Reads;
  /**
   * Requests only read (`mizan build`, whose render threads hold read-only connections): no request
   * publishes the scheduled articles that are due or purges expired sessions on its way.
   */
  readOnly?: boolean;
  /**
   * Where searches run, when not on this thread: `mizan serve` hands in its worker pool
   * (app/search-pool.ts), so a flood of searches never starves page serving. `concurrency`: searches
   * given to it at once (the others wait their turn at the search gate).
   */
  searcher?: Searcher;
  /**
   * Addresses in one sitemap file before `sitemap.xml` becomes an index of several (default 50,000, the
   * protocol's limit; routes/sitemap.ts). Lower only to see the index on a small site.
   */
  sitemapMaxUrls?: number;
}

/** Searches answered elsewhere (worker threads), with how many may run at once. */
export interface Searcher {
  search(query: SearchQuery, opts: { budgetMs?: number; pairsWaitMs?: number }): Promise<SearchResponse>;
  concurrency: number;
}

/**
 * The absolute URL of a site path, on the configured public origin or else the request's own.
 *
 * @example absoluteUrl({ store, baseUrl: 'https://x.org/' }, 'http://127.0.0.1:3000/ar/', '/ar/experts/a') // → 'https://x.org/ar/experts/a'
 */
export function absoluteUrl(deps: WebDeps, requestUrl: string, path: string): string {
  const origin = deps.baseUrl ? deps.baseUrl.replace(/\/+$/, '') : new URL(requestUrl).origin;
  return origin + path;
}
