/**
 * Newsletters on the editors' side, over real HTTP on both engines, against a real SMTP server: an
 * editor writes an issue with chosen articles, previews it as the e-mail in Arabic and English, sends a
 * test to themselves, sends it — every active reader of its language gets it once, with one-click
 * unsubscribe — and an admin exports the subscribers as CSV and deletes one on request. Authors may not.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';
import { confirmSubscription, getSubscriber, MailWorker, mdb, recordBounce, requestSubscription, saveEdit, smtpMailer, tokenFor, transition, type Editor } from '../../src/app/index.ts';
import { addAccounts, signedIn, startServer, type AdminServer } from './admin-client.ts';

const editor: Editor = { id: 'u-x', email: 'x@example.org', ip: '192.0.2.2', role: 'editor' };

forEachEngine('admin: newsletters', (h) => {
  let store: TestStore;
  let server: AdminServer;
  let smtp: TestSmtp;
  const saved = { url: process.env.MIZAN_SMTP_URL, from: process.env.MIZAN_MAIL_FROM };
  before(async () => {
    smtp = await startSmtp();
    process.env.MIZAN_SMTP_URL = smtp.url;
    process.env.MIZAN_MAIL_FROM = 'Institute <news@mizan.test>';
    store = await h.open();
    await addAccounts(store, ['author', 'editor', 'admin']);
    server = await startServer(store);
  });
  after(async () => {
    process.env.MIZAN_SMTP_URL = saved.url ?? '';
    process.env.MIZAN_MAIL_FROM = saved.from ?? '';
    if (!saved.url) delete process.env.MIZAN_SMTP_URL;
    if (!saved.from) delete process.env.MIZAN_MAIL_FROM;
    await server?.close();
    await smtp.close();
    await h.cleanup();
  });

  test('write, preview in both languages, test to oneself, send once to the Arabic list; export and delete', async () => {
    const a = await saveEdit(store, editor, { article: makeArticle({ slug: 'nashra-1', title: 'مقالة النشرة' }) });
    await transition(store, editor, a.id, 'publish');
    const readers = ['nl-ar@example.org', 'nl-en@example.org'];
    for (const [i, email] of readers.entries()) {
      await requestSubscription(store, { email, uiLang: 'ar', langs: [i ? 'en' : 'ar'], frequency: 'weekly', follows: [], ip: '10.0.0.1' });
      const row = await mdb(store).selectFrom('mail_subscribers').select('id').where('email_key', '=', email).executeTakeFirstOrThrow();
      await confirmSubscription(store, await tokenFor(store, (await getSubscriber(store, row.id))!, 'confirm'));
    }
    await mdb(store).deleteFrom('mail_outbox').execute();

    const author = await signedIn(server.url, 'author');
    assert.equal((await author.get('/admin/newsletters')).status, 403);

    const ed = await signedIn(server.url, 'editor');
    const created = await ed.post('/admin/newsletters/new', { lang: 'ar', subject: 'نشرة الأسبوع', lead: 'فقرة أولى.\n\nفقرة ثانية.', articles: a.id }, { csrf: await ed.csrfOf('/admin/newsletters/new') });
    assert.equal(created.status, 303);
    const page = created.location!.replace('?saved=1', '');
    const ar = await ed.get(`${page}/preview?lang=ar`);
    assert.equal(ar.status, 200);
    assert.match(ar.text, /<html lang="ar" dir="rtl"/);
    assert.match(ar.text, /مقالة النشرة/);
    assert.match(ar.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const en = await ed.get(`${page}/preview?lang=en`);
    assert.match(en.text, /<html lang="en" dir="ltr"/);

    const csrf = await ed.csrfOf(page);
    const tested = await ed.post(`${page}/test`, {}, { csrf });
    assert.equal(tested.status, 200, tested.text.slice(0, 300));
    const testMail = smtp.to('editor@example.org');
    assert.equal(testMail.length, 1);
    assert.equal(testMail[0].mail.subject, '[TEST] نشرة الأسبوع');
    assert.equal((await mdb(store).selectFrom('mail_outbox').select('id').execute()).length, 0, 'a test queues nothing');

    const sent = await ed.post(`${page}/send`, { do: 'now' }, { csrf });
    assert.equal(sent.status, 200);
    assert.match(sent.text, /1/);
    const again = await ed.post(`${page}/send`, { do: 'now' }, { csrf });
    assert.notEqual(again.status, 500);
    const worker = new MailWorker(store, { mailer: smtpMailer(smtp.url), settings: { from: 'Institute <news@mizan.test>', domain: 'mizan.test', baseUrl: server.url }, ratePerSecond: 1000 });
    await worker.tick();
    await worker.tick();
    await worker.stop();
    assert.equal(smtp.to('nl-ar@example.org').length, 1, 'the Arabic reader gets it once');
    assert.equal(smtp.to('nl-en@example.org').length, 0, 'an English-only reader does not get an Arabic issue');
    const got = smtp.to('nl-ar@example.org')[0];
    assert.equal(got.mail.subject, 'نشرة الأسبوع');
    assert.match(got.raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/im);

    const admin = await signedIn(server.url, 'admin');
    assert.equal((await ed.get('/admin/subscribers.csv')).status, 403, 'the list is personal data: admins only');
    const csv = await admin.get('/admin/subscribers.csv');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    assert.match(csv.text, /nl-ar@example\.org,active,ar,ar,weekly,all/);
    const del = await admin.post('/admin/subscribers/delete', { email: 'nl-ar@example.org' }, { csrf: await admin.csrfOf('/admin/newsletters') });
    assert.equal(del.status, 200);
    assert.equal(await mdb(store).selectFrom('mail_subscribers').select('id').where('email_key', '=', 'nl-ar@example.org').executeTakeFirst(), undefined);
    const rows = await mdb(store).selectFrom('mail_outbox').selectAll().execute();
    assert.ok(rows.every((r) => r.subscriber_id !== null), 'no orphaned mail');
    assert.doesNotMatch((await admin.get('/admin/subscribers.csv')).text, /nl-ar@/);
  });

  test('the delivery section: the next digest, messages in doubt to editors, bounced addresses (personal data) to admins only', async () => {
    const email = 'bounced-admin@example.org';
    await requestSubscription(store, { email, uiLang: 'ar', langs: ['ar'], frequency: 'instant', follows: [], ip: '10.0.0.2' });
    const row = await mdb(store).selectFrom('mail_subscribers').select('id').where('email_key', '=', email).executeTakeFirstOrThrow();
    await confirmSubscription(store, await tokenFor(store, (await getSubscriber(store, row.id))!, 'confirm'));
    await mdb(store).updateTable('mail_outbox').set({ status: 'unknown' }).where('subscriber_id', '=', row.id).execute();
    await recordBounce(store, { email, kind: 'hard', source: 'dsn', status: '5.1.1', detail: 'smtp; 550 5.1.1 No such mailbox' });
    const doubtful = (await mdb(store).selectFrom('mail_outbox').select('id').where('status', '=', 'unknown').executeTakeFirstOrThrow()).id;

    const ed = await signedIn(server.url, 'editor');
    const edPage = await ed.get('/admin/newsletters');
    assert.equal(edPage.status, 200);
    assert.ok(edPage.text.includes(doubtful), 'an editor sees which message is in doubt');
    assert.match(edPage.text, /mizan mail retry/);
    assert.match(edPage.text, /UTC/, 'the next digest, with the zone it is reckoned in');
    assert.doesNotMatch(edPage.text, /bounced-admin@example\.org/, 'but not the addresses');

    const admin = await signedIn(server.url, 'admin');
    const adminPage = await admin.get('/admin/newsletters');
    assert.match(adminPage.text, /<td dir="ltr">bounced-admin@example\.org<\/td>/);
    assert.match(adminPage.text, /5\.1\.1 smtp; 550 5\.1\.1 No such mailbox/);
  });
});
