/**
 * Translations kept in step with their source, on every engine: the source version a translation was
 * made from is recorded when linked; a change to the source's text marks it outdated (list, report, API
 * data) with the diff since; marking up to date needs the current source; and linking never takes a pair
 * silently: an already-paired article is refused unless confirmed, then every hreflang link stays reciprocal.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';
import {
  AlreadyTranslatedError,
  createTranslation,
  adminArticles,
  articleState,
  transition,
  linkTranslation,
  listAudit,
  markUpToDate,
  PairedError,
  saveEdit,
  changeRelated,
  sourceDiff,
  translationOfJson,
  translationSource,
  translationsReport,
  type Editor,
} from '../../src/app/index.ts';

const editor: Editor = { id: 'u-editor', email: 'editor@example.org', ip: '192.0.2.2', role: 'editor' };

async function edit(store: TestStore, id: string, change: (a: NonNullable<Awaited<ReturnType<TestStore['getArticle']>>>) => object): Promise<void> {
  const a = (await store.getArticle(id))!;
  await saveEdit(store, editor, { article: { ...a, ...change(a) }, version: (await articleState(store, id))!.version });
}

/** Each article's translation links, as hreflang renders them: lang → path, only to articles that exist. */
async function links(store: TestStore, id: string): Promise<string[]> {
  return (await store.getArticle(id))!.translations.filter((t) => t.exists).map((t) => `${t.lang} ${t.path}`);
}

/** Every link in the store points back: A → B exactly when B → A. */
async function assertReciprocal(store: TestStore, ids: string[]): Promise<void> {
  for (const id of ids) {
    const a = (await store.getArticle(id))!;
    for (const t of a.translations) {
      const b = await store.getArticleByPath(t.path);
      assert.ok(b, `${a.path} links to ${t.path}, which exists`);
      assert.ok(b.translations.some((x) => x.path === a.path), `${t.path} links back to ${a.path}`);
    }
  }
}

forEachEngine('translations kept in step', (h) => {
  after(() => h.cleanup());

  test('a change to the Arabic source marks its English translation outdated, with the diff since; marking up to date needs the current source', async () => {
    const store = await h.open();
    const ar = await saveEdit(store, editor, { article: makeArticle({ lang: 'ar' }) });
    const en = await saveEdit(store, editor, { article: makeArticle({ lang: 'en' }) });
    await linkTranslation(store, editor, ar.id, en.id, { source: 'this' });
    const recorded = (await translationSource(store, en.id))!;
    assert.equal(recorded.source.id, ar.id);
    assert.equal(recorded.outdated, false);
    assert.equal(await translationSource(store, ar.id), undefined, 'the source is not a translation');

    // Links and related items are not the text a translator translates: no outdated mark.
    await changeRelated(store, editor, ar.id, { add: [en.id], remove: [] });
    assert.equal((await translationSource(store, en.id))!.outdated, false);

    await edit(store, ar.id, (a) => ({ title: 'علاقات تجريبية بعد الانتخابات', body: [...a.body, { kind: 'paragraph', text: 'فقرة جديدة أضيفت بعد الترجمة.', links: [] }] }));
    const found = (await translationSource(store, en.id))!;
    assert.equal(found.outdated, true);
    assert.ok(found.source.version > found.sourceVersion);
    const diff = sourceDiff(found, (await store.getArticle(ar.id))!);
    assert.ok(diff.some((l) => l.op === 'del' && l.text === 'علاقات تجريبية بين بلدين'));
    assert.ok(diff.some((l) => l.op === 'add' && l.text === 'علاقات تجريبية بعد الانتخابات'));
    assert.ok(diff.some((l) => l.op === 'add' && l.text.includes('فقرة جديدة أضيفت بعد الترجمة')));

    const rows = (await adminArticles(store)).rows;
    assert.equal(rows.find((r) => r.id === en.id)!.outdated, true, 'the article list marks the translation');
    assert.equal(rows.find((r) => r.id === ar.id)!.outdated, false);
    const report = await translationsReport(store);
    assert.deepEqual(report.stale.map((s) => [s.translation.id, s.source.id, s.recorded]), [[en.id, ar.id, true]]);
    assert.equal((await translationOfJson(store, en.id, { publicOnly: true })), null, 'a draft source is not named publicly');
    assert.deepEqual(await translationOfJson(store, en.id), { id: ar.id, lang: 'ar', path: found.source.path, sourceVersion: found.sourceVersion, currentVersion: found.source.version, outdated: true });

    await assert.rejects(markUpToDate(store, editor, en.id, found.sourceVersion), /source changed while you were translating/);
    assert.equal((await translationSource(store, en.id))!.outdated, true, 'refused: still outdated');
    await markUpToDate(store, editor, en.id, found.source.version);
    assert.equal((await translationSource(store, en.id))!.outdated, false);
    assert.equal((await translationsReport(store)).stale.length, 0);
    assert.ok((await listAudit(store)).some((e) => e.action === 'translation.up-to-date' && e.target === en.id));
  });

  test('linking an already-paired article is refused unless confirmed; then the old partners are unlinked and hreflang stays reciprocal', async () => {
    const store = await h.open();
    const ar1 = await saveEdit(store, editor, { article: makeArticle({ lang: 'ar', slug: 'awl' }) });
    const en1 = await saveEdit(store, editor, { article: makeArticle({ lang: 'en', slug: 'first' }) });
    const ar2 = await saveEdit(store, editor, { article: makeArticle({ lang: 'ar', slug: 'thany' }) });
    const en2 = await saveEdit(store, editor, { article: makeArticle({ lang: 'en', slug: 'second' }) });
    await linkTranslation(store, editor, ar1.id, en1.id);
    await linkTranslation(store, editor, ar2.id, en2.id);
    const before = await Promise.all([ar1, en1, ar2, en2].map((x) => links(store, x.id)));

    // ar1 → en2 would take en2 from ar2 and ar1 from en1.
    const refused = await linkTranslation(store, editor, ar1.id, en2.id).then(
      () => assert.fail('linking a paired article went through'),
      (err: unknown) => err,
    );
    assert.ok(refused instanceof PairedError);
    assert.equal(refused.status, 409);
    assert.deepEqual(refused.pairs.map((p) => [p.article.id, p.partner.id]).sort(), [[ar1.id, en1.id], [en2.id, ar2.id]].sort());
    assert.deepEqual(await Promise.all([ar1, en1, ar2, en2].map((x) => links(store, x.id))), before, 'nothing changed');

    await linkTranslation(store, editor, ar1.id, en2.id, { confirm: true });
    const en2Path = (await store.getArticle(en2.id))!.path;
    const ar1Path = (await store.getArticle(ar1.id))!.path;
    assert.deepEqual(await links(store, ar1.id), [`en ${en2Path}`]);
    assert.deepEqual(await links(store, en2.id), [`ar ${ar1Path}`]);
    assert.deepEqual(await links(store, en1.id), [], 'the old partner of ar1 is unlinked');
    assert.deepEqual(await links(store, ar2.id), [], 'the old partner of en2 is unlinked');
    await assertReciprocal(store, [ar1.id, en1.id, ar2.id, en2.id]);
    // The store's own link table agrees (the public pages' hreflang and the search pairs come from it).
    const table = await store.db.selectFrom('article_translations').select(['article_id', 'path']).orderBy('article_id').execute();
    assert.deepEqual(table.map((r) => `${r.article_id} ${r.path}`).sort(), [`${ar1.id} ${en2Path}`, `${en2.id} ${ar1Path}`].sort());
    // The recorded sources follow: en1 and ar2 are no longer anyone's translation.
    assert.equal(await translationSource(store, en1.id), undefined);
    assert.equal(await translationSource(store, ar2.id), undefined);
    assert.equal((await translationSource(store, en2.id))?.source.id, ar1.id, 'the older article is the source');
    assert.ok((await listAudit(store)).some((e) => e.action === 'translation.repair'));
  });

  test('linking to the article already paired with it is no conflict; the same language is refused', async () => {
    const store = await h.open();
    const ar = await saveEdit(store, editor, { article: makeArticle({ lang: 'ar' }) });
    const en = await saveEdit(store, editor, { article: makeArticle({ lang: 'en' }) });
    const ar2 = await saveEdit(store, editor, { article: makeArticle({ lang: 'ar', slug: 'akhar' }) });
    await linkTranslation(store, editor, ar.id, en.id);
    await linkTranslation(store, editor, en.id, ar.id);
    await assertReciprocal(store, [ar.id, en.id]);
    await assert.rejects(linkTranslation(store, editor, ar.id, ar2.id), /another language/);
  });
  test('create translation: an English draft copied from the Arabic source, linked both ways, made from its current revision', async () => {
    const store = await h.open();
    // An English expert with the Arabic author's slug exists; the second Arabic author has none in English.
    await saveEdit(store, editor, { article: makeArticle({ lang: 'en', slug: 'other-piece', title: 'Another piece', authors: [{ slug: 'mwlf-awl', name: 'First Author' }] }) });
    const body = [
      { kind: 'heading' as const, level: 2, text: 'عنوان فرعي', links: [] },
      { kind: 'paragraph' as const, text: 'فقرة عربية فيها اقتباس "a quote in English" ورقم ٢٠٢٣.', links: [] },
    ];
    const ar = await saveEdit(store, editor, {
      article: makeArticle({ lang: 'ar', slug: 'asl-lltrjma', title: 'أصل للترجمة', authors: [{ slug: 'mwlf-awl', name: 'مؤلف أول' }, { slug: 'mwlf-thany', name: 'مؤلف ثان' }], body }),
    });
    await transition(store, editor, ar.id, 'publish');
    const enId = await createTranslation(store, editor, ar.id, 'en');
    const en = (await store.getArticle(enId))!;
    assert.equal(en.lang, 'en');
    assert.equal(en.dir, 'ltr');
    assert.equal(en.path, '/policy-analysis/asl-lltrjma');
    assert.equal((await articleState(store, enId))!.status, 'draft', 'a draft, never published by creating it');
    assert.equal(en.published, null);
    assert.deepEqual(en.body.map((b) => b.kind), ['heading', 'paragraph'], 'the structure is copied to translate in place');
    assert.deepEqual(en.authors.map((a) => a.name), ['First Author'], 'the author with an English page carries over; none is made up');
    assert.deepEqual(await links(store, ar.id), [`en ${en.path}`]);
    assert.deepEqual(await links(store, enId), [`ar ${(await store.getArticle(ar.id))!.path}`]);
    const src = (await translationSource(store, enId))!;
    assert.equal(src.source.id, ar.id);
    assert.equal(src.sourceVersion, (await articleState(store, ar.id))!.version, 'made from the source as it is now');
    assert.equal(src.outdated, false);
    assert.ok((await listAudit(store)).some((e) => e.action === 'article.create' && e.target === enId));

    // A second one in the same language is refused, naming the first.
    await assert.rejects(createTranslation(store, editor, ar.id, 'en'), (err: Error) => err instanceof AlreadyTranslatedError && err.translation.id === enId);
    await assert.rejects(createTranslation(store, editor, ar.id, 'ar'), /another language/);
    await assert.rejects(createTranslation(store, editor, ar.id, 'xx'), /unknown language/);
    // Its address taken by an unrelated article, the next free one is used.
    const ar2 = await saveEdit(store, editor, { article: makeArticle({ lang: 'ar', slug: 'other-piece', title: 'مقال آخر' }) });
    assert.equal((await store.getArticle(await createTranslation(store, editor, ar2.id, 'en')))!.path, '/policy-analysis/other-piece-2');
  });
});
