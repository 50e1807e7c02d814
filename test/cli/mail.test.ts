/** `mizan mail test|status|export|delete` as a user runs them, against a real SMTP server. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMizan } from '../support/cli.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';
import { openStore } from '../../src/store/index.ts';
import { requestSubscription } from '../../src/app/index.ts';

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
