/**
 * An index built by an older Mizan (marked stale by a migration) is rebuilt once, by `reindexIfStale`
 * (which `mizan serve` runs at start), on SQLite and PostgreSQL; an up-to-date one is left alone.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { reindex, reindexIfStale, saveArticle } from '../../src/app/index.ts';
import { parseSearchQuery, search, searchIndexStale } from '../../src/search/index.ts';
import { forEachEngine } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';
import * as hamzaSeats from '../../src/store/migrations/136-hamza-seats.ts';

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

  test('an index built before seats folded to their letters (migration 136) is marked stale, and rebuilt finds الجزايرية', async () => {
    const store = await engine.open();
    const article = makeArticle({ slug: 'alaqat-jzayryt', title: 'العلاقات الجزائرية الروسية' });
    await saveArticle(store, article);
    // What the analyzer before wrote for الجزائرية: its stem with a bare ء, which no query meets now.
    await sql`update search_vocab set term = 'جزاءر' where term = 'جزاير'`.execute(store.db);
    await hamzaSeats.up(store.db);
    assert.equal(await searchIndexStale(store), true);
    assert.equal(await reindexIfStale(store), 1);
    assert.equal((await sql<{ n: number }>`select count(*) as n from search_vocab where term = 'جزاءر'`.execute(store.db)).rows[0].n, 0);
    assert.deepEqual((await search(store, parseSearchQuery({ q: 'الجزايرية' }))).hits.map((h) => h.id), [article.id]);
  });

  test('mizan reindex rebuilds the knowledge tags with the index, the same whether made beside it (on PostgreSQL, on a thread of their own) or in this thread', async () => {
    const store = await engine.open();
    const para = (text: string) => ({ kind: 'paragraph' as const, text, links: [] });
    await saveArticle(store, makeArticle({ slug: 'aljzayr-wrwsya', title: 'الجزائر وروسيا', body: [para('زار الرئيس الجزائري موسكو في حزيران/يونيو 2023، واشترت الجزائر أسلحة روسية بقيمة 7 مليارات دولار.'), para('وتراقب فرنسا والمغرب هذا التقارب.')] }));
    await saveArticle(store, makeArticle({ lang: 'en', slug: 'tunisia-imf', title: 'Tunisia and the IMF', body: [para('Tunisia reached a staff-level agreement with the IMF in October 2022, while Egypt and Libya watched.')] }));
    const tags = async () => (await sql<{ a: string; e: string }>`select article_id as a, entity_id as e from knowledge_entity order by article_id, entity_id`.execute(store.db)).rows;
    await sql`delete from knowledge_entity`.execute(store.db);
    assert.equal(await reindex(store, { target: engine.lastTarget() }), 2);
    const beside = await tags();
    assert.ok(beside.length >= 4, `countries found again: ${JSON.stringify(beside)}`);
    await sql`delete from knowledge_entity`.execute(store.db);
    assert.equal(await reindex(store), 2);
    assert.deepEqual(await tags(), beside);
    assert.equal((await search(store, parseSearchQuery({ q: 'اسلحة' }))).total, 1, 'and the index: أسلحة found without its hamza');
    if (engine.engine === 'postgres') {
      await assert.rejects(reindex(store, { target: { ...engine.lastTarget(), schema: 'no_such_schema_here' } }), /re-tagging the articles failed/);
    }
  });
});
