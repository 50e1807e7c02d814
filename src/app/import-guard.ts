/**
 * @module Imports never overwrite editors' work. Each import leaves a mark (migration 081): the file and a
 * hash of the article as stored after it. A later import that would change an article whose stored text
 * no longer has that hash, because someone edited it on the editors' side since, is a conflict: nothing
 * of that file is written unless the import is forced, and a forced overwrite is recorded in the audit
 * log. An article with no mark (stored before marks existed, or made on the editors' side) counts as
 * edited when it has a revision an editor made.
 */
import { createHash } from 'node:crypto';
import { MizanError } from '../lib/index.ts';
import type { Store } from '../store/index.ts';
import { recordAudit, type Actor } from './accounts/audit.ts';
import { edb } from './accounts/tables.ts';

/** A re-import would overwrite an article edited since its last import (exit 1, HTTP 409). */
export class ImportConflictError extends MizanError {
  readonly articleId: string;
  readonly title: string;
  readonly path: string;
  constructor(file: string, article: { id: string; title: string; path: string }, lastFile: string | null) {
    super(
      'import-conflict',
      `conflict: "${article.title}" (${article.path}, ${article.id}) was edited on the editors' side since its last import` +
        `${lastFile ? ` (from ${lastFile})` : ''}; nothing from this file was written. Use --force to overwrite the edits (recorded in the audit log)`,
      { file, status: 409 },
    );
    this.name = 'ImportConflictError';
    this.articleId = article.id;
    this.title = article.title;
    this.path = article.path;
  }
}

function hashOf(doc: string): string {
  return createHash('sha256').update(doc).digest('hex');
}

/** What the guard saw of an article before the import wrote it. */
export interface BeforeImport {
  id: string;
  title: string;
  path: string;
  /** Edited on the editors' side since its last import. */
  edited: boolean;
  lastFile: string | null;
}

/**
 * Looks at the article stored at `path` before an import writes it: undefined when there is none.
 *
 * @example (await beforeImport(tx, '/ar/policy-analysis/x'))?.edited // → true once an editor saved it
 */
export async function beforeImport(tx: Store, path: string): Promise<BeforeImport | undefined> {
  const db = edb(tx);
  const row = await db.selectFrom('articles').select(['id', 'title', 'path', 'doc']).where('path', '=', path).executeTakeFirst();
  if (!row) return undefined;
  const mark = await db.selectFrom('import_marks').select(['file', 'doc_hash']).where('article_id', '=', row.id).executeTakeFirst();
  let edited: boolean;
  if (mark) {
    edited = mark.doc_hash !== hashOf(row.doc);
  } else {
    // No mark: an editor's revision (not a baseline, not an upload through the admin) means edited.
    const revisions = await db.selectFrom('revisions').select('note').where('article_id', '=', row.id).execute();
    edited = revisions.some((r) => r.note !== 'as first stored' && !r.note.startsWith('imported '));
  }
  return { id: row.id, title: row.title, path: row.path, edited, lastFile: mark?.file ?? null };
}

/**
 * After an import changed an article: refuses (throws ImportConflictError, so the caller's transaction
 * rolls back) when it was edited since the last import and `force` is off; with `force`, records the
 * overwrite in the audit log. Either way the new mark is left.
 *
 * @example await afterImport(tx, before, id, 'page.md', { force: false, actor }) // throws when edited
 */
export async function afterImport(tx: Store, before: BeforeImport | undefined, id: string, file: string, opts: { force?: boolean; actor: Actor }): Promise<{ overwrote: boolean }> {
  let overwrote = false;
  if (before?.edited) {
    if (!opts.force) throw new ImportConflictError(file, before, before.lastFile);
    await recordAudit(tx, opts.actor, 'article.import-overwrite', id, { file, path: before.path, lastImport: before.lastFile });
    overwrote = true;
  }
  await markImported(tx, id, file);
  return { overwrote };
}

/** Records the article as the import of `file` left it. */
export async function markImported(tx: Store, id: string, file: string): Promise<void> {
  const db = edb(tx);
  const row = await db.selectFrom('articles').select('doc').where('id', '=', id).executeTakeFirst();
  if (!row) return;
  const mark = { file, doc_hash: hashOf(row.doc), imported_at: new Date().toISOString() };
  await db
    .insertInto('import_marks')
    .values({ article_id: id, ...mark })
    .onConflict((oc) => oc.column('article_id').doUpdateSet(mark))
    .execute();
}
