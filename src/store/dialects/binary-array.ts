/**
 * @module A PostgreSQL array in the binary form the server reads (array_recv), built in Node: bulk
 * writes (insert-rows.ts) send each column of many rows as one array and insert `select * from
 * unnest(…)`, every value in binary — what COPY's binary format would send, through the driver's
 * ordinary protocol (node-postgres binds a Buffer parameter in binary).
 */

/** Element types bulk writes send, with their type OIDs (pg_type). */
const OID = { int8: 20, int4: 23, float8: 701, text: 25, bytea: 17, tsvector: 3614 } as const;
export type ElementType = keyof typeof OID;

type Value = number | string | Uint8Array | null;

/** One element's bytes: binary integers and floats big-endian, text in UTF-8, bytea and tsvector as given. */
function elementBytes(type: ElementType, v: Exclude<Value, null>): Buffer {
  switch (type) {
    case 'int8': {
      const b = Buffer.allocUnsafe(8);
      b.writeBigInt64BE(BigInt(v as number));
      return b;
    }
    case 'int4': {
      const b = Buffer.allocUnsafe(4);
      b.writeInt32BE(v as number);
      return b;
    }
    case 'float8': {
      const b = Buffer.allocUnsafe(8);
      b.writeDoubleBE(v as number);
      return b;
    }
    case 'text':
      return Buffer.from(v as string, 'utf8');
    default:
      return Buffer.isBuffer(v) ? v : Buffer.from(v as Uint8Array);
  }
}

/**
 * `values` as a one-dimensional array of `type` in binary; null elements allowed. Bind it as `$n::int8[]`
 * (the type the cast names must be the element type given here: the server checks it).
 *
 * @example binaryArray('int8', [1, 2]) // → <Buffer 00 00 00 01 00 00 00 00 00 00 00 14 … > (int8[] {1,2})
 */
export function binaryArray(type: ElementType, values: readonly Value[]): Buffer {
  const parts: Buffer[] = [];
  const head = Buffer.allocUnsafe(20);
  head.writeInt32BE(1, 0); // dimensions
  head.writeInt32BE(values.some((v) => v === null) ? 1 : 0, 4);
  head.writeUInt32BE(OID[type], 8);
  head.writeInt32BE(values.length, 12);
  head.writeInt32BE(1, 16); // lower bound
  parts.push(head);
  for (const v of values) {
    const len = Buffer.allocUnsafe(4);
    if (v === null) {
      len.writeInt32BE(-1);
      parts.push(len);
      continue;
    }
    const bytes = elementBytes(type, v);
    len.writeInt32BE(bytes.length);
    parts.push(len, bytes);
  }
  return Buffer.concat(parts);
}
