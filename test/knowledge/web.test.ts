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

/** The timeline's events as the page shows them: [date, sentence]. */
function timelineOf(html: string): [string, string][] {
  const out: [string, string][] = [];
  for (const li of html.matchAll(/<li class="timeline-event">([\s\S]*?)<\/li>/g)) {
    const sentence = /<p class="timeline-sentence"[^>]*><a [^>]*>([\s\S]*?)<\/a>/.exec(li[1])?.[1] ?? '';
    out.push([/datetime="([^"]+)"/.exec(li[1])?.[1] ?? '', sentence]);
  }
  return out;
}

test('the country page in both languages: articles, a labelled timeline in the page\'s language, events linked to their sentences', async () => {
  const res = await get('/ar/countries/dz');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<html lang="ar" dir="rtl"/);
  assert.match(html, /<h1>الجزائر<\/h1>/);
  assert.match(html, /<section aria-labelledby="country-timeline-h" class="timeline"><h2 id="country-timeline-h" class="section-title">الخط الزمني<\/h2>/);
  assert.match(html, /#:~:text=/, 'events link to their sentence');
  // Issue 13: every demo analysis has its translation, so the Arabic page shows Arabic events only,
  // each fact once (before: each twice, once per language, English beside Arabic).
  const events = timelineOf(html);
  assert.ok(events.length >= 5, `${events.length} events`);
  for (const [, sentence] of events) assert.match(sentence, /[\u0600-\u06FF]/, `an Arabic sentence: ${sentence}`);
  assert.doesNotMatch(html, /class="timeline-sentence" lang="en"/);
  const enEvents = timelineOf(await (await get('/countries/dz')).text());
  for (const [, sentence] of enEvents) assert.doesNotMatch(sentence, /[\u0600-\u06FF]/, `an English sentence: ${sentence}`);
  const dz = await (await get('/api/countries/dz')).json();
  assert.equal(events.length + enEvents.length, dz.events.length, 'each language shows its own half of the events the API lists');
  const dates = events.map(([d]) => d).filter(Boolean);
  assert.deepEqual(dates, [...dates].sort(), 'oldest first');
  for (const [, sentence] of [...events, ...enEvents]) assert.match(sentence.trim(), /[.!?؟…]$|\.\)?$/u, `a whole sentence: ${sentence}`);
  assert.match(html, /href="\/ar\/relations\/dz-ru"/);
  const en = await (await get('/countries/dz')).text();
  assert.match(en, /<h1>Algeria<\/h1>/);
  assert.match(en, /sipri\.org/);
});

test('the relationship page: codes in alphabetical order, the other order redirects; both languages', async () => {
  const res = await get('/relations/dz-ru');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /Algeria and Russia/);
  // Each analysis once, in the page's language (every demo analysis has its translation).
  const list = /<ul class="knowledge-articles">([\s\S]*?)<\/ul>/.exec(html)![1];
  assert.doesNotMatch(list, /[\u0600-\u06FF]/, 'no Arabic translation listed beside its English original');
  const arList = /<ul class="knowledge-articles">([\s\S]*?)<\/ul>/.exec(await (await get('/ar/relations/dz-ru')).text())![1];
  assert.equal([...arList.matchAll(/<li>/g)].length, [...list.matchAll(/<li>/g)].length);
  const back = await get('/relations/ru-dz');
  assert.equal(back.status, 301);
  assert.equal(back.headers.get('location'), '/relations/dz-ru');
  assert.equal((await get('/ar/relations/ru-dz')).headers.get('location'), '/ar/relations/dz-ru');
  assert.equal((await get('/relations/dz-dz')).status, 404);
  assert.equal((await get('/relations/xx-zz')).status, 404);
  // Unknown codes in the other order are not found at once, not redirected to their order first.
  assert.equal((await get('/ar/relations/zz-aa')).status, 404);
  assert.equal((await get('/api/relations/zz-dz')).status, 404);
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

test('the country and relationship pages are in the sitemap, each naming its other language', async () => {
  const sitemap = await (await get('/sitemap.xml')).text();
  const entries = new Map<string, string[]>();
  for (const [, body] of sitemap.matchAll(/<url>([\s\S]*?)<\/url>/g)) {
    entries.set(/<loc>([^<]+)<\/loc>/.exec(body)![1], [...body.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`));
  }
  const O = 'https://mizan.example';
  for (const [en, ar] of [['/countries/dz', '/ar/countries/dz'], ['/relations/dz-ru', '/ar/relations/dz-ru']]) {
    for (const loc of [en, ar]) {
      assert.ok(entries.has(O + loc), `${loc} in the sitemap`);
      assert.ok(entries.get(O + loc)!.includes(`en ${O}${en}`) && entries.get(O + loc)!.includes(`ar ${O}${ar}`), `${loc}: both languages`);
      assert.equal((await get(loc)).status, 200, loc);
      // The page's head agrees with its sitemap entry.
      const head = [...(await (await get(loc)).text()).matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`);
      assert.deepEqual(head.sort(), [...entries.get(O + loc)!].sort(), loc);
    }
  }
  // Every relationship listed answers with a page (codes in order, no redirect).
  for (const loc of [...entries.keys()].filter((l) => l.includes('/relations/'))) assert.equal((await get(loc.slice(O.length))).status, 200, loc);
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
