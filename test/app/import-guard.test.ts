/**
 * Imports never overwrite editors' work, on every engine: a re-import of a file whose article was edited
 * on the editors' side since its last import is a conflict naming the file and the article, and writes
 * nothing; `force` overwrites and the audit log records it; an unchanged re-import stays a no-op and a
 * changed file still updates an article nobody edited. Editors' work includes a change to a published
 * article waiting for review (the live text is untouched) and a status step (unpublished, scheduled).
 * Then the same through the real `mizan import`.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forEachEngine } from '../support/engines.ts';
import { runMizan } from '../support/cli.ts';
import { articleState, getPendingChange, importFiles, importUpload, listAudit, proposeChange, publishDue, saveEdit, transition, type Editor } from '../../src/app/index.ts';

const editor: Editor = { id: 'u-editor', email: 'editor@example.org', ip: '192.0.2.2', role: 'editor' };
const dir = mkdtempSync(join(tmpdir(), 'mizan-import-guard-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function page(title: string, para: string): string {
  return `---\nlang: ar\ntype: brief-analysis\ntitle: ${title}\nsummary: ملخص كتبناه لاختبار إعادة الاستيراد.\npublished: 2024-03-02\npath: /ar/policy-analysis/iadt-alastyrad\n---\n\n${para}\n`;
}

forEachEngine('imports never overwrite editors’ work', (h) => {
  after(() => h.cleanup());

  test('re-import: unchanged is a no-op, un-edited updates, edited is a conflict until forced (audited)', async () => {
    const store = await h.open();
    const file = join(dir, `${h.engine}-page.md`);
    writeFileSync(file, page('عنوان أول', 'فقرة أولى من الملف.'));
    const first = await importFiles(store, [file]);
    assert.equal(first.files[0].status, 'created', first.files[0].error);
    const id = first.files[0].articles[0];
    assert.equal((await importFiles(store, [file])).files[0].status, 'unchanged');
    const v0 = (await articleState(store, id))!.version;
    assert.equal((await importFiles(store, [file])).files[0].status, 'unchanged');
    assert.equal((await articleState(store, id))!.version, v0, 'an unchanged re-import writes nothing');

    writeFileSync(file, page('عنوان أول', 'فقرة أولى من الملف، مصححة في الملف.'));
    assert.equal((await importFiles(store, [file])).files[0].status, 'updated', 'nobody edited it: the file wins');

    // An editor corrects the title on the editors' side.
    const a = (await store.getArticle(id))!;
    await saveEdit(store, editor, { article: { ...a, title: 'عنوان صححه المحرر' }, version: (await articleState(store, id))!.version });
    writeFileSync(file, page('عنوان أول', 'فقرة ثالثة من الملف.'));
    const conflict = await importFiles(store, [file]);
    assert.equal(conflict.files[0].status, 'conflict');
    assert.ok(conflict.files[0].error!.startsWith(`${file}: conflict: "عنوان صححه المحرر" (/ar/policy-analysis/iadt-alastyrad, ${id})`), conflict.files[0].error);
    assert.match(conflict.files[0].error!, /--force/);
    const kept = (await store.getArticle(id))!;
    assert.equal(kept.title, 'عنوان صححه المحرر', "the editor's correction stays");
    assert.ok(!JSON.stringify(kept.body).includes('فقرة ثالثة'), 'nothing from the file was written');
    assert.equal((await importFiles(store, [file], { dryRun: true })).files[0].status, 'conflict', 'a dry run reports it too');

    const forced = await importFiles(store, [file], { force: true });
    assert.equal(forced.files[0].status, 'updated');
    assert.ok(forced.warnings.some((w) => w.code === 'overwrote-edits' && w.file === file));
    assert.equal((await store.getArticle(id))!.title, 'عنوان أول');
    const entry = (await listAudit(store)).find((e) => e.action === 'article.import-overwrite');
    assert.ok(entry, 'the overwrite is in the audit log');
    assert.equal(entry.target, id);
    assert.equal(entry.user_email, 'cli');
    assert.equal(entry.detail.file, file);
    assert.equal((await importFiles(store, [file])).files[0].status, 'unchanged', 'after the forced import, the file is the last import again');
  });

  test('a change to the published article waiting for review is editors’ work: conflict, and --force discards it (audited)', async () => {
    const store = await h.open();
    const file = join(dir, `${h.engine}-pending.md`);
    writeFileSync(file, page('عنوان منشور', 'فقرة منشورة من الملف.'));
    const id = (await importFiles(store, [file])).files[0].articles[0];
    const a = (await store.getArticle(id))!;
    // The editor proposes a change: the live article (and its hash) stay as the import left them.
    await proposeChange(store, editor, { article: { ...a, title: 'عنوان مقترح ينتظر المراجعة' }, version: (await articleState(store, id))!.version });
    assert.equal((await store.getArticle(id))!.title, 'عنوان منشور', 'the live text is untouched until approval');
    assert.equal((await importFiles(store, [file])).files[0].status, 'unchanged', 'an unchanged file writes nothing and so overwrites nothing');

    writeFileSync(file, page('عنوان منشور', 'فقرة منشورة من الملف، معدلة.'));
    const conflict = await importFiles(store, [file]);
    assert.equal(conflict.files[0].status, 'conflict', conflict.files[0].error);
    assert.match(conflict.files[0].error!, /waiting for review/);
    assert.equal((await getPendingChange(store, id))?.article.title, 'عنوان مقترح ينتظر المراجعة', 'the pending change stays');
    assert.ok(!JSON.stringify((await store.getArticle(id))!.body).includes('معدلة'), 'nothing from the file was written');

    const forced = await importFiles(store, [file], { force: true });
    assert.equal(forced.files[0].status, 'updated');
    assert.ok(JSON.stringify((await store.getArticle(id))!.body).includes('معدلة'));
    assert.equal(await getPendingChange(store, id), undefined, 'the overwritten pending change is gone (its revision stays)');
    const entry = (await listAudit(store)).find((e) => e.action === 'article.import-overwrite' && e.target === id);
    assert.equal(entry?.detail.reason, 'pending');
  });

  test('a status step in the admin (unpublish, schedule) is editors’ work: conflict until forced', async () => {
    const store = await h.open();
    const file = join(dir, `${h.engine}-status.md`);
    writeFileSync(file, page('عنوان سيُسحب', 'فقرة أولى.'));
    const id = (await importFiles(store, [file])).files[0].articles[0];
    await transition(store, editor, id, 'unpublish');
    writeFileSync(file, page('عنوان سيُسحب', 'فقرة ثانية من الملف.'));
    const unpublished = await importFiles(store, [file]);
    assert.equal(unpublished.files[0].status, 'conflict', unpublished.files[0].error);
    assert.match(unpublished.files[0].error!, /was unpublished on the editors' side/);
    assert.equal((await articleState(store, id))!.status, 'unpublished');
    // A file that declares a state would have republished it: refused all the same.
    writeFileSync(file, page('عنوان سيُسحب', 'فقرة أولى.').replace('published: 2024-03-02', 'published: 2024-03-02\nstatus: published'));
    assert.equal((await importFiles(store, [file])).files[0].status, 'conflict');
    assert.equal((await articleState(store, id))!.status, 'unpublished');

    const forced = await importFiles(store, [file], { force: true });
    assert.equal(forced.files[0].status, 'updated', forced.files[0].error);
    assert.equal((await articleState(store, id))!.status, 'published', 'forced, the file’s state wins');
    assert.equal((await listAudit(store)).find((e) => e.action === 'article.import-overwrite' && e.target === id)?.detail.reason, 'status');

    // Scheduled in the admin: the same.
    await transition(store, editor, id, 'unpublish');
    await transition(store, editor, id, 'schedule', { publishAt: new Date(Date.now() + 86_400_000).toISOString() });
    writeFileSync(file, page('عنوان سيُسحب', 'فقرة ثالثة.'));
    const scheduled = await importFiles(store, [file]);
    assert.equal(scheduled.files[0].status, 'conflict');
    assert.match(scheduled.files[0].error!, /was scheduled on the editors' side/);
    assert.equal((await articleState(store, id))!.status, 'scheduled');
  });

  test('a schedule the file set that fell due is the file’s intent carried out, not an edit', async () => {
    const store = await h.open();
    const file = join(dir, `${h.engine}-due.md`);
    const due = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = (para: string) => page('عنوان مجدول', para).replace('published: 2024-03-02', `published: 2024-03-02\nstatus: scheduled\npublishAt: ${due}`);
    writeFileSync(file, scheduled('فقرة أولى.'));
    const id = (await importFiles(store, [file])).files[0].articles[0];
    assert.equal((await articleState(store, id))!.status, 'scheduled');
    await publishDue(store, new Date(Date.parse(due) + 1000));
    assert.equal((await articleState(store, id))!.status, 'published');
    writeFileSync(file, page('عنوان مجدول', 'فقرة ثانية.'));
    assert.equal((await importFiles(store, [file])).files[0].status, 'updated');
  });

  test('the admin upload refuses the same conflict and records a forced overwrite under the editor', async () => {
    const store = await h.open();
    const bytes = (title: string) => new TextEncoder().encode(page(title, 'فقرة من ملف مرفوع.'));
    const up = await importUpload(store, editor, 'page.md', bytes('عنوان مرفوع'));
    const id = up.articles[0].id;
    assert.equal((await importUpload(store, editor, 'page.md', bytes('عنوان مرفوع'))).articles[0].status, 'unchanged');
    assert.equal((await importUpload(store, editor, 'page.md', bytes('عنوان مرفوع ثان'))).articles[0].status, 'updated');
    const a = (await store.getArticle(id))!;
    await saveEdit(store, editor, { article: { ...a, summary: 'ملخص صححه المحرر.' }, version: (await articleState(store, id))!.version });
    await assert.rejects(importUpload(store, editor, 'page.md', bytes('عنوان ثالث')), (err: Error & { status?: number }) => err.name === 'ImportConflictError' && err.status === 409);
    assert.equal((await store.getArticle(id))!.summary, 'ملخص صححه المحرر.');
    const forced = await importUpload(store, editor, 'page.md', bytes('عنوان ثالث'), { force: true });
    assert.equal(forced.articles[0].status, 'overwritten');
    assert.ok((await listAudit(store)).some((e) => e.action === 'article.import-overwrite' && e.user_email === editor.email));
  });

  test('mizan import: a conflict names file and article and exits 1; --force overwrites', async () => {
    await h.open();
    const target = h.lastTarget();
    const where = target.db ? ['--db', target.db] : [];
    const env = target.url ? { DATABASE_URL: target.url, MIZAN_PG_SCHEMA: target.schema! } : undefined;
    const file = join(dir, `${h.engine}-cli.md`);
    writeFileSync(file, page('عنوان من سطر الأوامر', 'فقرة أولى.'));
    const first = await runMizan(['import', file, ...where], { env });
    assert.equal(first.code, 0, first.stderr + first.stdout);
    // The article is edited on the editors' side (through the store, as the admin does).
    const { openStore } = await import('../../src/store/index.ts');
    const store = await openStore(target);
    try {
      const row = await store.db.selectFrom('articles').select('id').where('path', '=', '/ar/policy-analysis/iadt-alastyrad').executeTakeFirstOrThrow();
      const a = (await store.getArticle(row.id))!;
      await saveEdit(store, editor, { article: { ...a, title: 'عنوان عدله محرر' }, version: (await articleState(store, row.id))!.version });
    } finally {
      await store.close();
    }
    writeFileSync(file, page('عنوان من سطر الأوامر', 'فقرة معدلة في الملف.'));
    const refused = await runMizan(['import', file, ...where], { env });
    assert.equal(refused.code, 1, refused.stdout);
    assert.match(refused.stdout, new RegExp(`^conflict +${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: conflict: "عنوان عدله محرر"`, 'm'));
    assert.match(refused.stdout, /1 in conflict/);
    const forced = await runMizan(['import', file, '--force', ...where], { env });
    assert.equal(forced.code, 0, forced.stdout + forced.stderr);
    assert.match(forced.stdout, /^updated /m);
    assert.match(forced.stdout, /overwrote-edits/);
  });
});
