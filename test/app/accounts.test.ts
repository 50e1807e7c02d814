import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachEngine } from '../support/engines.ts';
import { FAST } from './fast-cost.ts';
import {
  accountKey,
  addUser,
  beginTotp,
  base32Decode,
  can,
  completeSignIn,
  edb,
  endAllSessions,
  hashPassword,
  IDLE_MS,
  ABSOLUTE_MS,
  listAudit,
  listUsers,
  lockDuration,
  ACCOUNT_POLICY,
  PERMISSIONS,
  readSession,
  purgeSessions,
  setDisabled,
  setPassword,
  signIn,
  totp,
  verifyPassword,
  acceptTotp,
} from '../../src/app/index.ts';


const where = { ip: '198.51.100.7', userAgent: 'test' };
const PASSWORD = 'a long enough password';

test('passwords are hashed with scrypt at the OWASP cost by default and verify', async () => {
  const hash = await hashPassword(PASSWORD);
  assert.match(hash, /^scrypt\$131072\$8\$1\$/);
  assert.equal(await verifyPassword(PASSWORD, hash), true);
  assert.equal(await verifyPassword(PASSWORD + 'x', hash), false);
  assert.equal(await verifyPassword(PASSWORD, 'garbage'), false);
});

test('the permission table: authors cannot publish, editors cannot manage accounts, admins can do all', () => {
  assert.equal(can('author', 'article.submit'), true);
  assert.equal(can('author', 'article.publish'), false);
  assert.equal(can('editor', 'article.publish'), true);
  assert.equal(can('editor', 'users.manage'), false);
  assert.equal(can('admin', 'audit.view'), true);
  assert.equal(can('nobody', 'article.view'), false);
  for (const caps of Object.values(PERMISSIONS)) assert.ok(caps.includes('article.view'));
});

test('back-off doubles past the free failures and stops at an hour', () => {
  assert.equal(lockDuration(4, ACCOUNT_POLICY), 0);
  assert.equal(lockDuration(5, ACCOUNT_POLICY), 30_000);
  assert.equal(lockDuration(6, ACCOUNT_POLICY), 60_000);
  assert.equal(lockDuration(40, ACCOUNT_POLICY), 3_600_000);
});

forEachEngine('accounts', (h) => {
  after(() => h.cleanup());

  test('add, list, refuse duplicates and bad input', async () => {
    const store = await h.open();
    const u = await addUser(store, { email: ' Ana@Example.ORG ', role: 'editor', password: PASSWORD }, { cost: FAST });
    assert.equal(u.email, 'ana@example.org');
    await assert.rejects(addUser(store, { email: 'ana@example.org', role: 'author', password: PASSWORD }, { cost: FAST }), /already exists/);
    await assert.rejects(addUser(store, { email: 'x@example.org', role: 'root', password: PASSWORD }, { cost: FAST }), /role/);
    await assert.rejects(addUser(store, { email: 'x@example.org', role: 'author', password: 'short' }, { cost: FAST }), /12 characters/);
    await assert.rejects(addUser(store, { email: "x'; drop table users;--@example.org", role: 'author', password: PASSWORD }, { cost: FAST }), /not an email/);
    await assert.rejects(addUser(store, { email: 'a\u202Eb@example.org', role: 'author', password: PASSWORD }, { cost: FAST }), /not an email/);
    assert.deepEqual((await listUsers(store)).map((x) => x.email), ['ana@example.org']);
  });

  test('sign in opens a session; wrong passwords lock the account with growing back-off', async () => {
    const store = await h.open();
    await addUser(store, { email: 'ed@example.org', role: 'editor', password: PASSWORD }, { cost: FAST });
    const ok = await signIn(store, { email: 'ED@example.org', password: PASSWORD }, where);
    assert.equal(ok.kind, 'ok');
    const active = await readSession(store, ok.kind === 'ok' ? ok.session.token : '');
    assert.equal(active?.user.email, 'ed@example.org');

    const t0 = new Date('2030-01-01T00:00:00Z');
    for (let i = 0; i < 5; i++) assert.equal((await signIn(store, { email: 'ed@example.org', password: 'wrong' }, where, t0)).kind, 'failed');
    const locked = await signIn(store, { email: 'ed@example.org', password: PASSWORD }, where, t0);
    assert.equal(locked.kind, 'locked', 'even the right password waits while locked');
    const later = new Date(t0.getTime() + 31_000);
    assert.equal((await signIn(store, { email: 'ed@example.org', password: 'wrong' }, where, later)).kind, 'failed');
    const row = await edb(store).selectFrom('sign_in_throttle').selectAll().where('key', '=', accountKey('ed@example.org')).executeTakeFirstOrThrow();
    assert.equal(Date.parse(row.locked_until!) - later.getTime(), 60_000, 'the second lock is twice the first');
    const audit = await listAudit(store);
    assert.ok(audit.some((a) => a.action === 'sign-in.locked'));
    assert.ok(audit.some((a) => a.action === 'sign-in.failed' && a.ip === where.ip));
  });

  test('unknown accounts fail like wrong passwords, and disabled accounts cannot sign in', async () => {
    const store = await h.open();
    await addUser(store, { email: 'au@example.org', role: 'author', password: PASSWORD }, { cost: FAST });
    assert.equal((await signIn(store, { email: 'nobody@example.org', password: PASSWORD }, where)).kind, 'failed');
    const s = await signIn(store, { email: 'au@example.org', password: PASSWORD }, where);
    await setDisabled(store, 'au@example.org', true);
    assert.equal(await readSession(store, s.kind === 'ok' ? s.session.token : ''), undefined, 'disabling ends sessions');
    assert.equal((await signIn(store, { email: 'au@example.org', password: PASSWORD }, where)).kind, 'failed');
  });

  test('sessions end when idle, at their absolute deadline, on password reset and everywhere at once', async () => {
    const store = await h.open();
    const u = await addUser(store, { email: 's@example.org', role: 'author', password: PASSWORD }, { cost: FAST });
    const t0 = new Date();
    const a = await signIn(store, { email: 's@example.org', password: PASSWORD }, where, t0);
    const b = await signIn(store, { email: 's@example.org', password: PASSWORD }, where, t0);
    assert.ok(a.kind === 'ok' && b.kind === 'ok');
    assert.notEqual(a.session.token, b.session.token);
    assert.ok(await readSession(store, a.session.token, new Date(t0.getTime() + IDLE_MS - 1000)));
    assert.equal(await readSession(store, b.session.token, new Date(t0.getTime() + IDLE_MS + 1)), undefined, 'idle');
    // Kept busy, it still ends at the absolute deadline.
    let at = t0.getTime();
    while (at + IDLE_MS / 2 < t0.getTime() + ABSOLUTE_MS) {
      at += IDLE_MS / 2;
      await readSession(store, a.session.token, new Date(at));
    }
    assert.equal(await readSession(store, a.session.token, new Date(t0.getTime() + ABSOLUTE_MS)), undefined, 'absolute');
    const spare = await signIn(store, { email: 's@example.org', password: PASSWORD }, where, t0);
    assert.ok(spare.kind === 'ok');
    assert.equal(await purgeSessions(store, new Date(t0.getTime() + IDLE_MS + 1)), 1, 'dead sessions are swept');
    const c = await signIn(store, { email: 's@example.org', password: PASSWORD }, where);
    const d = await signIn(store, { email: 's@example.org', password: PASSWORD }, where);
    assert.equal(await endAllSessions(store, u.id), 2);
    assert.equal(await readSession(store, c.kind === 'ok' ? c.session.token : ''), undefined);
    assert.equal(await readSession(store, d.kind === 'ok' ? d.session.token : ''), undefined);
    const e = await signIn(store, { email: 's@example.org', password: PASSWORD }, where);
    await setPassword(store, 's@example.org', 'another long password', { cost: FAST });
    assert.equal(await readSession(store, e.kind === 'ok' ? e.session.token : ''), undefined);
    assert.equal((await signIn(store, { email: 's@example.org', password: 'another long password' }, where)).kind, 'ok');
  });

  test('once TOTP is enrolled, sign-in needs a code, the session is replaced, and a code works once', async () => {
    const store = await h.open();
    const u = await addUser(store, { email: 't@example.org', role: 'editor', password: PASSWORD }, { cost: FAST });
    const secret = await beginTotp(store, u.id);
    const now = Date.now();
    assert.equal(await acceptTotp(store, u.id, totp(base32Decode(secret), now - 30_000), now - 30_000), true);
    const first = await signIn(store, { email: 't@example.org', password: PASSWORD }, where);
    assert.ok(first.kind === 'ok' && first.pendingMfa);
    assert.equal((await completeSignIn(store, first.session.token, '000000', where)).kind, 'failed');
    const done = await completeSignIn(store, first.session.token, totp(base32Decode(secret), now), where);
    assert.ok(done.kind === 'ok' && !done.pendingMfa);
    assert.notEqual(done.session.token, first.session.token, 'a new token after the second factor');
    assert.equal(await readSession(store, first.session.token), undefined);
    const again = await signIn(store, { email: 't@example.org', password: PASSWORD }, where);
    assert.ok(again.kind === 'ok');
    assert.equal((await completeSignIn(store, again.session.token, totp(base32Decode(secret), now), where)).kind, 'failed', 'replayed code');
  });

  test('the audit log refuses updates and deletes', async () => {
    const store = await h.open();
    await addUser(store, { email: 'x@example.org', role: 'admin', password: PASSWORD }, { cost: FAST, actor: { id: null, email: 'cli', ip: null } });
    await assert.rejects(edb(store).updateTable('audit_log').set({ action: 'forged' }).execute(), /append-only/);
    await assert.rejects(edb(store).deleteFrom('audit_log').execute(), /append-only/);
    assert.equal((await listAudit(store))[0].action, 'user.add');
  });
});
