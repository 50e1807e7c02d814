/**
 * Search across languages (issue 18): an English query finds Arabic articles and an Arabic query English
 * ones, through term pairs learned from the translations the index holds — the demo's, and the short
 * translation pairs we wrote in test/fixtures/parallel — never from a dictionary. Such hits come after
 * the others and are marked. The seed (../shared/seeds) has no English translation: "arms sales" must
 * reach it only through what the translations taught.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDemo, saveArticle, searchArticles } from '../../src/app/index.ts';
import { readPage } from '../../src/ingest/index.ts';
import type { Article } from '../../src/model/index.ts';
import { parseSearchQuery, type SearchResponse } from '../../src/search/index.ts';
import { createWebApp } from '../../src/web/index.ts';
import { makeArticle } from '../support/articles.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { readSeed, seedSkip, SEED_FILE } from '../support/seed.ts';

const PARALLEL = fileURLToPath(new URL('../fixtures/parallel/', import.meta.url));

/** The written translation pairs, both sides, except the files `leaveOut` names. */
function parallel(leaveOut: (file: string) => boolean = () => false): Article[] {
  const out: Article[] = [];
  for (const lang of ['ar', 'en']) {
    for (const name of readdirSync(join(PARALLEL, lang)).sort()) {
      if (leaveOut(name)) continue;
      out.push(...readPage({ file: `parallel/${lang}/${name}`, bytes: readFileSync(join(PARALLEL, lang, name)), format: 'md' }).articles);
    }
  }
  return out;
}

/** Every cross-language hit comes after every other hit. */
function crossLast(r: SearchResponse): void {
  const first = r.hits.findIndex((h) => h.crossLanguage);
  if (first < 0) return;
  assert.ok(r.hits.slice(first).every((h) => h.crossLanguage), 'cross-language hits come after the others');
}

forEachEngine('search across languages', (engine) => {
  let store: TestStore;
  let seed: Article | undefined;
  const find = (q: string, more: Record<string, unknown> = {}) => searchArticles(store, { ...parseSearchQuery({ q }), ...more });

  before(async () => {
    store = await engine.open();
    await loadDemo(store);
    for (const a of parallel()) await saveArticle(store, a);
    if (!seedSkip) {
      seed = readPage({ file: SEED_FILE, bytes: Buffer.from(readSeed()) }).articles[0];
      await saveArticle(store, seed);
    }
  });
  after(() => engine.cleanup());

  test('"arms sales" finds the seed\'s Arabic article, marked, after the English matches', { skip: seedSkip }, async () => {
    const r = await find('arms sales');
    const at = r.hits.findIndex((h) => h.id === seed!.id);
    assert.ok(at >= 0, 'the seed is found');
    const hit = r.hits[at];
    assert.equal(hit.lang, 'ar');
    assert.equal(hit.crossLanguage, true);
    assert.match(hit.snippet, /<mark>[^<]*(أسلحة|مبيعات)[^<]*<\/mark>/, 'the snippet marks the Arabic words that matched');
    assert.ok(r.hits.slice(0, at).some((h) => h.lang === 'en' && !h.crossLanguage), 'English articles saying "arms sales" come first');
    crossLast(r);
    assert.match(r.notice ?? '', /translations/);
    // Without translations the seed is out of reach: it says neither word in English.
    const plain = await find('arms sales', { crossLanguage: false });
    assert.ok(!plain.hits.some((h) => h.id === seed!.id));
  });

  test('an Arabic query finds an English article that has no Arabic translation', async () => {
    const english = makeArticle({
      lang: 'en',
      slug: 'sanctions-reach-shipping-insurers',
      title: 'Sanctions Reach the Shipping Insurers',
      body: [{ kind: 'paragraph', text: 'Insurers in Malta and Cyprus now ask every tanker where its cargo was loaded.', links: [] }],
    });
    await saveArticle(store, english);
    const r = await find('العقوبات', { ui: 'ar' });
    const hit = r.hits.find((h) => h.id === english.id);
    assert.ok(hit, 'the English article is found');
    assert.equal(hit.crossLanguage, true);
    assert.match(hit.snippet + hit.title, /Sanctions/);
    assert.ok(r.hits[0].lang === 'ar' && !r.hits[0].crossLanguage, 'Arabic matches first');
    crossLast(r);
    assert.match(r.notice ?? '', /ترجمات/, 'the notice is in the interface language');
    // A hit that the query matches in its own language is never marked, even when it has translations.
    assert.ok(r.hits.filter((h) => !h.crossLanguage).every((h) => h.lang === 'ar'));

    // The API carries the flag; the search page labels the hit in the page's language.
    const app = createWebApp({ store, baseUrl: 'https://mizan.example' }, { noCache: true });
    const api = (await (await app.request('/api/search?q=' + encodeURIComponent('العقوبات'))).json()) as SearchResponse;
    assert.equal(api.hits.find((h) => h.id === english.id)?.crossLanguage, true);
    assert.ok(api.hits.filter((h) => h.id !== english.id).every((h) => !('crossLanguage' in h)));
    const page = await (await app.request('/ar/search?q=' + encodeURIComponent('العقوبات'))).text();
    const label = page.indexOf('نتيجة بالإنجليزية وُجدت عبر الترجمة');
    assert.ok(label > 0, 'the Arabic page labels the English hit');
    assert.ok(label < page.indexOf('Sanctions Reach the Shipping Insurers'), 'the label stands above its title');
    assert.equal(page.split('عبر الترجمة</p>').length - 1, 1, 'only that hit is labelled');
    const en = await (await app.request('/search?q=' + encodeURIComponent('العقوبات'))).text();
    assert.match(en, /In English, found through translation/);
  });

  test('what the translations teach is learned again when a translation is saved', async () => {
    const fresh = await engine.open();
    await loadDemo(fresh);
    const drought = (f: string) => f.includes('aljfaf') || f.includes('drought');
    for (const a of parallel(drought)) await saveArticle(fresh, a);
    const arabicOnly = makeArticle({
      lang: 'ar',
      slug: 'mhtat-thlyt-jdydt',
      title: 'محطات تحلية جديدة على الساحل الجنوبي',
      body: [{ kind: 'paragraph', text: 'تبني البلديات محطات لتحلية مياه البحر قبل الصيف.', links: [] }],
    });
    await saveArticle(fresh, arabicOnly);
    const before = await searchArticles(fresh, parseSearchQuery({ q: 'desalination' }));
    assert.equal(before.total, 0, 'no translation of "desalination" is known yet');
    for (const a of parallel((f) => !drought(f))) await saveArticle(fresh, a);
    const r = await searchArticles(fresh, parseSearchQuery({ q: 'desalination' }));
    assert.equal(r.hits[0].lang, 'en', 'the English article saying it comes first');
    const hit = r.hits.find((h) => h.id === arabicOnly.id);
    assert.ok(hit?.crossLanguage, 'the Arabic-only article is found through the new translation pair');
  });
});

forEachEngine('search across languages on the demo alone', (engine) => {
  let store: TestStore;
  let seedPath = '';
  before(async () => {
    store = await engine.open();
    await loadDemo(store);
    if (seedSkip) return;
    const seed = readPage({ file: SEED_FILE, bytes: Buffer.from(readSeed()) }).articles[0]!;
    seedPath = seed.path;
    await saveArticle(store, seed);
  });
  after(() => engine.cleanup());

  test('"arms sales" where the translations taught only "arms": the any-word answer still reaches the seed, marked, last', { skip: seedSkip }, async () => {
    const r = await searchArticles(store, parseSearchQuery({ q: 'arms sales' }));
    const at = r.hits.findIndex((h) => h.path === seedPath);
    assert.ok(at >= 0, `the seed is among ${JSON.stringify(r.hits.map((h) => h.title))}`);
    assert.equal(r.hits[at]!.crossLanguage, true);
    crossLast(r);
    assert.match(r.notice ?? '', /some of them/);
  });
});
