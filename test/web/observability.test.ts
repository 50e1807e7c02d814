/**
 * What an operator sees: one JSON log line per request carrying its id (the proxy's X-Request-Id when
 * sane), `/metrics` read by an independent Prometheus text parser (requests by route, page cache hits,
 * search latency, query latency), and slow queries logged above the threshold with their SQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Writable } from 'node:stream';
// @ts-expect-error: the parser ships without types.
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { createLogger } from '../../src/lib/logger.ts';
import { openStore } from '../../src/store/index.ts';
import { createWebApp, QueryWatch, slowQueryMsOf } from '../../src/web/index.ts';
import { tempStore, type TempStore } from './fixtures.ts';

interface Family {
  name: string;
  type: string;
  metrics: { labels?: Record<string, string>; value?: string; count?: string; buckets?: Record<string, string> }[];
}

function collector() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ format: 'json', stream }) };
}

describe('logs, metrics and slow queries', () => {
  let temp: TempStore;
  before(async () => {
    temp = await tempStore();
  });
  after(() => temp.cleanup());

  test('each request gets an id: the proxy’s when sane, a fresh one otherwise; answered and logged as JSON', async () => {
    const { lines, logger } = collector();
    const app = createWebApp({ store: temp.store, logger });
    const given = await app.request('/ar/', { headers: { 'x-request-id': 'edge-7f3a.1' } });
    assert.equal(given.headers.get('x-request-id'), 'edge-7f3a.1');
    const hostile = await app.request('/ar/', { headers: { 'x-request-id': 'x" forged\tline' } });
    const fresh = hostile.headers.get('x-request-id') ?? '';
    assert.match(fresh, /^[0-9a-f-]{36}$/, 'a hostile id is replaced by a UUID');
    // Deeper than any route: `/<slug>` answers the institute's static pages, so a one-segment miss
    // is a 404 of that route, not an address no route matches.
    const missing = await app.request('/no/such/page');
    assert.equal(missing.status, 404);
    assert.ok(missing.headers.get('x-request-id'), 'errors carry an id too');

    const requests = lines.filter((l) => typeof l.reqId === 'string');
    assert.equal(requests.length, 3, 'one line a request');
    assert.deepEqual(
      requests.map((l) => [l.reqId, l.method, l.path, l.status, l.route]),
      [
        ['edge-7f3a.1', 'GET', '/ar/', 200, '/ar/'],
        [fresh, 'GET', '/ar/', 200, '/ar/'],
        [missing.headers.get('x-request-id'), 'GET', '/no/such/page', 404, 'none'],
      ],
    );
    for (const l of requests) {
      assert.equal(typeof l.ms, 'number');
      assert.equal(l.level, 30);
      assert.match(String(l.time), /^\d{4}-\d\d-\d\dT/);
    }
  });

  test('/metrics parses as Prometheus text: requests by route pattern, cache hits, search latency', async () => {
    const app = createWebApp({ store: temp.store });
    const article = '/ar/policy-analysis/trq-alhbwb-bd-alhrb';
    for (let i = 0; i < 3; i++) assert.equal((await app.request(article)).status, 200);
    assert.equal((await app.request('/api/search?q=%D8%A7%D9%84%D9%82%D9%85%D8%AD')).status, 200);
    const res = await app.request('/metrics');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const families = parsePrometheusTextFormat(text) as Family[];
    const family = (name: string) => families.find((f) => f.name === name);

    const requests = family('mizan_http_requests_total');
    assert.equal(requests?.type, 'COUNTER');
    const articleCount = requests?.metrics.find((m) => m.labels?.route === '/ar/policy-analysis/:slug' && m.labels?.status === '200');
    assert.equal(articleCount?.value, '3', 'three article requests counted under the route pattern, not the address');

    const latency = family('mizan_http_request_duration_seconds');
    assert.equal(latency?.type, 'HISTOGRAM');
    // The parser drops a labelled histogram's labels and count: read that one line as it is.
    assert.match(text, /^mizan_http_request_duration_seconds_count\{method="GET",route="\/ar\/policy-analysis\/:slug"\} 3$/m);

    const cache = family('mizan_page_cache_lookups_total');
    assert.ok(Number(cache?.metrics.find((m) => m.labels?.result === 'hit')?.value) >= 1, 'a repeated read was a cache hit');
    assert.ok(Number(cache?.metrics.find((m) => m.labels?.result === 'miss')?.value) >= 1, 'the first was a miss');

    assert.equal(family('mizan_search_duration_seconds')?.metrics[0]?.count, '1');
    assert.ok(family('process_cpu_user_seconds_total'), 'process metrics too');
  });

  test('queries slower than the threshold are logged with their SQL and counted; faster ones are not', async () => {
    const { lines, logger } = collector();
    const everything = new QueryWatch({ logger, slowMs: 0 });
    const store = await openStore({ db: `${temp.dir}/watched.db`, onQuery: everything.onQuery });
    try {
      const app = createWebApp({ store, queryWatch: everything });
      await app.request('/api/articles');
      const slow = lines.filter((l) => l.level === 40 && (l.slowQuery as { sql?: string } | undefined)?.sql);
      assert.ok(slow.some((l) => /select/i.test((l.slowQuery as { sql: string }).sql)), 'a select was logged with its SQL');
      const metrics = parsePrometheusTextFormat(await (await app.request('/metrics')).text()) as Family[];
      const slowCount = Number(metrics.find((f) => f.name === 'mizan_db_slow_queries_total')?.metrics[0]?.value);
      const timed = Number(metrics.find((f) => f.name === 'mizan_db_query_duration_seconds')?.metrics[0]?.count);
      assert.ok(slowCount > 0 && timed >= slowCount, `slow ${slowCount}, timed ${timed}`);
    } finally {
      await store.close();
    }

    const quiet = collector();
    const watch = new QueryWatch({ logger: quiet.logger, slowMs: slowQueryMsOf('60000') });
    watch.onQuery({ sql: 'select 1', ms: 3, failed: false });
    watch.onQuery({ sql: 'select pg_sleep(61)', ms: 61_000, failed: false });
    assert.deepEqual(
      quiet.lines.map((l) => (l.slowQuery as { sql: string }).sql),
      ['select pg_sleep(61)'],
    );
    assert.throws(() => slowQueryMsOf('soon'), /MIZAN_SLOW_QUERY_MS/);
  });
});
