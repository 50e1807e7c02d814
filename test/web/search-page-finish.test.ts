/** The search page: the language switch keeps the query; a page past the last one is not found. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { saveArticle } from '../../src/app/index.ts';
import { fixtureArticles, tempStore, type TempStore } from './fixtures.ts';
import { createWebApp } from '../../src/web/index.ts';

describe('search page', () => {
  let temp: TempStore;
  let app: ReturnType<typeof createWebApp>;
  before(async () => {
    temp = await tempStore([]);
    for (const a of fixtureArticles()) await saveArticle(temp.store, a); // indexed, as imports are
    app = createWebApp({ store: temp.store, baseUrl: 'https://mizan.example' });
  });
  after(() => temp.cleanup());

  test('switching the interface language keeps the query and its filters', async () => {
    const html = await (await app.request('/ar/search?q=%D8%A7%D9%84%D9%82%D9%85%D8%AD&type=brief-analysis&page=1')).text();
    const href = /<a class="lang-switch" href="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    assert.equal(href, 'https://mizan.example/search?q=%D8%A7%D9%84%D9%82%D9%85%D8%AD&type=brief-analysis');
  });

  test('a page past the last is not found, never "N results" above "no results"', async () => {
    const first = await app.request('/search?q=wheat');
    assert.equal(first.status, 200);
    assert.match(await first.text(), /<ol class="hits"><li/);
    const far = await app.request('/search?q=wheat&page=999');
    assert.equal(far.status, 404);
    assert.equal((await app.request('/search?q=zzzznothing&page=1')).status, 200, 'no results at all is still a page');
  });

  test('a hit\'s other languages: "بالعربية" as one word, the separator outside the other direction\'s span', async () => {
    const html = await (await app.request('/ar/search?q=wheat&lang=en')).text();
    assert.match(html, /<\/time><span class="dot" aria-hidden="true"> ·\u00A0<\/span><span class="hit-translations" lang="ar" dir="rtl">متوفر أيضاً <a href="\/ar\/policy-analysis\/trq-alhbwb-bd-alhrb" hreflang="ar" title="[^"]+">بالعربية<\/a>/);
    assert.doesNotMatch(html, /بـ/);
  });
});
