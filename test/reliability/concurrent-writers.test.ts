/**
 * Writers wait, they never fail (issue: two importers and editors saving at once failed with "database
 * is locked" on SQLite). Two `mizan import` processes of many files each into one database while the
 * site runs and an editor saves through the admin, on both engines: every file imported, every save
 * answered 303 and present at the end.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { runMizan } from '../support/cli.ts';
import { addAccounts, signedIn, startServer, type AdminServer } from '../web/admin-client.ts';
import { cliTarget, writePages } from './support.ts';

const FILES = 60;
const FORM = { lang: 'ar', type: 'policy-analysis', summary: '', published: '', seriesName: '', seriesNumber: '', authors: '', topics: 'الأمن المائي', regions: '', note: '' };

forEachEngine('concurrent writers', (h) => {
  let store: TestStore;
  let server: AdminServer;
  const dir = mkdtempSync(join(tmpdir(), 'mizan-writers-'));
  before(async () => {
    store = await h.open();
    await addAccounts(store, ['editor']);
    server = await startServer(store);
  });
  after(async () => {
    await server?.close();
    await h.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  test('two importers and an editor saving at once: no failure, nothing lost', async () => {
    const a = writePages(dir, `a${h.engine[0]}`, FILES);
    const b = writePages(dir, `b${h.engine[0]}`, FILES);
    const { args, env } = cliTarget(h.lastTarget());
    const importers = [a, b].map((pages) => runMizan(['import', ...args, '--json', join(pages.files[0], '..')], { env }));

    // The editor writes and saves, again and again, until both importers are done.
    const editor = await signedIn(server.url, 'editor');
    let running = true;
    const finished = Promise.all(importers).finally(() => (running = false));
    const saves: { status: number; body: string }[] = [];
    const created = await editor.post('/admin/articles/new', { ...FORM, title: 'مسودة المحرر', slug: 'msodt-almhrr', body: 'النص الأول.', version: '' }, { csrf: await editor.csrfOf('/admin/articles/new') });
    assert.equal(created.status, 303, created.text.slice(0, 300));
    const edit = created.location!.replace('?saved=1', '');
    let lastBody = 'النص الأول.';
    for (let n = 1; running || n < 10; n++) {
      const form = await editor.get(edit);
      const version = /name="version" value="(\d+)"/.exec(form.text)?.[1] ?? '';
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
      const body = `نسخة رقم ${n} من نص المحرر.`;
      const r = await editor.post(edit, { ...FORM, title: 'مسودة المحرر', body, version }, { csrf });
      saves.push({ status: r.status, body });
      if (r.status === 303) lastBody = body;
    }
    const results = await finished;

    for (const r of results) {
      assert.equal(r.code, 0, r.stderr.slice(0, 500));
      const report = JSON.parse(r.stdout) as { files: { file: string; status: string; error?: string }[] };
      assert.equal(report.files.length, FILES);
      assert.deepEqual(report.files.filter((f) => f.status === 'failed'), []);
    }
    assert.deepEqual(saves.filter((s) => s.status !== 303), [], 'every save succeeded');
    assert.ok(saves.length >= 10);
    for (const path of [...a.paths, ...b.paths]) assert.ok(await store.getArticleByPath(path), `${path} is stored`);
    const id = edit.split('/').pop()!;
    const saved = await store.getArticle(id);
    assert.match(JSON.stringify(saved?.body), new RegExp(lastBody.replace(/\./g, '\\.')), 'the last save is what is stored');
  });
});
