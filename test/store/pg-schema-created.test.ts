/**
 * Regression: `MIZAN_PG_SCHEMA` needed a schema that already existed. `MIZAN_PG_SCHEMA=s2 mizan db
 * migrate` on a database without `s2` failed with "no schema has been selected to create in", which
 * named no schema and said nothing of what to do. The store now creates a missing schema (quoted: the
 * name as written) before migrating; a user who may not create one is told which schema, and the two
 * ways to fix it; a user who may not create schemas but owns the one it is given still starts.
 * PostgreSQL only: SQLite has no schemas.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { runMizan } from '../support/cli.ts';
import { openStore } from '../../src/store/index.ts';

const url = process.env.DATABASE_URL;
const skip = url ? false : process.env.MIZAN_REQUIRE_PG === '1' ? false : 'DATABASE_URL is not set: schemas are PostgreSQL’s';
const id = randomBytes(4).toString('hex');

async function query<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = [], as = url!): Promise<T[]> {
  const client = new pg.Client({ connectionString: as });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

const tablesIn = async (schema: string) => (await query<{ table_name: string }>('select table_name from information_schema.tables where table_schema = $1', [schema])).map((r) => r.table_name);

describe('MIZAN_PG_SCHEMA names a schema that does not exist yet', { skip }, () => {
  const made: string[] = [];
  const roles: string[] = [];
  after(async () => {
    if (!url) return;
    for (const schema of made) await query(`drop schema if exists "${schema}" cascade`);
    for (const role of roles) await query(`drop role if exists "${role}"`);
  });

  test('`mizan db migrate` creates it and migrates into it; the next run finds it up to date', async () => {
    const schema = `t_new_${id}`;
    made.push(schema);
    const env = { DATABASE_URL: url, MIZAN_PG_SCHEMA: schema };
    const first = await runMizan(['db', 'migrate'], { env });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /applied 001-core,/);
    const tables = await tablesIn(schema);
    for (const table of ['kysely_migration', 'articles', 'users', 'setup_tokens']) assert.ok(tables.includes(table), `${table} is in ${schema}: ${tables.join(' ')}`);
    const again = await runMizan(['db', 'migrate'], { env });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /already up to date/);
  });

  test('a name with capitals is the schema of that very name, for the tables and the bookkeeping alike', async () => {
    const schema = `T_Mixed_${id}`;
    made.push(schema);
    const store = await openStore({ url, schema });
    try {
      assert.equal(await store.countArticles(), 0);
    } finally {
      await store.close();
    }
    const tables = await tablesIn(schema);
    assert.ok(tables.includes('kysely_migration') && tables.includes('articles'), tables.join(' '));
    assert.deepEqual(await tablesIn(schema.toLowerCase()), [], 'nothing went to the lower-case name');
  });

  test('a user who may not create it is told which schema, and how to make it; once made for that user, it migrates', async (t) => {
    const role = `mizan_t_${id}`;
    const password = randomBytes(12).toString('hex');
    try {
      await query(`create role "${role}" login password '${password}'`);
    } catch (err) {
      t.skip(`cannot create a role to test with: ${(err as Error).message}`);
      return;
    }
    roles.push(role);
    const [{ db }] = await query<{ db: string }>('select current_database() as db');
    const asRole = new URL(url!);
    asRole.username = role;
    asRole.password = password;
    const schema = `t_denied_${id}`;
    made.push(schema);
    const env = { DATABASE_URL: asRole.toString(), MIZAN_PG_SCHEMA: schema };

    const refused = await runMizan(['db', 'migrate'], { env });
    assert.equal(refused.code, 1, refused.stderr);
    assert.match(refused.stderr, new RegExp(`schema "${schema}" \\(MIZAN_PG_SCHEMA\\) does not exist and could not be created: permission denied`));
    assert.ok(refused.stderr.includes(`create schema "${schema}" authorization "${role}"`), refused.stderr);
    assert.ok(refused.stderr.includes(`grant create on database "${db}" to "${role}"`), refused.stderr);
    assert.doesNotMatch(refused.stderr, /no schema has been selected/);
    assert.equal((await query('select 1 from pg_namespace where nspname = $1', [schema])).length, 0, 'nothing was made');

    // Done as the message says, by a user who may: the role still may not create schemas, and need not.
    await query(`create schema "${schema}" authorization "${role}"`);
    const migrated = await runMizan(['db', 'migrate'], { env });
    assert.equal(migrated.code, 0, migrated.stderr);
    assert.ok((await tablesIn(schema)).includes('articles'));
  });
});
