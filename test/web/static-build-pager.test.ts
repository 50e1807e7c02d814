/**
 * A long listing, as readers and `mizan build` meet it: every page links to the first and the last page
 * (an archive of hundreds of pages is not read by "older" alone), and the static copy holds every page of
 * it, found from the link to the last page, on both engines.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, createWebApp } from '../../src/web/index.ts';
import { makeArticle } from '../support/articles.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';

const BASE = 'https://static.example.org';
/** Articles by one expert in each language: 12 a page, so seven pages. */
const N = 12 * 6 + 1;

/** The pager's links on a page, by class. */
function pagerLinks(html: string): Record<string, string> {
  const nav = /<nav class="pager"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
  return Object.fromEntries([...nav.matchAll(/<a class="pager-(\w+)"[^>]*href="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, '&')]));
}

forEachEngine('a long listing: its pager and its static copy', (h) => {
  let store: TestStore;
  const dir = mkdtempSync(join(tmpdir(), 'mizan-build-pager-'));

  before(async () => {
    store = await h.open();
    for (let i = 0; i < N; i++) {
      const day = `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      await store.putArticle(makeArticle({ lang: 'ar', slug: `tahlil-${i}`, title: `تحليل رقم ${i}`, published: day }));
      await store.putArticle(makeArticle({ lang: 'en', slug: `analysis-${i}`, title: `Analysis ${i}`, published: day }));
    }
  });
  after(async () => {
    await h.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  test('each page of an expert\'s articles links to the first, the newer, the older and the last page', async () => {
    const app = createWebApp({ store, baseUrl: BASE }, { noCache: true });
    for (const base of ['/ar/experts/mwlf-awl', '/experts/first-author']) {
      const page = async (n: number) => {
        const res = await app.request(n === 1 ? base : `${base}?page=${n}`);
        assert.equal(res.status, 200, `${base} page ${n}`);
        return pagerLinks(await res.text());
      };
      assert.deepEqual(await page(1), { next: `${base}?page=2`, last: `${base}?page=7` });
      assert.deepEqual(await page(2), { prev: base, next: `${base}?page=3`, last: `${base}?page=7` });
      assert.deepEqual(await page(4), { first: base, prev: `${base}?page=3`, next: `${base}?page=5`, last: `${base}?page=7` });
      assert.deepEqual(await page(6), { first: base, prev: `${base}?page=5`, next: `${base}?page=7` });
      assert.deepEqual(await page(7), { first: base, prev: `${base}?page=6` });
    }
    const ar = await (await app.request('/ar/experts/mwlf-awl?page=4')).text();
    assert.match(ar, /<a class="pager-first" href="\/ar\/experts\/mwlf-awl">الصفحة الأولى<\/a>/);
    assert.match(ar, /<a class="pager-last" href="\/ar\/experts\/mwlf-awl\?page=7">الصفحة الأخيرة<\/a>/);
    assert.match(ar, /الصفحة 4 من 7/);
  });

  test('the static copy holds every page of the listing, each as the server sends it', async () => {
    const out = join(dir, 'site');
    const report = await buildSite(store, { out, baseUrl: BASE, pdf: false, cards: false });
    assert.deepEqual(report.broken, []);
    const app = createWebApp({ store, baseUrl: BASE }, { noCache: true });
    for (const [file, path] of [['ar/experts/mwlf-awl', '/ar/experts/mwlf-awl'], ['experts/first-author', '/experts/first-author']]) {
      for (let n = 2; n <= 7; n++) {
        const copy = join(out, `${file}~page=${n}.html`);
        assert.ok(existsSync(copy), `${file} page ${n} is in the copy`);
        assert.equal(readFileSync(copy, 'utf8'), await (await app.request(`${path}?page=${n}`)).text());
      }
      assert.ok(!existsSync(join(out, `${file}~page=8.html`)), 'no page past the last');
    }
  });
});
