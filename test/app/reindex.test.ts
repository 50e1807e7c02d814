/**
 * An index built by an older Mizan (marked stale by a migration) is rebuilt once, by `reindexIfStale`
 * (which `mizan serve` runs at start), on SQLite and PostgreSQL; an up-to-date one is left alone.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { reindexIfStale, saveArticle } from '../../src/app/index.ts';
import { parseSearchQuery, search, searchIndexStale } from '../../src/search/index.ts';
import { forEachEngine } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';

forEachEngine('reindex if stale', (engine) => {
  after(() => engine.cleanup());

  test('a stale index is rebuilt once, with its vocabulary counts; a fresh one is not touched', async () => {
    const store = await engine.open();
    await saveArticle(store, makeArticle({ slug: 'mwani', title: 'موانئ الجزائر الجديدة' }));
    assert.equal(await reindexIfStale(store), null, 'nothing to do on a current index');

    // What migration 007 leaves on an index built before it: no counts, no heads, the mark.
    await sql`update search_vocab set df = 0`.execute(store.db);
    await sql`insert into meta (key, value) values ('search_stale', '007')`.execute(store.db);
    assert.equal(await searchIndexStale(store), true);

    assert.equal(await reindexIfStale(store), 1);
    assert.equal(await searchIndexStale(store), false);
    const df = await sql<{ df: number }>`select max(df) as df from search_vocab`.execute(store.db);
    assert.ok(Number(df.rows[0]?.df) >= 1, 'counts are back');
    assert.equal((await search(store, parseSearchQuery({ q: 'موانئ' }))).total, 1);
    assert.equal(await reindexIfStale(store), null, 'once');
  });
});
