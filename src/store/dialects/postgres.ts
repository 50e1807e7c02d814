/**
 * @module PostgreSQL through `pg`, selected by DATABASE_URL. An optional schema isolates one
 * database per test suite without creating databases.
 */
import pg from 'pg';
import { PostgresDialect, sql, type Kysely } from 'kysely';
import { DatabaseRefusedError } from '../../lib/index.ts';

// Count columns come back as strings by default (int8); Mizan's counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/** `"name"`, as PostgreSQL quotes an identifier: the name exactly as written, capitals kept. */
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The connection option that works in `schema`. Quoted, as the schema is created (`ensureSchema`) and as
 * the migrator names its table: an unquoted `S2` would mean `s2` here and `"S2"` there.
 */
const searchPath = (schema: string) => `-c search_path=${quoted(schema)}`;

export function postgresDialect(url: string, schema?: string, opts: { readOnly?: boolean } = {}): { dialect: PostgresDialect; pool: pg.Pool } {
  const settings = [schema ? searchPath(schema) : '', opts.readOnly ? '-c default_transaction_read_only=on' : ''].filter(Boolean).join(' ');
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(settings ? { options: settings } : {}),
  });
  return { dialect: new PostgresDialect({ pool }), pool };
}

/**
 * Creates the schema Mizan's tables go in (MIZAN_PG_SCHEMA) when it does not exist yet, so a new
 * database needs no step by hand. One that exists is left alone without asking for any privilege
 * (`create schema if not exists` checks the right to create first, and a user that owns its schema in
 * a database where it may not create one must still start). When creating is refused, throws a
 * DatabaseRefusedError naming the schema and the command that would make it.
 *
 * @example await ensureSchema(db, 's2') // `create schema if not exists "s2"`, if it was missing
 */
export async function ensureSchema(db: Kysely<any>, schema: string): Promise<void> {
  const exists = async () => (await sql`select 1 from pg_namespace where nspname = ${schema}`.execute(db)).rows.length > 0;
  if (await exists()) return;
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (err) {
    // Another server starting at the same moment made it (two creations at once can collide).
    if (await exists().catch(() => false)) return;
    const who = await sql<{ user: string; database: string }>`select current_user as "user", current_database() as "database"`
      .execute(db)
      .then((r) => r.rows[0])
      .catch(() => undefined);
    const user = who ? quoted(who.user) : 'the user of DATABASE_URL';
    const database = who ? quoted(who.database) : 'the database';
    throw new DatabaseRefusedError(
      `the PostgreSQL schema ${quoted(schema)} (MIZAN_PG_SCHEMA) does not exist and could not be created: ${(err as Error).message}. ` +
        `Create it as a user who may (\`create schema ${quoted(schema)} authorization ${user}\`), ` +
        `or let ${user} create schemas (\`grant create on database ${database} to ${user}\`)`,
      err,
    );
  }
}

export interface ChangeHandlers {
  /** A change was committed (its id). */
  onChange(id: number): void;
  /** The connection was lost and is back: notifications sent meanwhile are gone. */
  onReconnect(): void;
}

export interface ChangeListener {
  close(): Promise<void>;
}

/**
 * Listens on `channel:<schema>` on a connection of its own (LISTEN holds a session, so not one of the
 * pool's), and reconnects with backoff when the connection drops.
 */
export async function listenPostgres(url: string, schema: string | undefined, channel: string, handlers: ChangeHandlers): Promise<ChangeListener> {
  let client: pg.Client | undefined;
  let closed = false;
  let retryMs = 250;
  const connect = async () => {
    const c = new pg.Client({ connectionString: url, ...(schema ? { options: searchPath(schema) } : {}) });
    c.on('notification', (m) => handlers.onChange(Number(m.payload)));
    c.on('error', () => {
      // 'end' follows; the reconnect starts there.
    });
    c.on('end', () => {
      if (client === c) client = undefined;
      if (!closed) reconnectLater();
    });
    await c.connect();
    // A listener never keeps the process alive by itself: the store's pool and the server do.
    (c as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
    const { rows } = await c.query<{ s: string }>('select current_schema() as s');
    await c.query(`LISTEN ${c.escapeIdentifier(`${channel}:${rows[0].s}`)}`);
    client = c;
    retryMs = 250;
  };
  const reconnectLater = () => {
    setTimeout(async () => {
      if (closed) return;
      try {
        await connect();
        handlers.onReconnect();
      } catch {
        retryMs = Math.min(retryMs * 2, 5000);
        reconnectLater();
      }
    }, retryMs).unref();
  };
  await connect();
  return {
    async close() {
      closed = true;
      await client?.end().catch(() => {});
    },
  };
}
