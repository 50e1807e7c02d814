/**
 * The index pages: /experts (A–Z, titles, topic filter), /topics, /regions, /countries and their Arabic
 * forms, paged, counting only what readers may see, and listed in the sitemap.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ArticleSchema, articleIdFor } from '../../src/model/index.ts';
import { saveArticle } from '../../src/app/index.ts';
import { fixtureSite } from '../web/fixtures.ts';

describe('index pages', () => {
  let site: Awaited<ReturnType<typeof fixtureSite>>;
  before(async () => {
    site = await fixtureSite();
  });
  after(() => site.cleanup());

  test('/ar/experts lists experts A–Z with title, count and a letter index; /experts in English', async () => {
    const { res, body } = await site.html('/ar/experts');
    assert.equal(res.status, 200);
    assert.match(body, /<html lang="ar" dir="rtl">/);
    assert.match(body, /<h1>الخبراء<\/h1>/);
    assert.match(body, /<a class="expert-name" href="\/ar\/experts\/lyla-hdad">ليلى حداد<\/a><span class="expert-title">زميلة أقدم<\/span>/);
    assert.match(body, /<h2 class="az-letter" id="letter-ل">ل<\/h2>/);
    assert.match(body, /hreflang="en" href="https:\/\/mizan.example\/experts"/);
    const en = (await site.html('/experts')).body;
    const layla = en.indexOf('>Layla Haddad<');
    const omar = en.indexOf('>Omar Saleh<');
    assert.ok(layla > 0 && omar > layla, 'alphabetical order');
    assert.match(en, /<span class="expert-count">2 articles<\/span>/);
  });

  test('the topic filter keeps the experts who wrote on it; an unknown topic is a 404; a page past the end is a 404', async () => {
    const all = (await site.html('/experts')).body;
    assert.match(all, /<option value="food-security">Food Security<\/option>/);
    const filtered = await site.html('/experts?topic=food-security');
    assert.equal(filtered.res.status, 200);
    assert.match(filtered.body, /<h1>Experts on Food Security<\/h1>/);
    assert.equal((await site.get('/experts?topic=no-such-topic')).status, 404);
    assert.equal((await site.get('/ar/experts?page=2')).status, 404);
    assert.equal((await site.get('/experts?page=0')).status, 400);
  });

  test('/topics, /ar/regions and /ar/countries list what published articles carry, with counts in Arabic plurals', async () => {
    const topics = (await site.html('/topics')).body;
    assert.match(topics, /<a href="\/policy-analysis\/food-security">Food Security<\/a> <span class="term-count">2 articles<\/span>/);
    const regions = (await site.html('/ar/regions')).body;
    assert.match(regions, /<a href="\/ar\/policy-analysis\/shmal-afryqya">شمال أفريقيا<\/a> <span class="term-count">مقالان<\/span>/);
    const about = ArticleSchema.parse({
      id: articleIdFor('/ar/policy-analysis/aljzayr-walmghrb'),
      lang: 'ar',
      dir: 'rtl',
      type: 'brief-analysis',
      typeLabel: 'تحليل موجز',
      title: 'الجزائر والمغرب',
      published: '2024-06-01',
      path: '/ar/policy-analysis/aljzayr-walmghrb',
      body: [{ kind: 'paragraph', text: 'تتنافس الجزائر والمغرب على النفوذ، وتراقب الجزائر حدودها الغربية عن كثب.' }],
    });
    await saveArticle(site.store, about);
    const countries = await site.html('/ar/countries');
    assert.equal(countries.res.status, 200);
    assert.match(countries.body, /<h1>البلدان<\/h1>/);
    assert.match(countries.body, /<a href="\/ar\/countries\/dz">الجزائر<\/a> <span class="term-count">مقال واحد<\/span>/);
    assert.doesNotMatch((await site.html('/countries')).body, /countries\/dz/, 'no English article speaks of Algeria');
  });

  test('a draft is not counted and its only expert leaves the index', async () => {
    const draft = ArticleSchema.parse({
      id: articleIdFor('/policy-analysis/draft-piece'),
      lang: 'en',
      dir: 'ltr',
      type: 'op-ed',
      typeLabel: 'Op-Ed',
      title: 'A Draft Piece',
      published: '2024-05-01',
      path: '/policy-analysis/draft-piece',
      authors: [{ slug: 'zara-quill', name: 'Zara Quill', title: null, bio: '', path: '/experts/zara-quill' }],
      topics: [{ slug: 'water-policy', name: 'Water Policy', path: '/policy-analysis/water-policy' }],
    });
    await saveArticle(site.store, draft);
    await site.store.db.updateTable('articles').set({ status: 'draft' }).where('id', '=', draft.id).execute();
    const experts = (await site.html('/experts')).body;
    assert.doesNotMatch(experts, /Zara Quill/);
    assert.doesNotMatch((await site.html('/topics')).body, /Water Policy/);
  });

  test('the sitemap lists every index page with its language alternates', async () => {
    const xml = await (await site.get('/sitemap.xml')).text();
    for (const p of ['experts', 'topics', 'regions', 'countries']) {
      assert.match(xml, new RegExp(`<loc>https://mizan.example/ar/${p}</loc>`));
      assert.match(xml, new RegExp(`<loc>https://mizan.example/${p}</loc>`));
    }
  });
});
