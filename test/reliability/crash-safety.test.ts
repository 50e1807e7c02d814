/**
 * Crash safety, kept as a test: `kill -9` of an importer and of the server at random moments while
 * they write, many times over, on both engines. After every kill the database passes its integrity
 * check, every article is whole or absent (its derived rows agree with its document), the search index
 * agrees with the articles (a word of each stored article finds it; nothing finds a missing one),
 * every save the server acknowledged is there, and a re-run completes. Each loop kills 20 times or
 * until its time budget (MIZAN_CRASH_SECONDS, default 45 s) is spent, whichever comes first, and at
 * least 5 times; MIZAN_CRASH_KILLS sets the count and lifts the budget.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { searchArticles } from '../../src/app/index.ts';
import { ArticleSchema } from '../../src/model/index.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { BIN, runMizan } from '../support/cli.ts';
import { addAccounts, signedIn } from '../web/admin-client.ts';
import { cliTarget, writePages } from './support.ts';

const dir = mkdtempSync(join(tmpdir(), 'mizan-crash-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const GIVEN = Number(process.env.MIZAN_CRASH_KILLS) || 0;
const BUDGET_MS = (Number(process.env.MIZAN_CRASH_SECONDS) || 45) * 1000;

/** Whether the loop that started at `started` with `n` kills done goes on. */
function another(n: number, started: number): boolean {
  if (GIVEN) return n < GIVEN;
  return n < 5 || (n < 20 && Date.now() - started < BUDGET_MS);
}

function start(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const e = { ...process.env, ...env };
  if (!env.DATABASE_URL) delete e.DATABASE_URL;
  return spawn(process.execPath, [BIN, ...args], { env: e, stdio: 'ignore' });
}

async function killNow(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The database is sound: integrity, whole articles, derived rows and the index in agreement. */
async function checkSound(store: TestStore, markers: Map<string, string>, file?: string): Promise<number> {
  if (store.engine === 'sqlite') {
    // Checked as the next process to open the file would see it: a fresh connection.
    const fresh = new SQLite(file!, { readonly: true });
    try {
      assert.deepEqual(fresh.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
      assert.deepEqual(fresh.pragma('foreign_key_check'), []);
    } finally {
      fresh.close();
    }
  }
  const rows = await store.db.selectFrom('articles').select(['id', 'path', 'doc', 'status']).execute();
  const stored = new Set<string>();
  for (const row of rows) {
    const doc = ArticleSchema.parse(JSON.parse(row.doc));
    const authors = await store.db.selectFrom('article_authors').select('expert_id').where('article_id', '=', row.id).execute();
    assert.equal(authors.length, doc.authors.length, `${row.path}: its authors are linked`);
    const claimed = await store.resolvePath(row.path);
    assert.equal(claimed?.id, row.id, `${row.path}: its path resolves`);
    stored.add(row.path);
  }
  const published = rows.filter((r) => r.status === 'published').length;
  const indexed = Number((await sql<{ n: number }>`select count(*) as n from search_doc`.execute(store.db)).rows[0].n);
  assert.equal(indexed, published, 'one index row for each published article');
  for (const [path, marker] of markers) {
    const hits = await searchArticles(store, { q: marker, sort: 'relevance', page: 1, pageSize: 5 });
    assert.equal(hits.hits.some((h) => h.path === path), stored.has(path), `${marker} finds ${path} exactly when it is stored`);
  }
  return rows.length;
}

forEachEngine('crash safety', (h) => {
  after(() => h.cleanup());

  test('kill -9 of an importer at random moments: nothing half-written, the re-run completes', async () => {
    const store = await h.open();
    const pages = writePages(dir, `crash-${h.engine}`, 40);
    const markers = new Map(pages.paths.map((p, i) => [p, pages.markers[i]]));
    const { args, env } = cliTarget(h.lastTarget());
    const folder = join(pages.files[0], '..');
    let lastCount = 0;
    const started = Date.now();
    let n = 0;
    for (; another(n, started); n++) {
      const child = start(['import', ...args, folder], env);
      await sleep(600 + Math.random() * 2400);
      await killNow(child);
      lastCount = await checkSound(store, markers, h.lastTarget().db);
    }
    const rerun = await runMizan(['import', ...args, '--json', folder], { env });
    assert.equal(rerun.code, 0, rerun.stderr);
    assert.deepEqual(JSON.parse(rerun.stdout).files.filter((f: { status: string }) => f.status === 'failed'), []);
    assert.equal(await checkSound(store, markers, h.lastTarget().db), 40);
    assert.ok(lastCount <= 40);
    console.log(`# ${h.engine}: importer killed ${n} times, every check passed`);
  });

  test('kill -9 of the server while an editor saves: every acknowledged save survives', async () => {
    const store = await h.open();
    await addAccounts(store, ['editor']);
    const { args, env } = cliTarget(h.lastTarget());
    const acknowledged: string[] = [];
    let client: Awaited<ReturnType<typeof signedIn>> | undefined;
    // One port for every restart, so the signed-in client (its session is in the database) goes on.
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const started = Date.now();
    let n = 0;
    for (; another(n, started); n++) {
      // Its subject is the writes: no search workers to start on each of the twenty starts.
      const server = start(['serve', ...args, '--port', String(port), '--host', '127.0.0.1'], { ...env, MIZAN_SEARCH_WORKERS: '0' });
      try {
        for (let i = 0; ; i++) {
          if ((await fetch(base + '/healthz').catch(() => null))?.ok) break;
          assert.ok(i < 600, 'the server started');
          await sleep(50);
        }
        // The session lives in the database: the same client keeps working across restarts.
        client ??= await signedIn(base, 'editor');
        const until = Date.now() + 500 + Math.random() * 2000;
        const killer = sleep(until - Date.now()).then(() => killNow(server));
        for (let k = 0; Date.now() < until; k++) {
          const csrf = await client.csrfOf('/admin/articles/new').catch(() => null);
          if (!csrf) break;
          const r = await client
            .post('/admin/articles/new', { lang: 'ar', type: 'policy-analysis', title: `حفظ ${n}-${k}`, slug: `hfz-${n}-${k}`, body: `نص الحفظ ${n}-${k}.`, summary: '', published: '', seriesName: '', seriesNumber: '', authors: '', topics: '', regions: '', note: '', version: '' }, { csrf })
            .catch(() => null);
          if (r?.status === 303) acknowledged.push(r.location!.replace('?saved=1', '').split('/').pop()!);
        }
        await killer;
      } finally {
        await killNow(server);
      }
      await checkSound(store, new Map(), h.lastTarget().db);
      for (const id of acknowledged) assert.ok(await store.getArticle(id), `acknowledged save ${id} is stored`);
    }
    assert.ok(acknowledged.length > 0, 'saves were acknowledged between kills');
    console.log(`# ${h.engine}: server killed ${n} times, ${acknowledged.length} acknowledged saves all stored`);
  });
});
