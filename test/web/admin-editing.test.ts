/**
 * Editing over real HTTP, on every engine: two editors on one article (the second is told, and keeps
 * their words), the server-rendered preview, the interface language switch, and enrolling a second
 * factor that the next sign-in then requires.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { base32Decode, CLI_EDITOR, createExpert, totp } from '../../src/app/index.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { addAccounts, Client, signedIn, startServer, type AdminServer } from './admin-client.ts';

const FORM = { lang: 'ar', type: 'policy-analysis', summary: '', published: '', seriesName: '', seriesNumber: '', authors: 'كاتب', topics: '', regions: '', note: '', version: '' };

forEachEngine('admin editing over HTTP', (h) => {
  let store: TestStore;
  let server: AdminServer;
  before(async () => {
    store = await h.open();
    await addAccounts(store, ['editor', 'admin']);
    await createExpert(store, CLI_EDITOR, { names: { ar: 'كاتب' } });
    server = await startServer(store);
  });
  after(async () => {
    await server?.close();
    await h.cleanup();
  });

  test('two editors save the same version: the second gets 409, a clear message, and their own words back', async () => {
    const a = await signedIn(server.url, 'editor');
    const b = await signedIn(server.url, 'admin');
    const created = await a.post('/admin/articles/new', { ...FORM, title: 'مقالة مشتركة', slug: 'mqala-mshtrka', body: 'نص أول.' }, { csrf: await a.csrfOf('/admin/articles/new') });
    const edit = created.location!.replace('?saved=1', '');
    const csrfA = await a.csrfOf(edit);
    const csrfB = await b.csrfOf(edit);
    const first = await a.post(edit, { ...FORM, title: 'مقالة مشتركة', body: 'كلمات المحرر الأول.', version: '1' }, { csrf: csrfA });
    assert.equal(first.status, 303);
    const second = await b.post(edit, { ...FORM, title: 'مقالة مشتركة', body: 'كلمات المحرر الثاني التي يجب ألا تضيع.', version: '1' }, { csrf: csrfB });
    assert.equal(second.status, 409);
    assert.match(second.text, /حفظ شخص آخر هذه المقالة/);
    assert.match(second.text, /كلمات المحرر الثاني التي يجب ألا تضيع/, 'the second editor’s words are still in the form');
    assert.match(second.text, /كلمات المحرر الأول/, 'and the saved version is shown beside them');
  });

  test('the preview is rendered on the server, sanitized, without saving', async () => {
    const a = await signedIn(server.url, 'editor');
    const before = await store.countArticles();
    const r = await a.post('/admin/articles/new', { ...FORM, title: 'معاينة', body: '## عنوان فرعي\n\nفقرة <img src=x onerror=alert(1)> مع [رابط](https://example.org).', do: 'preview' }, { csrf: await a.csrfOf('/admin/articles/new') });
    assert.equal(r.status, 200);
    const preview = r.text.slice(r.text.indexOf('class="preview"'));
    assert.match(preview, /<h2>عنوان فرعي<\/h2>/);
    assert.match(preview, /href="https:\/\/example.org"/);
    assert.doesNotMatch(preview, /<img/);
    assert.equal(await store.countArticles(), before);
  });

  test('the interface is Arabic first and switches to English', async () => {
    const a = await signedIn(server.url, 'editor');
    assert.match((await a.get('/admin')).text, /<html lang="ar" dir="rtl">/);
    const r = await a.post('/admin/lang', { lang: 'en' }, { csrf: await a.csrfOf(), headers: { referer: server.url + '/admin/translations' } });
    assert.equal(r.location, '/admin/translations');
    const page = await a.get('/admin');
    assert.match(page.text, /<html lang="en" dir="ltr">/);
    assert.match(page.text, />Articles</);
  });

  test('after enrolling TOTP, signing in asks for a code and refuses a wrong one', async () => {
    const a = await signedIn(server.url, 'admin');
    assert.match((await a.get('/admin')).text, /href="\/admin\/account"/);
    await a.post('/admin/account/totp', {}, { csrf: await a.csrfOf() });
    const account = await a.get('/admin/account');
    const secret = /id="totp-secret">([A-Z2-7]+)</.exec(account.text)![1];
    // The previous step's code is accepted only until the next step begins: keep clear of a boundary.
    if (Date.now() % 30_000 > 20_000) await new Promise((r) => setTimeout(r, 30_100 - (Date.now() % 30_000)));
    const code = totp(base32Decode(secret), Date.now() - 30_000);
    assert.equal((await a.post('/admin/account/totp/confirm', { code }, { csrf: await a.csrfOf() })).status, 200);
    // A signed-in session cannot turn it off or replace it.
    assert.equal((await a.post('/admin/account/totp', {}, { csrf: await a.csrfOf() })).status, 409);

    const b = new Client(server.url);
    const step1 = await b.signIn('admin@example.org');
    assert.equal(step1.location, '/admin/sign-in/code');
    assert.equal((await b.get('/admin')).status, 303, 'half signed in opens nothing');
    const wrong = await b.post('/admin/sign-in/code', { code: '000000' }, { csrf: await b.csrfOf('/admin/sign-in/code') });
    assert.equal(wrong.status, 401);
    const before = b.cookies.get('mizan_session');
    const ok = await b.post('/admin/sign-in/code', { code: totp(base32Decode(secret), Date.now()) }, { csrf: await b.csrfOf('/admin/sign-in/code') });
    assert.equal(ok.location, '/admin');
    assert.notEqual(b.cookies.get('mizan_session'), before, 'a new session id after the second factor');
    assert.equal((await b.get('/admin')).status, 200);
  });
});
