/**
 * Regressions (issue 20, items 2–4): races and forged addresses at the sign-in, over real HTTP against a
 * real server, on every engine. Before the fix 40 parallel wrong passwords were all checked (the lock
 * was read before and written after the password check); a TOTP code was accepted by several parallel
 * sessions on PostgreSQL; and behind MIZAN_TRUST_PROXY=1 any client could name a new address each time.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { addUser, base32Decode, beginTotp, acceptTotp, listAudit, totp } from '../../src/app/index.ts';
import { forwardedClient, trustedProxies } from '../../src/web/admin/trusted-proxies.ts';
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

forEachEngine('forwarded addresses over HTTP', (h) => {
  after(() => h.cleanup());

  test('behind MIZAN_TRUST_PROXY, a client that is not a trusted proxy cannot name its address: spraying is throttled', async () => {
    const store = await h.open();
    for (let i = 0; i < 30; i++) await addUser(store, { email: `u${i}@example.org`, role: 'author', password: PASSWORD }, { cost: FAST });
    // The proxy would be at 10.0.0.0/8; this client connects from loopback, so it reaches the server directly.
    const server = await startServer(store, { trustProxy: true, trustedProxies: '10.0.0.0/8' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) {
        const r = await new Client(server.url).signIn(`u${i}@example.org`, 'a wrong password', { 'x-forwarded-for': `198.51.100.${i + 1}` });
        statuses.push(r.status);
      }
      assert.equal(statuses.filter((s) => s === 401).length, 20, `the address gets 20 free failures: ${statuses.join(' ')}`);
      assert.equal(statuses.filter((s) => s === 429).length, 10);
      const audit = await listAudit(store);
      assert.ok(audit.filter((a) => a.action === 'sign-in.failed').every((a) => a.ip === '127.0.0.1'), 'the forged addresses were not recorded');
    } finally {
      await server.close();
    }
  });

  test('from a trusted proxy the client is the right-most untrusted hop, and X-Forwarded-Proto counts', async () => {
    const store = await h.open();
    await addUser(store, { email: 'hop@example.org', role: 'author', password: PASSWORD }, { cost: FAST });
    const server = await startServer(store, { trustProxy: true, trustedProxies: '127.0.0.0/8, ::1, 203.0.113.0/24' });
    try {
      // The client wrote 6.6.6.6; the outer proxy appended the client's real address; an inner trusted proxy its own.
      const client = new Client(server.url);
      client.defaultHeaders = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '6.6.6.6, 198.51.100.7, 203.0.113.5' };
      client.origin = server.url.replace('http:', 'https:');
      const r = await client.signIn('hop@example.org');
      assert.equal(r.status, 303, r.text.slice(0, 200));
      assert.ok(r.setCookies.some((c) => c.startsWith('__Host-mizan_session=')), 'HTTPS through the trusted proxy');
      const audit = await listAudit(store);
      assert.equal(audit.find((a) => a.action === 'sign-in')?.ip, '198.51.100.7');
    } finally {
      await server.close();
    }
  });
});

test('trusted proxy lists: CIDR blocks of both families, loopback by default, bad entries named', () => {
  const def = trustedProxies();
  assert.equal(def.has('127.0.0.1'), true);
  assert.equal(def.has('::1'), true);
  assert.equal(def.has('::ffff:127.0.0.1'), true);
  assert.equal(def.has('10.0.0.1'), false);
  const list = trustedProxies('10.0.0.0/8 2001:db8::/32,192.0.2.7');
  assert.equal(list.has('10.200.3.4'), true);
  assert.equal(list.has('2001:db8::1'), true);
  assert.equal(list.has('192.0.2.8'), false);
  assert.throws(() => trustedProxies('10.0.0.0/33'), /"10\.0\.0\.0\/33"/);
  assert.throws(() => trustedProxies('proxy.example.org'), /MIZAN_TRUSTED_PROXIES/);
  assert.equal(forwardedClient('203.0.113.9', '1.2.3.4', def), '203.0.113.9', 'an untrusted peer speaks for itself');
  assert.equal(forwardedClient('127.0.0.1', '6.6.6.6, 198.51.100.7', def), '198.51.100.7');
  assert.equal(forwardedClient('127.0.0.1', '127.0.0.2, 127.0.0.3', def), '127.0.0.2', 'all trusted: the left-most');
  assert.equal(forwardedClient('127.0.0.1', undefined, def), '127.0.0.1');
  assert.equal(forwardedClient('127.0.0.1', '6.6.6.6, garbage', def), '127.0.0.1', 'a hop no proxy writes');
});
