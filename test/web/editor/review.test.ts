/**
 * Review of changes to published articles, over real HTTP on every engine: an edit to a published
 * article is a pending change (the public page unchanged), sending it for review records a notice to
 * each account that may publish in the outbox (shown in the admin), an author cannot approve, an editor
 * can, and only then do readers see the change.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CLI_EDITOR, createExpert, findUser, listOutbox, getPendingChange, nameOnArticle } from '../../../src/app/index.ts';
import { forEachEngine, type TestStore } from '../../support/engines.ts';
import { addAccounts, signedIn, startServer, type AdminServer } from '../admin-client.ts';

const FORM = { lang: 'ar', type: 'policy-analysis', summary: '', published: '', seriesName: '', seriesNumber: '', authors: 'كاتبة', topics: '', regions: '', note: '', version: '' };

forEachEngine('review of changes to published articles', (h) => {
  let store: TestStore;
  let server: AdminServer;
  before(async () => {
    store = await h.open();
    await addAccounts(store, ['author', 'editor', 'admin']);
    await createExpert(store, CLI_EDITOR, { names: { ar: 'كاتبة' } });
    server = await startServer(store);
  });
  after(async () => {
    await server?.close();
    await h.cleanup();
  });

  test('a change waits for approval while the published version stays live', async () => {
    const editor = await signedIn(server.url, 'editor');
    const made = await editor.post('/admin/articles/new', { ...FORM, title: 'العنوان المنشور', slug: 'reviewed', body: 'النص المنشور.' }, { csrf: await editor.csrfOf('/admin/articles/new') });
    const edit = made.location!.replace('?saved=1', '');
    const id = edit.split('/').pop()!;
    await editor.post(`${edit}/workflow`, { action: 'publish' }, { csrf: await editor.csrfOf(edit) });
    const path = (await store.getArticle(id))!.path;
    const publicText = async () => (await fetch(server.url + path)).text();
    assert.match(await publicText(), /النص المنشور/);

    // Authors change only articles they are named on: the editor names this one's author first.
    await nameOnArticle(store, CLI_EDITOR, id, (await findUser(store, 'author@example.org'))!.id);
    const author = await signedIn(server.url, 'author');
    const page = await author.get(edit);
    const version = /name="version" value="(\d+)"/.exec(page.text)![1];
    const saved = await author.post(edit, { ...FORM, title: 'العنوان المنشور', body: 'نص مقترح من الكاتبة.', version }, { csrf: await author.csrfOf(edit) });
    assert.equal(saved.status, 303, saved.text.slice(0, 300));
    assert.equal((await getPendingChange(store, id))?.status, 'draft');
    assert.match(await publicText(), /النص المنشور/);
    assert.doesNotMatch(await publicText(), /نص مقترح/, 'the public page is unchanged');
    const editing = await author.get(edit);
    assert.match(editing.text, /نص مقترح من الكاتبة/, 'the editor works on the change');
    assert.match(editing.text, /بانتظار الموافقة/);

    assert.equal((await author.post(`${edit}/change/submit`, {}, { csrf: await author.csrfOf(edit) })).status, 303);
    const notices = await listOutbox(store);
    assert.deepEqual(notices.map((n) => n.recipient).sort(), ['admin@example.org', 'editor@example.org']);
    assert.match(notices[0].subject, /العنوان المنشور/);
    assert.equal(notices[0].link, edit);
    const outboxPage = await editor.get('/admin/outbox');
    assert.equal(outboxPage.status, 200);
    assert.match(outboxPage.text, /editor@example.org/);
    assert.equal((await author.get('/admin/outbox')).status, 403);
    const queue = await editor.get('/admin/review');
    assert.match(queue.text, new RegExp(`href="${edit}"`));

    assert.equal((await author.post(`${edit}/change/approve`, {}, { csrf: await author.csrfOf(edit) })).status, 403, 'an author cannot approve');
    assert.doesNotMatch(await publicText(), /نص مقترح/);
    assert.equal((await editor.post(`${edit}/change/approve`, {}, { csrf: await editor.csrfOf(edit) })).status, 303);
    assert.equal(await getPendingChange(store, id), undefined);
    assert.match(await publicText(), /نص مقترح من الكاتبة/, 'approved: readers see the change');
  });
});
