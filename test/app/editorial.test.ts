import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachEngine } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';
import {
  articleState,
  bodyMarkdown,
  ConflictError,
  diffArticles,
  deleteWithTombstone,
  ForbiddenError,
  linkTranslation,
  listAudit,
  listRevisions,
  listTombstones,
  publishDue,
  restoreRevision,
  saveEdit,
  StateError,
  transition,
  translationsReport,
  withBody,
  type Editor,
} from '../../src/app/index.ts';
import { afterSaveHooks } from '../../src/app/hooks.ts';

async function inSearchIndex(store: { db: unknown }, id: string): Promise<boolean> {
  const db = store.db as import('kysely').Kysely<{ search_doc: { id: string } }>;
  return !!(await db.selectFrom('search_doc').select('id').where('id', '=', id).executeTakeFirst());
}

const author: Editor = { id: 'u-author', email: 'author@example.org', ip: '192.0.2.1', role: 'author' };
const editor: Editor = { id: 'u-editor', email: 'editor@example.org', ip: '192.0.2.2', role: 'editor' };
const other: Editor = { id: 'u-other', email: 'other@example.org', ip: '192.0.2.3', role: 'editor' };

forEachEngine('editorial workflow', (h) => {
  after(() => h.cleanup());

  test('a new article is a draft, hidden from the public listing until an editor publishes it', async () => {
    const store = await h.open();
    const saved = await saveEdit(store, author, { article: makeArticle() });
    assert.equal(saved.status, 'draft');
    assert.equal((await store.listArticles()).total, 0);
    assert.equal(await inSearchIndex(store, saved.id), false, 'a draft is not searchable');
    await assert.rejects(transition(store, author, saved.id, 'publish'), ForbiddenError);
    assert.equal(await transition(store, author, saved.id, 'submit'), 'review');
    assert.equal((await store.listArticles()).total, 0);
    assert.equal(await transition(store, other, saved.id, 'publish'), 'published');
    assert.equal((await store.listArticles()).items[0].id, saved.id);
    assert.equal(await inSearchIndex(store, saved.id), true, 'published: searchable');
    await assert.rejects(transition(store, editor, saved.id, 'submit'), StateError);
    assert.equal(await transition(store, editor, saved.id, 'unpublish'), 'unpublished');
    assert.equal((await store.listArticles()).total, 0);
    assert.equal(await inSearchIndex(store, saved.id), false, 'unpublished: gone from search');
    const actions = (await listAudit(store)).map((a) => `${a.action} ${a.user_email}`);
    assert.ok(actions.includes('article.publish other@example.org'));
    assert.ok(actions.includes('article.create author@example.org'));
  });

  test('two editors on one article: the second save is refused with a clear message and nothing is lost', async () => {
    const store = await h.open();
    const { id } = await saveEdit(store, editor, { article: makeArticle() });
    const loaded = await store.getArticle(id);
    const v = (await articleState(store, id))!.version;
    const first = await saveEdit(store, editor, { article: { ...loaded!, title: 'عنوان المحرر الأول' }, version: v });
    assert.equal(first.version, v + 1);
    await assert.rejects(saveEdit(store, other, { article: { ...loaded!, title: 'عنوان المحرر الثاني' }, version: v }), (err: unknown) => {
      assert.ok(err instanceof ConflictError);
      assert.match(err.message, /someone saved this article/);
      assert.equal(err.currentVersion, v + 1);
      return true;
    });
    assert.equal((await store.getArticle(id))!.title, 'عنوان المحرر الأول');
  });

  test('concurrent saves from the same version: exactly one wins', async () => {
    const store = await h.open();
    const { id } = await saveEdit(store, editor, { article: makeArticle() });
    const base = (await store.getArticle(id))!;
    const results = await Promise.allSettled(
      ['أ', 'ب', 'ج'].map((x) => saveEdit(store, editor, { article: { ...base, title: `عنوان ${x}` }, version: 1 })),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    assert.ok(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof ConflictError));
  });

  test('every save keeps a revision; any two compare; restoring the first brings its words back as a new revision', async () => {
    const store = await h.open();
    const { id } = await saveEdit(store, author, { article: makeArticle() });
    let a = (await store.getArticle(id))!;
    await saveEdit(store, author, { article: withBody(a, bodyMarkdown(a) + '\nفقرة ثانية أضيفت لاحقاً.\n'), version: 1 });
    a = (await store.getArticle(id))!;
    await saveEdit(store, author, { article: { ...a, title: 'عنوان جديد' }, version: 2 });
    const revisions = await listRevisions(store, id);
    assert.deepEqual(revisions.map((r) => r.number), [3, 2, 1]);
    const diff = diffArticles(revisions[2].article, revisions[0].article);
    assert.ok(diff.some((d) => d.op === 'add' && d.text.includes('عنوان جديد')));
    assert.ok(diff.some((d) => d.op === 'add' && d.text.includes('فقرة ثانية')));
    const restored = await restoreRevision(store, author, id, 1, 3);
    assert.equal(restored.version, 4);
    const now = (await store.getArticle(id))!;
    assert.equal(now.title, revisions[2].article.title);
    assert.deepEqual(now.body, revisions[2].article.body);
    assert.equal((await listRevisions(store, id))[0].note, 'restored revision 1');
  });

  test('authors cannot change published articles; editors can', async () => {
    const store = await h.open();
    const { id } = await saveEdit(store, author, { article: makeArticle() });
    await transition(store, editor, id, 'publish');
    const a = (await store.getArticle(id))!;
    const v = (await articleState(store, id))!.version;
    await assert.rejects(saveEdit(store, author, { article: { ...a, title: 'تغيير' }, version: v }), ForbiddenError);
    assert.equal((await saveEdit(store, editor, { article: { ...a, title: 'تغيير' }, version: v })).changed, true);
  });

  test('scheduled articles go live when the server checks after their time', async () => {
    const store = await h.open();
    const { id } = await saveEdit(store, author, { article: makeArticle() });
    const t0 = new Date('2031-03-01T10:00:00Z');
    await assert.rejects(transition(store, editor, id, 'schedule', { publishAt: '2031-03-01T09:00:00Z', now: t0 }), /already passed/);
    await transition(store, editor, id, 'schedule', { publishAt: '2031-03-01T12:00:00Z', now: t0 });
    assert.deepEqual(await publishDue(store, new Date('2031-03-01T11:59:00Z')), []);
    assert.equal((await store.listArticles()).total, 0);
    assert.deepEqual(await publishDue(store, new Date('2031-03-01T12:00:01Z')), [id]);
    assert.equal((await articleState(store, id))!.status, 'published');
    assert.equal((await store.listArticles()).total, 1);
  });

  test('delete keeps a tombstone and the revisions', async () => {
    const store = await h.open();
    const { id } = await saveEdit(store, author, { article: makeArticle() });
    await assert.rejects(deleteWithTombstone(store, author, id), ForbiddenError);
    assert.equal(await deleteWithTombstone(store, editor, id), true);
    assert.equal(await store.getArticle(id), undefined);
    assert.equal((await listTombstones(store))[0].articleId, id);
    assert.equal((await listRevisions(store, id)).length, 1);
  });

  test('a crash in the middle of a save leaves the committed article, its revisions and the log as they were', async () => {
    const store = await h.open();
    const { id } = await saveEdit(store, editor, { article: makeArticle() });
    const before = (await store.getArticle(id))!;
    const auditBefore = (await listAudit(store)).length;
    afterSaveHooks.push(async () => {
      throw new Error('power cut');
    });
    try {
      await assert.rejects(saveEdit(store, editor, { article: { ...before, title: 'لن يُحفظ' }, version: 1 }), /power cut/);
    } finally {
      afterSaveHooks.pop();
    }
    assert.deepEqual(await store.getArticle(id), before);
    assert.equal((await articleState(store, id))!.version, 1);
    assert.equal((await listRevisions(store, id)).length, 1);
    assert.equal((await listAudit(store)).length, auditBefore);
  });

  test('translations view: missing translations, and translations older than their source', async () => {
    const store = await h.open();
    const ar = await saveEdit(store, editor, { article: makeArticle({ lang: 'ar' }) });
    const en = await saveEdit(store, editor, { article: makeArticle({ lang: 'en' }) });
    let report = await translationsReport(store);
    assert.deepEqual(report.missing.map((m) => m.missing).flat().sort(), ['ar', 'en']);
    await linkTranslation(store, editor, ar.id, en.id);
    report = await translationsReport(store);
    assert.equal(report.missing.length, 0);
    assert.equal(report.stale.length, 0);
    assert.equal((await store.getArticle(ar.id))!.translations[0].exists, true);
    await new Promise((r) => setTimeout(r, 5));
    const a = (await store.getArticle(ar.id))!;
    await saveEdit(store, editor, { article: { ...a, title: 'عنوان معدل' }, version: (await articleState(store, ar.id))!.version });
    report = await translationsReport(store);
    assert.equal(report.stale[0]?.translation.id, en.id);
  });
});
