/**
 * Issue 16: schedules are typed and shown in the institute's time zone (the site configuration's
 * `timeZone`), not UTC: "publish at 09:00" in Tunis is 08:00 UTC, in Berlin's summer 07:00 UTC; the edit
 * page says which zone it means and shows the scheduled time in the editor's language.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CLI_EDITOR, createExpert } from '../../src/app/index.ts';
import { DEFAULT_SITE } from '../../src/model/index.ts';
import { createWebApp, listen } from '../../src/web/index.ts';
import { wallTimeToUtc } from '../../src/lib/index.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { addAccounts, signedIn } from './admin-client.ts';

const FORM = { lang: 'ar', type: 'policy-analysis', summary: '', published: '', seriesName: '', seriesNumber: '', authors: 'كاتب', topics: '', regions: '', note: '', version: '' };

test('wall-clock times across DST changes: skipped hours land after the gap, repeated hours take the first', () => {
  assert.equal(wallTimeToUtc('2027-05-18T09:00', 'Africa/Tunis'), '2027-05-18T08:00:00.000Z');
  assert.equal(wallTimeToUtc('2027-05-18T09:00', 'Asia/Riyadh'), '2027-05-18T06:00:00.000Z');
  assert.equal(wallTimeToUtc('2027-01-10T09:00', 'Europe/Berlin'), '2027-01-10T08:00:00.000Z');
  assert.equal(wallTimeToUtc('2027-07-10T09:00', 'Europe/Berlin'), '2027-07-10T07:00:00.000Z');
  assert.equal(wallTimeToUtc('2027-03-28T02:30', 'Europe/Berlin'), '2027-03-28T01:30:00.000Z', '02:30 does not exist: 03:30 summer time');
  assert.equal(wallTimeToUtc('2027-10-31T02:30', 'Europe/Berlin'), '2027-10-31T00:30:00.000Z', '02:30 happens twice: the first');
  assert.equal(wallTimeToUtc('2027-11-07T01:30', 'America/New_York'), '2027-11-07T05:30:00.000Z');
  assert.equal(wallTimeToUtc('2027-02-30T09:00', 'UTC'), undefined);
  assert.equal(wallTimeToUtc('tomorrow', 'UTC'), undefined);
  assert.equal(wallTimeToUtc('٢٠٢٧-٠٥-١٨ ٠٩:٠٠', 'Africa/Tunis'), '2027-05-18T08:00:00.000Z', 'Arabic digits and a space, as an Arabic keyboard types it');
});

forEachEngine('scheduling in the institute time zone', (h) => {
  let store: TestStore;
  let url: string;
  let close: () => Promise<void>;
  before(async () => {
    store = await h.open();
    await addAccounts(store, ['editor']);
    await createExpert(store, CLI_EDITOR, { names: { ar: 'كاتب' } });
    const site = { ...DEFAULT_SITE, timeZone: 'Europe/Berlin' };
    const server = await listen(createWebApp({ store, site }, { noCache: true }), { port: 0, host: '127.0.0.1' });
    url = server.url;
    close = () => server.close();
  });
  after(async () => {
    await close?.();
    await h.cleanup();
  });

  test('09:00 typed in July in Berlin is stored as 07:00 UTC and shown back as 09:00', async () => {
    const a = await signedIn(url, 'editor');
    const created = await a.post('/admin/articles/new', { ...FORM, title: 'مقالة مجدولة', slug: 'mqala-mjdwla', body: 'نص المقالة.' }, { csrf: await a.csrfOf('/admin/articles/new') });
    const edit = created.location!.replace('?saved=1', '');
    const page = await a.get(edit);
    assert.match(page.text, /\(Europe\/Berlin\)/, 'the form says which zone the time is in');
    const year = new Date().getUTCFullYear() + 1;
    const r = await a.post(`${edit}/workflow`, { action: 'schedule', publishAt: `${year}-07-10T09:00` }, { csrf: await a.csrfOf(edit) });
    assert.equal(r.status, 303);
    const row = await store.db.selectFrom('schedule' as never).selectAll().execute();
    assert.deepEqual((row as { publish_at: string }[]).map((s) => s.publish_at), [`${year}-07-10T07:00:00.000Z`]);
    const shown = (await a.get(edit)).text;
    assert.match(shown, /٠٩:٠٠/, 'shown back in Arabic digits at the institute’s 09:00');
    assert.doesNotMatch(shown, /07:00 UTC/);
    assert.doesNotMatch(shown, /type="date"|type="datetime-local"/, 'no browser picker that shows mm/dd/yyyy');
  });

  test('a time that is not one is refused in the editor’s language, nothing scheduled', async () => {
    const a = await signedIn(url, 'editor');
    const created = await a.post('/admin/articles/new', { ...FORM, title: 'موعد خاطئ', slug: 'mawid-khati', body: 'نص.' }, { csrf: await a.csrfOf('/admin/articles/new') });
    const edit = created.location!.replace('?saved=1', '');
    const r = await a.post(`${edit}/workflow`, { action: 'schedule', publishAt: '05/18/2027 9:00 AM' }, { csrf: await a.csrfOf(edit) });
    assert.equal(r.status, 400);
    assert.match(r.text, /اكتب الموعد بالسنة-الشهر-اليوم/);
    const id = edit.split('/').pop()!;
    assert.deepEqual(await store.db.selectFrom('schedule' as never).selectAll().where('article_id' as never, '=', id as never).execute(), []);
  });
});
