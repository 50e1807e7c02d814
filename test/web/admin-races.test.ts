/**
 * Regressions (issue 20, items 2–4): races and forged addresses at the sign-in, over real HTTP against a
 * real server, on every engine. Before the fix 40 parallel wrong passwords were all checked (the lock
 * was read before and written after the password check); a TOTP code was accepted by several parallel
 * sessions on PostgreSQL; and behind MIZAN_TRUST_PROXY=1 any client could name a new address each time.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { addUser, base32Decode, beginTotp, acceptTotp, totp } from '../../src/app/index.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { FAST } from '../app/fast-cost.ts';
import { Client, PASSWORD, startServer, type AdminServer } from './admin-client.ts';

forEachEngine('sign-in races over HTTP', (h) => {
  let store: TestStore;
  let server: AdminServer;

  before(async () => {
    store = await h.open();
    server = await startServer(store);
  });
  after(async () => {
    await server?.close();
    await h.cleanup();
  });

  // The code test runs first: the lockout test leaves this address with failures.
  test('one TOTP code submitted by 6 sessions at once is accepted once', async () => {
    const user = await addUser(store, { email: 'twofa@example.org', role: 'editor', password: PASSWORD }, { cost: FAST });
    const secret = await beginTotp(store, user.id);
    const now = Date.now();
    // Enrolled with the code of two steps ago, so the current code is fresh.
    assert.equal(await acceptTotp(store, user.id, totp(base32Decode(secret), now - 60_000), now - 60_000), true);
    const sessions: { client: Client; csrf: string }[] = [];
    for (let i = 0; i < 6; i++) {
      const client = new Client(server.url);
      const r = await client.signIn('twofa@example.org');
      assert.equal(r.location, '/admin/sign-in/code');
      sessions.push({ client, csrf: await client.csrfOf('/admin/sign-in/code') });
    }
    const code = totp(base32Decode(secret), Date.now());
    const answers = await Promise.all(sessions.map(({ client, csrf }) => client.post('/admin/sign-in/code', { code }, { csrf })));
    const accepted = answers.filter((a) => a.status === 303 && a.location === '/admin').length;
    assert.equal(accepted, 1, `statuses: ${answers.map((a) => `${a.status} ${a.location ?? ''}`).join(', ')}`);
  });

  test('40 parallel wrong passwords for one account: at most the 5 free ones are checked, the rest are 429', async () => {
    await addUser(store, { email: 'target@example.org', role: 'editor', password: PASSWORD }, { cost: FAST });
    const clients = await Promise.all(
      Array.from({ length: 40 }, async () => {
        const client = new Client(server.url);
        return { client, csrf: await client.csrfOf('/admin/sign-in') };
      }),
    );
    const answers = await Promise.all(
      clients.map(({ client, csrf }) => client.post('/admin/sign-in', { email: 'target@example.org', password: 'a wrong password' }, { csrf })),
    );
    const statuses = answers.map((a) => a.status);
    const checked = statuses.filter((s) => s === 401).length;
    assert.equal(statuses.filter((s) => s === 429).length + checked, 40, `statuses: ${statuses.join(' ')}`);
    assert.ok(checked >= 1 && checked <= 5, `${checked} wrong passwords were checked; the account allows 5`);
    assert.equal((await new Client(server.url).signIn('target@example.org')).status, 429, 'the right password waits too');
  });
});
