/**
 * @module PostgreSQL through `pg`, selected by DATABASE_URL. An optional schema isolates one
 * database per test suite without creating databases.
 */
import pg from 'pg';
import { PostgresDialect } from 'kysely';

// Count columns come back as strings by default (int8); Mizan's counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export function postgresDialect(url: string, schema?: string): { dialect: PostgresDialect; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  return { dialect: new PostgresDialect({ pool }), pool };
}
