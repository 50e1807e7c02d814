/**
 * @module The backup file: gzip-compressed JSON lines. The first line says what it is (format version,
 * when, from which engine, the migrations the database had, each table's columns); then one line per
 * row (`{"t": table, "r": [values…]}`) and per piece of a media file (`{"m": path, "o": offset, "b":
 * base64}`, at most MEDIA_PIECE bytes each, a file's pieces in order, so neither side ever holds a whole
 * file in memory); the last line counts them and carries the SHA-256 of every line before it, so a
 * truncated or altered file is refused before anything is restored. Binary values travel as
 * `{"$b": base64}`. Format 1 kept each media file whole on one line (no `o`); it is still read.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { MizanError } from '../../lib/index.ts';

export const BACKUP_FORMAT = 2;

/** Bytes of a media file per line (a multiple of 3, so each piece's base64 has no padding but the last). */
export const MEDIA_PIECE = 768 * 1024;

export interface BackupHeader {
  mizan: 'backup';
  format: number;
  created: string;
  engine: string;
  migrations: string[];
  tables: { name: string; columns: string[] }[];
}

export interface BackupTrailer {
  end: true;
  rows: Record<string, number>;
  files: number;
  sha256: string;
}

export type BackupLine = { t: string; r: unknown[] } | { m: string; o?: number; b: string };

/** A value as the file keeps it: bytes become `{ "$b": base64 }`, everything else is JSON already. */
export function encodeValue(v: unknown): unknown {
  if (v instanceof Uint8Array) return { $b: Buffer.from(v).toString('base64') };
  if (typeof v === 'bigint') return Number(v);
  return v;
}

export function decodeValue(v: unknown): unknown {
  if (v && typeof v === 'object' && '$b' in v) return Buffer.from(String((v as { $b: string }).$b), 'base64');
  return v;
}

/** Reads a backup line by line, checking it as it goes; `onLine` sees every line between header and trailer. */
export async function readBackup(file: string, onHeader: (h: BackupHeader) => Promise<void> | void, onLine?: (line: BackupLine) => Promise<void> | void): Promise<BackupTrailer> {
  const hash: Hash = createHash('sha256');
  let header: BackupHeader | undefined;
  let trailer: BackupTrailer | undefined;
  let n = 0;
  const input = createReadStream(file).on('error', () => {});
  const gunzip = createGunzip();
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity });
  const damaged = (why: string, cause?: unknown) => new MizanError('bad-backup', `not a usable Mizan backup: ${why}`, { file, line: n || undefined, cause });
  const failed = new Promise<never>((_, reject) => {
    input.on('error', (err) => reject(new MizanError('missing', `cannot read the backup: ${err.message}`, { file, cause: err })));
    gunzip.on('error', (err) => reject(damaged(`it is not gzip data or it is cut short (${err.message})`, err)));
  });
  failed.catch(() => {});
  const walk = (async () => {
    for await (const text of lines) {
      n++;
      if (trailer) throw damaged('there is data after its last line');
      let value: Record<string, unknown>;
      try {
        value = JSON.parse(text);
      } catch (err) {
        throw damaged('a line is not JSON', err);
      }
      if (n === 1) {
        if (value.mizan !== 'backup') throw damaged('its first line does not say it is one');
        if (typeof value.format !== 'number' || value.format > BACKUP_FORMAT) throw damaged(`it is format ${String(value.format)}; this Mizan reads format ${BACKUP_FORMAT} and older: upgrade Mizan`);
        header = value as unknown as BackupHeader;
        hash.update(text + '\n');
        await onHeader(header);
        continue;
      }
      if (value.end === true) {
        trailer = value as unknown as BackupTrailer;
        continue;
      }
      hash.update(text + '\n');
      await onLine?.(value as BackupLine);
    }
  })();
  await Promise.race([walk, failed]);
  if (!header) throw damaged('it is empty');
  if (!trailer) throw damaged('it is cut short (its last line is missing)');
  if (hash.digest('hex') !== trailer.sha256) throw damaged('its checksum does not match: the file was altered or damaged');
  return trailer;
}
