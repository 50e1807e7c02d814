/**
 * The first-run setup as a newcomer meets it (issue 21): the real `mizan serve` on a new database
 * prints a one-time address; Chromium opens it and creates the first admin, which lands signed in on
 * its account page with the second factor offered. Without the token the page refuses; once the first
 * account exists it is gone; two submissions at once create one account. Behind a proxy the address is
 * printed on MIZAN_BASE_URL; and two `mizan serve` on one PostgreSQL each accept the address the other
 * printed (the token is kept in the database, not in the server that printed it).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { BIN, runMizan } from '../support/cli.ts';
import { browserSkip, launchBrowser } from '../support/browser.ts';

const PASSWORD = 'correct horse battery staple';

interface Served {
  child: ChildProcess;
  origin: string;
  setupUrl?: string;
}

/**
 * Starts `mizan serve` on a free port and resolves once it has said where it serves (and the setup
 * address, if any): on the SQLite file `db`, or on the database `env` names when `db` is undefined.
 */
function serve(db: string | undefined, extraEnv: NodeJS.ProcessEnv = {}): Promise<Served> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...extraEnv };
    if (db !== undefined) delete env.DATABASE_URL;
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...(db === undefined ? [] : ['--db', db])], { env });
    let out = '';
    const onData = (d: string) => {
      out += d;
      // The serving line and the setup address come in one write.
      const origin = /serving (http:\/\/[^\s/]+)\/[^\n]*\n/.exec(out)?.[1];
      if (origin) resolve({ child, origin, setupUrl: /(https?:\/\/\S+\/admin\/setup\?token=[\w-]+)/.exec(out)?.[1] });
    };
    child.stdout!.setEncoding('utf8').on('data', onData);
    child.stderr!.setEncoding('utf8').on('data', (d) => (out += d));
    child.on('close', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

/** The setup form's CSRF token and the cookie that carries its twin. */
async function setupForm(url: string): Promise<{ csrf: string; cookie: string }> {
  const res = await fetch(url);
  assert.equal(res.status, 200);
  const html = await res.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1];
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { csrf, cookie };
}

const dir = mkdtempSync(join(tmpdir(), 'mizan-setup-'));
const running: ChildProcess[] = [];
after(() => {
  for (const c of running) c.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

test('serve on a new database prints a one-time setup address; the page refuses without it and says where to find it', async () => {
  const served = await serve(join(dir, 'refuse.db'));
  running.push(served.child);
  assert.ok(served.setupUrl, 'the setup address is printed');
  const token = new URL(served.setupUrl!).searchParams.get('token')!;
  assert.ok(token.length >= 32, 'the token is long and random');

  // One character off (never the character it already ends with).
  const wrong = token.slice(0, -1) + (token.endsWith('x') ? 'y' : 'x');
  for (const path of ['/admin/setup', '/admin/setup?token=', `/admin/setup?token=${wrong}`]) {
    const res = await fetch(served.origin + path);
    assert.equal(res.status, 403, path);
    assert.match(await res.text(), /mizan user add/, 'the refusal says how else to make an account');
  }
  const signIn = await (await fetch(served.origin + '/admin/sign-in')).text();
  assert.match(signIn, /لا يوجد أي حساب بعد/, 'the sign-in page tells a newcomer that no account exists yet (in Arabic, the default)');

  // A POST with the right CSRF pair but the wrong token creates nothing.
  const { csrf, cookie } = await setupForm(served.setupUrl!);
  const forged = await fetch(served.origin + '/admin/setup', {
    method: 'POST',
    headers: { cookie, origin: served.origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, token: 'nope', email: 'x@example.org', password: PASSWORD, confirm: PASSWORD }),
    redirect: 'manual',
  });
  assert.equal(forged.status, 403);
  const users = await runMizan(['user', 'list', '--db', join(dir, 'refuse.db')]);
  assert.equal(users.stdout.trim(), '', 'no account was created');
});

test('two submissions of the setup form at once create one account', async () => {
  const db = join(dir, 'race.db');
  const served = await serve(db);
  running.push(served.child);
  const token = new URL(served.setupUrl!).searchParams.get('token')!;
  const forms = await Promise.all([1, 2, 3].map(() => setupForm(served.setupUrl!)));
  const results = await Promise.all(
    forms.map(({ csrf, cookie }, i) =>
      fetch(served.origin + '/admin/setup', {
        method: 'POST',
        headers: { cookie, origin: served.origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, token, email: `admin${i}@example.org`, password: PASSWORD, confirm: PASSWORD }),
        redirect: 'manual',
      }),
    ),
  );
  assert.deepEqual(results.map((r) => r.status).filter((s) => s === 303), [303], 'exactly one submission succeeded');
  const users = await runMizan(['user', 'list', '--db', db]);
  assert.equal(users.stdout.trim().split('\n').length, 1, users.stdout);
});

test('in Chromium: the setup address creates the first admin, signs it in, offers the second factor, then is gone', { skip: browserSkip }, async () => {
  const db = join(dir, 'browser.db');
  const served = await serve(db);
  running.push(served.child);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(served.setupUrl!);
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl', 'the editors’ side speaks Arabic first');
    assert.equal(await page.locator('h1').textContent(), 'إعداد ميزان');

    // Two different passwords: refused in the page's language, nothing created, the address still works.
    await page.fill('#email', 'Director@Example.org');
    await page.fill('#password', PASSWORD);
    await page.fill('#confirm', PASSWORD + '!');
    await page.click('form[action="/admin/setup"] button[type=submit]');
    assert.match((await page.textContent('body'))!, /كلمتا المرور مختلفتان/);
    assert.equal(await page.inputValue('#email'), 'Director@Example.org', 'what was typed is kept');

    await page.fill('#password', PASSWORD);
    await page.fill('#confirm', PASSWORD);
    await Promise.all([page.waitForURL(/\/admin\/account\?welcome=1$/), page.click('form[action="/admin/setup"] button[type=submit]')]);
    const body = (await page.textContent('body'))!;
    assert.match(body, /حساب المدير جاهز/, 'welcomed, and told to turn on the second factor');
    await Promise.all([page.waitForURL(/\/admin\/account$/), page.click('form[action="/admin/account/totp"] button')]);
    assert.match((await page.locator('#totp-secret').textContent())!.trim(), /^[A-Z2-7]{16,}$/, 'an authenticator key is shown');

    // Signed in as an admin: the accounts page lists the new account.
    await page.goto(served.origin + '/admin/users');
    assert.match((await page.textContent('body'))!, /director@example\.org/);

    // The address is spent: 404 now, for this browser and anyone else.
    const again = await page.goto(served.setupUrl!);
    assert.equal(again!.status(), 404);
    assert.equal((await fetch(served.setupUrl!)).status, 404);
  } finally {
    await browser.close();
  }

  // A server started on a database that has an account prints no setup address and has no setup page.
  served.child.kill('SIGTERM');
  const second = await serve(db);
  running.push(second.child);
  assert.equal(second.setupUrl, undefined);
  assert.equal((await fetch(second.origin + '/admin/setup')).status, 404);
});

test('behind a proxy (MIZAN_BASE_URL) the setup address is printed on the public origin, and works there', async () => {
  const served = await serve(join(dir, 'proxied.db'), { MIZAN_BASE_URL: 'https://analysis.example.org/' });
  running.push(served.child);
  assert.ok(served.setupUrl, 'the setup address is printed');
  const printed = new URL(served.setupUrl!);
  assert.equal(printed.origin, 'https://analysis.example.org', `printed ${served.setupUrl}, not on the listen address ${served.origin}`);
  // The proxy hands the path and query on to the server as they are.
  assert.equal((await fetch(served.origin + printed.pathname + printed.search)).status, 200);
});

const pgUrl = process.env.DATABASE_URL;
const pgSkip = pgUrl || process.env.MIZAN_REQUIRE_PG === '1' ? false : 'DATABASE_URL is not set: two servers on one database need PostgreSQL';

describe('two `mizan serve` started at once on one PostgreSQL, as behind a round-robin proxy', { skip: pgSkip }, () => {
  const schema = `t_setup_${randomBytes(5).toString('hex')}`;
  const env: NodeJS.ProcessEnv = { DATABASE_URL: pgUrl, MIZAN_PG_SCHEMA: schema };
  const servers: Served[] = [];

  before(async () => {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    // Migrated first, so that the two servers race for the setup token and not for the migrations.
    const migrated = await runMizan(['db', 'migrate'], { env });
    assert.equal(migrated.code, 0, migrated.stderr);
    servers.push(...(await Promise.all([serve(undefined, env), serve(undefined, env)])));
    running.push(...servers.map((s) => s.child));
  });

  after(async () => {
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => (s.child.exitCode === null ? new Promise((r) => s.child.once('close', r)) : undefined)));
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  test('each prints an address; each address opens the setup page on both servers; the first admin made through one closes both', async () => {
    const [a, b] = servers;
    assert.ok(a.setupUrl && b.setupUrl, 'both print a setup address');
    const tokenOf = (s: Served) => new URL(s.setupUrl!).search;
    assert.notEqual(tokenOf(a), tokenOf(b), 'each made its own token');
    for (const server of [a, b]) {
      for (const printedBy of [a, b]) {
        for (let i = 0; i < 3; i++) {
          const res = await fetch(`${server.origin}/admin/setup${tokenOf(printedBy)}`, { headers: { connection: 'close' } });
          assert.equal(res.status, 200, `the address ${printedBy.origin} printed, opened on ${server.origin}`);
        }
      }
    }
    // A's address, used on B.
    const { csrf, cookie } = await setupForm(`${b.origin}/admin/setup${tokenOf(a)}`);
    const created = await fetch(b.origin + '/admin/setup', {
      method: 'POST',
      headers: { cookie, origin: b.origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, token: new URLSearchParams(tokenOf(a)).get('token')!, email: 'director@example.org', password: PASSWORD, confirm: PASSWORD }),
      redirect: 'manual',
    });
    assert.equal(created.status, 303);
    for (const server of [a, b]) for (const printedBy of [a, b]) assert.equal((await fetch(`${server.origin}/admin/setup${tokenOf(printedBy)}`)).status, 404);
    const users = await runMizan(['user', 'list'], { env });
    assert.equal(users.stdout.trim().split('\n').length, 1, users.stdout);
  });
});
