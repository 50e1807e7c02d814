/**
 * The whole loop a reader lives, on both engines, against a real SMTP server: subscribe → confirmation
 * mail → confirm → publish → one alert with a working one-click unsubscribe → unsubscribe → publish →
 * nothing. Plus: nothing before confirming, translations not sent twice, follows, floods.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachEngine, type TestStore } from '../../support/engines.ts';
import { makeArticle } from '../../support/articles.ts';
import { startSmtp, type TestSmtp } from '../../support/smtp.ts';
import { MailWorker, publishDue, saveEdit, smtpMailer, transition, mdb, type Editor } from '../../../src/app/index.ts';
import { createWebApp } from '../../../src/web/index.ts';

const BASE = 'http://mizan.test';
const editor: Editor = { id: 'u-editor', email: 'editor@example.org', ip: '192.0.2.2', role: 'editor' };
const settings = { from: 'Mizan Alerts <alerts@mizan.test>', domain: 'mizan.test', baseUrl: BASE };

async function publish(store: TestStore, o: Parameters<typeof makeArticle>[0]): Promise<string> {
  const saved = await saveEdit(store, editor, { article: makeArticle(o) });
  await transition(store, editor, saved.id, 'publish');
  return saved.id;
}

function form(fields: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return body;
}

function linkIn(text: string, path: string): string {
  const m = new RegExp(`${BASE.replace(/\./g, '\\.')}${path}\\?token=[^\\s]+`).exec(text);
  assert.ok(m, `a link to ${path} in:\n${text}`);
  return m[0];
}

forEachEngine('mail: the reader loop', (h) => {
  let smtp: TestSmtp;
  const workers: MailWorker[] = [];
  before(async () => (smtp = await startSmtp()));
  after(async () => {
    for (const w of workers) await w.stop();
    await smtp.close();
    await h.cleanup();
  });

  function setup(store: TestStore, opts: { trustProxy?: boolean } = {}) {
    const app = createWebApp({ store, baseUrl: BASE, trustProxy: opts.trustProxy } as Parameters<typeof createWebApp>[0], { noCache: true });
    const worker = new MailWorker(store, { mailer: smtpMailer(smtp.url), settings, ratePerSecond: 1000, retryBaseMs: 20, pauseMs: 50 });
    workers.push(worker);
    const post = (path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) =>
      app.request(BASE + path, { method: 'POST', body: form(fields), headers: { origin: BASE, 'content-type': 'application/x-www-form-urlencoded', ...headers } });
    return { app, worker, post, get: (url: string) => app.request(url) };
  }

  test('subscribe → confirm → publish → one alert → one-click unsubscribe → publish → nothing', async () => {
    const store = await h.open();
    const { worker, post, get, app } = setup(store);
    const reader = `reader-${h.engine}@example.org`;

    const page = await post('/ar/subscribe', { email: reader, langs: 'ar', frequency: 'instant', follow: 'all:' });
    assert.equal(page.status, 200);
    assert.match(await page.text(), /تفقّد بريدك/);

    // Double opt-in: an article published before confirming sends nothing but the confirmation.
    await publish(store, { slug: 'qbl-altakyd', title: 'تحليل قبل التأكيد' });
    await worker.tick();
    const confirmMail = smtp.to(reader);
    assert.equal(confirmMail.length, 1, 'only the confirmation');
    assert.match(confirmMail[0].mail.subject ?? '', /أكّد اشتراكك/);
    assert.match(confirmMail[0].mail.html as string, /<html lang="ar" dir="rtl"/);
    assert.doesNotMatch(confirmMail[0].raw, /^List-Unsubscribe:/im, 'a confirmation is not list mail');

    const confirmUrl = linkIn(confirmMail[0].mail.text!, '/ar/subscribe/confirm');
    const shown = await get(confirmUrl);
    assert.equal(shown.status, 200);
    assert.equal((await mdb(store).selectFrom('mail_subscribers').select('status').executeTakeFirstOrThrow()).status, 'pending', 'opening the link (a scanner) confirms nothing');
    const token = new URL(confirmUrl).searchParams.get('token')!;
    const confirmed = await post('/ar/subscribe/confirm', { token });
    assert.equal(confirmed.status, 200);
    assert.match(await confirmed.text(), /تم اشتراكك/);

    await publish(store, { slug: 'tnbyh-awl', title: 'التحليل الذي يصل' });
    await worker.tick();
    await worker.tick();
    const alerts = smtp.to(reader).slice(1);
    assert.equal(alerts.length, 1, 'exactly one alert');
    const alert = alerts[0].mail;
    assert.equal(alert.subject, 'التحليل الذي يصل');
    assert.match(alert.html as string, /<body lang="ar" dir="rtl"/);
    assert.match(alert.text!, /التحليل الذي يصل/);
    assert.match(alert.text!, new RegExp(`${BASE}/ar/policy-analysis/tnbyh-awl`));
    assert.ok(alert.date instanceof Date && !Number.isNaN(alert.date.getTime()), 'a Date header');
    assert.match(alert.messageId ?? '', /^<alert\.[A-Za-z0-9_-]+\.[^@]+@mizan\.test>$/);
    assert.match(alerts[0].raw, /^List-Id: .*<alerts\.mizan\.test>\r?$/im);
    assert.match(alerts[0].raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/im);
    const unsubscribeUrl = /<([^>]+)>/.exec(alerts[0].raw.match(/^List-Unsubscribe: (.+)$/im)![1])![1];
    assert.ok(unsubscribeUrl.startsWith(`${BASE}/subscribe/unsubscribe?token=`));
    assert.doesNotMatch(alert.html as string, /<img/i, 'no pixels');

    // RFC 8058: one POST, no Origin, no cookie, the body the mail client sends.
    const one = await app.request(unsubscribeUrl, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(one.status, 200);
    assert.equal((await mdb(store).selectFrom('mail_subscribers').select('status').executeTakeFirstOrThrow()).status, 'unsubscribed');

    await publish(store, { slug: 'bad-alilgha', title: 'تحليل بعد الإلغاء' });
    await worker.tick();
    assert.equal(smtp.to(reader).length, 2, 'nothing after unsubscribing');
  });

  test('a translation of a piece already sent does not send again; an English-only reader gets only English', async () => {
    const store = await h.open();
    const { worker, post } = setup(store);
    const both = `both-${h.engine}@example.org`;
    const enOnly = `en-${h.engine}@example.org`;
    for (const [email, langs] of [[both, ['ar', 'en']], [enOnly, ['en']]] as const) {
      await post('/subscribe', { email, langs: [...langs], frequency: 'instant', follow: 'all:' });
    }
    await worker.tick();
    for (const email of [both, enOnly]) {
      const url = linkIn(smtp.to(email)[0].mail.text!, '/subscribe/confirm');
      await post('/subscribe/confirm', { token: new URL(url).searchParams.get('token')! });
    }
    await publish(store, { slug: 'tarjama-asl', title: 'الأصل العربي', translation: { lang: 'en', slug: 'the-translation' } });
    await worker.tick();
    await publish(store, { lang: 'en', slug: 'the-translation', title: 'The English translation', translation: { lang: 'ar', slug: 'tarjama-asl' } });
    await worker.tick();
    await worker.tick();
    const bothGot = smtp.to(both).slice(1).map((r) => r.mail.subject);
    const enGot = smtp.to(enOnly).slice(1).map((r) => r.mail.subject);
    assert.deepEqual(bothGot, ['الأصل العربي']);
    assert.deepEqual(enGot, ['The English translation']);
  });

  test('follows: a topic follower hears of that topic only; the box on a topic page subscribes to it', async () => {
    const store = await h.open();
    const { worker, post, get } = setup(store);
    await publish(store, { slug: 'mwdw-a', title: 'عن الطاقة', topics: [{ slug: 'taqa', name: 'الطاقة' }] });
    const topicPage = await (await get(`${BASE}/ar/policy-analysis/taqa`)).text();
    const follow = /name="follow" value="(topic:[^"]+)"/.exec(topicPage);
    assert.ok(follow, 'the topic page carries the subscribe box');
    const reader = `topic-${h.engine}@example.org`;
    await post('/ar/subscribe', { email: reader, langs: 'ar', frequency: 'instant', follow: follow[1] });
    await worker.tick();
    await post('/ar/subscribe/confirm', { token: new URL(linkIn(smtp.to(reader)[0].mail.text!, '/ar/subscribe/confirm')).searchParams.get('token')! });
    await publish(store, { slug: 'mwdw-b', title: 'عن المياه', topics: [{ slug: 'miyah', name: 'المياه' }] });
    await publish(store, { slug: 'mwdw-c', title: 'الطاقة مرة أخرى', topics: [{ slug: 'taqa', name: 'الطاقة' }] });
    await worker.tick();
    assert.deepEqual(smtp.to(reader).slice(1).map((r) => r.mail.subject), ['الطاقة مرة أخرى']);
  });

  test('series: a page in each language lists the series, its box follows it; the follower hears of the series in either language, nothing else', async () => {
    const store = await h.open();
    const { worker, post, get } = setup(store);
    await publish(store, { slug: 'mrsd-1', title: 'المرصد الأول', series: { name: 'المرصد السياسي', number: 4100 } });
    await publish(store, { lang: 'en', slug: 'watch-1', title: 'The first watch', series: { name: 'PolicyWatch', number: 4101 } });
    await publish(store, { slug: 'ghayr-silsila', title: 'خارج السلسلة' });

    const arRes = await get(`${BASE}/ar/series/policywatch`);
    assert.equal(arRes.status, 200);
    const ar = await arRes.text();
    assert.match(ar, /<html lang="ar" dir="rtl"/);
    assert.match(ar, /<h1>المرصد السياسي<\/h1>/);
    assert.match(ar, /المرصد الأول/);
    assert.doesNotMatch(ar, /The first watch|خارج السلسلة/, 'the Arabic page lists the series in Arabic only');
    assert.match(ar, /hreflang="en" href="http:\/\/mizan\.test\/series\/policywatch"/);
    const en = await (await get(`${BASE}/series/policywatch`)).text();
    assert.match(en, /<h1>PolicyWatch<\/h1>/);
    assert.match(en, /The first watch/);
    assert.doesNotMatch(en, /المرصد الأول/);
    assert.equal((await get(`${BASE}/series/no-such-series`)).status, 404);
    // An article of the series links to the series' page.
    assert.match(await (await get(`${BASE}/ar/policy-analysis/mrsd-1`)).text(), /<a href="\/ar\/series\/policywatch">المرصد السياسي 4100<\/a>/);
    // The subscribe form offers the series once, named in the page's language.
    const form = await (await get(`${BASE}/ar/subscribe`)).text();
    assert.equal([...form.matchAll(/value="series:PolicyWatch"/g)].length, 1);

    const follow = /name="follow" value="(series:[^"]+)"/.exec(ar);
    assert.ok(follow, 'the series page carries the subscribe box');
    const reader = `series-${h.engine}@example.org`;
    await post('/ar/subscribe', { email: reader, langs: ['ar', 'en'], frequency: 'instant', follow: follow[1] });
    await worker.tick();
    await post('/ar/subscribe/confirm', { token: new URL(linkIn(smtp.to(reader)[0].mail.text!, '/ar/subscribe/confirm')).searchParams.get('token')! });
    await publish(store, { slug: 'mrsd-2', title: 'المرصد الثاني', series: { name: 'المرصد السياسي', number: 4102 } });
    await publish(store, { lang: 'en', slug: 'watch-2', title: 'The second watch', series: { name: 'PolicyWatch', number: 4103 } });
    await publish(store, { slug: 'ghayr-silsila-2', title: 'خارج السلسلة مرة أخرى' });
    await worker.tick();
    assert.deepEqual(smtp.to(reader).slice(1).map((r) => r.mail.subject).sort(), ['The second watch', 'المرصد الثاني'].sort());
  });

  test('the form says when the weekly digest goes out, in the page’s language', async () => {
    const store = await h.open();
    const { get } = setup(store);
    assert.match(await (await get(`${BASE}/ar/subscribe`)).text(), /ملخص أسبوعي \(كل اثنين، الساعة 07:00\)/);
    process.env.MIZAN_DIGEST_AT = 'friday 16:30';
    try {
      assert.match(await (await get(`${BASE}/ar/subscribe`)).text(), /ملخص أسبوعي \(كل جمعة، الساعة 16:30\)/);
      assert.match(await (await get(`${BASE}/subscribe`)).text(), /A weekly digest \(Fridays at 16:30\)/);
    } finally {
      delete process.env.MIZAN_DIGEST_AT;
    }
  });

  test('a weekly reader gets nothing at once, then one digest of every piece on Monday morning', async () => {
    const store = await h.open();
    const { post } = setup(store);
    const reader = `weekly-${h.engine}@example.org`;
    await post('/ar/subscribe', { email: reader, langs: 'ar', frequency: 'weekly', follow: 'all:' });
    const now = setup(store).worker;
    await now.tick();
    await post('/ar/subscribe/confirm', { token: new URL(linkIn(smtp.to(reader)[0].mail.text!, '/ar/subscribe/confirm')).searchParams.get('token')! });
    await publish(store, { slug: 'usbuey-1', title: 'الأول في الأسبوع' });
    await publish(store, { slug: 'usbuey-2', title: 'الثاني في الأسبوع' });
    await now.tick();
    assert.equal(smtp.to(reader).length, 1, 'only the confirmation so far');
    const monday = new Date(Date.now() + 8 * 24 * 3600_000);
    const later = new MailWorker(store, { mailer: smtpMailer(smtp.url), settings, ratePerSecond: 1000, now: () => monday });
    workers.push(later);
    await later.tick();
    await later.tick();
    const digests = smtp.to(reader).slice(1);
    assert.equal(digests.length, 1, 'one digest');
    assert.match(digests[0].mail.subject ?? '', /هذا الأسبوع في/);
    assert.match(digests[0].mail.text!, /الأول في الأسبوع/);
    assert.match(digests[0].mail.text!, /الثاني في الأسبوع/);
    assert.match(digests[0].messageId, /^<digest\./);
  });

  test('a scheduled article going live queues its alerts in the same step; unpublishing and publishing again sends nothing new', async () => {
    const store = await h.open();
    const { worker, post } = setup(store);
    const reader = `sched-${h.engine}@example.org`;
    await post('/ar/subscribe', { email: reader, langs: 'ar', frequency: 'instant', follow: 'all:' });
    await worker.tick();
    await post('/ar/subscribe/confirm', { token: new URL(linkIn(smtp.to(reader)[0].mail.text!, '/ar/subscribe/confirm')).searchParams.get('token')! });
    const saved = await saveEdit(store, editor, { article: makeArticle({ slug: 'mjdwal', title: 'تحليل مجدول' }) });
    await transition(store, editor, saved.id, 'schedule', { publishAt: new Date(Date.now() + 3600_000).toISOString() });
    assert.equal((await mdb(store).selectFrom('mail_outbox').select('id').where('kind', '=', 'alert').execute()).length, 0, 'nothing while scheduled');
    assert.deepEqual(await publishDue(store, new Date(Date.now() + 2 * 3600_000)), [saved.id]);
    await worker.tick();
    assert.deepEqual(smtp.to(reader).slice(1).map((r) => r.mail.subject), ['تحليل مجدول']);
    await transition(store, editor, saved.id, 'unpublish');
    await transition(store, editor, saved.id, 'publish');
    await worker.tick();
    assert.equal(smtp.to(reader).length, 2, 'published again: not sent again');
  });

  test('a hostile or malformed address is refused with a message; floods are limited without telling who is subscribed', async () => {
    const store = await h.open();
    const { worker, post } = setup(store, { trustProxy: true });
    const bad = [`a@example.org\r\nBcc: victim@example.org`, `${'a'.repeat(10_000)}@example.org`, 'раypal@example.org', 'user@exаmple.com', 'no-at-sign', ''];
    for (const email of bad) {
      const res = await post('/subscribe', { email, langs: 'en', follow: 'all:' }, { 'x-forwarded-for': '198.51.100.1' });
      assert.equal(res.status, 400, `refused: ${JSON.stringify(email.slice(0, 40))}`);
      assert.match(await res.text(), /class="sub-error"/);
    }
    const res = await post('/subscribe', { email: 'x@example.org', langs: 'en', follow: 'all:' }, { origin: 'https://evil.example' });
    assert.equal(res.status, 403, 'another site cannot post our form');

    // One mailbox, many requests from many IPs: the same answer every time, at most three mails.
    const victim = `victim-${h.engine}@example.org`;
    const answers = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const r = await post('/subscribe', { email: victim, langs: 'en', follow: 'all:' }, { 'x-forwarded-for': `203.0.113.${i + 1}` });
      answers.add(`${r.status} ${(await r.text()).replace(/\s+/g, ' ').length}`);
    }
    assert.equal(answers.size, 1, 'identical answers');
    // One IP, many addresses: past ten an hour it gets 429.
    let limited = 0;
    for (let i = 0; i < 12; i++) {
      const r = await post('/subscribe', { email: `flood${i}@example.org`, langs: 'en', follow: 'all:' }, { 'x-forwarded-for': '192.0.2.99' });
      if (r.status === 429) limited++;
    }
    assert.equal(limited, 2);
    for (let i = 0; i < 3; i++) await worker.tick();
    assert.equal(smtp.to(victim).length, 3, 'a mailbox gets at most three mails a day from the form');
  });
});
