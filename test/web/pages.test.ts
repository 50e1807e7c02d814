/** Pages a reader sees: home, article, listing, expert, in both languages, against a real SQLite store. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fixtureArticles, fixtureSite, jsonLdOf } from './fixtures.ts';

describe('reading site pages', () => {
  let site: Awaited<ReturnType<typeof fixtureSite>>;
  before(async () => {
    site = await fixtureSite();
  });
  after(() => site.cleanup());

  test('each home is in its language, RTL for Arabic, with the latest analysis and the types', async () => {
    const ar = await site.html('/ar/');
    assert.equal(ar.res.status, 200);
    assert.match(ar.body, /^<!doctype html><html lang="ar" dir="rtl">/);
    assert.match(ar.body, /طرق الحبوب بعد الحرب/);
    assert.match(ar.body, /الطاقة والتحالفات في الخليج/);
    assert.doesNotMatch(ar.body, /Ports and Power/, 'the Arabic home lists Arabic articles');
    assert.match(ar.body, /حسب النوع/);
    const en = await site.html('/');
    assert.match(en.body, /^<!doctype html><html lang="en" dir="ltr">/);
    assert.match(en.body, /Ports and Power/);
    assert.match(en.body, /<link rel="alternate" hreflang="ar" href="https:\/\/mizan.example\/ar\/"/);
  });

  test('the Arabic article page shows kicker, title, authors, date, translation, body and its aside', async () => {
    const { res, body } = await site.html('/ar/policy-analysis/trq-alhbwb-bd-alhrb');
    assert.equal(res.status, 200);
    assert.match(body, /<html lang="ar" dir="rtl">/);
    assert.match(body, /<p class="kicker">تحليل موجز · <a href="\/ar\/series\/policywatch">المرصد السياسي 4012<\/a><\/p>/);
    assert.match(body, /<h1 id="article-title">طرق الحبوب بعد الحرب<\/h1>/);
    assert.match(body, /<a href="\/ar\/experts\/lyla-hdad" rel="author">ليلى حداد<\/a>/);
    assert.match(body, /<time datetime="2024-03-12">12\u00A0آذار\/مارس\u00A02024<\/time>/);
    assert.match(body, /<a href="\/policy-analysis\/grain-routes-after-the-war" hreflang="en" lang="en" dir="ltr" rel="alternate">English<\/a>/);
    assert.match(body, /<h2>مورّدون جدد<\/h2>/);
    assert.match(body, /بحسب <a href="https:\/\/example.org\/customs" rel="noopener" class="cites">بيانات الجمارك<\/a><sup class="note-ref"><a href="#source-1"[^>]*>١<\/a><\/sup>\./, 'the link sits on its anchor words, its note number after it');
    assert.doesNotMatch(body, /نص مفقود في المصدر/, 'a gap is for editors, not readers');
    assert.match(body, /<ol class="sources">/);
    assert.match(body, /عن المؤلف</);
    assert.match(body, /href="\/ar\/policy-analysis\/alamn-alghdhayy"/);
    assert.match(body, /href="\/ar\/policy-analysis\/shmal-afryqya"/);
    assert.match(body, /مقترحات للقراءة/);
    assert.match(body, /الموانئ والنفوذ/, 'a related item without a page is still recommended');
    assert.match(body, /https:\/\/x.com\/intent\/post\?text=/);
    assert.doesNotMatch(body, /utm_|<script(?! type="application\/ld\+json")/, 'no trackers, no scripts');
  });

  test('the head carries canonical, hreflang with x-default, OpenGraph and Article JSON-LD', async () => {
    const { body } = await site.html('/policy-analysis/grain-routes-after-the-war');
    assert.match(body, /<link rel="canonical" href="https:\/\/mizan.example\/policy-analysis\/grain-routes-after-the-war"\/>/);
    assert.match(body, /hreflang="ar" href="https:\/\/mizan.example\/ar\/policy-analysis\/trq-alhbwb-bd-alhrb"/);
    assert.match(body, /hreflang="x-default" href="https:\/\/mizan.example\/policy-analysis\/grain-routes-after-the-war"/);
    assert.match(body, /<meta property="og:type" content="article"\/>/);
    assert.match(body, /<meta name="twitter:card" content="summary_large_image"\/>/, "every page has a share image: its own or its card");
    const [ld] = jsonLdOf(body);
    assert.equal(ld['@type'], 'Article');
    assert.equal(ld.inLanguage, 'en');
    assert.equal(ld.datePublished, '2024-03-12T00:00:00+00:00', 'a full date-time');
    assert.match((ld.image as string[])[0]!, /^https:\/\/mizan\.example\/assets\//, 'an image, absolute');
    assert.deepEqual((ld.author as { '@type': string; name: string }[]).map((a) => [a['@type'], a.name]), [
      ['Person', 'Layla Haddad'],
      ['Person', 'Omar Saleh'],
    ]);
    assert.deepEqual(ld.isPartOf, { '@type': 'CreativeWorkSeries', name: 'PolicyWatch' });
    assert.match(body, /<time datetime="2024-03-12">March\u00A012,\u00A02024<\/time>/);
    const cite = /href="(\/api\/articles\/[^"]+\/cite\?format=bibtex)"/.exec(body)?.[1];
    assert.ok(cite, 'a citation link');
    assert.equal((await site.get(cite)).status, 200);
  });

  test('translation links and hreflang point only at translations that exist', async () => {
    const [en] = fixtureArticles();
    const lonely = { ...en, id: 'lonely', path: '/policy-analysis/lonely-piece', title: 'A Lonely Piece', translations: [{ lang: 'ar', path: '/ar/policy-analysis/not-there', exists: false }] };
    await site.store.putArticle(lonely);
    const { body } = await site.html('/policy-analysis/lonely-piece');
    assert.doesNotMatch(body, /not-there/);
    assert.ok(!/<link rel="alternate" hreflang="ar"/.test(body), "no hreflang link to a missing translation");
    assert.doesNotMatch(body, /class="translations"/);
  });

  test('a trailing slash and a former path answer 301 to the canonical path', async () => {
    const slash = await site.get('/ar/policy-analysis/trq-alhbwb-bd-alhrb/');
    assert.equal(slash.status, 301);
    assert.equal(slash.headers.get('location'), '/ar/policy-analysis/trq-alhbwb-bd-alhrb');
    assert.equal((await site.get('/ar')).headers.get('location'), '/ar/');
    assert.equal((await site.get('/ar/')).status, 200, 'the language roots keep their slash');
    await site.store.addAlias('/ar/policy-analysis/old-grain-slug', '/ar/policy-analysis/trq-alhbwb-bd-alhrb');
    const moved = await site.get('/ar/policy-analysis/old-grain-slug');
    assert.equal(moved.status, 301);
    assert.equal(moved.headers.get('location'), '/ar/policy-analysis/trq-alhbwb-bd-alhrb');
    await site.store.addAlias('/policy-analysis/food-and-grain', '/policy-analysis/food-security');
    const term = await site.get('/policy-analysis/food-and-grain?type=op-ed');
    assert.equal(term.status, 301);
    assert.equal(term.headers.get('location'), '/policy-analysis/food-security?type=op-ed', 'a former topic path keeps its filter');
    await site.store.addAlias('/experts/l-haddad', '/experts/layla-haddad');
    assert.equal((await site.get('/experts/l-haddad')).headers.get('location'), '/experts/layla-haddad');
    assert.equal((await site.get('/experts/l-haddad/feed.xml')).headers.get('location'), '/experts/layla-haddad/feed.xml');
  });

  test('a topic listing filters by type and pages; bad filters are 400 and pages past the end 404', async () => {
    const all = await site.html('/policy-analysis/food-security');
    assert.equal(all.res.status, 200);
    assert.match(all.body, /<h1>Food Security<\/h1>/);
    assert.match(all.body, /Grain Routes After the War/);
    assert.match(all.body, /Ports and Power/);
    assert.match(all.body, /<select name="type">/);
    const opEds = await site.html('/policy-analysis/food-security?type=op-ed');
    assert.match(opEds.body, /Ports and Power/);
    assert.doesNotMatch(opEds.body, /Grain Routes After the War<\/a>/);
    assert.match(opEds.body, /1 item/);
    const bad = await site.html('/policy-analysis/food-security?type=%3Cscript%3E');
    assert.equal(bad.res.status, 400);
    assert.match(bad.body, /Bad request/);
    assert.doesNotMatch(bad.body, /<script>/);
    assert.equal((await site.get('/policy-analysis/food-security?page=0')).status, 400);
    assert.equal((await site.get('/policy-analysis/food-security?page=1e3')).status, 400);
    assert.equal((await site.get('/policy-analysis/food-security?page=99')).status, 404);
    const region = await site.html('/ar/policy-analysis/shmal-afryqya?type=nonsense');
    assert.equal(region.res.status, 400);
    assert.match(region.body, /<html lang="ar" dir="rtl">/);
    assert.match(region.body, /طلب غير صالح/);
  });

  test('an expert page has name, title, bio, articles and feeds', async () => {
    const { res, body } = await site.html('/experts/omar-saleh');
    assert.equal(res.status, 200);
    assert.match(body, /<h1>Omar Saleh<\/h1>/);
    assert.match(body, /follows energy markets/);
    assert.match(body, /Ports and Power/);
    assert.match(body, /href="\/experts\/omar-saleh\/feed.xml"/);
    const ar = await site.html('/ar/experts/lyla-hdad');
    assert.match(ar.body, /<html lang="ar" dir="rtl">/);
    assert.match(ar.body, /زميلة أقدم/);
    assert.match(ar.body, /الطاقة والتحالفات في الخليج/);
    const [ld] = jsonLdOf(ar.body);
    assert.equal((ld.mainEntity as { '@type': string })['@type'], 'Person');
  });

  test('unknown pages are 404 in the language of their path', async () => {
    const ar = await site.html('/ar/policy-analysis/no-such-thing');
    assert.equal(ar.res.status, 404);
    assert.match(ar.body, /الصفحة غير موجودة/);
    const en = await site.html('/experts/nobody');
    assert.equal(en.res.status, 404);
    assert.match(en.body, /Page not found/);
    assert.equal((await site.get('/ar/experts/lyla-hdad/extra/segments')).status, 404);
  });
});

describe('unpublished articles', () => {
  test('a draft is neither shown, nor linked as a translation, nor listed in the API or the sitemap', async () => {
    const site = await fixtureSite();
    try {
      const draft = await site.store.getArticleByPath('/ar/policy-analysis/trq-alhbwb-bd-alhrb');
      assert.ok(draft);
      // The editors' side keeps the workflow status beside the article.
      await site.store.db.updateTable('articles').set({ status: 'draft' }).where('id', '=', draft.id).execute();
      await site.store.putArticle({ ...(await site.store.getArticleByPath('/policy-analysis/ports-and-power'))!, summary: 'A write, so the site notices at once.' });
      assert.equal((await site.get('/ar/policy-analysis/trq-alhbwb-bd-alhrb')).status, 404);
      assert.equal((await site.get(`/api/articles/${draft.id}`)).status, 404);
      const en = await site.html('/policy-analysis/grain-routes-after-the-war');
      assert.ok(!/<link rel="alternate" hreflang="ar"/.test(en.body), 'no hreflang to a draft');
      assert.ok(!en.body.includes('class="translations"'), 'no link to a draft');
      assert.ok(!(await site.html('/sitemap.xml')).body.includes('trq-alhbwb-bd-alhrb'));
      assert.ok(!(await site.html('/ar/')).body.includes('trq-alhbwb-bd-alhrb'));
    } finally {
      await site.cleanup();
    }
  });
});
