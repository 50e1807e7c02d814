/**
 * Review notices by e-mail, over real HTTP and a real SMTP server, on every engine: an author sends an
 * article (then a change to a published one) for review, and each account that may publish receives
 * exactly one e-mail, in the interface language it chose (the institute's default when it chose none),
 * whose link opens the piece for review; the author and a disabled account receive none. A notice
 * queued behind 500 subscriber alerts goes out before them, and one whose piece left review before the
 * worker reached it is not sent.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { addUser, CLI_EDITOR, createExpert, findUser, listOutbox, nameOnArticle, mdb, MailWorker, saveEdit, setDisabled, smtpMailer, transition, type Editor } from '../../../src/app/index.ts';
import { forEachEngine, type TestStore } from '../../support/engines.ts';
import { startSmtp, type Received, type TestSmtp } from '../../support/smtp.ts';
import { makeArticle } from '../../support/articles.ts';
import { FAST } from '../../app/fast-cost.ts';
import { addAccounts, PASSWORD, signedIn, startServer, type AdminServer, type Client } from '../admin-client.ts';

const FORM = { lang: 'ar', type: 'policy-analysis', summary: '', published: '', seriesName: '', seriesNumber: '', authors: 'كاتبة', topics: '', regions: '', note: '', version: '' };
const SITE_NAMES = { ar: 'معهد التجربة', en: 'Test Institute' };

/** The link of a mail's button, from its HTML part, and the same link in its plain-text part. */
function reviewLink(r: Received, base: string): string {
  const html = String(r.mail.html);
  const m = new RegExp(`href="(${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/admin/articles/[^"]+)"`).exec(html);
  assert.ok(m, `a link to the review page in ${html.slice(0, 400)}`);
  assert.ok(r.mail.text?.includes(m[1]), 'the plain-text part has the same link');
  return m[1];
}

forEachEngine('review notices by e-mail', (h) => {
  let store: TestStore;
  let server: AdminServer;
  let smtp: TestSmtp;
  const workers: MailWorker[] = [];
  const worker = (o: Partial<ConstructorParameters<typeof MailWorker>[1]> = {}) => {
    const w = new MailWorker(store, {
      mailer: smtpMailer(smtp.url, { timeoutMs: 5000 }),
      settings: { from: 'Institute <alerts@mizan.test>', domain: 'mizan.test', baseUrl: server.url, siteNames: SITE_NAMES, defaultLang: 'ar' },
      ratePerSecond: 1000,
      ...o,
    });
    workers.push(w);
    return w;
  };
  const drain = async (w: MailWorker) => {
    while ((await w.tick()).claimed > 0);
  };

  before(async () => {
    store = await h.open();
    await addAccounts(store, ['author', 'editor', 'admin']);
    await addUser(store, { email: 'away@example.org', role: 'editor', password: PASSWORD }, { cost: FAST });
    await setDisabled(store, 'away@example.org', true);
    await createExpert(store, CLI_EDITOR, { names: { ar: 'كاتبة' } });
    server = await startServer(store);
    smtp = await startSmtp();
  });
  after(async () => {
    for (const w of workers) await w.stop();
    await smtp?.close();
    await server?.close();
    await h.cleanup();
  });

  test('each reviewer receives one e-mail in their language, whose link opens the piece; the sender none', async () => {
    // The admin works in English (and the account remembers it); the editor never chose a language.
    const admin = await signedIn(server.url, 'admin');
    assert.equal((await admin.post('/admin/lang', { lang: 'en' }, { csrf: await admin.csrfOf() })).status, 303);
    const editor = await signedIn(server.url, 'editor');
    const author = await signedIn(server.url, 'author');

    const made = await author.post('/admin/articles/new', { ...FORM, title: 'الأمن المائي في حوض النيل', slug: 'nile-water', body: 'نص المسودة.' }, { csrf: await author.csrfOf('/admin/articles/new') });
    assert.equal(made.status, 303, made.text.slice(0, 300));
    const edit = made.location!.replace('?saved=1', '');
    assert.equal((await author.post(`${edit}/workflow`, { action: 'submit' }, { csrf: await author.csrfOf(edit) })).status, 303);

    const queued = await listOutbox(store);
    assert.deepEqual(queued.map((n) => [n.recipient, n.lang, n.status]).sort(), [['admin@example.org', 'en', 'queued'], ['editor@example.org', '', 'queued']]);

    const w = worker();
    await drain(w);
    await drain(w);
    assert.equal(smtp.to('author@example.org').length, 0, 'the sender is not told of their own submission');
    assert.equal(smtp.to('away@example.org').length, 0, 'a disabled account is not told');
    const [ar] = smtp.to('editor@example.org');
    const [en] = smtp.to('admin@example.org');
    assert.equal(smtp.to('editor@example.org').length, 1);
    assert.equal(smtp.to('admin@example.org').length, 1);

    // The editor: the institute's default language, Arabic, right to left.
    assert.match(ar.mail.subject ?? '', /^بانتظار مراجعتك: الأمن المائي في حوض النيل$/);
    assert.match(String(ar.mail.html), /<html lang="ar" dir="rtl"/);
    assert.match(String(ar.mail.html), /<body lang="ar" dir="rtl"/);
    assert.match(ar.mail.text ?? '', /أرسل \u2068author@example.org\u2069 مقالة «\u2068الأمن المائي في حوض النيل\u2069» للمراجعة/);
    assert.equal(ar.mail.headers.get('list-unsubscribe'), undefined, 'a notice to a colleague is not list mail');
    // The admin: English, left to right, the Arabic title isolated inside the English sentence.
    assert.match(en.mail.subject ?? '', /^Awaiting your review: الأمن المائي في حوض النيل$/);
    assert.match(String(en.mail.html), /<html lang="en" dir="ltr"/);
    assert.match(en.mail.text ?? '', /author@example.org\u2069 sent “\u2068الأمن المائي في حوض النيل\u2069” for review\./);

    for (const [r, client] of [[ar, editor], [en, admin]] as [Received, Client][]) {
      const link = reviewLink(r, server.url);
      assert.equal(link, server.url + edit, 'absolute, to the article’s edit page');
      const page = await client.get(link.slice(server.url.length));
      assert.equal(page.status, 200);
      assert.match(page.text, /الأمن المائي في حوض النيل/);
      assert.match(page.text, /name="action" value="publish"/, 'the reviewer can publish from there');
    }

    const states = await listOutbox(store, { lang: 'en' });
    assert.deepEqual(states.map((n) => n.status), ['sent', 'sent']);
    const page = await editor.get('/admin/outbox');
    assert.equal(page.status, 200);
    assert.match(page.text, /admin@example.org/);
    assert.match(page.text, /أُرسلت/);
    assert.match(page.text, /لغة المعهد الافتراضية/);
  });

  test('a change to a published article: one e-mail each, saying it is a change', async () => {
    const editorActor: Editor = { id: 'x', email: 'editor@example.org', ip: null, role: 'editor' };
    const saved = await saveEdit(store, editorActor, { article: makeArticle({ slug: 'published-one', title: 'تحليل منشور' }) });
    await transition(store, editorActor, saved.id, 'publish');
    const before = smtp.received.length;
    const author = await signedIn(server.url, 'author');
    await nameOnArticle(store, CLI_EDITOR, saved.id, (await findUser(store, 'author@example.org'))!.id);
    const edit = `/admin/articles/${saved.id}`;
    const version = /name="version" value="(\d+)"/.exec((await author.get(edit)).text)![1];
    assert.equal((await author.post(edit, { ...FORM, title: 'تحليل منشور', body: 'تعديل مقترح.', version }, { csrf: await author.csrfOf(edit) })).status, 303);
    assert.equal((await author.post(`${edit}/change/submit`, {}, { csrf: await author.csrfOf(edit) })).status, 303);
    await drain(worker());
    const got = smtp.received.slice(before);
    assert.deepEqual(got.map((r) => r.to.join()).sort(), ['admin@example.org', 'editor@example.org']);
    const en = got.find((r) => r.to.includes('admin@example.org'))!;
    assert.match(en.mail.subject ?? '', /^Change awaiting your review: تحليل منشور$/);
    assert.match(en.mail.text ?? '', /Readers see the published version until you approve the change/);
    const ar = got.find((r) => r.to.includes('editor@example.org'))!;
    assert.match(ar.mail.subject ?? '', /^تعديل بانتظار مراجعتك: تحليل منشور$/);
    assert.equal(reviewLink(ar, server.url), server.url + edit);
  });

  test('a notice whose article left review before the worker reached it is not sent', async () => {
    const authorActor: Editor = { id: null, email: 'author@example.org', ip: null, role: 'author' };
    const editorActor: Editor = { id: 'x', email: 'editor@example.org', ip: null, role: 'editor' };
    const saved = await saveEdit(store, editorActor, { article: makeArticle({ slug: 'withdrawn', title: 'مسودة سُحبت' }) });
    await transition(store, { ...authorActor, role: 'editor' }, saved.id, 'submit');
    await transition(store, editorActor, saved.id, 'publish');
    const before = smtp.received.length;
    await drain(worker());
    assert.equal(smtp.received.length, before, 'published already: nobody is asked to review it');
    const rows = await mdb(store).selectFrom('mail_outbox').select(['status', 'last_error']).where('article_id', '=', saved.id).execute();
    assert.ok(rows.length >= 1 && rows.every((r) => r.status === 'cancelled' && /no longer awaiting review/.test(r.last_error ?? '')), JSON.stringify(rows));
  });

  test('queued after 500 subscriber alerts, the review notices go out first, and every message once', async () => {
    const now = new Date().toISOString();
    const subs = Array.from({ length: 500 }, (_, i) => ({
      id: `flood${i}`,
      email: `reader${i}@example.org`,
      email_key: `reader${i}@example.org`,
      status: 'active' as const,
      ui_lang: 'ar',
      langs: ',ar,',
      frequency: 'instant' as const,
      token_version: 1,
      created_at: now,
      updated_at: now,
      confirmed_at: now,
      stopped_reason: null,
    }));
    for (let i = 0; i < subs.length; i += 100) {
      await mdb(store).insertInto('mail_subscribers').values(subs.slice(i, i + 100)).execute();
      await mdb(store).insertInto('mail_follows').values(subs.slice(i, i + 100).map((s) => ({ subscriber_id: s.id, kind: 'all' as const, ref: '' }))).execute();
    }
    const editorActor: Editor = { id: 'x', email: 'editor@example.org', ip: null, role: 'editor' };
    const flood = await saveEdit(store, editorActor, { article: makeArticle({ slug: 'flood', title: 'تحليل لكل القراء' }) });
    await transition(store, editorActor, flood.id, 'publish');
    assert.equal(Number((await mdb(store).selectFrom('mail_outbox').select((eb) => eb.fn.countAll().as('n')).where('kind', '=', 'alert').where('status', '=', 'queued').executeTakeFirstOrThrow()).n), 500);

    const author = await signedIn(server.url, 'author');
    const made = await author.post('/admin/articles/new', { ...FORM, title: 'ورقة عاجلة', slug: 'urgent', body: 'نص.' }, { csrf: await author.csrfOf('/admin/articles/new') });
    const edit = made.location!.replace('?saved=1', '');
    await author.post(`${edit}/workflow`, { action: 'submit' }, { csrf: await author.csrfOf(edit) });

    const before = smtp.received.length;
    await drain(worker());
    const got = smtp.received.slice(before);
    assert.equal(got.length, 502);
    assert.deepEqual(got.slice(0, 2).map((r) => r.to.join()).sort(), ['admin@example.org', 'editor@example.org'], 'the reviewers first');
    const per = new Map<string, number>();
    for (const r of got) per.set(r.to.join(), (per.get(r.to.join()) ?? 0) + 1);
    assert.equal(per.size, 502);
    assert.ok([...per.values()].every((n) => n === 1), 'each message once');
  });
});
