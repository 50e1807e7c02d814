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

test('an answer cut short by its deadline is kept only briefly: during a flood it is reused, after it a whole one is computed while the partial one is still given', async () => {
  const clock = new ChangeClock();
  const cache = new SearchCache(clock, { partialTtlMs: 1000 });
  let computed = 0;
  let release = () => {};
  const ask = () =>
    cache.answer(parseSearchQuery({ q: 'نفط' }), async () => {
      const n = ++computed;
      if (n === 2) await new Promise<void>((r) => (release = r));
      return { ...answer(n), ...(n === 1 ? { partial: true as const } : {}) };
    });
  assert.equal((await ask()).partial, true);
  assert.equal((await ask()).partial, true, 'asked again at once: the partial answer, not a second computation');
  assert.equal(computed, 1);
  await new Promise((r) => setTimeout(r, 1100));
  const stale = await ask();
  assert.equal(stale.partial, true, 'past its short life: still given at once, not waited for');
  assert.equal(computed, 2, 'and a fresh answer is being computed');
  assert.equal((await ask()).total, 1, 'one refresh at a time: the partial answer meanwhile');
  assert.equal(computed, 2);
  release();
  await new Promise((r) => setImmediate(r));
  const fresh = await ask();
  assert.equal(fresh.partial, undefined, 'the refreshed answer is whole');
  assert.equal(fresh.total, 2);
  await new Promise((r) => setTimeout(r, 1100));
  assert.equal((await ask()).total, 2, 'the whole answer is kept for long');
  clock.apply(['article:x']);
  assert.equal((await ask()).total, 3, 'after a change nothing kept is given, partial or whole');
});

test('without a change clock nothing is kept', async () => {
  const cache = new SearchCache(undefined);
  let computed = 0;
  for (let i = 0; i < 3; i++) await cache.answer(parseSearchQuery({ q: 'طاقة' }), async () => answer(++computed));
  assert.equal(computed, 3);
});

forEachEngine('search pages out of time', (h) => {
  after(() => h.cleanup());

  test('searches crowding in with no time to spare (MIZAN_SEARCH_BUDGET_MS=0) say so in the page\'s language and the API marks them partial; a search alone is whole', async () => {
    const store = await h.open();
    for (const a of fixtureArticles()) await saveArticle(store, a);
    const was = { budget: process.env.MIZAN_SEARCH_BUDGET_MS, concurrency: process.env.MIZAN_SEARCH_CONCURRENCY };
    process.env.MIZAN_SEARCH_BUDGET_MS = '0';
    process.env.MIZAN_SEARCH_CONCURRENCY = '1';
    try {
      const app = createWebApp({ store, baseUrl: 'https://mizan.example' });
      const alone = (await (await app.request(`/api/search?q=${encodeURIComponent('الغاز')}`)).json()) as SearchResponse;
      assert.equal(alone.partial, undefined, 'alone, a search is answered whole');
      // Different words each, so the search cache does not merge them: all but the first wait their turn.
      const words = ['الطاقة', 'الجزائر', 'روسيا', 'energy', 'gas', 'Algeria'];
      const text = async (path: string): Promise<string> => (await app.request(path)).text();
      const [ar, en, api] = await Promise.all([
        Promise.all(words.map((w) => text(`/ar/search?q=${encodeURIComponent(w)}`))),
        Promise.all(words.map((w) => text(`/search?q=${encodeURIComponent(w)}&page=1`))),
        Promise.all(words.map((w) => text(`/api/search?q=${encodeURIComponent(w)}&lang=ar`).then((t) => JSON.parse(t) as SearchResponse))),
      ]);
      assert.ok(ar.some((html) => html.includes('نفد الوقت المتاح للبحث: قد تكون هذه النتائج ناقصة')), 'an Arabic page says it in Arabic');
      assert.ok(en.some((html) => html.includes('The search ran out of time: these results may be incomplete')), 'an English page says it in English');
      const partial = api.filter((r) => r.partial);
      assert.ok(partial.length > 0, 'the API marks the answers cut short');
      assert.ok(partial.some((r) => r.total > 0), 'what the words match is still found');
    } finally {
      for (const [k, v] of [['MIZAN_SEARCH_BUDGET_MS', was.budget], ['MIZAN_SEARCH_CONCURRENCY', was.concurrency]] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });
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
