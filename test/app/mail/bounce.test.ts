/**
 * Bounces, on both engines, against a real SMTP server: a 5xx at the end of DATA stops mail to the
 * address like one at RCPT; a recipient server that keeps answering 4xx is retried with backoff, given
 * up, and after three such give-ups the address stops; a bounce mail (RFC 3464 report, written here
 * the way Postfix writes one) fed in later stops a hard-bounced address and counts a soft one. Every
 * bounce is recorded and shown by the status.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { simpleParser } from 'mailparser';
import { forEachEngine, type TestStore } from '../../support/engines.ts';
import { makeArticle } from '../../support/articles.ts';
import { startSmtp, type TestSmtp } from '../../support/smtp.ts';
import { dsn } from '../../support/dsn.ts';
import {
  applyDsn,
  confirmSubscription,
  getSubscriber,
  MailWorker,
  mailStatus,
  mdb,
  NotADsnError,
  parseDsn,
  requestSubscription,
  saveEdit,
  smtpMailer,
  tokenFor,
  transition,
  type Editor,
} from '../../../src/app/index.ts';

const editor: Editor = { id: 'u-editor', email: 'editor@example.org', ip: '192.0.2.2', role: 'editor' };
const settings = { from: 'Alerts <alerts@mizan.test>', domain: 'mizan.test', baseUrl: 'http://mizan.test' };

test('a bounce report is read as an independent parser reads it: recipient, action, status, the bounced Message-ID', async () => {
  const raw = dsn('gone@example.org', '5.1.1', { messageId: 'alert.abc.def' });
  const parsed = await simpleParser(raw);
  assert.equal(parsed.headers.get('content-type') && (parsed.headers.get('content-type') as { value: string }).value, 'multipart/report');
  const d = parseDsn(raw);
  assert.deepEqual(d.recipients.map((r) => [r.recipient, r.action, r.status]), [['gone@example.org', 'failed', '5.1.1']]);
  assert.match(d.recipients[0].diagnostic, /550 5\.1\.1 The email account .* please check the address/, 'folded lines are unfolded');
  assert.equal(d.messageId, 'alert.abc.def@mizan.test');
  assert.deepEqual(parseDsn(dsn('b64@example.org', '5.2.1', { base64: true })).recipients.map((r) => r.status), ['5.2.1']);
  assert.throws(() => parseDsn('From: someone@example.org\r\nSubject: Re: your alert\r\n\r\nThanks!'), NotADsnError);
  assert.throws(() => parseDsn('Content-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; x\r\n'), /names no recipient/);
});

forEachEngine('mail: bounces', (h) => {
  let smtp: TestSmtp;
  const workers: MailWorker[] = [];
  before(async () => (smtp = await startSmtp()));
  after(async () => {
    for (const w of workers) await w.stop();
    await smtp.close();
    await h.cleanup();
  });
  const worker = (store: TestStore, o: Partial<ConstructorParameters<typeof MailWorker>[1]> = {}) => {
    const w = new MailWorker(store, { mailer: smtpMailer(smtp.url, { timeoutMs: 3000 }), settings, ratePerSecond: 1000, retryBaseMs: 5, pauseMs: 30, ...o });
    workers.push(w);
    return w;
  };
  let n = 0;
  async function reader(store: TestStore, email: string): Promise<void> {
    await requestSubscription(store, { email, uiLang: 'ar', langs: ['ar'], frequency: 'instant', follows: [], ip: `10.7.0.${++n}` });
    const row = await mdb(store).selectFrom('mail_subscribers').select('id').where('email_key', '=', email).executeTakeFirstOrThrow();
    assert.ok(await confirmSubscription(store, await tokenFor(store, (await getSubscriber(store, row.id))!, 'confirm')));
    await mdb(store).deleteFrom('mail_outbox').where('kind', '=', 'confirm').execute();
  }
  async function publish(store: TestStore, slug: string): Promise<void> {
    const saved = await saveEdit(store, editor, { article: makeArticle({ slug, title: `تحليل ${slug}` }) });
    await transition(store, editor, saved.id, 'publish');
  }
  const statusOf = async (store: TestStore, email: string) => (await mdb(store).selectFrom('mail_subscribers').select(['status', 'stopped_reason']).where('email_key', '=', email).executeTakeFirstOrThrow());

  test('a 5xx at the end of DATA stops mail to the address, recorded and shown by the status', async () => {
    const store = await h.open();
    const bad = `full-stop-${h.engine}@example.org`;
    const good = `fine-${h.engine}@example.org`;
    await reader(store, bad);
    await reader(store, good);
    smtp.dataAnswer = (to) => (to.includes(bad) ? { code: 554, message: '5.7.1 Message rejected as spam' } : undefined);
    await publish(store, 'data-1');
    await worker(store).tick();
    smtp.dataAnswer = undefined;
    assert.equal(smtp.to(bad).length, 0);
    assert.equal(smtp.to(good).length, 1);
    assert.equal((await statusOf(store, bad)).status, 'bounced');
    const s = await mailStatus(store);
    assert.deepEqual(s.bounced.map((b) => b.email), [bad]);
    assert.match(s.bounced[0].reason, /Message rejected as spam/);
    const rec = await mdb(store).selectFrom('mail_bounces').selectAll().where('email_key', '=', bad).execute();
    assert.deepEqual(rec.map((r) => [r.kind, r.source, r.status]), [['hard', 'smtp', '554']]);
    await publish(store, 'data-2');
    await worker(store).tick();
    assert.equal(smtp.to(bad).length, 0, 'nothing more');
    assert.equal(smtp.to(good).length, 2);
  });

  test('a recipient server that keeps saying 4xx: retried with backoff, given up; the third give-up stops the address', async () => {
    const store = await h.open();
    const full = `mailbox-full-${h.engine}@example.org`;
    await reader(store, full);
    smtp.rcpt = (a) => (a === full ? { code: 452, message: '4.2.2 Mailbox full' } : undefined);
    const w = worker(store, { maxAttempts: 3 });
    for (let k = 1; k <= 3; k++) {
      await publish(store, `full-${k}`);
      for (let i = 0; i < 40; i++) {
        await w.tick();
        const open = await mdb(store).selectFrom('mail_outbox').select('id').where('status', 'in', ['queued', 'sending']).execute();
        if (!open.length) break;
        await new Promise((r) => setTimeout(r, 15));
      }
      const row = await mdb(store).selectFrom('mail_outbox').select(['status', 'attempts', 'last_error']).where('id', 'like', `%${makeArticle({ slug: `full-${k}` }).id}`).executeTakeFirstOrThrow();
      assert.equal(row.status, 'failed', `message ${k} given up`);
      assert.equal(Number(row.attempts), 3, 'after three attempts');
      assert.match(row.last_error ?? '', /given up after 3 attempts: .*Mailbox full/);
      assert.equal((await statusOf(store, full)).status, k < 3 ? 'active' : 'bounced', `after ${k} give-up(s)`);
    }
    smtp.rcpt = undefined;
    assert.match((await statusOf(store, full)).stopped_reason ?? '', /3 soft bounces in a row, the last: 452 .*Mailbox full/);
    assert.equal(smtp.to(full).length, 0);
  });

  test('a bounce report fed in later: hard stops the address, soft ones count, delayed changes nothing, an unknown address is only recorded', async () => {
    const store = await h.open();
    const gone = `gone-${h.engine}@example.org`;
    const soft = `soft-${h.engine}@example.org`;
    await reader(store, gone);
    await reader(store, soft);
    await publish(store, 'dsn-1');
    await worker(store).tick();
    assert.equal(smtp.to(gone).length, 1, 'the relay accepted it; the bounce comes later');

    const [hard] = await applyDsn(store, dsn(gone, '5.1.1'));
    assert.deepEqual([hard.kind, hard.stopped], ['hard', true]);
    assert.equal((await statusOf(store, gone)).status, 'bounced');
    assert.match((await statusOf(store, gone)).stopped_reason ?? '', /5\.1\.1 .*does not exist/);

    assert.deepEqual((await applyDsn(store, dsn(soft, '4.4.7', { action: 'delayed' }))).map((o) => o.kind), ['ignored']);
    for (let i = 1; i <= 2; i++) assert.equal((await applyDsn(store, dsn(soft, '4.2.2')))[0].stopped, false, `soft bounce ${i} only counts`);
    assert.equal((await statusOf(store, soft)).status, 'active');
    assert.equal((await applyDsn(store, dsn(soft, '4.2.2')))[0].stopped, true, 'the third stops it');

    assert.deepEqual((await applyDsn(store, dsn(`stranger-${h.engine}@example.org`, '5.1.1'))).map((o) => o.stopped), [false]);
    const s = await mailStatus(store);
    assert.deepEqual(s.bounced.map((b) => b.email).sort(), [gone, soft].sort());

    await publish(store, 'dsn-2');
    await worker(store).tick();
    assert.equal(smtp.to(gone).length, 1, 'nothing more to a hard-bounced address');
    assert.equal(smtp.to(soft).length, 1, 'nor to one that kept bouncing');
  });
});
