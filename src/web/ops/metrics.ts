/**
 * @module The server's Prometheus metrics, through prom-client (the one file that imports it): requests by
 * route and status with their latency, the page cache's hits and misses, search latency, database query
 * latency and slow queries, the PostgreSQL pool, and the process itself (CPU, memory, event loop).
 * Each app has its own registry, so two apps in one process (tests) never share counts. Under
 * `mizan serve --processes N` a scrape answered by any server process gives the sums over all of them
 * (prom-client's cluster aggregation, run by the first process).
 */
import cluster from 'node:cluster';
import { AggregatorRegistry, Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { poolStats } from '../../store/index.ts';
import type { PageCache } from '../http/page-cache.ts';

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

let processRegistry: Registry | undefined;

/** CPU, memory, event-loop delay and the like: one set for the process, started at the first scrape. */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export class SiteMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'mizan_http_requests_total',
    help: 'HTTP requests answered, by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'mizan_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly search = new Histogram({
    name: 'mizan_search_duration_seconds',
    help: 'Time to run a search (pages and API), cache misses only',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly queries = new Histogram({
    name: 'mizan_db_query_duration_seconds',
    help: 'Time the database took per query',
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly slowQueries = new Counter({
    name: 'mizan_db_slow_queries_total',
    help: 'Queries slower than MIZAN_SLOW_QUERY_MS',
    registers: [this.registry],
  });

  constructor(opts: { store: object; cache: PageCache }) {
    const { store, cache } = opts;
    if (cluster.isWorker) joinClusterMetrics(this.registry);
    new Counter({
      name: 'mizan_page_cache_lookups_total',
      help: 'Page cache lookups, by result (hit or miss)',
      labelNames: ['result'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc({ result: 'hit' }, cache.hits);
        this.inc({ result: 'miss' }, cache.misses);
      },
    });
    new Gauge({
      name: 'mizan_page_cache_entries',
      help: 'Answers kept in the page cache',
      registers: [this.registry],
      collect() {
        this.set(cache.size);
      },
    });
    new Gauge({
      name: 'mizan_db_pool_connections',
      help: 'PostgreSQL pool connections, by state (total, idle, waiting callers); absent on SQLite',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const stats = poolStats(store);
        if (!stats) return;
        this.set({ state: 'total' }, stats.total);
        this.set({ state: 'idle' }, stats.idle);
        this.set({ state: 'waiting' }, stats.waiting);
      },
    });
  }

  /** The text a Prometheus server scrapes from `/metrics`: this process's, or the whole cluster's. */
  async exposition(): Promise<{ type: string; text: string }> {
    const merged = Registry.merge([this.registry, processMetrics()]);
    if (cluster.isWorker && process.connected) {
      const text = await askPrimary().catch(() => undefined);
      // The first process gone or slow: this process's own figures rather than none.
      if (text !== undefined) return { type: merged.contentType, text };
    }
    return { type: merged.contentType, text: await merged.metrics() };
  }
}

const ASK = 'mizan:metrics';
const ANSWER = 'mizan:metrics-answer';
let asked = 0;

/** A server process's registries, handed to prom-client's cluster aggregation (which answers the first process's requests). */
function joinClusterMetrics(registry: Registry): void {
  AggregatorRegistry.setRegistries([registry, processMetrics()]);
  // Constructing one is what makes prom-client answer the first process in a server process.
  new AggregatorRegistry();
}

function askPrimary(): Promise<string> {
  const id = ++asked;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error('no answer from the first process')), 6_000);
    const onMessage = (m: { type?: string; id?: number; text?: string; error?: string }) => {
      if (m?.type !== ANSWER || m.id !== id) return;
      done(m.error === undefined ? undefined : new Error(m.error), m.text);
    };
    function done(err?: Error, text?: string): void {
      clearTimeout(timer);
      process.off('message', onMessage);
      if (err || text === undefined) reject(err ?? new Error('empty answer'));
      else resolve(text);
    }
    process.on('message', onMessage);
    process.send!({ type: ASK, id });
  });
}

/**
 * In the first process of `mizan serve --processes N`: answers a server process asking for the metrics
 * of all of them. prom-client sums counters and histograms over the processes (and averages the gauges
 * it knows to average, such as event-loop lag).
 */
export function answerClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, m: { type?: string; id?: number }) => {
    if (m?.type !== ASK) return;
    aggregator.clusterMetrics().then(
      (text) => worker.isConnected() && worker.send({ type: ANSWER, id: m.id, text }),
      (err: Error) => worker.isConnected() && worker.send({ type: ANSWER, id: m.id, error: err.message }),
    );
  });
}

/**
 * Runs `work` and records its duration in `histogram` (when there is one).
 *
 * @example const result = await timed(deps.metrics?.search, () => searchArticles(store, query))
 */
export async function timed<T>(histogram: Histogram | undefined, work: () => Promise<T>): Promise<T> {
  if (!histogram) return work();
  const stop = histogram.startTimer();
  try {
    return await work();
  } finally {
    stop();
  }
}
