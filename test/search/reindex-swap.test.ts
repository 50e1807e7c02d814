/**
 * A reindex replaces the whole index in one transaction (on PostgreSQL it fills fresh tables and swaps
 * them in at the end, see the dialect's beginRebuild): a search while it runs answers from the old
 * index; a reindex that fails after writing its first batches leaves the old index as it was, and no
 * half-built table behind; after a reindex the tables have the indexes they had, and saving an article
 * into them works as before. On both engines, in Arabic.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { reindex, saveArticle } from '../../src/app/index.ts';
import { parseSearchQuery, reindexAll, search } from '../../src/search/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import type { Article } from '../../src/model/index.ts';
import { forEachEngine } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';

/** More than a rebuild's batch (250): a failure after this many has written rows to the new tables. */
const COUNT = 270;

const article = (i: number, word: string) =>
  makeArticle({ lang: 'ar', slug: `maqal-${i}`, title: `${word} رقم ${i}`, published: `2022-0${1 + (i % 9)}-1${i % 10}` });

/**
 * `store` whose transactions list the articles through `list` (given the real listing), as a rebuild
 * reads them: a reindex can be paused or made to fail partway.
 */
function listingThrough(store: Store, list: (real: AsyncIterable<Article>) => AsyncIterable<Article>): Store {
  const wrap = (s: Store): Store =>
    new Proxy(s, {
      get(target, key) {
        if (key === 'allArticles') return (opts?: { status?: string }) => list(target.allArticles(opts));
        if (key === 'transaction') return <T>(fn: (tx: Store) => Promise<T>) => target.transaction((tx) => fn(wrap(tx)));
        const v = Reflect.get(target, key, target);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
  return wrap(store);
}

/** The real listing, stopping before article `at` until `gate` resolves (`reached` resolves there), or throwing there. */
function stopAt(at: number, then: { gate: Promise<void>; reached: () => void } | Error) {
  return async function* (real: AsyncIterable<Article>): AsyncIterable<Article> {
    let n = 0;
    for await (const a of real) {
      if (n++ === at) {
        if (then instanceof Error) throw then;
        then.reached();
        await then.gate;
      }
      yield a;
    }
  };
}

const titles = async (store: Store, q: string) => (await search(store, parseSearchQuery({ q }))).total;

async function indexDefinitions(store: Store): Promise<string[]> {
  if (store.engine !== 'postgres') return [];
  const r = await sql<{ d: string }>`select tablename || ': ' || indexname || ' ' || regexp_replace(indexdef, ' ON \S+', '') as d from pg_indexes
    where schemaname = current_schema() and tablename like 'search%' order by 1`.execute(store.db);
  return r.rows.map((x) => x.d);
}

async function leftovers(store: Store): Promise<string[]> {
  if (store.engine !== 'postgres') return [];
  const r = await sql<{ t: string }>`select tablename as t from pg_tables where schemaname = current_schema() and tablename like '%rebuild%'`.execute(store.db);
  return r.rows.map((x) => x.t);
}

forEachEngine('reindex replaces the index whole', (engine) => {
  after(() => engine.cleanup());

  test('searches during a reindex answer from the old index; a failed reindex leaves it intact; the rebuilt tables keep their indexes', async () => {
    const store = await engine.open();
    await store.transaction(async (tx) => {
      for (let i = 0; i < COUNT; i++) await tx.putArticle(article(i, 'موانئ'));
    });
    assert.equal(await reindex(store), COUNT);
    assert.equal(await titles(store, 'موانئ'), COUNT);
    const definitions = await indexDefinitions(store);

    // The stored articles change (not indexed yet): the old index has موانئ, the new one will have مطارات.
    await store.transaction(async (tx) => {
      for (let i = 0; i < COUNT; i++) await tx.putArticle(article(i, 'مطارات'));
    });

    // A reindex that fails after its first batch went to the engine: the old index answers as before.
    await assert.rejects(reindexAll(listingThrough(store, stopAt(COUNT - 5, new Error('analysis failed on purpose')))), /analysis failed on purpose/);
    assert.equal(await titles(store, 'موانئ'), COUNT, 'the old index is intact');
    assert.equal(await titles(store, 'مطارات'), 0);
    assert.deepEqual(await leftovers(store), [], 'no half-built table left');

    // A reindex paused after its first batch: another connection searches the old index meanwhile.
    const reader = await openStore(engine.lastTarget());
    try {
      let reached!: () => void;
      const atGate = new Promise<void>((r) => (reached = r));
      let open!: () => void;
      const gate = new Promise<void>((r) => (open = r));
      const running = reindexAll(listingThrough(store, stopAt(COUNT - 5, { gate, reached })));
      await atGate;
      assert.equal(await titles(reader, 'موانئ'), COUNT, 'during the reindex: the old index');
      assert.equal(await titles(reader, 'مطارات'), 0);
      open();
      assert.equal(await running, COUNT);
      assert.equal(await titles(reader, 'مطارات'), COUNT, 'after it: the new one');
      assert.equal(await titles(reader, 'موانئ'), 0);
    } finally {
      await reader.close();
    }

    assert.deepEqual(await indexDefinitions(store), definitions, 'the same indexes as before the rebuild');
    assert.deepEqual(await leftovers(store), []);
    // Saving into the rebuilt tables: a new article, and one replacing its indexed row (the unique id holds).
    await saveArticle(store, article(COUNT, 'مطارات'));
    await saveArticle(store, article(0, 'موانئ'));
    assert.equal(await titles(store, 'مطارات'), COUNT);
    assert.equal(await titles(store, 'موانئ'), 1);
  });
});
