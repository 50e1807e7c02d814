/**
 * Broad queries, on SQLite and PostgreSQL: when a query matches more articles than the window, only
 * the newest are ranked, and the total and facet counts are estimated from samples (marked
 * approximate). The window is lowered here so a few dozen articles reach that path.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { saveArticle } from '../../src/app/index.ts';
import { parseSearchQuery, search, type SearchResponse } from '../../src/search/index.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';

const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023];
const PER_YEAR = 15;
const WINDOW = 10;

/** 120 Arabic articles on energy, 15 a year; every fifth names الطاقة in its title, the rest only in the body. */
const ARTICLES = YEARS.flatMap((year, y) =>
  Array.from({ length: PER_YEAR }, (_, i) => {
    const n = y * PER_YEAR + i;
    const inTitle = n % 5 === 0;
    return makeArticle({
      slug: `taqa-${n}`,
      title: inTitle ? `أسواق الطاقة في العام ${year}، الورقة ${n}` : `ملاحظات اقتصادية رقم ${n}`,
      published: `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + i).padStart(2, '0')}`,
      topics: [n % 3 === 0 ? { slug: 'ghaz', name: 'الغاز' } : { slug: 'naft', name: 'النفط' }],
      body: [{ kind: 'paragraph', text: `تتناول هذه الورقة أسعار الطاقة وإمداداتها، وهي الورقة ${n} من السلسلة.`, links: [] }],
    });
  }),
);
const IN_TITLE = new Set(ARTICLES.filter((a) => a.title.includes('الطاقة')).map((a) => a.id));

forEachEngine('broad queries', (engine) => {
  let store: TestStore;
  const broad = (q: string, more: Record<string, string> = {}) => search(store, parseSearchQuery({ q, ...more }), { window: WINDOW });
  const exact = (q: string, more: Record<string, string> = {}) => search(store, parseSearchQuery({ q, ...more }), { window: 10_000 });
  const count = (r: SearchResponse, facet: keyof SearchResponse['facets'], value: string) => r.facets[facet].find((v) => v.value === value)?.count ?? 0;

  before(async () => {
    store = await engine.open();
    for (const a of ARTICLES) await saveArticle(store, a);
  });
  after(() => engine.cleanup());

  test('a query matching more than the window is marked approximate; one matching fewer is exact', async () => {
    const r = await broad('الطاقة');
    assert.equal(r.approximate, true);
    const full = await exact('الطاقة');
    assert.equal(full.approximate, undefined);
    assert.equal(full.total, ARTICLES.length);
    const few = await broad('السلسلة', { year: '2019', topic: 'ghaz' });
    assert.equal(few.approximate, undefined, 'five matches fit the window');
    assert.equal(few.total, ARTICLES.filter((a) => a.published!.startsWith('2019') && a.topics[0].slug === 'ghaz').length);
  });

  test('the estimated total and facet counts stay near the exact ones, and every year is counted', async () => {
    const r = await broad('اسعار');
    const full = await exact('اسعار');
    assert.ok(Math.abs(r.total - full.total) <= full.total * 0.35, `estimate ${r.total} against ${full.total}`);
    for (const year of YEARS) {
      const got = count(r, 'year', String(year));
      assert.ok(got >= PER_YEAR * 0.5 && got <= PER_YEAR * 1.5, `${year}: ${got} (exact ${count(full, 'year', String(year))})`);
    }
    const gas = count(r, 'topic', 'ghaz');
    assert.ok(gas > 0 && Math.abs(gas - count(full, 'topic', 'ghaz')) <= full.total * 0.35, `topic ghaz ${gas}`);
  });

  test('among the newest matches, those with the word in the title come first', async () => {
    const r = await broad('الطاقة');
    const newestTen = [...ARTICLES].sort((a, b) => b.published!.localeCompare(a.published!)).slice(0, WINDOW);
    const titled = newestTen.filter((a) => IN_TITLE.has(a.id)).length;
    assert.ok(titled > 0, 'the fixture puts the word in some recent titles');
    const first = r.hits.slice(0, titled).map((h) => h.id);
    assert.ok(first.every((id) => IN_TITLE.has(id)), 'title matches lead');
    for (const h of r.hits) assert.ok(newestTen.some((a) => a.id === h.id), 'only the newest matches are ranked');
  });

  test('sorted by date, a broad query lists exactly what the exhaustive search lists', async () => {
    const r = await broad('الطاقة', { sort: 'date' });
    const full = await exact('الطاقة', { sort: 'date' });
    assert.deepEqual(r.hits.map((h) => h.id), full.hits.map((h) => h.id));
  });

  test('filters hold on the broad path: every hit passes, and counts are for the filtered set', async () => {
    const r = await broad('الطاقة', { topic: 'ghaz', from: '2018-01-01' });
    const full = await exact('الطاقة', { topic: 'ghaz', from: '2018-01-01' });
    assert.ok(full.total > WINDOW, 'the filtered set is still broad');
    assert.equal(r.approximate, true);
    const gas = new Set(ARTICLES.filter((a) => a.topics[0].slug === 'ghaz' && a.published! >= '2018-01-01').map((a) => a.id));
    for (const h of r.hits) assert.ok(gas.has(h.id), `${h.title} passes the filters`);
    assert.ok(Math.abs(r.total - full.total) <= full.total * 0.4, `estimate ${r.total} against ${full.total}`);
    assert.deepEqual(r.facets.topic.map((v) => v.value), ['ghaz']);
  });

  test('among the newest matches of an OR, articles holding more of its words come first', async () => {
    const s = await engine.open();
    // Twelve port reports, newest last; every third also speaks of wheat, all of it in the body.
    const ports = Array.from({ length: 12 }, (_, n) =>
      makeArticle({
        slug: `mina-${n}`,
        title: `تقرير رقم ${n}`,
        published: `2022-03-${String(n + 1).padStart(2, '0')}`,
        body: [{ kind: 'paragraph', text: n % 3 === 0 ? `وصلت إلى الميناء شحنة قمح، التقرير ${n}.` : `رست في الميناء سفن تجارية، التقرير ${n}.`, links: [] }],
      }),
    );
    for (const a of ports) await saveArticle(s, a);
    const r = await search(s, parseSearchQuery({ q: 'ميناء OR قمح' }), { window: 5 });
    assert.equal(r.approximate, true);
    const wheat = new Set(ports.filter((a) => a.body.some((b) => 'text' in b && b.text.includes('قمح'))).map((a) => a.id));
    const newest = [...ports].reverse().slice(0, 5);
    const both = newest.filter((a) => wheat.has(a.id)).length;
    assert.ok(both > 0 && both < 5, 'the newest five hold both kinds');
    assert.deepEqual(r.hits.slice(0, both).map((h) => wheat.has(h.id)), Array(both).fill(true), r.hits.map((h) => h.title).join(' | '));
  });
});
