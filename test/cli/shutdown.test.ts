/**
 * `mizan serve` stopped by SIGTERM (a restart, a deploy): it exits 0 after answering, says so, and closes
 * its database cleanly (SQLite folds its write-ahead log back into the file and removes it). A PDF being
 * printed when the signal comes is still answered, whole, before the browser is closed, and no Chromium
 * process outlives the server (Playwright used to close the browser on SIGTERM itself: a 500).
 */
import { test, after, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserAvailable, browserSkip, CHROMIUM } from '../support/browser.ts';
import { BIN } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'mizan-stop-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface Serving {
  child: ChildProcess;
  url: string;
  out: () => string;
  exited: Promise<number | null>;
}

/** `mizan serve --demo` on a fresh SQLite file; resolves once it says where it serves. */
async function serveDemo(t: TestContext, db: string): Promise<Serving> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [BIN, 'serve', '--demo', '--port', '0', '--db', db], { env });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  // A failed assertion must not leave the server running (the test runner would wait on it for ever).
  t.after(() => child.kill('SIGKILL'));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (d) => {
      out += d;
      const m = out.match(/serving (http:\/\/[\d.:]+)/);
      if (m) resolve(m[1]);
    });
    child.stderr!.setEncoding('utf8').on('data', (d) => (out += d));
    exited.then((code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  return { child, url, out: () => out, exited };
}

/** A process's parent and state, from /proc; undefined once it is gone. */
function statOf(pid: number): { ppid: number; state: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(ppid), state };
  } catch {
    return undefined;
  }
}

/** The Chromium processes below `pid` (its children, theirs, …), with the profile folders they were given. */
function chromiumUnder(pid: number): { pids: number[]; profiles: Set<string> } {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = statOf(Number(entry))?.ppid;
    if (ppid !== undefined) children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const pids: number[] = [];
  const profiles = new Set<string>();
  for (const todo = [...(children.get(pid) ?? [])]; todo.length; ) {
    const p = todo.pop()!;
    todo.push(...(children.get(p) ?? []));
    let args: string[];
    try {
      args = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (!/chrom/.test(args[0] ?? '')) continue;
    pids.push(p);
    for (const a of args) if (a.startsWith('--user-data-dir=')) profiles.add(a.slice('--user-data-dir='.length));
  }
  return { pids, profiles };
}

/** Running, not merely waiting to be reaped. */
const alive = (pid: number) => {
  const s = statOf(pid);
  return s !== undefined && s.state !== 'Z' && s.state !== 'X';
};

test('SIGTERM: /readyz was 200, the server finishes, closes the database and exits 0', async (t) => {
  const db = join(dir, 'site.db');
  const { child, url, out, exited } = await serveDemo(t, db);
  const ready = await fetch(`${url}/readyz`);
  assert.equal(ready.status, 200);
  assert.equal(((await ready.json()) as { status: string }).status, 'ready');
  assert.ok(existsSync(`${db}-wal`), 'the database is open in WAL mode while serving');
  child.kill('SIGTERM');
  assert.equal(await exited, 0, out());
  assert.match(out(), /SIGTERM: stopping/);
  assert.match(out(), /stopped: every request answered, database closed/);
  assert.equal(existsSync(`${db}-wal`), false, 'the write-ahead log was checkpointed and removed on close');
});

test(
  'SIGTERM while an article PDF is being printed: the PDF is answered whole, the server exits 0 and no Chromium is left',
  { skip: browserSkip || (process.platform !== 'linux' ? 'reads /proc to find the Chromium processes' : false), timeout: 180_000 },
  async (t) => {
    assert.ok(browserAvailable, `MIZAN_REQUIRE_BROWSER=1 but Chromium is not at ${CHROMIUM}`);
    const { child, url, out, exited } = await serveDemo(t, join(dir, 'pdf.db'));
    const page = '/ar/policy-analysis/aljzayr-wrwsya-shrakt-tslyh-tht-aldght';
    const answer = fetch(`${url}${page}.pdf`);
    // The printer's browser asks the server for the article's page (one log line, like any request):
    // from then until the PDF is answered, it is being printed.
    const fetched = `"path":"${page}",`;
    const until = Date.now() + 120_000;
    while (!out().includes(fetched)) {
      assert.ok(Date.now() < until, `the printer never asked for ${page}:\n${out()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const chromium = chromiumUnder(child.pid!);
    assert.ok(chromium.pids.length > 0, 'the server started Chromium to print');
    child.kill('SIGTERM');

    const res = await answer;
    const body = Buffer.from(await res.arrayBuffer());
    assert.equal(res.status, 200, `${body.toString('utf8', 0, 300)}\n${out()}`);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(body.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal(await exited, 0, out());
    assert.match(out(), /SIGTERM: stopping; finishing 1 request\(s\) in flight/);
    assert.doesNotMatch(out(), /TargetClosedError|browser has been closed/);
    assert.match(out(), /stopped: every request answered, database closed/);
    assert.deepEqual(chromium.pids.filter(alive), [], 'every Chromium process of the server is gone');
    for (const profile of chromium.profiles) assert.equal(existsSync(profile), false, `the browser was closed, not killed: its profile ${profile} is removed`);
  },
);
