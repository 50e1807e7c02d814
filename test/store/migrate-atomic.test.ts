/**
 * Regression (issue 20, item 1): an interrupted SQLite migration bricked the database. Kysely's Migrator
 * runs SQLite migrations without a transaction, so `mizan` killed halfway through left tables that every
 * later command tripped over ("table … already exists"). Each migration and its bookkeeping row must
 * commit together or not at all, on both engines.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { sql, type Migration } from 'kysely';
import pg from 'pg';
import { forEachEngine } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';
import { BIN, runMizan } from '../support/cli.ts';
import { MIGRATIONS, migrate, openStore } from '../../src/store/index.ts';
import { DatabaseRefusedError } from '../../src/lib/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'mizan-migrate-kill-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const ALL = Object.keys(MIGRATIONS).sort();
const CHANGE_LOG = '070-content-changes';

/** A page written for this test, imported through the CLI after the kills. */
const PAGE = join(dir, 'page.md');
writeFileSync(PAGE, '---\ntitle: علاقات الجزائر بعد التعديل\nlang: ar\npublished: 2024-03-01\nauthors: [كاتب الاختبار]\n---\n\nفقرة أولى كتبناها لاختبار الترحيل بعد القطع.\n');

forEachEngine('migrations are atomic', (engine) => {
  after(() => engine.cleanup());

  test('a migration that fails halfway leaves nothing of itself; the next run applies it cleanly', async () => {
    const store = await engine.open();
    const broken: Record<string, Migration> = {
      ...MIGRATIONS,
      '999-half': {
        async up(db) {
          await db.schema.createTable('half_done').addColumn('id', 'integer').execute();
          throw new Error('the power went out');
        },
      },
    };
    await assert.rejects(migrate(store.db, { migrations: broken, schema: engine.lastTarget().schema }), (err: unknown) => {
      assert.ok(err instanceof DatabaseRefusedError);
      assert.match((err as Error).message, /999-half/);
      return true;
    });
    // PostgreSQL lists every schema's tables; only this store's own schema counts.
    const own = engine.lastTarget().schema;
    const tables = await store.db.introspection.getTables();
    assert.equal(tables.some((t) => t.name === 'half_done' && (!own || t.schema === own)), false, 'the half-run migration left a table behind');
    const fixed = { ...MIGRATIONS, '999-half': { up: (db: any) => db.schema.createTable('half_done').addColumn('id', 'integer').execute() } };
    assert.deepEqual((await migrate(store.db, { migrations: fixed, schema: engine.lastTarget().schema })).applied, ['999-half']);
  });

  const pgUrl = process.env.DATABASE_URL;
  const fresh = async (): Promise<Target> => {
    if (engine.engine === 'sqlite') return { file: join(dir, `fresh-${randomBytes(4).toString('hex')}.db`) };
    const schema = `t_${randomBytes(6).toString('hex')}`;
    await pgQuery(pgUrl!, `create schema ${schema}`);
    return { url: pgUrl!, schema };
  };

  test('killed at random points of a first migration (20 times), the database opens, migrates and imports', { timeout: 900_000 }, async () => {
    const kills = engine.engine === 'sqlite' ? 20 : 6;
    const window = await calibrate(engine.engine, await fresh());
    let interrupted = 0;
    for (let i = 0; i < kills; i++) {
      const target = await fresh();
      if (await killMidway(engine.engine, target, Math.random() * window)) interrupted++;
      await assertUsable(target);
    }
    // On a loaded machine every random kill can land after the exit: aim earlier until one lands.
    for (let k = 1; interrupted === 0 && k <= 6; k++) {
      const target = await fresh();
      if (await killMidway(engine.engine, target, window / 2 ** k)) interrupted++;
      await assertUsable(target);
    }
    // The CLI opens what the kills left, as a user would.
    const target = await fresh();
    await killMidway(engine.engine, target, Math.random() * window);
    const r = await runMizan(['import', PAGE, ...cliArgs(target)], { env: cliEnv(target) });
    assert.equal(r.code, 0, r.stderr);
    const s = await runMizan(['search', 'الجزائر', ...cliArgs(target)], { env: cliEnv(target) });
    assert.equal(s.code, 0, s.stderr);
    assert.match(s.stdout, /علاقات الجزائر بعد التعديل/);
    assert.ok(interrupted > 0, 'no kill landed before the migration finished: the test measured nothing');
  });

  test('killed while upgrading a database full of articles, it opens with every article and migrates', { timeout: 900_000 }, async () => {
    const older = Object.fromEntries(ALL.filter((n) => n < '007').map((n) => [n, MIGRATIONS[n]!]));
    const build = async (): Promise<Target> => {
      const target = await fresh();
      const store = await openStore({ ...storeOptions(target), migrate: false });
      // Today's store records every write in the change log (070), which a database this old lacks: lend
      // it the log for the writes, then take it back, so the upgrade starts from what 006 left plus articles.
      await migrate(store.db, { migrations: { ...older, [CHANGE_LOG]: MIGRATIONS[CHANGE_LOG]! }, schema: target.schema });
      for (let i = 0; i < 30; i++) await store.putArticle(makeArticle({ slug: `maqal-${i}`, title: `مقال رقم ${i} عن العلاقات` }));
      await sql`drop table content_changes`.execute(store.db);
      await sql`delete from kysely_migration where name = ${CHANGE_LOG}`.execute(store.db);
      await store.close();
      return target;
    };
    const template = await build();
    const window = await calibrate(engine.engine, engine.engine === 'sqlite' ? copy(template) : await build());
    for (let i = 0; i < (engine.engine === 'sqlite' ? 6 : 3); i++) {
      const target = engine.engine === 'sqlite' ? copy(template) : await build();
      await killMidway(engine.engine, target, Math.random() * window);
      const store = await assertUsable(target);
      assert.equal(await store.countArticles(), 31, "the 30 articles and the one written after");
      await store.close();
    }
  });
});

interface Target {
  file?: string;
  url?: string;
  schema?: string;
}

const storeOptions = (t: Target) => (t.file ? { db: t.file } : { url: t.url, schema: t.schema });
const cliArgs = (t: Target) => (t.file ? ['--db', t.file] : []);
/** PostgreSQL through the CLI: the schema rides in the URL's `options`, as a deployment could set it. */
const cliEnv = (t: Target): NodeJS.ProcessEnv =>
  t.file ? {} : { DATABASE_URL: `${t.url}${t.url!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${t.schema}`)}` };

function copy(t: Target): Target {
  const file = join(dir, `copy-${randomBytes(4).toString('hex')}.db`);
  copyFileSync(t.file!, file);
  return { file };
}

async function pgQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Opens the target as the next command would: it must open, migrate fully and take a write. */
async function assertUsable(target: Target) {
  const store = await openStore(storeOptions(target));
  const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(store.db);
  assert.deepEqual(rows.rows.map((r) => r.name).sort(), ALL);
  await store.putArticle(makeArticle({ slug: `baad-alqat-${randomBytes(3).toString('hex')}` }));
  return store;
}

/**
 * Starts `mizan db migrate` and SIGKILLs it `delay` ms after it has begun migrating (SQLite: once its
 * WAL file appears, which opening the database creates; PostgreSQL: after the time the process takes
 * to start). Resolves true when the kill came before the process finished.
 */
function killMidway(engine: string, target: Target, delay: number, startup = 0): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, ...cliEnv(target) };
    if (target.file) delete env.DATABASE_URL;
    const child = spawn(process.execPath, [BIN, 'db', 'migrate', ...cliArgs(target)], { env, stdio: 'ignore' });
    let exited = false;
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      exited = true;
      resolve(signal === 'SIGKILL');
      void code;
    });
    const fire = () => setTimeout(() => !exited && child.kill('SIGKILL'), delay);
    if (engine !== 'sqlite') {
      setTimeout(fire, startup || pgStartup);
      return;
    }
    const wal = `${target.file}-wal`;
    const poll = () => (exited ? undefined : existsSync(wal) ? fire() : setTimeout(poll, 1));
    poll();
  });
}

let pgStartup = 0;

/** How long a whole migration takes here, from its start (as killMidway sees it) to the process's exit. */
async function calibrate(engine: string, target: Target): Promise<number> {
  const started = Date.now();
  if (engine !== 'sqlite') {
    // No file to watch: the window is the whole run less Node's start, measured on a command that opens no database.
    const t0 = Date.now();
    await runMizan(['text', 'normalize', 'x']);
    pgStartup = Date.now() - t0;
    const t1 = Date.now();
    await killMidway(engine, target, 60_000, 1);
    return Math.max(50, Date.now() - t1 - pgStartup + 100);
  }
  let seen = 0;
  const wal = `${target.file}-wal`;
  const timer = setInterval(() => !seen && existsSync(wal) && (seen = Date.now()), 1);
  await killMidway(engine, target, 60_000);
  clearInterval(timer);
  return Math.max(20, Date.now() - (seen || started));
}
