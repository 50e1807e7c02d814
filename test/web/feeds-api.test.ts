/** Feeds, sitemap, robots, the article API, OpenAPI and the health check. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fixtureSite } from './fixtures.ts';

describe('feeds and API', () => {
  let site: Awaited<ReturnType<typeof fixtureSite>>;
  before(async () => {
    site = await fixtureSite();
  });
  after(() => site.cleanup());

  test('site feeds per language in RSS, Atom and JSON Feed', async () => {
    const rss = await site.html('/feed.xml');
    assert.match(rss.res.headers.get('content-type') ?? '', /application\/rss\+xml/);
    assert.match(rss.body, /<rss version="2.0"/);
    assert.match(rss.body, /Ports and Power/);
    assert.doesNotMatch(rss.body, /طرق الحبوب/);
    const atom = await site.html('/ar/feed.atom');
    assert.match(atom.res.headers.get('content-type') ?? '', /application\/atom\+xml/);
    assert.match(atom.body, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    assert.match(atom.body, /طرق الحبوب بعد الحرب/);
    assert.match(atom.body, /https:\/\/mizan.example\/ar\/policy-analysis\/trq-alhbwb-bd-alhrb/);
    const json = (await (await site.get('/ar/feed.json')).json()) as { items: { title: string; url: string }[] };
    assert.equal(json.items.length, 2);
  });

  test('feeds under topics, regions and experts', async () => {
    const topic = await site.html('/policy-analysis/food-security/feed.xml');
    assert.equal(topic.res.status, 200);
    assert.match(topic.body, /Grain Routes After the War/);
    const region = (await (await site.get('/ar/policy-analysis/shmal-afryqya/feed.json')).json()) as { items: unknown[] };
    assert.equal(region.items.length, 2);
    const expert = await site.html('/experts/omar-saleh/feed.atom');
    assert.match(expert.body, /Ports and Power/);
    assert.equal((await site.get('/policy-analysis/ports-and-power/feed.xml')).status, 404, 'articles have no feed');
    assert.equal((await site.get('/experts/nobody/feed.xml')).status, 404);
  });

  test('sitemap lists pages with hreflang alternates; robots points at it', async () => {
    const { res, body } = await site.html('/sitemap.xml');
    assert.match(res.headers.get('content-type') ?? '', /xml/);
    assert.match(body, /<loc>https:\/\/mizan.example\/policy-analysis\/grain-routes-after-the-war<\/loc>/);
    assert.match(body, /<xhtml:link rel="alternate" hreflang="ar" href="https:\/\/mizan.example\/ar\/policy-analysis\/trq-alhbwb-bd-alhrb"\/>/);
    assert.match(body, /<loc>https:\/\/mizan.example\/ar\/experts\/lyla-hdad<\/loc>/);
    assert.match(body, /<loc>https:\/\/mizan.example\/policy-analysis\/food-security<\/loc>/);
    const robots = await site.html('/robots.txt');
    assert.match(robots.body, /Sitemap: https:\/\/mizan.example\/sitemap.xml/);
  });

  test('the article API answers Article JSON, and its list pages', async () => {
    const stored = await site.store.getArticleByPath('/ar/policy-analysis/trq-alhbwb-bd-alhrb');
    assert.ok(stored);
    const res = await site.get(`/api/articles/${stored.id}`);
    assert.equal(res.status, 200);
    // Article JSON, plus what the API adds: the source this article translates (none recorded here).
    assert.deepEqual(await res.json(), { ...JSON.parse(JSON.stringify(stored)), translationOf: null });
    const page1 = (await (await site.get('/api/articles?limit=1')).json()) as { total: number; items: { id: string }[] };
    const page2 = (await (await site.get('/api/articles?limit=1&page=2')).json()) as { total: number; items: { id: string }[] };
    assert.equal(page1.total, 4);
    assert.notEqual(page1.items[0].id, page2.items[0].id);
    const ar = (await (await site.get('/api/articles?lang=ar')).json()) as { total: number };
    assert.equal(ar.total, 2);
    assert.equal((await site.get('/api/articles?lang=xx')).status, 400);
  });

  test('openapi describes the API routes; healthz checks the database', async () => {
    const doc = (await (await site.get('/api/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    assert.match(doc.openapi, /^3\./);
    for (const p of ['/api/articles', '/api/articles/{id}', '/healthz']) assert.ok(doc.paths[p], p);
    const health = await site.get('/healthz');
    assert.equal(health.status, 200);
    assert.equal(health.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await health.json(), { status: 'ok', engine: 'sqlite', articles: 4 });
  });
});

describe('the API description', () => {
  test('every API route the app answers is described in /api/openapi.json', async () => {
    const site = await fixtureSite();
    try {
      const doc = (await (await site.get('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
      const routes = site.app.routes
        .filter((r) => r.method !== 'ALL' && (r.path.startsWith('/api/') || r.path === '/healthz'))
        .map((r) => ({ method: r.method.toLowerCase(), path: r.path.replace(/:(\w+)/g, '{$1}') }));
      assert.ok(routes.length >= 4);
      const missing = routes.filter((r) => !doc.paths[r.path]?.[r.method]).map((r) => `${r.method} ${r.path}`);
      assert.deepEqual(missing, []);
    } finally {
      await site.cleanup();
    }
  });
});
