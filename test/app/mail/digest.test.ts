/**
 * The weekly digest goes out at the institute's local day and time, whatever the season: Monday 07:00
 * in Berlin is 06:00 UTC in winter and 05:00 UTC in summer, in New York 12:00 and 11:00, in Riyadh
 * (no daylight saving) always 04:00. The mail is dated by the reader's language and that zone. Against
 * a real SMTP server, on both engines.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachEngine, type TestStore } from '../../support/engines.ts';
import { makeArticle } from '../../support/articles.ts';
import { startSmtp, type TestSmtp } from '../../support/smtp.ts';
import {
  confirmSubscription,
  digestSchedule,
  getSubscriber,
  lastDigestAt,
  MailWorker,
  mailStatus,
  mdb,
  nextDigestAt,
  parseDigestAt,
  requestSubscription,
  saveEdit,
  smtpMailer,
  tokenFor,
  transition,
  zonedInstant,
  type DigestSchedule,
  type Editor,
} from '../../../src/app/index.ts';

const editor: Editor = { id: 'u-editor', email: 'editor@example.org', ip: '192.0.2.2', role: 'editor' };
const settings = { from: 'Alerts <alerts@mizan.test>', domain: 'mizan.test', baseUrl: 'http://mizan.test' };
const iso = (d: Date) => d.toISOString();
const monday7 = (timeZone: string): DigestSchedule => ({ timeZone, weekday: 1, hour: 7, minute: 0 });

test('Monday 07:00 local is a different UTC hour on each side of a daylight-saving change, and the same in Riyadh', () => {
  // Europe/Berlin: clocks go forward on Sunday 29 March 2026.
  assert.equal(iso(nextDigestAt(new Date('2026-03-18T12:00Z'), monday7('Europe/Berlin'))), '2026-03-23T06:00:00.000Z');
  assert.equal(iso(nextDigestAt(new Date('2026-03-25T12:00Z'), monday7('Europe/Berlin'))), '2026-03-30T05:00:00.000Z');
  // …and back on Sunday 25 October 2026.
  assert.equal(iso(nextDigestAt(new Date('2026-10-21T12:00Z'), monday7('Europe/Berlin'))), '2026-10-26T06:00:00.000Z');
  // America/New_York: forward on 8 March, back on 1 November 2026.
  assert.equal(iso(nextDigestAt(new Date('2026-03-04T12:00Z'), monday7('America/New_York'))), '2026-03-09T11:00:00.000Z');
  assert.equal(iso(nextDigestAt(new Date('2026-02-25T12:00Z'), monday7('America/New_York'))), '2026-03-02T12:00:00.000Z');
  assert.equal(iso(nextDigestAt(new Date('2026-10-28T12:00Z'), monday7('America/New_York'))), '2026-11-02T12:00:00.000Z');
  // Asia/Riyadh keeps UTC+3 all year.
  for (const week of ['2026-01-07', '2026-03-25', '2026-07-01', '2026-10-28'])
    assert.equal(new Date(nextDigestAt(new Date(`${week}T12:00Z`), monday7('Asia/Riyadh'))).getUTCHours(), 4, week);
  // The one at 07:00 itself has gone out; the next is a week later.
  assert.equal(iso(lastDigestAt(new Date('2026-03-30T05:00Z'), monday7('Europe/Berlin'))), '2026-03-30T05:00:00.000Z');
  assert.equal(iso(lastDigestAt(new Date('2026-03-30T04:59Z'), monday7('Europe/Berlin'))), '2026-03-23T06:00:00.000Z');
});

test('a time the clocks skip is moved past the gap; a time they repeat is its first occurrence', () => {
  assert.equal(iso(zonedInstant(2026, 3, 8, 2, 30, 'America/New_York')), '2026-03-08T07:30:00.000Z'); // 03:30 EDT
  assert.equal(iso(zonedInstant(2026, 11, 1, 1, 30, 'America/New_York')), '2026-11-01T05:30:00.000Z'); // 01:30 EDT, not EST
  assert.equal(iso(zonedInstant(2026, 3, 29, 2, 30, 'Europe/Berlin')), '2026-03-29T01:30:00.000Z'); // 03:30 CEST
  assert.equal(iso(zonedInstant(2026, 10, 25, 2, 30, 'Europe/Berlin')), '2026-10-25T00:30:00.000Z'); // 02:30 CEST
  // A Sunday 02:30 digest in Berlin still goes out once that Sunday, at 03:30.
  const sunday = { timeZone: 'Europe/Berlin', weekday: 0, hour: 2, minute: 30 };
  assert.equal(iso(nextDigestAt(new Date('2026-03-27T12:00Z'), sunday)), '2026-03-29T01:30:00.000Z');
});

test('MIZAN_DIGEST_AT and MIZAN_TIME_ZONE: read, the configuration zone as fallback, bad values refused by name', () => {
  assert.deepEqual(parseDigestAt('friday 16:30'), { weekday: 5, hour: 16, minute: 30 });
  assert.deepEqual(parseDigestAt('Sun 8:05'), { weekday: 0, hour: 8, minute: 5 });
  assert.equal(parseDigestAt('monday 24:00'), undefined);
  assert.equal(parseDigestAt('someday 07:00'), undefined);
  assert.deepEqual(digestSchedule({}, 'Asia/Riyadh'), { timeZone: 'Asia/Riyadh', weekday: 1, hour: 7, minute: 0 });
  assert.deepEqual(digestSchedule({ MIZAN_TIME_ZONE: 'Europe/Berlin', MIZAN_DIGEST_AT: 'sunday 18:00' }, 'Asia/Riyadh'), { timeZone: 'Europe/Berlin', weekday: 0, hour: 18, minute: 0 });
  assert.deepEqual(digestSchedule({}), { timeZone: 'UTC', weekday: 1, hour: 7, minute: 0 });
  assert.throws(() => digestSchedule({ MIZAN_DIGEST_AT: 'mondays at seven' }), /MIZAN_DIGEST_AT must be a day and a 24-hour time/);
  assert.throws(() => digestSchedule({ MIZAN_TIME_ZONE: 'Mars/Olympus' }), /MIZAN_TIME_ZONE must be an IANA time zone.*Mars\/Olympus/);
});

forEachEngine('mail: the weekly digest in the institute’s time zone', (h) => {
  let smtp: TestSmtp;
  const workers: MailWorker[] = [];
  before(async () => (smtp = await startSmtp()));
  after(async () => {
    for (const w of workers) await w.stop();
    await smtp.close();
    await h.cleanup();
  });

  async function weeklyReader(store: TestStore, email: string, lang: 'ar' | 'en'): Promise<void> {
    await requestSubscription(store, { email, uiLang: lang, langs: [lang], frequency: 'weekly', follows: [], ip: `10.9.0.${lang === 'ar' ? 1 : 2}` });
    const row = await mdb(store).selectFrom('mail_subscribers').select('id').where('email_key', '=', email).executeTakeFirstOrThrow();
    assert.ok(await confirmSubscription(store, await tokenFor(store, (await getSubscriber(store, row.id))!, 'confirm')));
    await mdb(store).deleteFrom('mail_outbox').where('kind', '=', 'confirm').execute();
  }

  async function publish(store: TestStore, slug: string, lang: 'ar' | 'en', title: string): Promise<void> {
    const saved = await saveEdit(store, editor, { article: makeArticle({ slug, lang, title }) });
    await transition(store, editor, saved.id, 'publish');
  }

  /** Pretends the waiting items were queued at `at` (the publish ran at the real time). */
  async function queuedAt(store: TestStore, at: string): Promise<void> {
    await mdb(store).updateTable('mail_outbox').set({ created_at: at }).where('kind', '=', 'digest').where('status', '=', 'queued').execute();
  }

  /** A worker whose clock reads `at`, on the given schedule; two ticks (release, then send). */
  async function runAt(store: TestStore, at: string, digest: DigestSchedule): Promise<void> {
    const w = new MailWorker(store, { mailer: smtpMailer(smtp.url), settings, ratePerSecond: 1000, digest, now: () => new Date(at) });
    workers.push(w);
    await w.tick();
    await w.tick();
  }

  test('Berlin: 06:00 UTC before the clocks change, 05:00 UTC after; dated in each reader’s language', async () => {
    const store = await h.open();
    const ar = `digest-ar-${h.engine}@example.org`;
    const en = `digest-en-${h.engine}@example.org`;
    await weeklyReader(store, ar, 'ar');
    await weeklyReader(store, en, 'en');
    const berlin = monday7('Europe/Berlin');

    await publish(store, 'shita-1', 'ar', 'تحليل الشتاء');
    await publish(store, 'winter-1', 'en', 'A winter analysis');
    await queuedAt(store, '2026-03-18T10:00:00.000Z');
    const waiting = await mailStatus(store, { digest: berlin, now: new Date('2026-03-18T12:00Z') });
    assert.equal(waiting.digest.waiting, 2);
    assert.equal(waiting.digest.next, '2026-03-23T06:00:00.000Z');
    await runAt(store, '2026-03-23T05:59:00.000Z', berlin); // 06:59 in Berlin
    assert.equal(smtp.to(ar).length + smtp.to(en).length, 0, 'not before 07:00 Berlin time');
    await runAt(store, '2026-03-23T06:00:00.000Z', berlin); // 07:00 CET
    assert.equal(smtp.to(ar).length, 1);
    assert.equal(smtp.to(en).length, 1);
    assert.match(smtp.to(ar)[0].mail.text!, /الأسبوع المنتهي يوم الاثنين 23 آذار\/\u2060?مارس 2026/);
    assert.match(smtp.to(en)[0].mail.text!, /the week to Monday, March 23, 2026/);

    await publish(store, 'sayf-1', 'ar', 'تحليل الربيع');
    await queuedAt(store, '2026-03-25T10:00:00.000Z');
    await runAt(store, '2026-03-30T04:59:00.000Z', berlin); // 06:59 CEST
    assert.equal(smtp.to(ar).length, 1, 'not before 07:00 Berlin summer time');
    await runAt(store, '2026-03-30T05:00:00.000Z', berlin); // 07:00 CEST
    assert.equal(smtp.to(ar).length, 2);
    assert.match(smtp.to(ar)[1].mail.text!, /تحليل الربيع/);
    assert.doesNotMatch(smtp.to(ar)[1].mail.text!, /تحليل الشتاء/, 'each piece in one digest only');
    assert.match(smtp.to(ar)[1].mail.text!, /الاثنين 30 آذار\/\u2060?مارس 2026/);
  });

  test('Riyadh: a Monday 01:30 digest goes out on Sunday evening UTC and is dated Monday', async () => {
    const store = await h.open();
    const ar = `riyadh-${h.engine}@example.org`;
    await weeklyReader(store, ar, 'ar');
    const riyadh: DigestSchedule = { timeZone: 'Asia/Riyadh', weekday: 1, hour: 1, minute: 30 };
    await publish(store, 'riyadh-1', 'ar', 'تحليل من الرياض');
    await queuedAt(store, '2026-07-01T10:00:00.000Z');
    await runAt(store, '2026-07-05T22:29:00.000Z', riyadh);
    assert.equal(smtp.to(ar).length, 0);
    await runAt(store, '2026-07-05T22:30:00.000Z', riyadh); // Sunday 22:30 UTC = Monday 01:30 in Riyadh
    assert.equal(smtp.to(ar).length, 1);
    assert.match(smtp.to(ar)[0].mail.text!, /الاثنين 6 تموز\/\u2060?يوليو 2026/);
    assert.doesNotMatch(smtp.to(ar)[0].mail.text!, /الأحد/);
  });
});
