/**
 * @module SQLite through better-sqlite3: the embedded default. Every connection gets WAL,
 * `synchronous=FULL` (better-sqlite3 leaves new WAL connections at NORMAL, which can lose the last
 * commits on power loss), foreign keys and a busy timeout, so a second process (a CLI import while the
 * site serves) waits instead of failing.
 */
import { mkdirSync, existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { SqliteDialect, type SqliteDatabase } from 'kysely';
import { DatabaseRefusedError } from '../../lib/index.ts';

const HEADER = 'SQLite format 3\0';

/** Refuses a file that exists, is not empty and is not an SQLite database: it is never overwritten. */
function checkHeader(file: string): void {
  if (!existsSync(file) || statSync(file).size === 0) return;
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    readSync(fd, buf, 0, 16, 0);
    if (buf.toString('latin1') !== HEADER) {
      throw new DatabaseRefusedError(`${file} is not a Mizan database (not an SQLite file); it was left untouched`);
    }
  } finally {
    closeSync(fd);
  }
}

/** Prepared statements kept per database: enough for every query Mizan repeats, few enough to stay small. */
const STATEMENTS = 256;

/**
 * The database as Kysely sees it, with its statements kept: Kysely prepares every query anew, which
 * costs SQLite a parse and a plan (tens of microseconds, several times a search). A statement still
 * being iterated is busy and is not handed out again; SQLite re-prepares a kept one itself when the
 * schema changes under it.
 */
function keepingStatements(db: SQLite.Database): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => db.close(),
    prepare(source: string) {
      const had = kept.get(source);
      if (had && !had.busy) {
        kept.delete(source); // most recently used last
        kept.set(source, had);
        return had;
      }
      const statement = db.prepare(source);
      if (kept.size >= STATEMENTS) kept.delete(kept.keys().next().value!);
      kept.set(source, statement);
      return statement;
    },
  };
}

export function sqliteDialect(file: string): { dialect: SqliteDialect; raw: SQLite.Database } {
  if (file !== ':memory:') {
    checkHeader(file);
    mkdirSync(dirname(file), { recursive: true });
  }
  let raw: SQLite.Database;
  try {
    raw = new SQLite(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    // SQLite keeps 64 MB of pages itself (its default is 2 MB): a search touches a few hundred pages
    // of a large index, and re-reading them through the OS costs a system call each.
    raw.pragma('cache_size = -65536');
    raw.prepare('select count(*) from sqlite_master').get();
  } catch (err) {
    throw new DatabaseRefusedError(`${file} cannot be opened as a Mizan database: ${(err as Error).message}`, err);
  }
  return { dialect: new SqliteDialect({ database: keepingStatements(raw) }), raw };
}
