/**
 * The series index (`/series`, `/ar/series`) and each series' feeds (issue 17), on both engines: every
 * series with published issues, named in the page's language (المرصد السياسي / PolicyWatch) with its
 * count in that language; a series page links the index and its own feeds (announced in the head);
 * feeds hold the series' issues in their language only; the sitemap lists the index and the pages;
 * a draft's series is not listed.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { saveEdit, transition, type Editor } from '../../src/app/index.ts';
import { createWebApp } from '../../src/web/index.ts';
import { makeArticle } from '../support/articles.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';

const editor: Editor = { id: null, email: 'setup@example.org', ip: null, role: 'editor' };

forEachEngine('series index and feeds', (h) => {
  let store: TestStore;
  let app: ReturnType<typeof createWebApp>;
  before(async () => {
    store = await h.open();
    const publish = async (o: Parameters<typeof makeArticle>[0], live = true) => {
      const { id } = await saveEdit(store, editor, { article: makeArticle(o) });
      if (live) await transition(store, editor, id, 'publish');
    };
    await publish({ slug: 'mrsd-1', title: 'المرصد الأول', series: { name: 'المرصد السياسي', number: 4100 } });
    await publish({ slug: 'mrsd-2', title: 'المرصد الثاني', series: { name: 'PolicyWatch', number: 4101 } });
    await publish({ lang: 'en', slug: 'watch-1', title: 'The first watch', series: { name: 'PolicyWatch', number: 4102 } });
    await publish({ lang: 'en', slug: 'gulf-1', title: 'Gulf paper one', series: { name: 'Gulf Papers', number: 1 } });
    await publish({ slug: 'musawwada', title: 'مسودة في سلسلة', series: { name: 'سلسلة لم تنشر', number: 1 } }, false);
    app = createWebApp({ store, baseUrl: 'https://inst.example' });
  });
  after(() => h.cleanup());

  test('/ar/series and /series list every published series in the page’s language, with counts and feeds', async () => {
    const ar = await app.request('/ar/series');
    assert.equal(ar.status, 200);
    const html = await ar.text();
    assert.match(html, /<html lang="ar" dir="rtl"/);
    assert.match(html, /<h1>السلاسل<\/h1>/);
    assert.match(html, /<a href="\/ar\/series\/policywatch">المرصد السياسي<\/a> <span class="series-count">مقالان<\/span>/);
    assert.match(html, /<a href="\/ar\/series\/gulf-papers">Gulf Papers<\/a> <span class="series-count">لا إصدارات بالعربية بعد<\/span>/);
    assert.match(html, /href="\/ar\/series\/policywatch\/feed.atom"/);
    assert.doesNotMatch(html, /سلسلة لم تنشر/, 'a draft’s series is not listed');
    assert.match(html, /hreflang="en" href="https:\/\/inst.example\/series"/);
    const en = await (await app.request('/series')).text();
    assert.match(en, /<a href="\/series\/policywatch">PolicyWatch<\/a> <span class="series-count">1 article<\/span>/);
  });

  test('a series page links the index and its feeds; the feeds hold its issues in their language', async () => {
    const page = await (await app.request('/ar/series/policywatch')).text();
    assert.match(page, /<p class="kicker"><a href="\/ar\/series">سلسلة<\/a><\/p>/);
    assert.match(page, /<a href="\/ar\/series">كل السلاسل<\/a>/);
    assert.match(page, /<link rel="alternate" type="application\/atom\+xml"[^>]*href="[^"]*\/ar\/series\/policywatch\/feed.atom"/);
    const rss = await app.request('/ar/series/policywatch/feed.xml');
    assert.equal(rss.status, 200);
    assert.match(rss.headers.get('content-type') ?? '', /rss\+xml|xml/);
    const body = await rss.text();
    assert.match(body, /المرصد الأول/);
    assert.match(body, /المرصد الثاني/);
    assert.doesNotMatch(body, /The first watch/);
    const json = (await (await app.request('/series/policywatch/feed.json')).json()) as { items: { title: string }[]; language: string };
    assert.deepEqual(json.items.map((i) => i.title), ['The first watch']);
    assert.equal(json.language, 'en');
    assert.equal((await app.request('/series/no-such-series/feed.atom')).status, 404);
  });

  test('the sitemap lists the series index and pages in both languages', async () => {
    const map = await (await app.request('/sitemap.xml')).text();
    for (const p of ['/series', '/ar/series', '/series/policywatch', '/ar/series/policywatch', '/series/gulf-papers']) assert.match(map, new RegExp(`<loc>https://inst.example${p}</loc>`), p);
    assert.doesNotMatch(map, /slslt-lm-tnshr|سلسلة لم تنشر/);
  });
});
