/**
 * `POST /hooks/mail/bounce` (issue 17), on both engines: a mail provider reports a bounce as JSON with
 * the shared secret; a permanent one stops mail to the address (as `mizan mail bounce` does), three
 * transient ones do too; no secret is 401, a wrong one 403, and neither touches anything; hostile
 * addresses, non-JSON, wrong shapes and bodies over 16 KB are refused with a clear JSON error; with
 * no secret configured the address does not exist.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { confirmSubscription, getSubscriber, mdb, requestSubscription, tokenFor } from '../../../src/app/index.ts';
import { createWebApp } from '../../../src/web/index.ts';
import { forEachEngine, type TestStore } from '../../support/engines.ts';

const SECRET = 'a-long-shared-secret-for-the-provider';

forEachEngine('mail: bounce webhook', (h) => {
  let store: TestStore;
  let app: ReturnType<typeof createWebApp>;
  let n = 0;
  async function reader(email: string): Promise<void> {
    await requestSubscription(store, { email, uiLang: 'ar', langs: ['ar'], frequency: 'instant', follows: [], ip: `10.9.0.${++n}` });
    const row = await mdb(store).selectFrom('mail_subscribers').select('id').where('email_key', '=', email).executeTakeFirstOrThrow();
    assert.ok(await confirmSubscription(store, await tokenFor(store, (await getSubscriber(store, row.id))!, 'confirm')));
  }
  const status = async (email: string) => (await mdb(store).selectFrom('mail_subscribers').select('status').where('email_key', '=', email).executeTakeFirstOrThrow()).status;
  const bounces = async () => (await mdb(store).selectFrom('mail_bounces').select('id').execute()).length;
  const hook = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${SECRET}` }, type = 'application/json') =>
    app.request('/hooks/mail/bounce', { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': type, ...headers } });

  before(async () => {
    store = await h.open();
    app = createWebApp({ store, baseUrl: 'https://inst.example', bounceSecret: SECRET });
    await reader('gone@example.org');
    await reader('full@example.org');
  });
  after(() => h.cleanup());

  test('no secret is 401, a wrong one 403; nothing is recorded', async () => {
    const none = await hook({ address: 'gone@example.org', kind: 'permanent' }, {});
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/);
    const wrong = await hook({ address: 'gone@example.org', kind: 'permanent' }, { authorization: 'Bearer not-the-secret' });
    assert.equal(wrong.status, 403);
    assert.deepEqual(await wrong.json(), { error: { code: 'forbidden', message: 'wrong secret' } });
    assert.equal(await bounces(), 0);
    assert.equal(await status('gone@example.org'), 'active');
  });

  test('bad bodies are refused with a clear error, nothing recorded', async () => {
    assert.equal((await hook('address=gone@example.org', undefined, 'application/x-www-form-urlencoded')).status, 415);
    const notJson = await hook('{"address": ');
    assert.equal(notJson.status, 400);
    assert.match(((await notJson.json()) as { error: { message: string } }).error.message, /not valid JSON/);
    const shape = await hook({ address: 'gone@example.org', kind: 'soon' });
    assert.equal(shape.status, 400);
    assert.match(((await shape.json()) as { error: { message: string } }).error.message, /kind: .*expected \{ "address"/);
    const injected = await hook({ address: 'gone@example.org\r\nBcc: all@example.org', kind: 'permanent' });
    assert.equal(injected.status, 400);
    assert.match(JSON.stringify(await injected.json()), /line break or another invisible control character/);
    const long = await hook({ address: `${'a'.repeat(10_000)}@example.org`, kind: 'permanent' });
    assert.equal(long.status, 400);
    const big = await hook({ address: 'gone@example.org', kind: 'permanent', pad: 'x'.repeat(20_000) });
    assert.equal(big.status, 413);
    assert.equal(await bounces(), 0);
    assert.equal(await status('gone@example.org'), 'active');
  });

  test('a permanent bounce stops the address at once; three transient ones stop it too', async () => {
    const r = await hook({ address: 'Gone@Example.org', kind: 'permanent', status: '5.1.1', detail: '550 no such user' });
    assert.equal(r.status, 200);
    assert.deepEqual(await r.json(), { results: [{ address: 'gone@example.org', kind: 'hard', stopped: true }] });
    assert.equal(await status('gone@example.org'), 'bounced');
    for (let i = 1; i <= 3; i++) {
      const t = (await (await hook([{ address: 'full@example.org', kind: 'transient' }])).json()) as { results: { stopped: boolean }[] };
      assert.equal(t.results[0].stopped, i === 3, `transient bounce ${i}`);
    }
    assert.equal(await status('full@example.org'), 'bounced');
    const row = await mdb(store).selectFrom('mail_bounces').select(['source', 'status']).where('email_key', '=', 'gone@example.org').executeTakeFirstOrThrow();
    assert.deepEqual(row, { source: 'hook', status: '5.1.1' });
  });

  test('without MIZAN_BOUNCE_SECRET the address does not exist', async () => {
    const before = process.env.MIZAN_BOUNCE_SECRET;
    delete process.env.MIZAN_BOUNCE_SECRET;
    try {
      const off = createWebApp({ store, baseUrl: 'https://inst.example' });
      const r = await off.request('/hooks/mail/bounce', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', authorization: 'Bearer x' } });
      assert.equal(r.status, 404);
    } finally {
      if (before !== undefined) process.env.MIZAN_BOUNCE_SECRET = before;
    }
  });
});
