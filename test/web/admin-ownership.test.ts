/**
 * Regression (issue 20, item 6): any author could open, save and submit another author's draft. The role
 * × capability table now has an owner column: for every admin route and every actor (an author who owns
 * the article, an author who does not, an editor, an admin), the server allows exactly what the table
 * and ownership say, over real HTTP on every engine.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { addUser, can, CLI_EDITOR, createExpert, nameOnArticle, ROLES, saveIssue, type Role } from '../../src/app/index.ts';
import { ADMIN_ROUTES } from '../../src/web/routes/admin.tsx';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { FAST } from '../app/fast-cost.ts';
import { addAccounts, Client, PASSWORD, signedIn, startServer, type AdminServer } from './admin-client.ts';

/** Routes that change one article: allowed to an author only on an article the author owns. */
const changesArticle = (route: { method: string; path: string }) => route.method === 'POST' && route.path.startsWith('/admin/articles/:id');

interface Actor {
  name: string;
  role: Role;
  email: string;
  owns: boolean;
}

forEachEngine('article ownership over HTTP', (h) => {
  let store: TestStore;
  let server: AdminServer;
  let mine: string; // created by author@example.org through the form
  let other: string; // a translation partner for the link route
  let issueId = '';

  before(async () => {
    store = await h.open();
    await addAccounts(store);
    await addUser(store, { email: 'author2@example.org', role: 'author', password: PASSWORD }, { cost: FAST });
    // Authors are picked from the experts list: the one the forms name exists first.
    await createExpert(store, CLI_EDITOR, { names: { ar: 'كاتب' } });
    server = await startServer(store);
    const author = await signedIn(server.url, 'author');
    const create = async (client: Client, lang: string, slug: string, title: string) => {
      const csrf = await client.csrfOf('/admin/articles/new');
      const r = await client.post('/admin/articles/new', { ...articleForm(lang, slug, title), version: '' }, { csrf });
      assert.equal(r.status, 303, r.text.slice(0, 300));
      return /\/admin\/articles\/([^?]+)/.exec(r.location!)![1]!;
    };
    mine = await create(author, 'ar', 'maqal-alkatib-alawal', 'مقال الكاتب الأول عن الموانئ');
    // A newsletter issue, for the routes that name one.
    issueId = (await saveIssue(store, { lang: 'ar', subject: 'نشرة', lead: '', articleIds: [mine] }, null)).id;
    other = await create(await signedIn(server.url, 'editor'), 'en', 'ports-english', 'Ports, in English');
  });
  after(async () => {
    await server?.close();
    await h.cleanup();
  });

  const actors: Actor[] = [
    { name: 'author (owner)', role: 'author', email: 'author@example.org', owns: true },
    { name: 'author (not named)', role: 'author', email: 'author2@example.org', owns: false },
    { name: 'editor', role: 'editor', email: 'editor@example.org', owns: false },
    { name: 'admin', role: 'admin', email: 'admin@example.org', owns: false },
  ];

  test('every admin route × every actor: the role table and ownership decide, on the server', async () => {
    assert.deepEqual([...new Set(actors.map((a) => a.role))].sort(), [...ROLES].sort(), 'every role is walked');
    const title = async () => (await store.getArticle(mine))!.title;
    const before = await title();
    for (const actor of actors) {
      const client = new Client(server.url);
      assert.equal((await client.signIn(actor.email)).status, 303);
      for (const route of ADMIN_ROUTES) {
        const allowed = can(actor.role, route.cap) && (!changesArticle(route) || actor.owns || can(actor.role, 'article.write-any'));
        const path = route.path.replace(':id', mine).replace(':n', '1').replace(':issue', issueId);
        if (route.method === 'GET') {
          assert.equal((await client.get(path)).status, allowed ? 200 : 403, `${actor.name} GET ${route.path}`);
          continue;
        }
        if (allowed) continue; // what is allowed is exercised below, one step at a time
        const version = String((await store.db.selectFrom('articles').select('version').where('id', '=', mine).executeTakeFirstOrThrow()).version);
        const csrf = await client.csrfOf();
        const fields = { ...articleForm('ar', 'maqal-alkatib-alawal', 'عنوان كتبه غير المالك'), version, action: 'submit', other, related: other, do: 'disable' };
        const r = await client.post(path, fields, { csrf });
        assert.equal(r.status, 403, `${actor.name} POST ${route.path}: ${r.status}`);
      }
    }
    assert.equal(await title(), before, 'no refused request changed the article');
    assert.equal((await store.db.selectFrom('articles').select('status').where('id', '=', mine).executeTakeFirstOrThrow()).status, 'draft');
  });

  test('the owner edits and submits; another author only reads it (no form, no steps); an editor edits it', async () => {
    const owner = await signedIn(server.url, 'author');
    const page = await (await signedIn(server.url, 'editor')).get(`/admin/articles/${mine}`);
    assert.match(page.text, /name="title"/);
    const other2 = new Client(server.url);
    await other2.signIn('author2@example.org');
    const readOnly = await other2.get(`/admin/articles/${mine}`);
    assert.equal(readOnly.status, 200);
    assert.doesNotMatch(readOnly.text, /value="submit"/, 'no workflow step offered to another author');

    const version = () => store.db.selectFrom('articles').select('version').where('id', '=', mine).executeTakeFirstOrThrow().then((r) => String(r.version));
    let csrf = await owner.csrfOf(`/admin/articles/${mine}`);
    const saved = await owner.post(`/admin/articles/${mine}`, { ...articleForm('ar', 'maqal-alkatib-alawal', 'عنوان عدله المالك'), version: await version() }, { csrf });
    assert.equal(saved.status, 303, saved.text.slice(0, 300));
    assert.equal((await store.getArticle(mine))!.title, 'عنوان عدله المالك');
    const editor = await signedIn(server.url, 'editor');
    csrf = await editor.csrfOf(`/admin/articles/${mine}`);
    const edited = await editor.post(`/admin/articles/${mine}`, { ...articleForm('ar', 'maqal-alkatib-alawal', 'عنوان عدله المحرر'), version: await version() }, { csrf });
    assert.equal(edited.status, 303);
    csrf = await owner.csrfOf(`/admin/articles/${mine}`);
    assert.equal((await owner.post(`/admin/articles/${mine}/workflow`, { action: 'submit' }, { csrf })).status, 303);
    assert.equal((await store.db.selectFrom('articles').select('status').where('id', '=', mine).executeTakeFirstOrThrow()).status, 'review');
  });

  test('an author named on an article by an editor may edit it', async () => {
    const user = await store.db.selectFrom('users' as any).select('id' as any).where('email' as any, '=', 'author2@example.org').executeTakeFirstOrThrow();
    await nameOnArticle(store, CLI_EDITOR, other, (user as { id: string }).id);
    const named = new Client(server.url);
    await named.signIn('author2@example.org');
    const csrf = await named.csrfOf(`/admin/articles/${other}`);
    const version = String((await store.db.selectFrom('articles').select('version').where('id', '=', other).executeTakeFirstOrThrow()).version);
    const r = await named.post(`/admin/articles/${other}`, { ...articleForm('en', 'ports-english', 'Ports, edited by a named author'), version }, { csrf });
    assert.equal(r.status, 303, r.text.slice(0, 300));
  });
});

function articleForm(lang: string, slug: string, title: string): Record<string, string> {
  return { lang, type: 'policy-analysis', title, slug, summary: 'ملخص', published: '2024-03-01', seriesName: '', seriesNumber: '', authors: lang === 'ar' ? 'كاتب' : '', topics: 'موضوع', regions: '', body: 'فقرة أولى.', note: '' };
}
