/**
 * @module The database's own description of its tables, for work that must cover every table without
 * naming them (backup and restore): tables, columns, primary keys, the tables each one references, and
 * switching a table's triggers off and on (the audit log refuses deletes by trigger). The two engines
 * answer from different catalogs; nothing outside this file asks them.
 */
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../store.ts';

export interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
  /** Tables this one references by foreign key (itself excluded). */
  references: string[];
}

const ident = (name: string) => sql.id(name);

async function sqliteTables(db: Kysely<any>): Promise<string[]> {
  const rows = (await sql<{ name: string; sql: string | null }>`select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db)).rows;
  // A virtual table (full-text search) keeps its data in shadow tables named after it.
  const virtual = rows.filter((r) => /^\s*create\s+virtual\s+table/i.test(r.sql ?? '')).map((r) => r.name);
  return rows.map((r) => r.name).filter((n) => !virtual.includes(n) && !virtual.some((v) => n.startsWith(`${v}_`)));
}

async function sqliteInfo(db: Kysely<any>, table: string): Promise<TableInfo> {
  const cols = (await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${table}) order by cid`.execute(db)).rows;
  const fks = (await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${table})`.execute(db)).rows;
  return {
    name: table,
    columns: cols.map((c) => c.name),
    primaryKey: cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
    references: [...new Set(fks.map((f) => f.table))].filter((t) => t !== table),
  };
}

async function postgresTables(db: Kysely<any>): Promise<string[]> {
  const rows = (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)).rows;
  return rows.map((r) => r.name);
}

async function postgresInfo(db: Kysely<any>, table: string): Promise<TableInfo> {
  const cols = (await sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table} and is_generated = 'NEVER' order by ordinal_position`.execute(db)).rows;
  const pk = (await sql<{ name: string }>`select a.attname as name from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident(${table}))::regclass and i.indisprimary`.execute(db)).rows;
  const fks = (await sql<{ name: string }>`select c2.relname as name from pg_constraint k join pg_class c2 on c2.oid = k.confrelid
    where k.conrelid = (quote_ident(current_schema()) || '.' || quote_ident(${table}))::regclass and k.contype = 'f'`.execute(db)).rows;
  return { name: table, columns: cols.map((c) => c.name), primaryKey: pk.map((p) => p.name), references: [...new Set(fks.map((f) => f.name))].filter((t) => t !== table) };
}

/** Every ordinary table of the database with its columns and keys, referenced tables before those that reference them. */
export async function describeTables(db: Kysely<any>, engine: Engine): Promise<TableInfo[]> {
  const names = engine === 'sqlite' ? await sqliteTables(db) : await postgresTables(db);
  const infos = new Map<string, TableInfo>();
  for (const name of names) infos.set(name, engine === 'sqlite' ? await sqliteInfo(db, name) : await postgresInfo(db, name));
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  // Depth-first over the reference graph: a table's depth is bounded by the schema, not by input.
  const place = (name: string) => {
    if (placed.has(name) || visiting.has(name) || !infos.has(name)) return;
    visiting.add(name);
    for (const ref of infos.get(name)!.references) place(ref);
    visiting.delete(name);
    placed.add(name);
    ordered.push(infos.get(name)!);
  };
  for (const name of names) place(name);
  return ordered;
}

/**
 * Runs `fn` with the user triggers of `tables` switched off, inside the caller's transaction (restoring
 * over a database with `--force` must empty the append-only audit log). SQLite has no switch: the
 * triggers are dropped and created again from their own definitions.
 */
export async function withoutTriggers<T>(db: Kysely<any>, engine: Engine, tables: string[], fn: () => Promise<T>): Promise<T> {
  if (engine === 'postgres') {
    for (const t of tables) await sql`alter table ${ident(t)} disable trigger user`.execute(db);
    const out = await fn();
    for (const t of tables) await sql`alter table ${ident(t)} enable trigger user`.execute(db);
    return out;
  }
  const triggers = (await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'trigger'`.execute(db)).rows.filter((r) => r.sql);
  for (const t of triggers) await sql`drop trigger ${ident(t.name)}`.execute(db);
  const out = await fn();
  for (const t of triggers) await sql.raw(t.sql).execute(db);
  return out;
}

/** PostgreSQL: moves each serial column's sequence past the largest value restored; nothing on SQLite. */
export async function resetSequences(db: Kysely<any>, engine: Engine, tables: TableInfo[]): Promise<void> {
  if (engine !== 'postgres') return;
  for (const t of tables) {
    for (const col of t.columns) {
      const seq = (await sql<{ seq: string | null }>`select pg_get_serial_sequence(quote_ident(current_schema()) || '.' || quote_ident(${t.name}), ${col}) as seq`.execute(db)).rows[0]?.seq;
      if (!seq) continue;
      await sql`select setval(${seq}, coalesce((select max(${ident(col)}) from ${ident(t.name)}), 0) + 1, false)`.execute(db);
    }
  }
}
