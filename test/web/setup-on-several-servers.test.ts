/**
 * Regression: the first-admin setup address failed with several servers. Each `mizan serve` kept its
 * token in memory, so behind a round-robin proxy the address one server printed was refused (403) by the
 * other about half the time. The token now lives in the database (its SHA-256 and its expiry), so here,
 * on both engines, two real app instances with their own connections to one database, each listening
 * on its own port, stand for two servers: a token either one made opens the page on both, an expired
 * one opens it on neither, uses at once of two tokens through two servers make one admin, and once an
 * account exists no token works.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { openStore } from '../../src/store/index.ts';
import { addUser, createSetupToken, edb, listUsers, setupTokenState, SETUP_TOKEN_MS } from '../../src/app/index.ts';
import { FAST } from '../app/fast-cost.ts';
import { Client, PASSWORD, startServer, type AdminServer } from './admin-client.ts';

const setupPath = (token: string) => `/admin/setup?token=${encodeURIComponent(token)}`;

/** Submits the setup form through `server` with `token`, as a browser that opened the address there. */
async function submit(server: AdminServer, token: string, email: string): Promise<number> {
  const client = new Client(server.url);
  const csrf = await client.csrfOf(setupPath(token));
  return (await client.post('/admin/setup', { token, email, password: PASSWORD, confirm: PASSWORD }, { csrf })).status;
}

forEachEngine('the first-admin setup address on several servers', (h) => {
  const closing: { close(): Promise<void> }[] = [];
  after(async () => {
    for (const c of closing.reverse()) await c.close().catch(() => {});
    await h.cleanup();
  });

  /** Two servers on one new database: the store `h` opened, and a second connection as another server's. */
  async function twoServers(): Promise<{ storeA: TestStore; storeB: TestStore; a: AdminServer; b: AdminServer }> {
    const storeA = await h.open();
    const storeB = await openStore(h.lastTarget());
    closing.push(storeB);
    const a = await startServer(storeA);
    closing.push(a);
    const b = await startServer(storeB);
    closing.push(b);
    return { storeA, storeB, a, b };
  }

  test('a token one server made opens the setup page on the other; only its hash is stored; an expired one is refused everywhere', async () => {
    const { storeA, storeB, a, b } = await twoServers();
    const made = await createSetupToken(storeA);
    assert.ok(made, 'no account yet: a token is made');
    assert.ok(made.value.length >= 32, 'long and random');
    assert.ok(Math.abs(made.expiresAt - (Date.now() + SETUP_TOKEN_MS)) < 60_000, 'valid for an hour');
    for (const server of [b, a, b]) assert.equal((await new Client(server.url).get(setupPath(made.value))).status, 200, server.url);

    // Servers started together each make one: every one works on every server.
    const second = await createSetupToken(storeB);
    assert.ok(second && second.value !== made.value);
    assert.equal((await new Client(a.url).get(setupPath(second.value))).status, 200);

    const rows = await edb(storeB).selectFrom('setup_tokens').selectAll().execute();
    assert.equal(rows.length, 2);
    assert.deepEqual(
      rows.map((r) => r.token_hash).sort(),
      [made.value, second.value].map((v) => createHash('sha256').update(v).digest('hex')).sort(),
      'the database holds the SHA-256 of each token, never the token',
    );
    assert.equal(rows.find((r) => r.token_hash.includes(made.value)), undefined);

    // Made two hours ago, valid for one: refused on both servers, and by the state check itself.
    const old = await createSetupToken(storeA, { now: Date.now() - 2 * SETUP_TOKEN_MS });
    assert.ok(old);
    for (const server of [a, b]) {
      const page = await new Client(server.url).get(setupPath(old.value));
      assert.equal(page.status, 403, server.url);
      assert.match(page.text, /mizan user add/, 'the refusal says how else to make an account');
    }
    assert.equal(await setupTokenState(storeB, made.value, made.expiresAt), 'refused', 'a token is dead at its expiry');
    assert.equal(await setupTokenState(storeB, made.value, made.expiresAt - 1000), 'open');
    assert.equal(await setupTokenState(storeB, made.value.slice(0, -1)), 'refused');
    assert.equal(await setupTokenState(storeB, undefined), 'refused');

    // An expired token cannot create the account either, even with a good form.
    assert.equal(await submit(b, old.value, 'late@example.org'), 403);
    assert.equal((await listUsers(storeA)).length, 0, 'no account was created');
  });

  test('two tokens used at once through two servers make one admin; then no token works anywhere', async () => {
    const { storeA, storeB, a, b } = await twoServers();
    const tokenA = (await createSetupToken(storeA))!.value;
    const tokenB = (await createSetupToken(storeB))!.value;
    const statuses = await Promise.all([submit(a, tokenA, 'first@example.org'), submit(b, tokenB, 'second@example.org')]);
    assert.deepEqual(statuses.filter((s) => s === 303), [303], `exactly one submission created an account: ${statuses}`);
    const users = await listUsers(storeA);
    assert.equal(users.length, 1, users.map((u) => u.email).join(' '));
    assert.equal(users[0].role, 'admin');

    // Gone (404) on both servers, for both tokens, and no new token is made.
    for (const server of [a, b]) for (const token of [tokenA, tokenB]) assert.equal((await new Client(server.url).get(setupPath(token))).status, 404);
    assert.equal(await setupTokenState(storeB, tokenB), 'closed');
    assert.equal(await createSetupToken(storeA), undefined, 'a server started on a database with an account prints no setup address');
    await assert.rejects(addUser(storeB, { email: 'third@example.org', role: 'admin', password: PASSWORD }, { setupToken: tokenB, cost: FAST }), { code: 'setup-closed' });
    assert.equal((await edb(storeA).selectFrom('setup_tokens').selectAll().execute()).length, 0, 'the first account spent every token');
  });

  test('many uses at once of different tokens, through two connections, create one account (ten rounds)', async () => {
    const storeA = await h.open();
    const storeB = await openStore(h.lastTarget());
    closing.push(storeB);
    const stores = [storeA, storeB, storeA, storeB, storeA, storeB];
    // A race is lost only now and then: the database is set back to no account between rounds.
    for (let round = 0; round < 10; round++) {
      await edb(storeA).deleteFrom('users').execute();
      const tokens = await Promise.all(stores.map(async (s) => (await createSetupToken(s))!.value));
      // Two SQLite connections in one process cannot wait for each other without blocking the thread: a
      // transaction that finds the other holding the lock gives up after a moment and is run again.
      const results = await Promise.allSettled(
        stores.map((s, i) => addUser(s, { email: `admin${i}@example.org`, role: 'admin', password: PASSWORD }, { setupToken: tokens[i], cost: FAST })),
      );
      const outcome = JSON.stringify(results.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'created')));
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, `round ${round}: ${outcome}`);
      for (const r of results) if (r.status === 'rejected') assert.equal((r.reason as { code?: string }).code, 'setup-closed', outcome);
      assert.equal((await listUsers(storeB)).length, 1, `round ${round}`);
    }
  });

  test('a wrong token creates nothing and leaves the good one usable', async () => {
    const store = await h.open();
    const made = (await createSetupToken(store))!;
    await assert.rejects(addUser(store, { email: 'x@example.org', role: 'admin', password: PASSWORD }, { setupToken: 'nope', cost: FAST }), { code: 'setup-refused', status: 403 });
    await assert.rejects(addUser(store, { email: 'x@example.org', role: 'admin', password: PASSWORD }, { setupToken: '', cost: FAST }), { code: 'setup-refused' });
    assert.equal((await listUsers(store)).length, 0);
    assert.equal(await setupTokenState(store, made.value), 'open');
    const user = await addUser(store, { email: 'x@example.org', role: 'admin', password: PASSWORD }, { setupToken: made.value, cost: FAST });
    assert.equal(user.email, 'x@example.org');
  });
});
