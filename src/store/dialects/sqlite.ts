/**
 * @module SQLite through better-sqlite3: the embedded default. Every connection gets WAL,
 * `synchronous=FULL` (better-sqlite3 leaves new WAL connections at NORMAL, which can lose the last
 * commits on power loss), foreign keys and a busy timeout, so a second process (a CLI import while the
 * site serves) waits instead of failing. Every transaction begins `IMMEDIATE` (see `WriterDriver`).
 */
import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type SqliteDatabase, type SqliteDialectConfig } from 'kysely';
import { DatabaseRefusedError, ensureFolder, NoDatabaseError } from '../../lib/index.ts';

const HEADER = 'SQLite format 3\0';

/** Refuses a file that exists, is not empty and is not an SQLite database: it is never overwritten. */
function checkHeader(file: string): void {
  if (!existsSync(file)) return;
  if (statSync(file).isDirectory()) throw new DatabaseRefusedError(`${file} is a folder, not a database file: give the file inside it, like ${file.replace(/\/+$/, '')}/mizan.db`);
  if (statSync(file).size === 0) return;
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

/** Makes the folder the database file goes in, saying which part of its path is in the way when it cannot. */
function makeFolderFor(file: string): void {
  try {
    ensureFolder(dirname(file), `make the folder of the database ${file}`);
  } catch (err) {
    throw new DatabaseRefusedError((err as Error).message, err);
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

/** How long a statement outside a transaction may wait for another process's write lock. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * How long `BEGIN IMMEDIATE` blocks the event loop for the write lock before giving up: better-sqlite3
 * waits synchronously, so a long wait here would stall every reader of the site. The store retries a
 * transaction refused this way after an asynchronous pause (`store/retry.ts`), with the connection free
 * for readers meanwhile.
 */
const BEGIN_WAIT_MS = 20;

/**
 * Kysely's driver begins transactions with a plain (deferred) `BEGIN`: the transaction starts as a
 * reader and upgrades at its first write, and in WAL mode an upgrade that finds another writer's newer
 * commit fails with SQLITE_BUSY at once, whatever the busy timeout. Every transaction here begins
 * `IMMEDIATE`, as a writer, so it waits for the lock instead; Mizan's transactions are all writes or
 * short reads, and readers never wait for a writer in WAL mode.
 */
class WriterDriver extends SqliteDriver {
  readonly #raw: SQLite.Database;
  constructor(config: SqliteDialectConfig, raw: SQLite.Database) {
    super(config);
    this.#raw = raw;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    this.#raw.pragma(`busy_timeout = ${BEGIN_WAIT_MS}`);
    try {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    } finally {
      this.#raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
  }
}

class WriterDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #raw: SQLite.Database;
  constructor(config: SqliteDialectConfig, raw: SQLite.Database) {
    super(config);
    this.#config = config;
    this.#raw = raw;
  }

  override createDriver(): SqliteDriver {
    return new WriterDriver(this.#config, this.#raw);
  }
}

/**
 * Opens `file`. `create: false` (and `readOnly`) refuse a file that does not exist with a
 * NoDatabaseError, making neither the file nor its folder.
 *
 * @example sqliteDialect('typo/nope.db', { create: false })   // throws NoDatabaseError: no database at typo/nope.db
 */
export function sqliteDialect(file: string, opts: { readOnly?: boolean; create?: boolean } = {}): { dialect: SqliteDialect; raw: SQLite.Database } {
  const mustExist = opts.readOnly || opts.create === false;
  if (file !== ':memory:') {
    if (mustExist && !existsSync(file)) throw new NoDatabaseError(file);
    checkHeader(file);
    if (!mustExist) makeFolderFor(file);
  }
  let raw: SQLite.Database;
  try {
    // A reader beside the server (a search worker) opens the file it already made and never writes it:
    // the journal mode is the file's own (WAL, set by the first writer) and needs no pragma.
    // fileMustExist also covers a file removed since the check above: SQLite would make it again.
    raw = new SQLite(file, { readonly: Boolean(opts.readOnly), fileMustExist: mustExist && file !== ':memory:' });
    if (!opts.readOnly) raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // SQLite keeps 64 MB of pages itself (its default is 2 MB): a search touches a few hundred pages
    // of a large index, and re-reading them through the OS costs a system call each.
    raw.pragma('cache_size = -65536');
    raw.prepare('select count(*) from sqlite_master').get();
  } catch (err) {
    throw new DatabaseRefusedError(`${file} cannot be opened as a Mizan database: ${(err as Error).message}`, err);
  }
  const config = { database: keepingStatements(raw) };
  return { dialect: opts.readOnly ? new SqliteDialect(config) : new WriterDialect(config, raw), raw };
}
