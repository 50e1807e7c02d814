import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { forEachEngine } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';
import type { Article } from '../../src/model/index.ts';
import { openStore } from '../../src/store/index.ts';
import { DatabaseRefusedError, MizanError } from '../../src/lib/index.ts';

forEachEngine('store', (engine) => {
  after(() => engine.cleanup());

  test('an article put is read back whole, by id and by path', async () => {
    const store = await engine.open();
    const a = makeArticle();
    assert.deepEqual(await store.putArticle(a), { id: a.id, status: 'created' });
    assert.deepEqual(await store.getArticle(a.id), a);
    assert.deepEqual(await store.getArticleByPath(a.path), a);
    assert.equal(await store.getArticle('nope'), undefined);
  });

  test('putting the same page again is unchanged; a changed page updates it in place, never duplicating', async () => {
    const store = await engine.open();
    const a = makeArticle();
    await store.putArticle(a);
    assert.equal((await store.putArticle(a)).status, 'unchanged');
    const v0 = await store.contentVersion();
    const changed = { ...a, id: 'another-id-ignored', title: 'عنوان معدل' };
    assert.deepEqual(await store.putArticle(changed), { id: a.id, status: 'updated' });
    assert.equal(await store.countArticles(), 1);
    assert.equal((await store.getArticle(a.id))?.title, 'عنوان معدل');
    assert.ok((await store.contentVersion()) > v0);
  });

  test("a listing entry carries its document's type label and image as stored, whatever their characters", async () => {
    const store = await engine.open();
    const image = { src: '/media/abc123.jpg', alt: 'صورة "الجزائر" \\ و\u200cموسكو <b>', width: 1200, height: 630 };
    const a = { ...makeArticle({ slug: 'with-image' }), typeLabel: 'تحليل موجز', image };
    const b = { ...makeArticle({ slug: 'no-image', published: '2020-01-01' }), typeLabel: 'Brief "Analysis"' };
    await store.putArticle(a);
    await store.putArticle(b);
    const items = (await store.listArticles({ lang: 'ar' })).items;
    const withImage = items.find((i) => i.id === a.id)!;
    assert.deepEqual(withImage.image, image);
    assert.equal(withImage.typeLabel, 'تحليل موجز');
    const without = items.find((i) => i.id === b.id)!;
    assert.equal(without.image, null);
    assert.equal(without.typeLabel, 'Brief "Analysis"');
  });

  test('listings filter by language, type, term and expert, newest first, with totals and paging', async () => {
    const store = await engine.open();
    await store.putArticle(makeArticle({ slug: 'a1', published: '2023-01-01' }));
    await store.putArticle(makeArticle({ slug: 'a2', published: '2024-01-01', type: 'policywatch', topics: [{ slug: 'mwdw-thany', name: 'موضوع ثان' }] }));
    await store.putArticle(makeArticle({ lang: 'en', slug: 'e1', published: '2022-06-01' }));
    const ar = await store.listArticles({ lang: 'ar' });
    assert.equal(ar.total, 2);
    assert.deepEqual(ar.items.map((i) => i.path), ['/ar/policy-analysis/a2', '/ar/policy-analysis/a1']);
    assert.equal(ar.items[0].authors[0].path, '/ar/experts/mwlf-awl');
    assert.equal((await store.listArticles({ type: 'policywatch' })).total, 1);
    const page2 = await store.listArticles({ lang: 'ar', limit: 1, offset: 1 });
    assert.equal(page2.total, 2);
    assert.deepEqual(page2.items.map((i) => i.path), ['/ar/policy-analysis/a1']);

    const topic = await store.resolvePath('/ar/policy-analysis/mwdw-awl');
    assert.equal(topic?.kind, 'term');
    assert.equal((await store.listArticles({ termId: topic!.id })).total, 1);
    const expert = await store.resolvePath('/ar/experts/mwlf-awl');
    assert.equal(expert?.kind, 'expert');
    assert.equal((await store.listArticles({ expertId: expert!.id })).total, 2);
    const view = await store.getExpert(expert!.id, 'ar');
    assert.equal(view?.name, 'مؤلف أول');
    assert.deepEqual((await store.listTerms('topic', 'ar')).map((t) => t.slug).sort(), ['mwdw-awl', 'mwdw-thany']);
  });

  test('a translation exists once stored, and shares its experts and terms with its source', async () => {
    const store = await engine.open();
    const ar = makeArticle({ translation: { lang: 'en', slug: 'test-relations' } });
    await store.putArticle(ar);
    assert.equal((await store.getArticle(ar.id))?.translations[0].exists, false);
    const en = makeArticle({ lang: 'en', translation: { lang: 'ar', slug: 'alaqat-tjrybyt' } });
    await store.putArticle(en);
    assert.equal((await store.getArticle(ar.id))?.translations[0].exists, true);
    const arExpert = await store.resolvePath('/ar/experts/mwlf-awl');
    const enExpert = await store.resolvePath('/experts/first-author');
    assert.equal(arExpert?.id, enExpert?.id);
    const view = await store.getExpert(arExpert!.id, 'ar');
    assert.deepEqual(view?.alternates, [{ lang: 'en', path: '/experts/first-author', name: 'First Author' }]);
    const arTopic = await store.resolvePath('/ar/policy-analysis/mwdw-awl');
    const enTopic = await store.resolvePath('/policy-analysis/first-topic');
    assert.equal(arTopic?.id, enTopic?.id);
  });

  test('allArticles reads every article once, in id order, across its slices, with its translations marked as stored or not', async () => {
    const store = await engine.open();
    // More than two of allArticles' slices (400 articles a query), so its paging is crossed twice.
    const n = 850;
    const status = (i: number) => (i % 10 === 3 ? 'draft' : 'published');
    await store.transaction(async (tx) => {
      for (let i = 0; i < n; i++) {
        const translation = i % 2 === 0 ? { lang: 'en' as const, slug: `report-${i}` } : undefined;
        await tx.putArticle(makeArticle({ slug: `tqryr-${i}`, title: `تقرير ${i}`, translation }));
      }
      // Half of the named translations are stored.
      for (let i = 0; i < n; i += 4) await tx.putArticle(makeArticle({ lang: 'en', slug: `report-${i}`, title: `Report ${i}`, translation: { lang: 'ar', slug: `tqryr-${i}` } }));
    });
    // Every tenth a draft (its editorial state is a column the workflow sets, not part of the document).
    const drafts = Array.from({ length: n }, (_, i) => i).filter((i) => status(i) === 'draft').map((i) => makeArticle({ slug: `tqryr-${i}` }).id);
    const db = store.db as unknown as Kysely<{ articles: { id: string; status: string } }>;
    await db.updateTable('articles').set({ status: 'draft' }).where('id', 'in', drafts).execute();
    const all: Article[] = [];
    for await (const a of store.allArticles()) all.push(a);
    assert.equal(all.length, n + Math.ceil(n / 4));
    assert.equal(new Set(all.map((a) => a.id)).size, all.length, 'no article twice');
    assert.deepEqual(all.map((a) => a.id), [...all.map((a) => a.id)].sort(), 'in id order');
    const published: Article[] = [];
    for await (const a of store.allArticles({ status: 'published' })) published.push(a);
    assert.equal(published.length, all.length - drafts.length);
    assert.ok(!published.some((a) => drafts.includes(a.id)), 'no draft among the published');
    for (const a of all.filter((x) => x.lang === 'ar' && x.translations.length)) {
      const i = Number(a.path.split('-').at(-1));
      assert.equal(a.translations[0].exists, i % 4 === 0, `${a.path}: its translation is ${i % 4 === 0 ? '' : 'not '}stored`);
    }
  });

  test('former paths resolve to the current one; a path belongs to one thing only', async () => {
    const store = await engine.open();
    const a = makeArticle();
    await store.putArticle(a);
    await store.addAlias('/ar/policy-analysis/old-slug', a.path);
    assert.deepEqual(await store.resolvePath('/ar/policy-analysis/old-slug'), { kind: 'article', id: a.id, lang: 'ar', canonical: a.path });
    await assert.rejects(store.putArticle(makeArticle({ slug: 'mwdw-awl' })), (e: unknown) => e instanceof MizanError && e.code === 'path-taken');
    assert.equal(await store.countArticles(), 1);
  });

  test('a failed transaction leaves nothing behind', async () => {
    const store = await engine.open();
    await assert.rejects(
      store.transaction(async (tx) => {
        await tx.putArticle(makeArticle({ slug: 'x1' }));
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(await store.countArticles(), 0);
    assert.equal(await store.resolvePath('/ar/experts/mwlf-awl'), undefined);
  });

  test('deleting an article frees its path', async () => {
    const store = await engine.open();
    const a = makeArticle();
    await store.putArticle(a);
    assert.equal(await store.deleteArticle(a.id), true);
    assert.equal(await store.deleteArticle(a.id), false);
    assert.equal(await store.resolvePath(a.path), undefined);
    assert.equal((await store.listArticles()).total, 0);
  });

  test('an invalid article is refused with the field it lacks', async () => {
    const store = await engine.open();
    await assert.rejects(store.putArticle({ ...makeArticle(), title: '  ' }), /title/);
  });

  test('what one connection commits, a second one reads; a database from a newer Mizan is refused', async () => {
    const store = await engine.open();
    await store.putArticle(makeArticle());
    const again = await openStore(engine.lastTarget());
    assert.equal(await again.countArticles(), 1);
    await sql`insert into kysely_migration (name, timestamp) values ('999-from-the-future', '2030-01-01')`.execute(again.db);
    await again.close();
    await assert.rejects(openStore(engine.lastTarget()), (e: unknown) => e instanceof DatabaseRefusedError && /newer Mizan/.test(e.message));
  });
});

test('a file that is not an SQLite database is refused and left untouched', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-corrupt-'));
  const file = join(dir, 'mizan.db');
  writeFileSync(file, 'this is not a database, just some words\n'.repeat(50));
  const before = readFileSync(file);
  await assert.rejects(openStore({ db: file }), (e: unknown) => e instanceof DatabaseRefusedError && e.message.includes(file));
  assert.deepEqual(readFileSync(file), before);
});

test('a database path that is a folder, or lies under a file, is refused by name', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-db-place-'));
  await assert.rejects(openStore({ db: dir }), (e: unknown) => e instanceof DatabaseRefusedError && e.message === `${dir} is a folder, not a database file: give the file inside it, like ${dir}/mizan.db`);
  const file = join(dir, 'notes.txt');
  writeFileSync(file, 'a file, not a folder\n');
  await assert.rejects(openStore({ db: join(file, 'mizan.db') }), (e: unknown) => e instanceof DatabaseRefusedError && e.message === `cannot make the folder of the database ${join(file, 'mizan.db')}: ${file} is a file, not a folder`);
  assert.equal(readFileSync(file, 'utf8'), 'a file, not a folder\n');
});

test('SQLite statements are kept, and a kept one answers for the table as it is now', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-statements-'));
  const store = await openStore({ db: join(dir, 'mizan.db') });
  const db = store.db as unknown as Kysely<{ t: { n: number; m?: number } }>;
  try {
    await sql`create table t (n integer)`.execute(db);
    await sql`insert into t values (1), (2), (3)`.execute(db);
    const numbers = () => db.selectFrom('t').select('n').orderBy('n').execute();
    assert.deepEqual(await numbers(), await numbers());
    await sql`insert into t values (4)`.execute(db);
    assert.deepEqual((await numbers()).map((r) => r.n), [1, 2, 3, 4]);
    const first = () => db.selectFrom('t').selectAll().orderBy('n').limit(1).execute();
    assert.deepEqual(await first(), [{ n: 1 }]);
    await sql`alter table t add column m integer default 7`.execute(db);
    assert.deepEqual(await first(), [{ n: 1, m: 7 }]);
  } finally {
    await store.close();
  }
});
