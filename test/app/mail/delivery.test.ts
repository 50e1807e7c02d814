/**
 * Delivery that survives faults, on both engines, against a real SMTP server: a 5xx stops mail to that
 * address, a 4xx is retried until it goes through once, a server that is down or too slow loses
 * nothing and sends nothing twice, and a worker process killed with SIGKILL mid-batch and restarted
 * (then two workers at once) leaves every subscriber exactly one copy.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { forEachEngine, type TestStore } from '../../support/engines.ts';
import { makeArticle } from '../../support/articles.ts';
import { startSmtp, type TestSmtp } from '../../support/smtp.ts';
import { confirmSubscription, MailWorker, mailStatus, mdb, requeue, requestSubscription, saveEdit, smtpMailer, tokenFor, transition, getSubscriber, type Editor } from '../../../src/app/index.ts';

const editor: Editor = { id: 'u-editor', email: 'editor@example.org', ip: '192.0.2.2', role: 'editor' };
const settings = { from: 'Alerts <alerts@mizan.test>', domain: 'mizan.test', baseUrl: 'http://mizan.test' };
const CHILD = fileURLToPath(new URL('./worker-child.ts', import.meta.url));

async function publish(store: TestStore, slug: string): Promise<string> {
  const saved = await saveEdit(store, editor, { article: makeArticle({ slug, title: `تحليل ${slug}` }) });
  await transition(store, editor, saved.id, 'publish');
  return saved.id;
}

/** Active subscribers following everything, without the confirmation mails (tested elsewhere). */
async function readers(store: TestStore, emails: string[]): Promise<void> {
  let ip = 0;
  for (const email of emails) {
    await requestSubscription(store, { email, uiLang: 'ar', langs: ['ar'], frequency: 'instant', follows: [], ip: `10.0.${Math.floor(ip / 200)}.${ip++ % 200}` });
    const row = await mdb(store).selectFrom('mail_subscribers').select('id').where('email_key', '=', email).executeTakeFirstOrThrow();
    const sub = (await getSubscriber(store, row.id))!;
    assert.ok(await confirmSubscription(store, await tokenFor(store, sub, 'confirm')));
  }
  await mdb(store).deleteFrom('mail_outbox').where('kind', '=', 'confirm').execute();
}

async function statuses(store: TestStore): Promise<Record<string, number>> {
  const rows = await mdb(store).selectFrom('mail_outbox').select('status').execute();
  const out: Record<string, number> = {};
  for (const r of rows) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

forEachEngine('mail: delivery under faults', (h) => {
  let smtp: TestSmtp;
  const workers: MailWorker[] = [];
  const children: ChildProcess[] = [];
  before(async () => (smtp = await startSmtp()));
  after(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    for (const w of workers) await w.stop();
    await smtp.close();
    await h.cleanup();
  });
  const worker = (store: TestStore, url: string, o: Partial<ConstructorParameters<typeof MailWorker>[1]> = {}) => {
    const w = new MailWorker(store, { mailer: smtpMailer(url, { timeoutMs: 1500 }), settings, ratePerSecond: 1000, retryBaseMs: 30, pauseMs: 30, ...o });
    workers.push(w);
    return w;
  };

  test('a 5xx for one address stops mail to it; the others still get theirs', async () => {
    const store = await h.open();
    const bad = `gone-${h.engine}@example.org`;
    const good = `here-${h.engine}@example.org`;
    await readers(store, [bad, good]);
    smtp.rcpt = (a) => (a === bad ? { code: 550, message: 'No such user' } : undefined);
    await publish(store, 'khamsmia-1');
    await worker(store, smtp.url).tick();
    assert.equal(smtp.to(bad).length, 0);
    assert.equal(smtp.to(good).length, 1);
    const sub = await mdb(store).selectFrom('mail_subscribers').select(['status', 'stopped_reason']).where('email_key', '=', bad).executeTakeFirstOrThrow();
    assert.equal(sub.status, 'bounced');
    assert.match(sub.stopped_reason ?? '', /No such user/);
    await publish(store, 'khamsmia-2');
    await worker(store, smtp.url).tick();
    assert.equal(smtp.to(bad).length, 0, 'nothing more to a bounced address');
    assert.equal(smtp.to(good).length, 2);
    smtp.rcpt = undefined;
  });

  test('a 4xx is retried with growing delays until it goes through, once', async () => {
    const store = await h.open();
    const reader = `greylisted-${h.engine}@example.org`;
    await readers(store, [reader]);
    let refusals = 0;
    smtp.rcpt = (a) => (a === reader && refusals++ < 2 ? { code: 451, message: 'Greylisted, try later' } : undefined);
    await publish(store, 'arbaamia');
    const w = worker(store, smtp.url);
    await w.tick();
    const row = await mdb(store).selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.status, 'queued');
    assert.match(row.last_error ?? '', /Greylisted/);
    for (let i = 0; i < 20 && smtp.to(reader).length === 0; i++) {
      await sleep(40);
      await w.tick();
    }
    await w.tick();
    assert.equal(smtp.to(reader).length, 1);
    const done = await mdb(store).selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
    assert.equal(done.status, 'sent');
    assert.equal(Number(done.attempts), 3);
    smtp.rcpt = undefined;
  });

  test('a server that is down loses nothing: the worker pauses, and delivers every message once when it is back', async () => {
    const store = await h.open();
    const emails = Array.from({ length: 5 }, (_, i) => `down${i}-${h.engine}@example.org`);
    await readers(store, emails);
    const later = await startSmtp();
    const port = later.port;
    await later.close();
    await publish(store, 'mutawaqqif');
    const w = worker(store, `smtp://127.0.0.1:${port}?tls=off`);
    const r = await w.tick();
    assert.equal(r.sent, 0);
    assert.deepEqual(await statuses(store), { queued: 5 });
    const attempts = (await mdb(store).selectFrom('mail_outbox').select('attempts').execute()).map((x) => Number(x.attempts)).sort();
    assert.deepEqual(attempts, [0, 0, 0, 0, 1], 'only the message that met the dead server counts an attempt');
    const back = await startSmtp(port);
    try {
      for (let i = 0; i < 30 && back.received.length < 5; i++) {
        await sleep(40);
        await w.tick();
      }
      assert.deepEqual(back.received.map((m) => m.to[0]).sort(), [...emails].sort());
      assert.deepEqual(await statuses(store), { sent: 5 });
    } finally {
      await w.stop();
      await back.close();
    }
  });

  test('a server slower than the timeout: the message is tried again and arrives once', async () => {
    const store = await h.open();
    const reader = `slow-${h.engine}@example.org`;
    await readers(store, [reader]);
    const before = smtp.received.length;
    let slow = true;
    smtp.dataDelay = () => (slow ? 3000 : 0);
    await publish(store, 'batie');
    const w = worker(store, smtp.url, { mailer: smtpMailer(smtp.url, { timeoutMs: 300 }) });
    await w.tick();
    assert.equal((await mdb(store).selectFrom('mail_outbox').select('status').executeTakeFirstOrThrow()).status, 'queued');
    slow = false;
    for (let i = 0; i < 30 && smtp.to(reader).length === 0; i++) {
      await sleep(50);
      await w.tick();
    }
    await sleep(3200); // the slow answer to the first try comes and goes: its connection was dropped
    assert.equal(smtp.to(reader).length, 1);
    assert.ok(smtp.received.length >= before + 1);
    smtp.dataDelay = undefined;
  });

  test('SIGKILL in the window (the server accepted, the worker never heard), SIGKILL before the server answered, restarts, two workers at once: no reader ever gets a copy twice, the one message in doubt is listed and sent again only when asked', async () => {
    const store = await h.open();
    const n = 30;
    const emails = Array.from({ length: n }, (_, i) => `kill${i}-${h.engine}@example.org`);
    await readers(store, emails);
    const env = {
      ...process.env,
      MIZAN_TEST_TARGET: JSON.stringify(h.lastTarget()),
      MIZAN_SMTP_URL: smtp.url,
      MIZAN_MAIL_FROM: 'Alerts <alerts@mizan.test>',
      MIZAN_MAIL_RATE: '1000',
      // Short, so the test need not wait long for a dead worker's lease; longer than a send on a loaded machine.
      MIZAN_MAIL_LEASE_SECONDS: '3',
    };
    const spawnWorker = () => {
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr!.on('data', (d) => (err += d));
      child.on('exit', (code, signal) => {
        if (code && signal !== 'SIGKILL') console.error(`worker exited ${code}: ${err}`);
      });
      children.push(child);
      return child;
    };
    const exited = (c: ChildProcess) => new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once('exit', r)));
    const copies = (email: string, article: string) => smtp.to(email).filter((g) => g.messageId.includes(`.${article}@`)).length;
    const base = smtp.received.length;

    // 1. The window: the server has accepted the tenth message and sent its 250; the worker dies before reading it.
    const first = await publish(store, 'qatl');
    let seen = 0;
    const victim = spawnWorker();
    smtp.onAccepted = () => {
      if (++seen === 10) victim.kill('SIGKILL');
    };
    await exited(victim);
    smtp.onAccepted = undefined;
    assert.equal(smtp.received.length - base, 10, 'ten accepted, the tenth as the worker died');
    const st = await statuses(store);
    assert.equal(st.handed, 1, 'exactly one message was with the server when the worker died');
    assert.equal(st.sent, 9, 'the nine before it are recorded sent (commits that survive the process)');
    await sleep(3100); // its lease runs out
    const restarted = spawnWorker();
    await smtp.waitFor(base + n, 90_000);
    await sleep(300);
    restarted.kill('SIGTERM');
    await exited(restarted);
    for (const email of emails) assert.equal(copies(email, first), 1, `${email}: one copy of the first alert`);
    let s = await mailStatus(store);
    assert.equal(s.inDoubt.length, 1);
    assert.equal(s.inDoubt[0].to, emails.find((e) => smtp.to(e)[0] === smtp.received[base + 9]));
    assert.deepEqual(await statuses(store), { sent: n - 1, unknown: 1 });

    // 2. The server had the message but had not answered when the worker died: a conforming server drops it.
    const second = await publish(store, 'thani');
    const base2 = smtp.received.length;
    let data = 0;
    const victim2 = spawnWorker();
    smtp.onData = () => {
      if (++data === 10) victim2.kill('SIGKILL');
    };
    smtp.dataDelay = () => (data === 10 ? 500 : 0);
    await exited(victim2);
    smtp.onData = undefined;
    smtp.dataDelay = undefined;
    await sleep(600);
    assert.equal(smtp.received.length - base2, 9, 'nine accepted before the kill; the tenth was never acknowledged');
    await sleep(2600);
    const again = spawnWorker();
    await smtp.waitFor(base2 + n - 1, 90_000);
    await sleep(300);
    s = await mailStatus(store);
    assert.equal(s.inDoubt.length, 2, 'the second kill left one more in doubt');
    const missing = emails.filter((e) => copies(e, second) === 0);
    assert.equal(missing.length, 1, 'only the message in doubt is missing, and it is not sent by itself');
    assert.ok(s.inDoubt.some((d) => d.to === missing[0]));
    // The operator reads the relay's log (it never took that one) and sends it again.
    const row = (await mdb(store).selectFrom('mail_outbox').select('id').where('status', '=', 'unknown').where('article_id', '=', second).executeTakeFirstOrThrow()).id;
    assert.equal(await requeue(store, [row]), 1);
    await smtp.waitFor(base2 + n, 30_000);
    again.kill('SIGTERM');
    await exited(again);

    // 3. Two workers at once on one database.
    const third = await publish(store, 'thaleth');
    const base3 = smtp.received.length;
    const a = spawnWorker();
    const b = spawnWorker();
    await smtp.waitFor(base3 + n, 90_000);
    await sleep(500);
    for (const c of [a, b]) c.kill('SIGTERM');
    await Promise.all([a, b].map(exited));

    for (const email of emails) for (const article of [first, second, third]) assert.equal(copies(email, article), 1, `${email}: exactly one copy of ${article}`);
    assert.equal(smtp.received.length - base, 3 * n);
    assert.deepEqual(await statuses(store), { sent: 3 * n - 1, unknown: 1 });
  });
});
