/**
 * A server's life for zero-downtime restarts: `/readyz` says starting, ready, draining (while `/healthz`
 * stays live); a stop refuses new connections at once yet answers the requests already in flight.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createWebApp, Readiness, serveSite } from '../../src/web/index.ts';
import type { Store } from '../../src/store/index.ts';
import { tempStore, type TempStore } from './fixtures.ts';

describe('readiness and liveness', () => {
  let temp: TempStore;
  before(async () => {
    temp = await tempStore();
  });
  after(() => temp.cleanup());

  test('/readyz follows the server from starting to ready to draining; /healthz answers throughout', async () => {
    const readiness = new Readiness();
    const app = createWebApp({ store: temp.store, readiness });
    const states: [number, string, number][] = [];
    for (const step of [() => {}, () => readiness.ready(), () => readiness.drain()]) {
      step();
      const ready = await app.request('/readyz');
      const health = await app.request('/healthz');
      states.push([ready.status, ((await ready.json()) as { status: string }).status, health.status]);
      assert.equal(ready.headers.get('cache-control'), 'no-store');
    }
    assert.deepEqual(states, [
      [503, 'starting', 200],
      [200, 'ready', 200],
      [503, 'draining', 200],
    ]);
  });

  test('a draining server never becomes ready again', () => {
    const readiness = new Readiness();
    readiness.drain();
    readiness.ready();
    assert.equal(readiness.state, 'draining');
  });

  test('/readyz is 503 when the database stops answering', async () => {
    const other = await tempStore([]);
    const app = createWebApp({ store: other.store, readiness: new Readiness('ready') });
    await other.cleanup();
    const res = await app.request('/readyz');
    assert.equal(res.status, 503);
  });
});

describe('stopping', () => {
  let temp: TempStore;
  before(async () => {
    temp = await tempStore();
  });
  after(() => temp.cleanup());

  test('a stop refuses new connections, finishes the request in flight with its whole page, then resolves', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    // The article read waits at the gate, as a slow database would.
    const slow = new Proxy(temp.store, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (prop === 'getArticle') {
          return async (...args: unknown[]) => {
            entered();
            await gate;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Store;
    const site = await serveSite({ store: slow }, { port: 0, host: '127.0.0.1' });
    assert.equal(site.readiness.state, 'ready', 'ready once warm');
    assert.equal((await fetch(`${site.url}/readyz`)).status, 200);

    const pending = fetch(`${site.url}/ar/policy-analysis/trq-alhbwb-bd-alhrb`);
    await inside;
    assert.equal(site.inFlight(), 1);
    let stopped = false;
    const stopping = site.stop().then(() => (stopped = true));
    assert.equal(site.readiness.state, 'draining');
    assert.equal((await site.app.request('/readyz')).status, 503, 'load balancers are told to look elsewhere');
    await assert.rejects(fetch(`${site.url}/`, { headers: { connection: 'close' } }), 'a new connection is refused');
    assert.equal(stopped, false, 'the stop waits for the request in flight');

    release();
    const res = await pending;
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<\/html>$/, 'the whole page arrived');
    await stopping;
    assert.equal(stopped, true);
  });

  test('a request that outlives the grace period is cut, and the stop still resolves', async () => {
    const never = new Proxy(temp.store, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (prop === 'getArticle') return () => new Promise(() => {});
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Store;
    const site = await serveSite({ store: never }, { port: 0, host: '127.0.0.1' });
    const pending = fetch(`${site.url}/policy-analysis/grain-routes-after-the-war`).then(
      () => 'answered',
      () => 'cut',
    );
    while (site.inFlight() === 0) await new Promise((r) => setTimeout(r, 5));
    await site.stop({ graceMs: 50 });
    assert.equal(await pending, 'cut');
  });
});
