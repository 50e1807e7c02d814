/** `mizan mail test|status|bounce|retry|export|delete` as a user runs them, against a real SMTP server. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMizan } from '../support/cli.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';
import { openStore } from '../../src/store/index.ts';
import { confirmSubscription, getSubscriber, mdb, requestSubscription, tokenFor } from '../../src/app/index.ts';
import { dsn } from '../support/dsn.ts';

let smtp: TestSmtp;
const dir = mkdtempSync(join(tmpdir(), 'mizan-mail-cli-'));
const db = join(dir, 'mizan.db');
before(async () => (smtp = await startSmtp()));
after(async () => {
  await smtp.close();
  rmSync(dir, { recursive: true, force: true });
});

test('mail test sends one message in the language asked; without MIZAN_SMTP_URL it says mail is off', async () => {
  const env = { MIZAN_SMTP_URL: smtp.url, MIZAN_MAIL_FROM: 'معهد <alerts@mizan.test>' };
  const r = await runMizan(['mail', 'test', 'editor@example.org', '--lang', 'ar', '--db', db], { env });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /sent to editor@example\.org: 250/);
  const got = smtp.to('editor@example.org');
  assert.equal(got.length, 1);
  assert.match(got[0].mail.subject ?? '', /رسالة تجريبية/);
  assert.match(got[0].mail.html as string, /dir="rtl"/);

  const off = await runMizan(['mail', 'test', 'editor@example.org', '--db', db], { env: { MIZAN_SMTP_URL: '' } });
  assert.notEqual(off.code, 0);
  assert.match(off.stderr, /MIZAN_SMTP_URL is not set/);
  const bad = await runMizan(['mail', 'test', 'a@b.org\nBcc: c@d.org', '--db', db], { env });
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /line break/);
  const noFrom = await runMizan(['mail', 'test', 'editor@example.org', '--db', db], { env: { MIZAN_SMTP_URL: smtp.url, MIZAN_MAIL_FROM: '' } });
  assert.notEqual(noFrom.code, 0);
  assert.match(noFrom.stderr, /MIZAN_MAIL_FROM/);
});

test('mail status shows the queue; export writes CSV safe for spreadsheets; delete removes a subscriber', async () => {
  const store = await openStore({ db });
  await requestSubscription(store, { email: '=cmd@example.org', uiLang: 'ar', langs: ['ar'], frequency: 'weekly', follows: [], ip: '192.0.2.1' });
  await store.close();
  const status = await runMizan(['mail', 'status', '--db', db]);
  assert.equal(status.code, 0, status.stderr);
  assert.match(status.stdout, /outbox: queued 1/);
  assert.match(status.stdout, /subscribers: pending 1/);
  const csv = await runMizan(['mail', 'export', '--db', db]);
  assert.match(csv.stdout, /^email,status,/);
  assert.match(csv.stdout, /\r\n"'=cmd@example\.org",pending,ar,ar,weekly,all,/);
  const del = await runMizan(['mail', 'delete', '=cmd@example.org', '--db', db]);
  assert.equal(del.code, 0, del.stderr);
  const after = await runMizan(['mail', 'status', '--json', '--db', db]);
  assert.deepEqual(JSON.parse(after.stdout).subscribers, {});
  assert.deepEqual(JSON.parse(after.stdout).outbox, {}, 'its queued mail went with it');
});

test('mail bounce reads bounce reports (a file or standard input): a hard bounce stops the address; what is not a report is refused by name', async () => {
  const store = await openStore({ db });
  const email = 'bounced-cli@example.org';
  await requestSubscription(store, { email, uiLang: 'ar', langs: ['ar'], frequency: 'instant', follows: [], ip: '192.0.2.7' });
  const row = await mdb(store).selectFrom('mail_subscribers').select('id').where('email_key', '=', email).executeTakeFirstOrThrow();
  await confirmSubscription(store, await tokenFor(store, (await getSubscriber(store, row.id))!, 'confirm'));
  await store.close();
  const file = join(dir, 'bounce.eml');
  writeFileSync(file, dsn(email, '5.1.1'));
  const r = await runMizan(['mail', 'bounce', file, '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /bounced-cli@example\.org: hard bounce, no more mail to this address \(5\.1\.1 smtp; 550 5\.1\.1/);
  const status = await runMizan(['mail', 'status', '--db', db]);
  assert.match(status.stdout, /bounced \(no more mail to these addresses\):\n {2}bounced-cli@example\.org since .*5\.1\.1/);

  const soft = await runMizan(['mail', 'bounce', '-', '--json', '--db', db], { input: dsn('someone-else@example.org', '4.2.2') });
  assert.equal(soft.code, 0, soft.stderr);
  assert.deepEqual(JSON.parse(soft.stdout).files[0].bounces.map((b: { kind: string; stopped: boolean }) => [b.kind, b.stopped]), [['soft', false]]);

  const letter = join(dir, 'reply.eml');
  writeFileSync(letter, 'From: reader@example.org\r\nSubject: Re: alert\r\n\r\nThank you!\r\n');
  const bad = await runMizan(['mail', 'bounce', letter, join(dir, 'missing.eml'), '--db', db]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /reply\.eml: not a delivery status notification/);
  assert.match(bad.stderr, /missing\.eml: cannot be read/);
});

test('mail status shows the weekly digest in the institute’s zone and what is in doubt; mail retry sends it again', async () => {
  const store = await openStore({ db });
  await requestSubscription(store, { email: 'doubt@example.org', uiLang: 'en', langs: ['en'], frequency: 'instant', follows: [], ip: '192.0.2.8' });
  const sub = await mdb(store).selectFrom('mail_subscribers').select('id').where('email_key', '=', 'doubt@example.org').executeTakeFirstOrThrow();
  await mdb(store).updateTable('mail_outbox').set({ status: 'unknown', last_error: 'in doubt' }).where('subscriber_id', '=', sub.id).execute();
  const doubtful = await mdb(store).selectFrom('mail_outbox').select('id').where('status', '=', 'unknown').execute();
  await store.close();
  assert.equal(doubtful.length, 1);
  const env = { MIZAN_TIME_ZONE: 'Asia/Riyadh', MIZAN_DIGEST_AT: 'sunday 08:30' };
  const s = await runMizan(['mail', 'status', '--db', db], { env });
  assert.equal(s.code, 0, s.stderr);
  assert.match(s.stdout, /weekly digest: 0 item\(s\) waiting; next at \d{4}-\d\d-\d\dT05:30:00\.000Z \(\d{4}-\d\d-\d\d 08:30 Asia\/Riyadh\)/);
  assert.match(s.stdout, /in doubt .*: 1\n {2}confirm:.* to doubt@example\.org/);
  const badZone = await runMizan(['mail', 'status', '--db', db], { env: { MIZAN_TIME_ZONE: 'Middle/Earth' } });
  assert.notEqual(badZone.code, 0);
  assert.match(badZone.stderr, /MIZAN_TIME_ZONE must be an IANA time zone .*Middle\/Earth/);
  const none = await runMizan(['mail', 'retry', 'no-such-id', '--db', db]);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /not in doubt or given up/);
  const retry = await runMizan(['mail', 'retry', '--db', db]);
  assert.equal(retry.code, 0, retry.stderr);
  assert.match(retry.stdout, /queued 1 message\(s\) again/);
  const after = JSON.parse((await runMizan(['mail', 'status', '--json', '--db', db])).stdout);
  assert.deepEqual(after.inDoubt, []);
});
