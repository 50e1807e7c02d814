/**
 * HTTP and API details a client notices: 405 for a method an address does not take, HSTS over HTTPS
 * (directly or through a trusted proxy), one ETag per content coding, one rule for `lang` on every API
 * route, entity kinds as the contract lists them, and a response schema for every API operation.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createWebApp } from '../../src/web/index.ts';
import { seedSite } from './seed-site.ts';

describe('HTTP and API finish', () => {
  let site: Awaited<ReturnType<typeof seedSite>>;
  before(async () => {
    site = await seedSite();
  });
  after(() => site.cleanup());

  test('POST to a page is 405 with Allow; to nothing, 404', async () => {
    for (const path of ['/', '/ar/', '/api/search?q=x']) {
      const res = await site.app.request(path, { method: 'POST' });
      assert.equal(res.status, 405, path);
      assert.equal(res.headers.get('allow'), 'GET, HEAD');
    }
    assert.equal((await site.app.request('/nothing-here', { method: 'POST' })).status, 404);
  });

  test('Strict-Transport-Security over HTTPS, through a trusted proxy only, never over plain HTTP', async () => {
    assert.match((await site.app.request('https://mizan.example/ar/')).headers.get('strict-transport-security') ?? '', /^max-age=\d{8,}/);
    assert.equal((await site.app.request('http://mizan.example/ar/')).headers.get('strict-transport-security'), null);
    const forwarded = { headers: { 'x-forwarded-proto': 'https' } };
    assert.equal((await site.app.request('http://mizan.example/ar/', forwarded)).headers.get('strict-transport-security'), null, 'an untrusted header is ignored');
    process.env.MIZAN_TRUST_PROXY = '1';
    try {
      const trusting = createWebApp({ store: site.store, baseUrl: 'https://mizan.example' });
      assert.match((await trusting.request('http://mizan.example/ar/', forwarded)).headers.get('strict-transport-security') ?? '', /^max-age=/);
    } finally {
      delete process.env.MIZAN_TRUST_PROXY;
    }
  });

  test('each content coding of an answer has its own ETag, and a 304 only for its own', async () => {
    const home = await (await site.get('/')).text();
    const css = /href="(\/assets\/site\.[^"]+\.css)"/.exec(home)![1]!;
    for (const path of [css, '/ar/']) {
      const tags = new Map<string, string>();
      for (const enc of ['identity', 'gzip', 'br']) tags.set(enc, (await site.get(path, { 'accept-encoding': enc })).headers.get('etag')!);
      assert.equal(new Set(tags.values()).size, 3, `${path}: ${JSON.stringify([...tags])}`);
      assert.equal((await site.get(path, { 'accept-encoding': 'gzip', 'if-none-match': tags.get('gzip')! })).status, 304);
      assert.equal((await site.get(path, { 'accept-encoding': 'gzip', 'if-none-match': tags.get('br')! })).status, 200);
    }
  });

  test('lang=xx is a 400 on every API route that takes lang', async () => {
    for (const path of ['/api/search?q=x&lang=xx', '/api/articles?lang=xx']) {
      const res = await site.get(path);
      assert.equal(res.status, 400, path);
      const body = (await res.json()) as { error: { code: string; message: string } };
      assert.match(body.error.message, /lang/);
    }
    assert.equal((await site.get('/api/search?q=x&lang=ar')).status, 200);
  });

  test('entities come in the contract\'s kinds only', async () => {
    const id = site.seed?.id ?? (await site.store.getArticleByPath('/ar/policy-analysis/trq-alhbwb-bd-alhrb'))!.id;
    const { saveArticle } = await import('../../src/app/index.ts');
    const stored = await site.store.getArticle(id);
    await saveArticle(site.store, { ...stored!, summary: stored!.summary + ' ' }); // tagged as the importer tags
    const entities = (await (await site.get(`/api/articles/${id}/entities`)).json()) as { kind: string }[];
    assert.ok(entities.length > 0);
    for (const e of entities) assert.ok(['country', 'person', 'organization', 'region'].includes(e.kind), e.kind);
  });

  test('every API operation describes its answer with a schema', async () => {
    const doc = (await (await site.get('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>> };
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const ok = Object.entries(op.responses).find(([status]) => /^2/.test(status));
        if (!ok || !Object.values(ok[1].content ?? {}).some((c) => c.schema)) missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    assert.deepEqual(missing, []);
  });
});
