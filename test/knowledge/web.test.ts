import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.ts';
import { loadDemo } from '../../src/app/index.ts';
import { createWebApp } from '../../src/web/create-web-app.ts';

let dir: string;
let store: Awaited<ReturnType<typeof openStore>>;
let app: ReturnType<typeof createWebApp>;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mizan-knowledge-'));
  store = await openStore({ db: join(dir, 'mizan.db') });
  assert.equal(await loadDemo(store), 16); // 14 analyses and the About page in both languages
  app = createWebApp({ store, baseUrl: 'https://mizan.example' });
});
after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string) => app.request(path);

test('the country page in both languages: articles, an accessible SVG timeline, events linked to their sentences', async () => {
  const res = await get('/ar/countries/dz');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<html lang="ar" dir="rtl"/);
  assert.match(html, /<h1>الجزائر<\/h1>/);
  assert.match(html, /<svg[^>]*role="img"[^>]*aria-labelledby="country-timeline-title country-timeline-desc"/);
  assert.match(html, /<title id="country-timeline-title">/);
  assert.match(html, /#:~:text=/, 'events link to their sentence');
  assert.match(html, /href="\/ar\/relations\/dz-ru"/);
  const en = await (await get('/countries/dz')).text();
  assert.match(en, /<h1>Algeria<\/h1>/);
  assert.match(en, /sipri\.org/);
});

test('the relationship page: codes in alphabetical order, the other order redirects; both languages', async () => {
  const res = await get('/relations/dz-ru');
  assert.equal(res.status, 200);
  assert.match(await res.text(), /Algeria and Russia/);
  const back = await get('/relations/ru-dz');
  assert.equal(back.status, 301);
  assert.equal(back.headers.get('location'), '/relations/dz-ru');
  assert.equal((await get('/ar/relations/ru-dz')).headers.get('location'), '/ar/relations/dz-ru');
  assert.equal((await get('/relations/dz-dz')).status, 404);
  assert.equal((await get('/relations/xx-zz')).status, 404);
  assert.equal((await get('/countries/DZ')).status, 301);
  assert.equal((await get('/countries/zz')).status, 404);
});

test('the JSON API: country, relation, entities, citation', async () => {
  const dz = await (await get('/api/countries/dz')).json();
  assert.equal(dz.code, 'DZ');
  assert.deepEqual(dz.names, { ar: 'الجزائر', en: 'Algeria' });
  assert.ok(dz.articles.length >= 8);
  assert.ok(dz.articles.every((a: { id: string; title: string; path: string }) => a.id && a.title && a.path));
  assert.ok(dz.events.length > 5 && dz.figures.length > 3);
  const rel = await (await get('/api/relations/dz-ru')).json();
  assert.deepEqual(rel.countries, ['DZ', 'RU']);
  assert.ok(rel.events.some((e: { date: string }) => e.date === '2023-06-13'));
  assert.equal((await get('/api/relations/ru-dz')).status, 301);
  const missing = await get('/api/countries/zz');
  assert.equal(missing.status, 404);
  assert.equal((await missing.json()).error.code, 'not-found');

  const id = rel.events[0].article as string;
  const entities = await (await get(`/api/articles/${id}/entities`)).json();
  assert.ok(entities.length > 0);
  assert.deepEqual(Object.keys(entities[0]).sort(), ['id', 'kind', 'name', 'salience']);
  assert.equal((await get('/api/articles/nope/entities')).status, 404);

  const csl = await get(`/api/articles/${id}/cite`);
  assert.match(csl.headers.get('content-type') ?? '', /csl\+json/);
  assert.equal((await csl.json())[0].URL.startsWith('https://mizan.example/'), true);
  const bib = await get(`/api/articles/${id}/cite?format=bibtex`);
  assert.match(await bib.text(), /^@techreport\{/);
  const ris = await get(`/api/articles/${id}/cite?format=ris`);
  assert.match(await ris.text(), /^TY {2}- RPRT/);
  const bad = await get(`/api/articles/${id}/cite?format=mla`);
  assert.equal(bad.status, 400);
});

test('a country page announces its feeds; rss-parser reads them with the articles about it in the page language', async () => {
  const page = await (await get('/ar/countries/dz')).text();
  assert.match(page, /<link rel="alternate" type="application\/rss\+xml" title="[^"]+" href="\/ar\/countries\/dz\/feed.xml"/);
  assert.match(page, /<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="\/ar\/countries\/dz\/feed.atom"/);
  const { default: Parser } = await import('rss-parser');
  const parser = new Parser();
  for (const file of ['feed.xml', 'feed.atom']) {
    const res = await get(`/ar/countries/dz/${file}`);
    assert.equal(res.status, 200);
    const feed = await parser.parseString(await res.text());
    assert.match(feed.title ?? '', /الجزائر/);
    assert.ok(feed.items.length >= 4, `${file}: ${feed.items.length} items`);
    for (const item of feed.items) assert.match(item.link ?? '', /^https:\/\/mizan\.example\/ar\//, 'only Arabic articles in the Arabic feed');
  }
  const json = await (await get('/countries/dz/feed.json')).json();
  assert.equal(json.version, 'https://jsonfeed.org/version/1.1');
  assert.ok(json.items.length >= 4);
  assert.equal((await get('/countries/zz/feed.xml')).status, 404);
});
