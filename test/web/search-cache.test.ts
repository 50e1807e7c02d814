/**
 * Issue 20, item 7: searches asked again are answered from memory, never stale. A reader repeating a
 * search costs no CPU; a reader searching after a publish finds the new piece (the cache follows the
 * change log, whichever process wrote).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { ChangeClock } from '../../src/web/change-clock.ts';
import { SearchCache } from '../../src/web/search-cache.ts';
import { parseSearchQuery, type SearchResponse } from '../../src/search/index.ts';
import { createWebApp } from '../../src/web/index.ts';
import { saveArticle } from '../../src/app/index.ts';
import { forEachEngine } from '../support/engines.ts';
import { fixtureArticles } from './fixtures.ts';

const answer = (total: number): SearchResponse => ({ total, hits: [], facets: {} as SearchResponse['facets'] });

test('the same query is computed once until content changes; a failed search is not kept', async () => {
  const clock = new ChangeClock();
  const cache = new SearchCache(clock);
  let computed = 0;
  const ask = (q: string) => cache.answer(parseSearchQuery({ q }), async () => answer(++computed));
  assert.equal((await ask('أسلحة')).total, 1);
  assert.equal((await ask('أسلحة')).total, 1, 'asked again: the kept answer');
  assert.equal((await ask('سلاح')).total, 2, 'another query: computed');
  clock.apply(['article:x']);
  assert.equal((await ask('أسلحة')).total, 3, 'after a change: computed again');
  await assert.rejects(cache.answer(parseSearchQuery({ q: 'روسيا' }), () => Promise.reject(new Error('busy'))), /busy/);
  assert.equal((await ask('روسيا')).total, 4, 'a failure is not an answer');
});

test('the same query asked while it is computed waits for that one computation', async () => {
  const cache = new SearchCache(new ChangeClock());
  let computed = 0;
  const slow = () => new Promise<SearchResponse>((resolve) => setTimeout(() => resolve(answer(++computed)), 20));
  const answers = await Promise.all(Array.from({ length: 8 }, () => cache.answer(parseSearchQuery({ q: 'الجزائر' }), slow)));
  assert.deepEqual(answers.map((a) => a.total), Array(8).fill(1));
  assert.equal(computed, 1);
});

test('filters, page and interface language are part of the question; the least recently used answer goes first', async () => {
  const cache = new SearchCache(new ChangeClock(), { maxEntries: 2 });
  let computed = 0;
  const ask = (params: Record<string, string>) => cache.answer(parseSearchQuery(params), async () => answer(++computed));
  await ask({ q: 'غاز' });
  await ask({ q: 'غاز', lang: 'ar' });
  await ask({ q: 'غاز' });
  assert.equal(computed, 2, 'the filtered query is its own');
  await ask({ q: 'غاز', ui: 'ar' });
  assert.equal(computed, 3);
  await ask({ q: 'غاز' });
  assert.equal(computed, 3, 'recently used: still kept');
  await ask({ q: 'غاز', lang: 'ar' });
  assert.equal(computed, 4, 'least recently used: evicted');
});

test('without a change clock nothing is kept', async () => {
  const cache = new SearchCache(undefined);
  let computed = 0;
  for (let i = 0; i < 3; i++) await cache.answer(parseSearchQuery({ q: 'طاقة' }), async () => answer(++computed));
  assert.equal(computed, 3);
});

forEachEngine('search answers after a publish', (h) => {
  after(() => h.cleanup());

  test('a search repeated after a new article is saved (by another connection, as the CLI would) finds it', async () => {
    const store = await h.open();
    for (const a of fixtureArticles()) await saveArticle(store, a);
    const app = createWebApp({ store, baseUrl: 'https://mizan.example' });
    const other = await (await import('../../src/store/index.ts')).openStore(h.lastTarget());
    try {
      const word = 'زلزالية';
      const totalOf = async () => ((await (await app.request(`/api/search?q=${encodeURIComponent(word)}`)).json()) as SearchResponse).total;
      assert.equal(await totalOf(), 0);
      assert.equal(await totalOf(), 0, 'asked again');
      const [base] = fixtureArticles();
      await saveArticle(other, { ...base, id: 'cafe0000cafe0000', path: '/ar/policy-analysis/zalazil', title: 'قراءة زلزالية في أسواق الطاقة', body: [{ kind: 'paragraph', text: 'تحولات زلزالية في أسواق الغاز.', links: [] }] });
      // The server reads the change log as requests arrive (at most every half second on SQLite; PostgreSQL notifies).
      let total = 0;
      for (let i = 0; i < 50 && total === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        total = await totalOf();
      }
      assert.equal(total, 1, 'the new article is found within seconds, not after the cache expires');
    } finally {
      await other.close();
    }
  });
});
