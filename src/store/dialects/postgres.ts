/**
 * @module PostgreSQL through `pg`, selected by DATABASE_URL. An optional schema isolates one
 * database per test suite without creating databases.
 */
import pg from 'pg';
import { PostgresDialect } from 'kysely';

// Count columns come back as strings by default (int8); Mizan's counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export function postgresDialect(url: string, schema?: string, opts: { readOnly?: boolean } = {}): { dialect: PostgresDialect; pool: pg.Pool } {
  const settings = [schema ? `-c search_path=${schema}` : '', opts.readOnly ? '-c default_transaction_read_only=on' : ''].filter(Boolean).join(' ');
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(settings ? { options: settings } : {}),
  });
  return { dialect: new PostgresDialect({ pool }), pool };
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
    const c = new pg.Client({ connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
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
