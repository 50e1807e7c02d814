/**
 * A rebuild on PostgreSQL sends each column as one array in binary (store/dialects/binary-array.ts):
 * the server must read back exactly the values given — Arabic text, empty strings, nulls, large row
 * ids, fractions, bytes — or the index would hold other rows than the articles'.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { binaryArray } from '../../src/store/dialects/binary-array.ts';

const url = process.env.DATABASE_URL;
const skip = url ? false : process.env.MIZAN_REQUIRE_PG === '1' ? false : 'no PostgreSQL: DATABASE_URL is not set';

test('binary arrays read back as the values given, nulls included', { skip }, async () => {
  assert.ok(url, 'MIZAN_REQUIRE_PG=1 but DATABASE_URL is not set');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const texts = ['موانئ الخليج والتجارة', '', null, 'Gulf ports', '𠀋﨎 and "quotes" \\ back'];
    const ids = [1, 2 ** 40 + 7, 9_007_199_254_740_000];
    const years = [2023, null, -1];
    const fresh = [0.5, 1e-9, -3.25];
    const bytes = [Buffer.from([0, 1, 255]), Buffer.alloc(0)];
    const r = await client.query(
      `select array_to_json($1::text[]) as t, $2::int8[]::text[] as i, array_to_json($3::int4[]) as y, array_to_json($4::float8[]) as f,
        (select array_agg(encode(b, 'hex') order by n) from unnest($5::bytea[]) with ordinality as x(b, n)) as b`,
      [binaryArray('text', texts), binaryArray('int8', ids), binaryArray('int4', years), binaryArray('float8', fresh), binaryArray('bytea', bytes)],
    );
    const row = r.rows[0];
    assert.deepEqual(row.t, texts);
    assert.deepEqual(row.i, ids.map(String));
    assert.deepEqual(row.y, years);
    assert.deepEqual(row.f, fresh);
    assert.deepEqual(row.b, ['0001ff', '']);
  } finally {
    await client.end();
  }
});
