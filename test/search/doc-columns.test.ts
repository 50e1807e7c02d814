/**
 * The in-memory columns search keeps of the index follow every write, on SQLite and PostgreSQL: from
 * this connection, from another one (as another process would write), and never from a transaction
 * that rolled back.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { deleteArticle, saveArticle } from '../../src/app/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { parseSearchQuery, search } from '../../src/search/index.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';

const article = (slug: string, title: string, topic = 'naft') =>
  makeArticle({ slug, title, topics: [{ slug: topic, name: topic === 'naft' ? 'النفط' : 'الغاز' }] });

forEachEngine('search columns', (engine) => {
  let store: TestStore;
  const find = (s: Store, q: string, more: Record<string, string> = {}) => search(s, parseSearchQuery({ q, ...more }));

  before(async () => {
    store = await engine.open();
    await saveArticle(store, article('mwani', 'موانئ الجزائر الجديدة'));
  });
  after(() => engine.cleanup());

  test('a write from another connection is seen at the next search, facets included', async () => {
    assert.equal((await find(store, 'موانئ')).total, 1);
    const other = await openStore(engine.lastTarget());
    try {
      await saveArticle(other, article('mwani-2', 'موانئ تونس', 'ghaz'));
    } finally {
      await other.close();
    }
    const r = await find(store, 'موانئ');
    assert.equal(r.total, 2);
    assert.deepEqual(r.facets.topic.map((v) => [v.value, v.count]).sort(), [['ghaz', 1], ['naft', 1]]);
    assert.equal((await find(store, 'موانئ', { topic: 'ghaz' })).total, 1);
  });

  test('a rolled-back write leaves no trace; a delete is seen', async () => {
    await assert.rejects(
      store.transaction(async (tx) => {
        await saveArticle(tx, article('mwani-3', 'موانئ ليبيا'));
        assert.equal((await find(tx, 'موانئ')).total, 3, 'the transaction sees its own write');
        throw new Error('roll back');
      }),
      /roll back/,
    );
    assert.equal((await find(store, 'موانئ')).total, 2);
    assert.equal((await find(store, 'ليبيا')).total, 0);
    const gone = (await find(store, 'تونس')).hits[0].id;
    await deleteArticle(store, gone);
    assert.equal((await find(store, 'موانئ')).total, 1);
  });
});
