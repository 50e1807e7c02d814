/**
 * `mizan serve --processes 2` on the embedded SQLite file: two server processes share one port. Readers
 * are answered by both; an article imported by another process is read through both; `/metrics` counts
 * the requests of both; the setup address works whichever answers; a server killed is replaced while the
 * other keeps serving; SIGTERM stops them all cleanly; a bad count is refused before anything starts.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, runMizan } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'mizan-processes-'));
const db = join(dir, 'site.db');
const env: NodeJS.ProcessEnv = { ...process.env };
delete env.DATABASE_URL;
delete env.MIZAN_PROCESSES;
after(() => rmSync(dir, { recursive: true, force: true }));

/** The server processes `pid` forked (its children that run `mizan serve`; search workers are their children). */
function serverProcesses(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('serve')) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const got = await probe();
    if (got !== undefined) return got;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('mizan serve --processes 2 (SQLite)', { skip: process.platform !== 'linux' ? 'reads /proc to find the server processes' : false }, () => {
  let child: ChildProcess;
  let out = '';
  let url = '';
  let exited: Promise<number | null>;

  before(async () => {
    child = spawn(process.execPath, [BIN, 'serve', '--demo', '--port', '0', '--db', db, '--processes', '2'], { env });
    exited = new Promise((resolve) => child.on('close', resolve));
    child.stdout!.setEncoding('utf8').on('data', (d) => (out += d));
    child.stderr!.setEncoding('utf8').on('data', (d) => (out += d));
    url = await Promise.race([
      waitFor('the serving line', () => out.match(/serving (http:\/\/[\d.:]+)/)?.[1], 120_000),
      exited.then((code) => Promise.reject(new Error(`serve exited ${code}: ${out}`))),
    ]);
  });

  after(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const pid of serverProcesses(child.pid!)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  test('says it serves with two processes, and two server processes answer readers', async () => {
    assert.match(out, /\(2 server processes\)/);
    assert.equal(serverProcesses(child.pid!).length, 2);
    const home = await fetch(`${url}/ar/`);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /<html lang="ar" dir="rtl"/);
  });

  test('/metrics counts the requests of both processes', async () => {
    // Round robin hands each new connection to the next process: closed connections spread the requests.
    for (let i = 0; i < 20; i++) await (await fetch(`${url}/ar/about`, { headers: { connection: 'close' } })).arrayBuffer();
    const metrics = await (await fetch(`${url}/metrics`)).text();
    const line = metrics.split('\n').find((l) => l.startsWith('mizan_http_requests_total{') && l.includes('route="/ar/:slug"') && l.includes('status="200"'));
    assert.ok(line, metrics.slice(0, 2000));
    assert.ok(Number(line.split(' ').pop()) >= 20, `the sum over both processes, not one's half: ${line}`);
  });

  test('the first-admin address works on every process', async () => {
    const token = out.match(/setup\?token=([\w-]+)/)?.[1];
    assert.ok(token, out);
    for (let i = 0; i < 4; i++) {
      const setupPage: Response = await fetch(`${url}/admin/setup?token=${token}`, { headers: { connection: 'close' } });
      assert.equal(setupPage.status, 200, `request ${i}`);
    }
  });

  test('an article imported by another process is read through both servers', async () => {
    const file = join(dir, 'new.md');
    writeFileSync(
      file,
      '---\nlang: ar\ntype: brief-analysis\ntitle: الموانئ الجافة في الساحل\nsummary: تحليل قصير كتب لهذا الاختبار.\npath: /ar/policy-analysis/almwany-aljaft\npublished: 2026-11-30\n---\n\nتربط الموانئ الجافة دول الساحل بالبحر عبر السكك الحديدية.\n',
    );
    // Both processes have the listing cached before the change.
    for (let i = 0; i < 4; i++) await (await fetch(`${url}/ar/`, { headers: { connection: 'close' } })).arrayBuffer();
    const imported = await runMizan(['import', file, '--db', db]);
    assert.equal(imported.code, 0, imported.stderr);
    await waitFor('the new article through both processes', async () => {
      const seen = await Promise.all([0, 1, 2, 3].map(async () => (await (await fetch(`${url}/ar/`, { headers: { connection: 'close' } })).text()).includes('الموانئ الجافة في الساحل')));
      return seen.every(Boolean) ? true : undefined;
    });
  });

  test('a server process killed is replaced, and the other keeps serving meanwhile', async () => {
    const [victim, survivor] = serverProcesses(child.pid!);
    process.kill(victim, 'SIGKILL');
    await waitFor('the first process to notice', () => (out.includes(`server process ${victim} exited`) ? true : undefined));
    for (let i = 0; i < 4; i++) assert.equal((await fetch(`${url}/ar/`, { headers: { connection: 'close' } })).status, 200);
    await waitFor('a replacement serving', () => (/a new server process is serving \(2 in all\)/.test(out) ? true : undefined), 60_000);
    const now = serverProcesses(child.pid!);
    assert.equal(now.length, 2);
    assert.ok(now.includes(survivor) && !now.includes(victim), `${now} after killing ${victim}`);
  });

  test('SIGTERM stops every process, closes the database and exits 0', async () => {
    const servers = serverProcesses(child.pid!);
    child.kill('SIGTERM');
    assert.equal(await exited, 0, out);
    assert.equal((out.match(/stopped: every request answered, database closed/g) ?? []).length, 3, out);
    for (const pid of servers) assert.equal(existsSync(`/proc/${pid}`), false, `server process ${pid} is gone`);
    assert.equal(existsSync(`${db}-wal`), false, 'the write-ahead log was checkpointed and removed');
  });
});

test('--processes refuses a count it cannot run, naming the option', async () => {
  const r = await runMizan(['serve', '--port', '0', '--db', join(dir, 'x.db'), '--processes', 'many']);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /--processes\/MIZAN_PROCESSES must be a whole number from 1 to 64, or "auto", not "many"/);
});

test('--processes refuses a :memory: database, which one process alone would hold', async () => {
  const r = await runMizan(['serve', '--port', '0', '--db', ':memory:', '--processes', '2']);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /--processes needs a database file or PostgreSQL/);
});

test('--processes 2 on a port already taken: the error, exit 1, and no server process left behind', async () => {
  const taken = createServer().listen(0, '127.0.0.1');
  await once(taken, 'listening');
  const { port } = taken.address() as AddressInfo;
  try {
    // 'close' comes once every process holding the output is gone: a server process left running would hang this.
    const r = await runMizan(['serve', '--port', String(port), '--db', join(dir, 'taken.db'), '--processes', '2']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, new RegExp(`port ${port} on 127.0.0.1 is already in use`));
    assert.match(r.stderr, /a server process exited before serving/);
  } finally {
    taken.close();
  }
});
