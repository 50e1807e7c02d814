/**
 * The search surfaces a reader or a script meets: `/search` and `/ar/search` pages (facets as links,
 * no JavaScript), `/api/search` (CONTRACTS.md's JSON, 400 on bad input), `mizan search` and `mizan reindex`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveArticle } from '../../src/app/index.ts';
import type { SearchResponse } from '../../src/search/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { createWebApp } from '../../src/web/index.ts';
import { runMizan } from '../support/cli.ts';
import { ARMS_AR, ARMS_EN, CORPUS, GAS_EN } from './fixtures.ts';

describe('search surfaces', () => {
  let dir: string;
  let db: string;
  let store: Store;
  let app: ReturnType<typeof createWebApp>;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mizan-search-'));
    db = join(dir, 'mizan.db');
    store = await openStore({ db });
    for (const a of CORPUS) await saveArticle(store, a);
    app = createWebApp({ store, baseUrl: 'https://mizan.example' }, { noCache: true });
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('/api/search answers the contract shape', async () => {
    const res = await app.request('/api/search?q=' + encodeURIComponent('اسلحة روسيا'));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    const body = (await res.json()) as SearchResponse;
    assert.deepEqual(Object.keys(body).sort(), ['facets', 'hits', 'total']);
    assert.deepEqual(Object.keys(body.facets).sort(), ['country', 'expert', 'lang', 'region', 'topic', 'type', 'year']);
    const hit = body.hits[0];
    assert.deepEqual(Object.keys(hit).sort(), ['id', 'lang', 'path', 'published', 'snippet', 'title', 'translations']);
    assert.equal(hit.id, ARMS_AR.id);
    assert.deepEqual(hit.translations, [{ lang: 'en', id: ARMS_EN.id, title: ARMS_EN.title, path: ARMS_EN.path }]);
    for (const f of body.facets.lang) assert.deepEqual(Object.keys(f).sort(), ['count', 'label', 'value']);
  });

  test('/api/search: bad input is a 400 with a clear message, never a 500', async () => {
    for (const [query, pattern] of [
      ['q=' + 'x'.repeat(10_000), /too long/],
      ['q=gas&page=0', /page/],
      ['q=gas&sort=random', /sort/],
      ['q=gas&from=2023-99-99', /from/],
    ] as const) {
      const res = await app.request('/api/search?' + query);
      assert.ok(res.status === 400 || res.status === 414, `${query.slice(0, 30)} → ${res.status}`);
      if (res.status === 400) {
        const body = (await res.json()) as { error: { code: string; message: string } };
        assert.equal(body.error.code, 'bad-search');
        assert.match(body.error.message, pattern);
      }
    }
    for (const q of ['"', '***', 'NEAR(', '%', ':', '(', '^', '-']) {
      const res = await app.request('/api/search?q=' + encodeURIComponent(q));
      assert.equal(res.status, 200, q);
    }
  });

  test('/ar/search is an Arabic page with highlighted hits, links as facets and no script', async () => {
    const res = await app.request('/ar/search?q=' + encodeURIComponent('الجزائريه'));
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<html lang="ar" dir="rtl"/);
    assert.match(html, /<mark>الجزائرية<\/mark>/);
    assert.match(html, new RegExp(`href="${ARMS_AR.path}"`));
    assert.match(html, new RegExp(`href="${ARMS_EN.path}"`), 'the translation is linked from the same hit');
    assert.match(html, /href="\/ar\/search\?q=[^"]*&amp;country=DZ"/, 'facet values are links');
    assert.doesNotMatch(html, /<script(?! type="application\/ld\+json")/);
  });

  test('/search filters by facet links and escapes the query', async () => {
    const res = await app.request('/search?q=gas&type=op-ed');
    const html = await res.text();
    assert.match(html, new RegExp(`href="${GAS_EN.path}"`));
    const hostile = await (await app.request('/search?q=' + encodeURIComponent('<script>alert(1)</script>'))).text();
    assert.doesNotMatch(hostile, /<script>alert/);
    const bad = await app.request('/search?q=gas&page=0');
    assert.equal(bad.status, 400);
  });

  test('mizan search prints hits; --json prints the API response; mizan reindex rebuilds', async () => {
    const r = await runMizan(['search', 'natural', 'gas', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Natural gas exports to Europe/);
    assert.match(r.stdout, /«natural» «gas»|«Natural» «gas»/);
    const j = await runMizan(['search', 'اسلحة', '--lang', 'ar', '--json', '--db', db]);
    assert.equal(j.code, 0, j.stderr);
    const body = JSON.parse(j.stdout);
    assert.ok(body.hits.length >= 1 && body.hits.every((h: { lang: string }) => h.lang === 'ar'));
    const re = await runMizan(['reindex', '--db', db]);
    assert.equal(re.code, 0, re.stderr);
    assert.match(re.stdout, new RegExp(`indexed ${CORPUS.length} articles`));
    const bad = await runMizan(['search', 'x', '--sort', 'random', '--db', db]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /sort/);
  });
});
