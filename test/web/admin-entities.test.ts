/**
 * Reviewing an article's suggested entities over real HTTP against a real server and database, on every
 * engine: an editor rejects a country and the public side forgets it (entities API, country page and its
 * JSON), the decision survives a re-save and a re-tag, authors see but may not decide, CSRF is required.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { formFromArticle, listAudit, saveEdit, transition, type Editor } from '../../src/app/index.ts';
import { retagAll } from '../../src/app/tag-article.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';
import { addAccounts, Client, signedIn, startServer, type AdminServer } from './admin-client.ts';

const SEEDER: Editor = { id: null, email: 'seed', ip: null, role: 'admin' };

forEachEngine('admin entity review over HTTP', (h) => {
  let store: TestStore;
  let server: AdminServer;
  let id: string;
  let path: string;
  const page = () => `/admin/articles/${id}/entities`;
  const publicIds = async (client: Client) => (JSON.parse((await client.get(`/api/articles/${id}/entities`)).text) as { id: string }[]).map((e) => e.id);
  const countryArticles = async (client: Client, code: string) => (JSON.parse((await client.get(`/api/countries/${code}`)).text) as { articles: { id: string }[] }).articles.map((a) => a.id);

  before(async () => {
    store = await h.open();
    await addAccounts(store);
    const article = makeArticle({
      lang: 'en',
      slug: 'naval-talks',
      body: [
        { kind: 'paragraph', text: 'In March 2022 Algeria and Russia signed a naval agreement in Algiers.', links: [] },
        { kind: 'paragraph', text: 'Officials in Madrid said Spain was watching the Algerian talks with Moscow closely.', links: [] },
      ],
    });
    id = (await saveEdit(store, SEEDER, { article })).id;
    path = article.path;
    await transition(store, SEEDER, id, 'publish');
    server = await startServer(store);
  });
  after(async () => {
    await server?.close();
    await h.cleanup();
  });

  test('the edit page links to the review page: a table with headers, salience in percent, buttons that name the entity, in Arabic first', async () => {
    const editor = await signedIn(server.url, 'editor');
    assert.match((await editor.get(`/admin/articles/${id}`)).text, new RegExp(`href="${page()}"`));
    const r = await editor.get(page());
    assert.equal(r.status, 200);
    assert.match(r.text, /<html lang="ar" dir="rtl">/);
    assert.match(r.text, /<th scope="col">الأهمية<\/th>/);
    assert.match(r.text, /<th scope="row"><bdi>إسبانيا<\/bdi><\/th>/);
    assert.match(r.text, /aria-label="رفض إسبانيا"/);
    assert.match(r.text, /aria-label="قبول إسبانيا"/);
    assert.match(r.text, /<td>100\u200e?%\u200e?<\/td>/, 'the most central entity at 100 percent');
    assert.doesNotMatch(r.text, /<script/);
    await editor.post('/admin/lang', { lang: 'en' }, { csrf: await editor.csrfOf() });
    const en = await editor.get(page());
    assert.match(en.text, /<th scope="col">Salience<\/th>/);
    assert.match(en.text, /aria-label="Reject Spain"/);
    assert.match(en.text, />Suggested</);
  });

  test('an editor rejects a country: gone from the entities API and the country page, kept in the audit log', async () => {
    const editor = await signedIn(server.url, 'editor');
    const reader = new Client(server.url);
    assert.ok((await publicIds(reader)).includes('ES'));
    assert.deepEqual(await countryArticles(reader, 'es'), [id]);
    assert.match((await reader.get('/countries/es')).text, new RegExp(`href="${path}"`));

    const r = await editor.post(page(), { kind: 'country', entity: 'ES', decision: 'rejected' }, { csrf: await editor.csrfOf(page()) });
    assert.equal(r.status, 303);
    assert.equal(r.location, `${page()}?saved=1`);
    const after = await editor.get(r.location!);
    assert.match(after.text, /حُفظ القرار/);
    assert.match(after.text, /مرفوض/);
    assert.doesNotMatch(after.text, /aria-label="رفض إسبانيا"/, 'no second Reject for what is rejected');
    assert.match(after.text, /aria-label="قبول إسبانيا"/, 'but it can be accepted again');

    assert.ok(!(await publicIds(reader)).includes('ES'));
    assert.ok((await publicIds(reader)).includes('DZ'));
    assert.deepEqual(await countryArticles(reader, 'es'), []);
    assert.doesNotMatch((await reader.get('/countries/es')).text, new RegExp(`href="${path}"`));
    assert.deepEqual(await countryArticles(reader, 'dz'), [id], 'the other countries keep the article');
    const entry = (await listAudit(store)).find((e) => e.action === 'entity.reject');
    assert.equal(entry?.user_email, 'editor@example.org');
    assert.equal(entry?.target, id);
    assert.deepEqual(entry?.detail, { kind: 'country', id: 'ES', from: 'suggested' });
  });

  test('the rejection survives a re-save of the article over HTTP and a re-tag of everything', async () => {
    const editor = await signedIn(server.url, 'editor');
    const reader = new Client(server.url);
    const article = (await store.getArticle(id))!;
    const version = Number((await store.db.selectFrom('articles').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version);
    const form = formFromArticle(article, version);
    const saved = await editor.post(`/admin/articles/${id}`, { ...form, body: `${form.body}\n\nSpain and Algeria also discussed gas prices.`, do: 'save' }, { csrf: await editor.csrfOf(`/admin/articles/${id}`) });
    assert.equal(saved.status, 303, saved.text.slice(0, 300));
    // The article is published: the save is its pending change, live once an editor approves it.
    const edit = `/admin/articles/${id}`;
    const liveText = async () => (await store.getArticle(id))!.body.map((b) => ('text' in b ? b.text : '')).join(' ');
    assert.doesNotMatch(await liveText(), /gas prices/, 'readers see the published version until the change is approved');
    assert.equal((await editor.post(`${edit}/change/approve`, {}, { csrf: await editor.csrfOf(edit) })).status, 303);
    assert.match(await liveText(), /gas prices/);
    assert.ok(!(await publicIds(reader)).includes('ES'));
    await retagAll(store);
    assert.ok(!(await publicIds(reader)).includes('ES'));
    assert.deepEqual(await countryArticles(reader, 'es'), []);
    assert.match((await editor.get(page())).text, /<bdi>إسبانيا<\/bdi>[\s\S]*?مرفوض/, 'the review page still shows it, rejected');
  });

  test('an author sees the suggestions but may not decide (403); nothing changes', async () => {
    const author = await signedIn(server.url, 'author');
    const r = await author.get(page());
    assert.equal(r.status, 200);
    assert.match(r.text, /<bdi>روسيا<\/bdi>/);
    assert.doesNotMatch(r.text, /aria-label="رفض/, 'no decision buttons for authors');
    const refused = await author.post(page(), { kind: 'country', entity: 'RU', decision: 'rejected' }, { csrf: await author.csrfOf() });
    assert.equal(refused.status, 403);
    assert.ok((await publicIds(new Client(server.url))).includes('RU'));
  });

  test('a decision without the CSRF token or from another origin is refused; unknown entities and decisions are not recorded', async () => {
    const editor = await signedIn(server.url, 'editor');
    const csrf = await editor.csrfOf(page());
    assert.equal((await editor.post(page(), { kind: 'country', entity: 'RU', decision: 'rejected' })).status, 403);
    assert.equal((await editor.post(page(), { kind: 'country', entity: 'RU', decision: 'rejected' }, { csrf, origin: 'https://evil.example' })).status, 403);
    assert.equal((await editor.post(page(), { kind: 'country', entity: 'FR', decision: 'rejected' }, { csrf })).status, 404);
    assert.equal((await editor.post(page(), { kind: 'country', entity: 'RU', decision: 'suggested' }, { csrf })).status, 422);
    assert.equal((await editor.post('/admin/articles/nope/entities', { kind: 'country', entity: 'RU', decision: 'rejected' }, { csrf })).status, 404);
    assert.ok((await publicIds(new Client(server.url))).includes('RU'));
  });
});
