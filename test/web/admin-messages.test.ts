/**
 * Issue 16: the editors' side speaks the editor's language in its errors too. A title over the limit,
 * a malformed date, an author who is no expert: the Arabic admin says so in Arabic (naming the field and
 * the limit), the English admin in English; never zod's "Too big: expected string to have <=1000 characters".
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CLI_EDITOR, createExpert } from '../../src/app/index.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { addAccounts, signedIn, startServer, type AdminServer } from './admin-client.ts';
import { at } from '../../src/web/admin/admin-i18n.ts';

const FORM = { lang: 'ar', type: 'policy-analysis', summary: '', published: '', seriesName: '', seriesNumber: '', authors: 'كاتب', topics: '', regions: '', note: '', version: '' };

forEachEngine('admin messages in the editor’s language', (h) => {
  let store: TestStore;
  let server: AdminServer;
  before(async () => {
    store = await h.open();
    await addAccounts(store, ['editor']);
    await createExpert(store, CLI_EDITOR, { names: { ar: 'كاتب' } });
    server = await startServer(store);
  });
  after(async () => {
    await server?.close();
    await h.cleanup();
  });

  const flashOf = (html: string) => /<p class="flash error"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1]?.trim() ?? '';

  test('Arabic: a title over 1,000 characters, a bad date and an unknown author, each named in Arabic', async () => {
    const a = await signedIn(server.url, 'editor');
    const csrf = await a.csrfOf('/admin/articles/new');
    const long = await a.post('/admin/articles/new', { ...FORM, title: 'ع'.repeat(1001), slug: 'tawil', body: 'نص.' }, { csrf });
    assert.equal(long.status, 422);
    assert.match(flashOf(long.text), /^العنوان: أطول من 1[,٬]?000 حرف$/);
    assert.doesNotMatch(long.text, /Too big|expected string/);
    const date = await a.post('/admin/articles/new', { ...FORM, title: 'تاريخ', slug: 'tarikh', published: '18/5/2023', body: 'نص.' }, { csrf });
    assert.match(flashOf(date.text), /اكتب تاريخ النشر بالصيغة YYYY-MM-DD/);
    const author = await a.post('/admin/articles/new', { ...FORM, title: 'مؤلف', slug: 'mualif', authors: 'سليم المجهول', body: 'نص.' }, { csrf });
    assert.match(flashOf(author.text), /ليس في قائمة الخبراء: سليم المجهول/);
    assert.equal((await store.db.selectFrom('articles').select('id').execute()).length, 0, 'nothing was saved');
  });

  test('English: the same title error in English', async () => {
    const a = await signedIn(server.url, 'editor');
    await a.post('/admin/lang', { lang: 'en' }, { csrf: await a.csrfOf() });
    const long = await a.post('/admin/articles/new', { ...FORM, title: 'ع'.repeat(1001), slug: 'tawil', body: 'نص.' }, { csrf: await a.csrfOf('/admin/articles/new') });
    assert.equal(long.status, 422);
    assert.match(flashOf(long.text), /^Title: longer than 1,000 characters$/);
  });
});

test('Arabic: a date-and-time example reads left to right inside the Arabic sentence (isolated), not as time before date', () => {
  const text = at('ar', 'err.bad-schedule');
  assert.ok(text.includes('\u20662027-05-18 09:00\u2069'), text);
});
