import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_EDITOR, DEMO_DIR, edb, exportArticles, importFiles, saveEdit, searchArticles, transition } from '../../src/app/index.ts';
import type { Article } from '../../src/model/index.ts';
import { parseSearchQuery } from '../../src/search/index.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';
import { runMizan } from '../support/cli.ts';
import { SEED_FILE, seedSkip } from '../support/seed.ts';

const dir = mkdtempSync(join(tmpdir(), 'mizan-export-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const byId = (xs: Article[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));

forEachEngine('exportArticles', (h) => {
  after(() => h.cleanup());

  test('export as md and as json, import into an empty store: the same articles', { skip: seedSkip }, async () => {
    const store = await h.open();
    const first = await importFiles(store, [SEED_FILE, DEMO_DIR]);
    assert.ok(first.files.every((f) => f.status === 'created'), JSON.stringify(first.files.filter((f) => f.status === 'failed')));
    const stored: Article[] = [];
    for await (const a of store.allArticles()) stored.push(a);
    for (const format of ['md', 'json'] as const) {
      const out = join(dir, `${h.engine}-${format}`);
      const { files } = await exportArticles(store, { format, out });
      assert.equal(files.length, stored.length);
      const again = await importFiles(store, [out]);
      assert.ok(again.files.every((f) => f.status === 'unchanged'), `${format}: re-import into the same store changes nothing`);
      const target = await h.open();
      await importFiles(target, [out], { dryRun: false });
      // Compared as stored (an import's report adds the countries the knowledge layer tagged).
      const copied: Article[] = [];
      for await (const a of target.allArticles()) copied.push(a);
      assert.deepEqual(byId(copied), byId(stored), `${format}: the same articles`);
    }
  });

  // Regression (issue 20, item 5): export then import brought back a draft, an article in review, a
  // scheduled one and an unpublished one all published and searchable.
  test('export then import keeps every article’s state and schedule; only the published one is public', async () => {
    const store = await h.open();
    const publishAt = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
    const states = ['draft', 'review', 'scheduled', 'unpublished', 'published'] as const;
    const ids: Record<string, string> = {};
    for (const state of states) {
      const article = makeArticle({ slug: `halat-${state}`, title: `مقال عن الموانئ الجزائرية في حالة ${state}` });
      const { id } = await saveEdit(store, CLI_EDITOR, { article });
      ids[state] = id;
      if (state === 'review') await transition(store, CLI_EDITOR, id, 'submit');
      if (state === 'scheduled') await transition(store, CLI_EDITOR, id, 'schedule', { publishAt });
      if (state === 'published' || state === 'unpublished') await transition(store, CLI_EDITOR, id, 'publish');
      if (state === 'unpublished') await transition(store, CLI_EDITOR, id, 'unpublish');
    }
    const hits = async (s: TestStore) => (await searchArticles(s, parseSearchQuery({ q: 'الموانئ الجزائرية' }))).hits.map((x) => x.id);
    assert.deepEqual(await hits(store), [ids.published]);
    for (const format of ['md', 'json'] as const) {
      const out = join(dir, `${h.engine}-states-${format}`);
      const exported = await exportArticles(store, { format, out });
      assert.deepEqual(exported.states, { draft: 1, review: 1, scheduled: 1, unpublished: 1, published: 1 });
      const fresh = await h.open();
      const report = await importFiles(fresh, [out]);
      assert.ok(report.files.every((f) => f.status === 'created'), JSON.stringify(report.files));
      const rows = await edb(fresh).selectFrom('articles').select(['id', 'status']).execute();
      assert.deepEqual(Object.fromEntries(rows.map((r) => [r.id, r.status])), Object.fromEntries(states.map((s) => [ids[s], s])), `${format}: states kept`);
      const schedule = await edb(fresh).selectFrom('schedule').selectAll().execute();
      assert.deepEqual(schedule, [{ article_id: ids.scheduled, publish_at: publishAt }], `${format}: the schedule kept`);
      assert.deepEqual(await hits(fresh), [ids.published], `${format}: nothing private is searchable`);
      // Importing the same files again over the new store changes nothing, and publishes nothing.
      assert.ok((await importFiles(fresh, [out])).files.every((f) => f.status === 'unchanged'));
      assert.deepEqual(await hits(fresh), [ids.published]);
    }
  });

  test('a page file without a state does not publish the draft it updates', async () => {
    const store = await h.open();
    const article = makeArticle({ slug: 'maswada', title: 'مسودة عن الموانئ الجزائرية' });
    const { id } = await saveEdit(store, CLI_EDITOR, { article });
    const file = join(dir, `${h.engine}-plain.json`);
    writeFileSync(file, JSON.stringify({ ...article, summary: 'ملخص جديد من ملف' }));
    // The draft was written in the admin: a plain re-import is a conflict (issue 16); forced, it updates the words only.
    assert.equal((await importFiles(store, [file])).files[0]!.status, 'conflict');
    const report = await importFiles(store, [file], { force: true });
    assert.equal(report.files[0]!.status, 'updated');
    const row = await edb(store).selectFrom('articles').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'draft');
    assert.deepEqual((await searchArticles(store, parseSearchQuery({ q: 'الموانئ' }))).hits, []);
  });
});

test('mizan export says what it leaves out and points at mizan backup', async () => {
  const db = join(dir, 'cli.db');
  const out = join(dir, 'cli-out');
  const page = join(dir, 'cli-page.md');
  writeFileSync(page, '---\ntitle: صفحة للتصدير\nlang: ar\nstatus: draft\n---\n\nفقرة.\n');
  assert.equal((await runMizan(['import', page, '--db', db])).code, 0);
  const r = await runMizan(['export', '--format', 'md', '--out', out, '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /wrote 1 article .*\(1 draft; each keeps its state\)/);
  assert.match(r.stderr, /revisions, accounts .* not exported .*mizan backup FILE/);
});

test('mizan export into a file, or under one, is refused by name, and nothing is written', async () => {
  const db = join(dir, 'cli-place.db');
  const page = join(dir, 'cli-place.md');
  writeFileSync(page, '---\ntitle: صفحة للتصدير\nlang: ar\n---\n\nفقرة.\n');
  assert.equal((await runMizan(['import', page, '--db', db])).code, 0);
  const file = join(dir, 'not-a-folder');
  writeFileSync(file, 'a file\n');
  for (const out of [file, join(file, 'export')]) {
    const r = await runMizan(['export', '--out', out, '--db', db]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, `mizan: cannot export into ${out}: ${file} is a file, not a folder\n`);
  }
  assert.equal(readFileSync(file, 'utf8'), 'a file\n');
});
