/**
 * Two `mizan serve` processes on one PostgreSQL, as behind a load balancer: a change made through one is
 * read through the other within a second (LISTEN/NOTIFY, precise invalidation), a session opened on one
 * continues on the other (sessions and CSRF live in the database), a scheduled article falling due on
 * both is published once, and killing one server mid-request leaves the other serving.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { BIN, runMizan } from '../support/cli.ts';
import { Client, PASSWORD } from '../web/admin-client.ts';

const url = process.env.DATABASE_URL;
const skip = url ? false : process.env.MIZAN_REQUIRE_PG === '1' ? false : 'DATABASE_URL is not set: the two-server tests need PostgreSQL';
const schema = `t_two_${randomBytes(5).toString('hex')}`;
const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, MIZAN_PG_SCHEMA: schema, MIZAN_LOG_FORMAT: 'json' };

interface Server {
  child: ChildProcess;
  url: string;
  out: () => string;
  exited: Promise<number | null>;
}

function serve(args: string[] = []): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { env });
    let out = '';
    const exited = new Promise<number | null>((r) => child.on('close', r));
    child.stdout!.setEncoding('utf8').on('data', (d) => {
      out += d;
      const m = out.match(/serving (http:\/\/[\d.:]+)/);
      if (m) resolve({ child, url: m[1], out: () => out, exited });
    });
    child.stderr!.setEncoding('utf8').on('data', (d) => (out += d));
    exited.then((code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

/** Polls `check` until it holds; resolves to the milliseconds it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const status = async (base: string, path: string) => (await fetch(base + path)).status;

describe('two servers on one PostgreSQL', { skip }, () => {
  let a: Server;
  let b: Server;
  let article: { id: string; path: string };
  let other: { id: string; path: string };

  before(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    a = await serve(['--demo']);
    b = await serve();
    const added = await runMizan(['user', 'add', 'editor@example.org', '--role', 'editor'], { input: PASSWORD + '\n', env });
    assert.equal(added.code, 0, added.stderr);
    const list = (await (await fetch(`${a.url}/api/articles?lang=ar&limit=5`)).json()) as { items: { id: string; path: string }[] };
    [article, other] = list.items;
    assert.ok(article && other, 'the demo has Arabic articles');
  });

  after(async () => {
    for (const s of [a, b]) if (s && s.child.exitCode === null) s.child.kill('SIGTERM');
    await Promise.all([a?.exited, b?.exited].filter(Boolean));
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  test('signed in through A, the session and its CSRF token work through B; a change through either is read through the other within a second', async () => {
    // Both servers have the article's page cached, and B every English article's.
    assert.equal(await status(a.url, article.path), 200);
    assert.equal(await status(b.url, article.path), 200);
    const english = ((await (await fetch(`${b.url}/api/articles?lang=en&limit=50`)).json()) as { items: { path: string }[] }).items;

    const viaA = new Client(a.url);
    const signIn = await viaA.signIn('editor@example.org');
    assert.equal(signIn.status, 303, signIn.text.slice(0, 200));
    const csrf = await viaA.csrfOf(`/admin/articles/${article.id}`);
    const viaB = new Client(b.url);
    for (const [k, v] of viaA.cookies) viaB.cookies.set(k, v);
    viaB.origin = b.url;
    const page = await viaB.get('/admin');
    assert.equal(page.status, 200, 'B knows the session A opened');

    // Cached just before (the page cache keeps an answer 5 s at most).
    for (const e of english) assert.equal(await status(b.url, e.path), 200);
    const unpublished = await viaA.post(`/admin/articles/${article.id}/workflow`, { action: 'unpublish' }, { csrf });
    assert.equal(unpublished.status, 303, unpublished.text.slice(0, 300));
    const gone = await within(1000, async () => (await status(b.url, article.path)) === 404);
    assert.ok(gone < 1000, `B stopped showing the unpublished article after ${gone} ms`);

    const published = await viaB.post(`/admin/articles/${article.id}/workflow`, { action: 'publish' }, { csrf });
    assert.equal(published.status, 303, 'B accepts the CSRF token A issued: ' + published.text.slice(0, 300));
    await within(1000, async () => (await status(a.url, article.path)) === 200);

    // Precise: pages the change did not touch (English articles on other subjects) stayed in B's cache.
    const hits = async () => Number(/mizan_page_cache_lookups_total\{result="hit"\} (\d+)/.exec(await (await fetch(`${b.url}/metrics`)).text())?.[1]);
    const before = await hits();
    for (const e of english) assert.equal(await status(b.url, e.path), 200);
    const kept = (await hits()) - before;
    assert.ok(kept >= 1 && kept < english.length, `${kept} of ${english.length} English pages stayed cached (its translation did not)`);
  });

  test('killed mid-request, A leaves B serving', async () => {
    const pending = fetch(`${a.url}/ar/search?q=${encodeURIComponent('الجزائر')}`).then(
      () => 'answered',
      () => 'cut',
    );
    a.child.kill('SIGKILL');
    await a.exited;
    await pending;
    await assert.rejects(fetch(`${a.url}/ar/`), 'A is gone');
    for (const path of ['/ar/', article.path, '/readyz', '/healthz']) assert.equal(await status(b.url, path), 200, path);
  });
});
