/**
 * Security of the editors' side over real HTTP against a real server and database, on every engine:
 * sessions, CSRF and Origin, permissions for every route and role, lockout, cookie flags, session
 * fixation, hostile input in every field, and uploads.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { can, ROLES, saveEdit, saveIssue, type Role } from '../../src/app/index.ts';
import { ADMIN_ROUTES } from '../../src/web/routes/admin.tsx';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';
import { addAccounts, Client, PASSWORD, signedIn, startServer, type AdminServer } from './admin-client.ts';

function cookieOf(client: Client): string {
  return [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

const HOSTILE = [
  `'; DROP TABLE articles; --`,
  `" OR 1=1 --`,
  `Robert'); DELETE FROM users;--`,
  `\u202Eعنوان معكوس\u202C`,
  `\u2067عربي\u2069 mixed \u200F`,
  `100% _wild_ \\ back\\slash`,
];

forEachEngine('admin over HTTP', (h) => {
  let store: TestStore;
  let server: AdminServer;
  let articleId: string;
  let issueId = '';
  const path = (p: string) => p.replace(':id', articleId).replace(':n', '1').replace(':issue', issueId);

  before(async () => {
    store = await h.open();
    await addAccounts(store);
    articleId = (await saveEdit(store, { id: null, email: 'seed', ip: null, role: 'admin' }, { article: makeArticle() })).id;
    issueId = (await saveIssue(store, { lang: 'ar', subject: 'نشرة', lead: '', articleIds: [articleId] }, null)).id;
    server = await startServer(store);
  });
  after(async () => {
    await server?.close();
    await h.cleanup();
  });

  test('every admin route is refused without a session', async () => {
    const anon = new Client(server.url);
    for (const route of ADMIN_ROUTES) {
      const r = route.method === 'GET' ? await anon.get(path(route.path)) : await anon.post(path(route.path), {});
      if (route.method === 'GET') {
        assert.equal(r.status, 303, `${route.method} ${route.path}`);
        assert.equal(r.location, '/admin/sign-in');
      } else {
        assert.equal(r.status, 401, `${route.method} ${route.path}`);
      }
      assert.doesNotMatch(r.text, /عنوان|Test relations/);
    }
    // A made-up session cookie is no session either.
    anon.cookies.set('mizan_session', 'forged-token');
    assert.equal((await anon.get('/admin')).status, 303);
  });

  test('every POST is refused without the CSRF token, with a wrong one, and from a foreign or missing Origin', async () => {
    const admin = await signedIn(server.url, 'admin');
    const csrf = await admin.csrfOf();
    for (const route of ADMIN_ROUTES.filter((r) => r.method === 'POST')) {
      const p = path(route.path);
      assert.equal((await admin.post(p, { title: 'x' })).status, 403, `no token: ${p}`);
      assert.equal((await admin.post(p, { title: 'x' }, { csrf: csrf.slice(1) + 'A' })).status, 403, `wrong token: ${p}`);
      assert.equal((await admin.post(p, { title: 'x' }, { csrf, origin: 'https://evil.example' })).status, 403, `foreign origin: ${p}`);
      assert.equal((await admin.post(p, { title: 'x' }, { csrf, origin: null })).status, 403, `no origin: ${p}`);
    }
    for (const p of ['/admin/sign-in', '/admin/lang']) {
      assert.equal((await admin.post(p, { email: 'admin@example.org', password: PASSWORD })).status, 403, p);
    }
    // The session still works: nothing above signed it out.
    assert.equal((await admin.get('/admin')).status, 200);
  });

  test('every route checks the role × capability table on the server, for every role', async () => {
    for (const role of ROLES) {
      const client = await signedIn(server.url, role as Role);
      const csrf = await client.csrfOf();
      for (const route of ADMIN_ROUTES) {
        const allowed = can(role, route.cap);
        if (route.method === 'GET') {
          const r = await client.get(path(route.path));
          assert.equal(r.status, allowed ? 200 : 403, `${role} GET ${route.path}`);
        } else if (!allowed) {
          const r = await client.post(path(route.path), { action: 'publish', do: 'disable' }, { csrf });
          assert.equal(r.status, 403, `${role} POST ${route.path}`);
        }
      }
    }
    assert.equal((await store.getArticle(articleId))?.id, articleId, 'refused requests changed nothing');
  });

  test('repeated wrong passwords lock the account with a growing back-off', async () => {
    const client = new Client(server.url);
    for (let i = 0; i < 5; i++) assert.equal((await client.signIn('author@example.org', 'wrong password!')).status, 401);
    const locked = await client.signIn('author@example.org');
    assert.equal(locked.status, 429);
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
    assert.doesNotMatch(locked.setCookies.join('\n'), /mizan_session=/);
  });

  test('cookies: HttpOnly and SameSite=Lax over HTTP with a plain name; the sign-in issues a new session id (no fixation)', async () => {
    const client = new Client(server.url);
    client.cookies.set('mizan_session', 'attacker-chosen-value');
    const r = await client.signIn('editor@example.org');
    assert.equal(r.status, 303);
    const cookie = r.setCookies.find((c) => c.startsWith('mizan_session='))!;
    assert.ok(cookie, r.setCookies.join('\n'));
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.match(cookie, /Path=\//);
    assert.doesNotMatch(cookie, /Secure/i);
    assert.notEqual(client.cookies.get('mizan_session'), 'attacker-chosen-value');
    const first = client.cookies.get('mizan_session')!;
    // Someone holding a known session id signs in with it still set: they get a new id, and the old one is ended.
    const again = new Client(server.url);
    again.cookies.set('mizan_session', first);
    again.cookies.set('mizan_signin', client.cookies.get('mizan_signin') ?? '');
    const page = await new Client(server.url).get('/admin/sign-in');
    const pre = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    again.cookies.set('mizan_signin', /mizan_signin=([^;]+)/.exec(page.setCookies.join(';'))![1]);
    assert.equal((await again.post('/admin/sign-in', { email: 'editor@example.org', password: PASSWORD }, { csrf: pre })).status, 303);
    assert.notEqual(again.cookies.get('mizan_session'), first, 'a new id at every sign-in');
    const stale = new Client(server.url);
    stale.cookies.set('mizan_session', first);
    assert.equal((await stale.get('/admin')).status, 303, 'the session id sent along with a sign-in no longer opens anything');
  });

  test('sign out, and sign out everywhere, end sessions', async () => {
    const a = await signedIn(server.url, 'editor');
    const b = await signedIn(server.url, 'editor');
    assert.equal((await a.post('/admin/sign-out', {}, { csrf: await a.csrfOf() })).status, 303);
    assert.equal((await a.get('/admin')).status, 303);
    assert.equal((await b.get('/admin')).status, 200);
    const c = await signedIn(server.url, 'editor');
    assert.equal((await c.post('/admin/sign-out-everywhere', {}, { csrf: await c.csrfOf() })).status, 303);
    assert.equal((await b.get('/admin')).status, 303);
    assert.equal((await c.get('/admin')).status, 303);
  });

  test('SQL metacharacters and Arabic/bidi controls in every field are stored as text and shown escaped', async () => {
    const editor = await signedIn(server.url, 'editor');
    for (const [i, bad] of HOSTILE.entries()) {
      // The author is an expert created first (two hostile names may sanitize alike: 409 is fine then).
      const made = await editor.post('/admin/experts/new', { name_ar: `كاتب ${bad}`, name_en: '' }, { csrf: await editor.csrfOf('/admin/experts/new') });
      assert.ok(made.status === 303 || made.status === 409, `expert ${bad}: ${made.status}`);
      const csrf = await editor.csrfOf('/admin/articles/new');
      const r = await editor.post(
        '/admin/articles/new',
        { lang: 'ar', type: 'policy-analysis', title: `مقالة ${i} ${bad}`, slug: `hostile-${i}`, summary: bad, published: '2024-01-0' + (i + 1), seriesName: bad, seriesNumber: '3', authors: `كاتب ${bad}`, topics: `موضوع ${i} ${bad}`, regions: bad, body: `فقرة ${bad}\n\n## ${bad}`, note: bad, version: '' },
        { csrf },
      );
      assert.equal(r.status, 303, `${bad}: ${r.status} ${r.text.slice(0, 300)}`);
      const page = await editor.get(r.location!);
      assert.equal(page.status, 200);
      assert.ok(!page.text.includes('\u202E'), 'bidi overrides are removed from one-line fields');
    }
    const list = await editor.get('/admin?q=' + encodeURIComponent("'; DROP"));
    assert.equal(list.status, 200);
    assert.match(list.text, /DROP TABLE articles/);
    assert.ok((await store.countArticles()) >= HOSTILE.length + 1, 'the tables are all still there');
    const users = await store.db.selectFrom('articles').select('id').execute();
    assert.ok(users.length > 0);
  });

  test('uploads: a traversal file name is only a label, oversize files are refused, a real file imports as a draft', async () => {
    const editor = await signedIn(server.url, 'editor');
    const csrf = await editor.csrfOf('/admin/import');
    const md = '---\nlang: en\ntitle: Uploaded through the form\npublished: 2024-02-03\n---\n\nA paragraph written for this test.\n';
    const form = new FormData();
    form.set('file', new Blob([md], { type: 'text/markdown' }), '../../../../etc/passwd.md');
    const r = await editor.postMultipart('/admin/import', form, csrf);
    assert.equal(r.status, 200, r.text.slice(0, 300));
    assert.match(r.text, /Uploaded through the form/);
    assert.doesNotMatch(r.text, /\.\.\/\.\./);
    const row = await store.db.selectFrom('articles').select(['status', 'doc']).where('title', '=', 'Uploaded through the form').executeTakeFirstOrThrow();
    assert.equal(row.status, 'draft');
    assert.equal(JSON.parse(row.doc).origin.file, 'passwd.md');

    const big = new FormData();
    big.set('file', new Blob([Buffer.alloc(6 * 1024 * 1024, 0x61)], { type: 'text/plain' }), 'big.txt');
    // A fresh connection for each oversize request: the server answers before reading the whole body.
    assert.equal((await new Client(server.url).request('POST', '/admin/import', { body: big, headers: { origin: server.url, cookie: cookieOf(editor) } })).status, 413);
    const long = new URLSearchParams({ _csrf: csrf, body: 'x'.repeat(3 * 1024 * 1024) });
    const notAForm = await new Client(server.url).request('POST', '/admin/articles/new', { body: long, headers: { origin: server.url, cookie: cookieOf(editor), 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(notAForm.status, 413);
  });

  test('admin pages are never cached or indexed', async () => {
    const editor = await signedIn(server.url, 'editor');
    const r = await editor.get('/admin');
    assert.equal(r.headers.get('cache-control'), 'no-store');
    assert.match(r.headers.get('x-robots-tag') ?? '', /noindex/);
    assert.match(r.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  });
});

forEachEngine('admin behind a TLS proxy', (h) => {
  let server: AdminServer;
  let plain: AdminServer;
  before(async () => {
    const store = await h.open();
    await addAccounts(store, ['editor']);
    server = await startServer(store, { trustProxy: true });
    plain = await startServer(store);
  });
  after(async () => {
    await server?.close();
    await plain?.close();
    await h.cleanup();
  });

  test('over HTTPS (X-Forwarded-Proto from a trusted proxy) the cookie is __Host- and Secure', async () => {
    const client = new Client(server.url);
    client.defaultHeaders = { 'x-forwarded-proto': 'https' };
    client.origin = server.url.replace('http:', 'https:');
    const r = await client.signIn('editor@example.org');
    const cookie = r.setCookies.find((c) => c.startsWith('__Host-mizan_session='));
    assert.ok(cookie, `${r.status} ${r.setCookies.join('\n')}`);
    assert.match(cookie, /; Secure/i);
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.match(cookie, /Path=\//);
    assert.doesNotMatch(cookie, /Domain=/i);
    assert.equal((await client.get('/admin')).status, 200);
  });

  test('an untrusted X-Forwarded-Proto changes nothing', async () => {
    const client = new Client(plain.url);
    const r = await client.signIn('editor@example.org', PASSWORD, { 'x-forwarded-proto': 'https' });
    assert.ok(r.setCookies.some((c) => c.startsWith('mizan_session=') && !/Secure/i.test(c)), r.setCookies.join('\n'));
  });
});
