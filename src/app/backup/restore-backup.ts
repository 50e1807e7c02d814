/**
 * @module `mizan restore FILE [--force]`: a backup into a database of either engine (SQLite to
 * PostgreSQL and back). The file is checked whole first (format, checksum); then every row goes in
 * within one transaction, tables in the order their references need, so a failed restore leaves the
 * database as it was. A database that already holds data is refused unless `force`, which empties the
 * backed-up tables first. Media files are written piece by piece to a staging folder as they are read
 * and moved into the media folder once the transaction committed (media-staging.ts): memory stays
 * bounded whatever the media weigh. The search index is rebuilt afterwards from the restored articles;
 * the transaction marks it stale first, so a restore cut short before the rebuild is rebuilt by the
 * next `mizan serve`.
 */
import { sql } from 'kysely';
import { MizanError } from '../../lib/index.ts';
import { chunksOf, describeTables, MIGRATIONS, resetSequences, withoutTriggers, type Store } from '../../store/index.ts';
import { reindex } from '../reindex.ts';
import { decodeValue, readBackup, type BackupHeader, type BackupLine } from './backup-file.ts';
import { stageMedia } from './media-staging.ts';
import { leftOut } from './write-backup.ts';

export interface RestoreResult {
  rows: Record<string, number>;
  files: number;
  indexed: number;
}

/** Rows buffered per table before they are inserted together. */
const BATCH = 200;

/**
 * Restores `file` into `store`.
 *
 * @example await restoreBackup(store, 'site.mizan-backup') // → { rows: { articles: 1204, … }, files: 0, indexed: 1204 }
 */
export async function restoreBackup(store: Store, file: string, opts: { force?: boolean; mediaDir?: string } = {}): Promise<RestoreResult> {
  // First pass: the whole file is read and its checksum compared before anything is written.
  let header: BackupHeader | undefined;
  await readBackup(file, (h) => {
    header = h;
  });
  const h = header!;
  const unknown = h.migrations.filter((m) => !(m in MIGRATIONS));
  if (unknown.length) throw new MizanError('bad-backup', `the backup was made by a newer Mizan (migration ${unknown.join(', ')}); upgrade Mizan to restore it`, { file });

  const target = new Map((await describeTables(store.db, store.engine)).map((t) => [t.name, t]));
  const tables = h.tables.filter((t) => !leftOut(t.name));
  for (const t of tables) {
    if (!target.has(t.name)) throw new MizanError('bad-backup', `the backup holds table ${t.name}, which this database does not have`, { file });
  }
  const rows: Record<string, number> = {};
  let files = 0;
  const media = opts.mediaDir ? stageMedia(opts.mediaDir, file) : undefined;

  try {
    await store.transaction(async (tx) => {
      const db = tx.db as unknown as import('kysely').Kysely<any>;
      const held: string[] = [];
      for (const t of tables) {
        // `meta` is written by the migrations of every new database (settings, the mail secret): not content.
        if (t.name === 'meta') continue;
        const n = Number((await db.selectFrom(t.name).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
        if (n > 0) held.push(`${t.name} (${n})`);
      }
      if (held.length && !opts.force) {
        throw new MizanError('not-empty', `the database already holds data (${held.slice(0, 5).join(', ')}${held.length > 5 ? ', …' : ''}); restore into an empty database, or add --force to replace everything in it`, { file });
      }
      const ordered = [...target.values()].filter((t) => tables.some((b) => b.name === t.name));
      // The backup's own settings replace those the migrations of this database wrote.
      if (!held.length && tables.some((t) => t.name === 'meta')) await db.deleteFrom('meta').execute();
      if (held.length) {
        await withoutTriggers(db, store.engine, ordered.map((t) => t.name), async () => {
          for (const t of [...ordered].reverse()) await db.deleteFrom(t.name).execute();
        });
      }
      const columnsOf = new Map(tables.map((t) => [t.name, t.columns.filter((c) => target.get(t.name)!.columns.includes(c))]));
      const indexOf = new Map(tables.map((t) => [t.name, columnsOf.get(t.name)!.map((c) => t.columns.indexOf(c))]));
      const pending = new Map<string, Record<string, unknown>[]>();
      const flush = async (table: string) => {
        const list = pending.get(table);
        if (!list?.length) return;
        for (const part of chunksOf(list, columnsOf.get(table)!.length)) await db.insertInto(table).values(part).execute();
        pending.set(table, []);
      };
      let last = '';
      await readBackup(
        file,
        () => {},
        async (line: BackupLine) => {
          if ('m' in line) {
            if (media ? await media.add(line) : !line.o) files++;
            return;
          }
          if (!columnsOf.has(line.t)) return; // a table left out
          // Tables come whole and in reference order: finish the previous one before the next begins.
          if (line.t !== last) {
            await flush(last);
            last = line.t;
          }
          const cols = columnsOf.get(line.t)!;
          const idx = indexOf.get(line.t)!;
          const row: Record<string, unknown> = {};
          for (let i = 0; i < cols.length; i++) row[cols[i]] = decodeValue(line.r[idx[i]]);
          const list = pending.get(line.t) ?? [];
          list.push(row);
          pending.set(line.t, list);
          rows[line.t] = (rows[line.t] ?? 0) + 1;
          if (list.length >= BATCH) await flush(line.t);
        },
      );
      await flush(last);
      await resetSequences(db, store.engine, ordered);
      await sql`insert into meta (key, value) values ('search_stale', 'restore') on conflict (key) do update set value = 'restore'`.execute(db);
    });
  } catch (err) {
    await media?.discard();
    throw err;
  }
  await media?.commit();
  const indexed = await reindex(store);
  return { rows, files, indexed };
}
