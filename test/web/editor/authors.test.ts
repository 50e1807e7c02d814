/**
 * Authors come from the experts list, over real HTTP on every engine: an unknown name is refused (and no
 * expert page appears), creating an expert is its own act (editors, not authors), and the search finds
 * an expert from either script, with hamza and case folded.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { forEachEngine, type TestStore } from '../../support/engines.ts';
import { addAccounts, signedIn, startServer, type AdminServer } from '../admin-client.ts';

const FORM = { lang: 'ar', type: 'policy-analysis', summary: '', published: '', seriesName: '', seriesNumber: '', topics: '', regions: '', note: '', version: '', body: 'نص.' };

forEachEngine('authors from the experts list', (h) => {
  let store: TestStore;
  let server: AdminServer;
  before(async () => {
    store = await h.open();
    await addAccounts(store, ['author', 'editor']);
    server = await startServer(store);
  });
  after(async () => {
    await server?.close();
    await h.cleanup();
  });

  const experts = () => store.db.selectFrom('expert_names').select(['name', 'lang']).execute();

  test('a name that is no expert’s is refused, the words stay, and no expert page is created', async () => {
    const a = await signedIn(server.url, 'editor');
    const r = await a.post('/admin/articles/new', { ...FORM, title: 'مقالة بمؤلف مجهول', slug: 'unknown-author', authors: 'إبراهيم سليمن' }, { csrf: await a.csrfOf('/admin/articles/new') });
    assert.equal(r.status, 422);
    assert.match(r.text, /إبراهيم سليمن/);
    assert.match(r.text, /Experts|الخبراء|expert/i);
    assert.deepEqual(await experts(), []);
    assert.equal((await store.db.selectFrom('articles').select('id').execute()).length, 0);
  });

  test('an editor creates an expert in both languages; the search finds them from either script; the article names them', async () => {
    const author = await signedIn(server.url, 'author');
    const refused = await author.post('/admin/experts/new', { name_ar: 'إبراهيم سليمان', name_en: 'Ibrahim Suleiman' }, { csrf: await author.csrfOf('/admin/account') });
    assert.equal(refused.status, 403, 'creating an expert is an editor’s act');

    const a = await signedIn(server.url, 'editor');
    const made = await a.post('/admin/experts/new', { name_ar: 'إبراهيم سليمان', name_en: 'Ibrahim Suleiman', title_ar: 'باحث', title_en: 'Fellow', bio_ar: '', bio_en: '' }, { csrf: await a.csrfOf('/admin/experts/new') });
    assert.equal(made.status, 303, made.text.slice(0, 300));
    const again = await a.post('/admin/experts/new', { name_ar: 'إبراهيم سليمان', name_en: '' }, { csrf: await a.csrfOf('/admin/experts/new') });
    assert.equal(again.status, 409, 'the same name twice is refused');

    for (const q of ['ابراهيم', 'سليم', 'ibrah', 'SULEI']) {
      const res = await a.get(`/admin/experts/search?lang=ar&q=${encodeURIComponent(q)}`);
      const { experts: hits } = JSON.parse(res.text) as { experts: { name: string; names: Record<string, string> }[] };
      assert.equal(hits[0]?.name, 'إبراهيم سليمان', `search ${q}`);
      assert.equal(hits[0].names.en, 'Ibrahim Suleiman');
    }
    const en = JSON.parse((await a.get('/admin/experts/search?lang=en&q=سليمان')).text);
    assert.equal(en.experts[0].name, 'Ibrahim Suleiman', 'an Arabic query finds the English name of the same expert');

    const r = await a.post('/admin/articles/new', { ...FORM, title: 'مقالة بمؤلف معروف', slug: 'known-author', authors: 'إبراهيم سليمان' }, { csrf: await a.csrfOf('/admin/articles/new') });
    assert.equal(r.status, 303, r.text.slice(0, 300));
    const id = /articles\/([0-9a-f]+)/.exec(r.location!)![1];
    const article = (await store.getArticle(id))!;
    const ar = (await experts()).filter((e) => e.lang === 'ar');
    assert.equal(ar.length, 1, 'still one Arabic expert');
    assert.equal(article.authors[0].name, 'إبراهيم سليمان');
    assert.equal(article.authors[0].title, 'باحث');
    assert.equal((await a.get(article.authors[0].path)).status, 200);
  });
});
