/**
 * Imports never overwrite editors' work, on every engine: a re-import of a file whose article was edited
 * on the editors' side since its last import is a conflict naming the file and the article, and writes
 * nothing; `force` overwrites and the audit log records it; an unchanged re-import stays a no-op and a
 * changed file still updates an article nobody edited. Then the same through the real `mizan import`.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forEachEngine } from '../support/engines.ts';
import { runMizan } from '../support/cli.ts';
import { articleState, importFiles, importUpload, listAudit, saveEdit, type Editor } from '../../src/app/index.ts';

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
