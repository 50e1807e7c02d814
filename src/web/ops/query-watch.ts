/**
 * @module Watches the store's queries for the server: each one timed into `/metrics`, and each one slower
 * than the threshold (MIZAN_SLOW_QUERY_MS, default 250) logged as a warning with its SQL (never its
 * parameters, which may hold readers' searches or passwords' hashes).
 */
import type { Logger } from '../../lib/logger.ts';
import type { QueryEvent } from '../../store/index.ts';
import type { SiteMetrics } from './metrics.ts';

export const DEFAULT_SLOW_QUERY_MS = 250;

export class QueryWatch {
  /** Set by the app once it exists; queries run before (migrations) are only logged. */
  metrics: SiteMetrics | undefined;
  readonly #logger: Logger | undefined;
  readonly #slowMs: number;

  constructor(opts: { logger?: Logger; slowMs?: number } = {}) {
    this.#logger = opts.logger;
    this.#slowMs = opts.slowMs ?? DEFAULT_SLOW_QUERY_MS;
  }

  /** Pass as `openStore({ onQuery })`. */
  readonly onQuery = (q: QueryEvent): void => {
    this.metrics?.queries.observe(q.ms / 1000);
    if (q.ms >= this.#slowMs) {
      this.metrics?.slowQueries.inc();
      this.#logger?.warn({ slowQuery: { ms: Math.round(q.ms * 10) / 10, sql: q.sql.slice(0, 2000), failed: q.failed } }, `slow query: ${q.ms.toFixed(0)} ms`);
    }
  };
}

/** The threshold from MIZAN_SLOW_QUERY_MS: a number of milliseconds (0 logs every query). */
export function slowQueryMsOf(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_SLOW_QUERY_MS;
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`MIZAN_SLOW_QUERY_MS must be a number of milliseconds, not "${value}"`);
  return ms;
}
