/**
 * @module `mizan backup FILE`: every table of the schema, whatever features added it, into one file
 * (see backup-file.ts), from a consistent snapshot taken while the site runs: on SQLite a copy made by
 * `VACUUM INTO` (one read transaction; writers go on meanwhile), on PostgreSQL one REPEATABLE READ,
 * read-only transaction. Left out: sessions, sign-in throttling, first-admin setup tokens, the search
 * index (restore rebuilds it) and the migrator's own tables. The file is written beside its name and
 * renamed when complete, so a backup is whole or absent.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { MizanError, whyNotWritten } from '../../lib/index.ts';
import { describeTables, openStore, type Store, type TableInfo } from '../../store/index.ts';
import { BACKUP_FORMAT, encodeValue, MEDIA_PIECE, type BackupHeader } from './backup-file.ts';

/** Tables that are state of the moment or derived, never backed up. */
export function leftOut(table: string): boolean {
  return /^(search_|kysely_)/.test(table) || table === 'sessions' || table === 'sign_in_throttle' || table === 'setup_tokens';
}

const PAGE = 500;

export interface BackupResult {
  file: string;
  rows: Record<string, number>;
  files: number;
  bytes: number;
}

/** Files under `dir`, relative and with `/` separators, found without recursion. */
export function mediaFiles(dir: string): string[] {
  const out: string[] = [];
  const todo = [dir];
  while (todo.length) {
    const at = todo.pop()!;
    for (const name of readdirSync(at)) {
      const full = join(at, name);
      const info = statSync(full);
      if (info.isDirectory()) todo.push(full);
      else if (info.isFile()) out.push(relative(dir, full).split(sep).join('/'));
    }
  }
  return out.sort();
}

async function snapshot<T>(store: Store, fn: (db: Kysely<any>) => Promise<T>): Promise<T> {
  if (store.engine === 'postgres') {
    return store.db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
      await sql`set transaction read only`.execute(trx);
      return fn(trx);
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'mizan-backup-'));
  try {
    const copy = join(dir, 'snapshot.db');
    await sql`vacuum into ${copy}`.execute(store.db);
    const snap = await openStore({ db: copy, migrate: false });
    try {
      return await fn(snap.db);
    } finally {
      await snap.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Writes the backup of `store` (and of the files under `mediaDir`, when given and present) to `file`.
 *
 * @example await writeBackup(store, 'site.mizan-backup') // → { rows: { articles: 1204, users: 3, … }, files: 0, … }
 */
export async function writeBackup(store: Store, file: string, opts: { mediaDir?: string } = {}): Promise<BackupResult> {
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new MizanError('bad-backup-file', `${file} is a folder: give the backup a file name, like ${join(file, 'site.mizan-backup')}`);
  }
  const partial = join(dirname(file), `.${file.split(sep).pop()}.partial`);
  // Opened here, so that a place that cannot be written is said before any work, by name.
  let fd: number;
  try {
    fd = openSync(partial, 'w');
  } catch (err) {
    throw new MizanError('bad-backup-file', `cannot write the backup ${file}: ${whyNotWritten(err, file)}`, { cause: err });
  }
  const out = createWriteStream(partial, { fd });
  const gzip = createGzip();
  gzip.pipe(out);
  // A write that fails later (a full disk) ends the backup with its error, not the process.
  const failed = new Promise<never>((_, reject) => {
    out.once('error', reject);
    gzip.once('error', reject);
  });
  failed.catch(() => {});
  const hash = createHash('sha256');
  const write = async (value: unknown, counted = true) => {
    const line = JSON.stringify(value) + '\n';
    if (counted) hash.update(line);
    if (!gzip.write(line)) await Promise.race([once(gzip, 'drain'), failed]);
  };
  const rows: Record<string, number> = {};
  let files = 0;
  try {
    await snapshot(store, async (db) => {
      const tables: TableInfo[] = (await describeTables(db, store.engine)).filter((t) => !leftOut(t.name));
      const migrations = (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map((r) => r.name);
      const header: BackupHeader = { mizan: 'backup', format: BACKUP_FORMAT, created: new Date().toISOString(), engine: store.engine, migrations, tables: tables.map((t) => ({ name: t.name, columns: t.columns })) };
      await write(header);
      for (const t of tables) {
        rows[t.name] = 0;
        const order = t.primaryKey.length ? t.primaryKey : t.columns;
        for (let offset = 0; ; offset += PAGE) {
          let query = db.selectFrom(t.name).select(t.columns);
          for (const c of order) query = query.orderBy(sql.ref(c));
          const page = await query.limit(PAGE).offset(offset).execute();
          for (const row of page) await write({ t: t.name, r: t.columns.map((c) => encodeValue((row as Record<string, unknown>)[c])) });
          rows[t.name] += page.length;
          if (page.length < PAGE) break;
        }
      }
    });
    if (opts.mediaDir && existsSync(opts.mediaDir)) {
      for (const rel of mediaFiles(opts.mediaDir)) {
        // Piece by piece: a 2 GB video costs MEDIA_PIECE of memory, not 2 GB.
        let o = 0;
        for await (const piece of createReadStream(join(opts.mediaDir, rel), { highWaterMark: MEDIA_PIECE })) {
          await write({ m: rel, o, b: (piece as Buffer).toString('base64') });
          o += (piece as Buffer).length;
        }
        if (o === 0) await write({ m: rel, o: 0, b: '' });
        files++;
      }
    }
    await write({ end: true, rows, files, sha256: hash.digest('hex') }, false);
    gzip.end();
    await Promise.race([once(out, 'close'), failed]);
    renameSync(partial, file);
  } catch (err) {
    gzip.destroy();
    out.destroy();
    rmSync(partial, { force: true });
    throw err;
  }
  return { file, rows, files, bytes: statSync(file).size };
}
