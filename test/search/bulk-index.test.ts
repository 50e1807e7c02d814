/**
 * A full reindex writes hundreds of articles a statement and works out translation groups and row ids
 * in memory (search/bulk-index.ts): it must leave the index that saving the articles one by one leaves,
 * on both engines — the same groups (so a reader sees one result per translated article), the same
 * tags and labels, rids within each article's day, and the same answers to a search.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { reindex, saveArticle } from '../../src/app/index.ts';
import { parseSearchQuery, search } from '../../src/search/index.ts';
import { dayBase, DAY_SLOTS } from '../../src/search/rid-space.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';

/** Saved in this order, the last ones join groups formed before them (a late merge). */
const ARTICLES = [
  makeArticle({ lang: 'ar', slug: 'mwani-a', title: 'موانئ الخليج والتجارة', translation: { lang: 'en', slug: 'ports-b' } }),
  makeArticle({ lang: 'en', slug: 'ports-b', title: 'Gulf ports and trade', published: '2023-05-19' }),
  makeArticle({ lang: 'en', slug: 'ports-c', title: 'Ports of the Red Sea', translation: { lang: 'ar', slug: 'mwani-d' } }),
  makeArticle({ lang: 'ar', slug: 'mwani-d', title: 'موانئ البحر الأحمر', translation: { lang: 'en', slug: 'ports-b' } }),
  makeArticle({ lang: 'en', slug: 'water-e', title: 'Water and cities', translation: { lang: 'ar', slug: 'lam-yuktab' }, published: '2021-01-02' }),
  makeArticle({ lang: 'ar', slug: 'miyah-f', title: 'المياه والمدن', published: '2021-01-02', topics: [{ slug: 'miyah', name: 'المياه' }] }),
];

async function indexRows(store: TestStore) {
  const docs = await sql<{ path: string; grp: string; rid: number; published: string | null }>`select path, grp, rid, published from search_doc order by path`.execute(store.db);
  const tags = await sql<{ path: string; facet: string; value: string }>`select d.path, t.facet, t.value from search_tag t join search_doc d on d.rid = t.rid order by 1, 2, 3`.execute(store.db);
  const labels = await sql<{ facet: string; value: string; lang: string; label: string }>`select facet, value, lang, label from search_label order by 1, 2, 3`.execute(store.db);
  const links = await sql<{ path: string; target: string }>`select d.path, l.path as target from search_link l join search_doc d on d.rid = l.rid order by 1, 2`.execute(store.db);
  const vocab = await sql<{ term: string; df: number }>`select term, df from search_vocab order by term`.execute(store.db);
  return { docs: docs.rows, tags: tags.rows, labels: labels.rows, links: links.rows, vocab: vocab.rows.map((r) => ({ term: r.term, df: Number(r.df) })) };
}

forEachEngine('bulk reindex', (engine) => {
  after(() => engine.cleanup());

  test('a full reindex leaves the index that saving one by one leaves: groups, tags, labels, vocabulary, answers', async () => {
    const store = await engine.open();
    for (const a of ARTICLES) await saveArticle(store, a);
    const before = await indexRows(store);
    const answer = async () => (await search(store, parseSearchQuery({ q: 'موانئ' }))).hits.map((h) => h.path).sort();
    const found = await answer();
    // The four port articles are one translation group after the late merge: one result.
    assert.equal(new Set(before.docs.filter((d) => /mwani|ports/.test(d.path)).map((d) => d.grp)).size, 1);

    assert.equal(await reindex(store), ARTICLES.length);
    const rebuilt = await indexRows(store);
    const strip = (rows: typeof before.docs) => rows.map(({ path, grp }) => ({ path, grp }));
    assert.deepEqual(strip(rebuilt.docs), strip(before.docs), 'the same translation groups');
    for (const d of rebuilt.docs) {
      const base = dayBase(d.published);
      assert.ok(Number(d.rid) > base && Number(d.rid) < base + DAY_SLOTS, `${d.path}'s rid lies in its day's range`);
    }
    assert.equal(new Set(rebuilt.docs.map((d) => Number(d.rid))).size, ARTICLES.length, 'rids are distinct');
    assert.deepEqual(rebuilt.tags, before.tags);
    assert.deepEqual(rebuilt.labels, before.labels);
    assert.deepEqual(rebuilt.links, before.links);
    assert.deepEqual(rebuilt.vocab, before.vocab);
    assert.deepEqual(await answer(), found);
    assert.ok(found.length >= 1);
  });
});
