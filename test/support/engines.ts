/**
 * @module One store suite, every engine: `forEachEngine` runs a block of tests on SQLite (a real file in a
 * temp folder) and on PostgreSQL (a fresh schema in the server DATABASE_URL points at). Without
 * DATABASE_URL the PostgreSQL run is skipped visibly; with MIZAN_REQUIRE_PG=1 it fails instead.
 * MIZAN_TEST_ENGINES=sqlite (or postgres) narrows the list.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import pg from 'pg';
import { openStore, type Engine } from '../../src/store/index.ts';

export type TestStore = Awaited<ReturnType<typeof openStore>>;

const pgUrl = process.env.DATABASE_URL;
const requirePg = process.env.MIZAN_REQUIRE_PG === '1';
const only = process.env.MIZAN_TEST_ENGINES?.split(',').map((s) => s.trim());

export interface EngineHandle {
  engine: Engine;
  /** A fresh, migrated, empty store; closed and removed by `cleanup`. */
  open(): Promise<TestStore>;
  /** Options that open the same database again (a second connection, as another process would). */
  lastTarget(): { db?: string; url?: string; schema?: string };
  cleanup(): Promise<void>;
}

function sqliteHandle(): EngineHandle {
  const dirs: string[] = [];
  const stores: TestStore[] = [];
  let last = '';
  return {
    engine: 'sqlite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'mizan-test-'));
      dirs.push(dir);
      last = join(dir, 'mizan.db');
      const s = await openStore({ db: last });
      stores.push(s);
      return s;
    },
    lastTarget: () => ({ db: last }),
    async cleanup() {
      for (const s of stores) await s.close().catch(() => {});
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}

function postgresHandle(url: string): EngineHandle {
  const schemas: string[] = [];
  const stores: TestStore[] = [];
  let last = '';
  return {
    engine: 'postgres',
    async open() {
      last = `t_${randomBytes(6).toString('hex')}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`create schema ${last}`);
      await client.end();
      schemas.push(last);
      const s = await openStore({ url, schema: last });
      stores.push(s);
      return s;
    },
    lastTarget: () => ({ url, schema: last }),
    async cleanup() {
      for (const s of stores) await s.close().catch(() => {});
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      for (const schema of schemas) await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

/** Runs `suite` once per engine, inside a `describe` named after it. */
export function forEachEngine(name: string, suite: (handle: EngineHandle) => void): void {
  const wants = (e: Engine) => !only || only.includes(e);
  if (wants('sqlite')) describe(`${name} [sqlite]`, () => suite(sqliteHandle()));
  if (!wants('postgres')) return;
  if (pgUrl) {
    describe(`${name} [postgres]`, () => suite(postgresHandle(pgUrl)));
  } else if (requirePg) {
    describe(`${name} [postgres]`, () => {
      throw new Error('MIZAN_REQUIRE_PG=1 but DATABASE_URL is not set: PostgreSQL tests cannot run');
    });
  } else {
    // A skipped suite counts as a skipped test, so the summary's "# skipped N" says what did not run
    // (scripts/test.mjs explains why once, before the run).
    describe(`${name} [postgres]`, () => {
      test('on PostgreSQL', { skip: 'no PostgreSQL: DATABASE_URL is not set' }, () => {});
    });
  }
}

/**
 * Runs `suite` on SQLite only, the embedded default: for suites whose subject is what a page shows
 * (accessibility checks of every page, in both languages and both schemes), which is the same HTML on
 * either engine; the store behaviour behind those pages is tested on both elsewhere.
 */
export function onSqlite(name: string, suite: (handle: EngineHandle) => void): void {
  if (!only || only.includes('sqlite')) describe(`${name} [sqlite]`, () => suite(sqliteHandle()));
}
