/**
 * @module Imports never overwrite editors' work. Each import leaves a mark (migrations 081, 120): the file,
 * a hash of the article as stored after it, and the state (status, schedule) it left. A later import that
 * would change an article edited on the editors' side since is a conflict: nothing of that file is written
 * unless the import is forced, and a forced overwrite is recorded in the audit log. Edited means any of:
 * the stored text no longer has the mark's hash; a change to the published article waits for review (the
 * live text is untouched, but an editor's words are in the pending change); the status or schedule is no
 * longer what the import left (an editor unpublished or scheduled it). An article with no mark (stored
 * before marks existed, or made on the editors' side) counts as edited when it has a revision an editor
 * made, a pending change, or a workflow step in the audit log.
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
  /** What the editors did: edited the text, proposed a change now pending review, or changed its status. */
  readonly reason: EditReason;
  constructor(file: string, article: { id: string; title: string; path: string; reason: EditReason; status?: string }, lastFile: string | null) {
    const what =
      article.reason === 'pending'
        ? "has a change proposed on the editors' side, waiting for review"
        : article.reason === 'status'
          ? `was ${article.status ?? 'moved'} on the editors' side since its last import`
          : "was edited on the editors' side since its last import";
    super(
      'import-conflict',
      `conflict: "${article.title}" (${article.path}, ${article.id}) ${what}` +
        `${lastFile ? ` (from ${lastFile})` : ''}; nothing from this file was written. Use --force to overwrite the edits (recorded in the audit log)`,
      { file, status: 409 },
    );
    this.name = 'ImportConflictError';
    this.articleId = article.id;
    this.title = article.title;
    this.path = article.path;
    this.reason = article.reason;
  }
}

function hashOf(doc: string): string {
  return createHash('sha256').update(doc).digest('hex');
}

export type EditReason = 'text' | 'pending' | 'status';

/** What the guard saw of an article before the import wrote it. */
export interface BeforeImport {
  id: string;
  title: string;
  path: string;
  /** Edited on the editors' side since its last import. */
  edited: boolean;
  /** How, when edited (the first found: pending review, then text, then status). */
  reason?: EditReason;
  /** The article's status now. */
  status: string;
  lastFile: string | null;
}

/** Workflow steps an editor takes in the admin (audit actions): any of them on an unmarked article is editors' work. */
const STEPS_IN_AUDIT = ['article.publish', 'article.unpublish', 'article.schedule', 'article.submit', 'article.withdraw'];

/** An article's status and schedule as one comparable text: `published`, `scheduled 2025-05-01T09:00:00.000Z`. */
async function stateOf(tx: Store, id: string, status: string): Promise<string> {
  const due = await edb(tx).selectFrom('schedule').select('publish_at').where('article_id', '=', id).executeTakeFirst();
  return due ? `${status} ${due.publish_at}` : status;
}

/**
 * Whether the state now differs from the one the import left. A schedule the import set that has since
 * fallen due (or that an editor published early) is the file's intent carried out, not an edit.
 */
function movedSince(left: string, now: string): boolean {
  if (left === now) return false;
  return !(left.startsWith('scheduled ') && now === 'published');
}

/**
 * Looks at the article stored at `path` before an import writes it: undefined when there is none.
 *
 * @example (await beforeImport(tx, '/ar/policy-analysis/x'))?.edited // → true once an editor saved it
 */
export async function beforeImport(tx: Store, path: string): Promise<BeforeImport | undefined> {
  const db = edb(tx);
  const row = await db.selectFrom('articles').select(['id', 'title', 'path', 'doc', 'status']).where('path', '=', path).executeTakeFirst();
  if (!row) return undefined;
  const mark = await db.selectFrom('import_marks').select(['file', 'doc_hash', 'state']).where('article_id', '=', row.id).executeTakeFirst();
  const pending = await tx.db
    .selectFrom('pending_changes' as never)
    .select('article_id' as never)
    .where('article_id' as never, '=', row.id as never)
    .executeTakeFirst();
  let reason: EditReason | undefined;
  if (pending) {
    reason = 'pending';
  } else if (mark) {
    if (mark.doc_hash !== hashOf(row.doc)) reason = 'text';
    else if (mark.state !== null && movedSince(mark.state, await stateOf(tx, row.id, row.status))) reason = 'status';
  } else {
    // No mark: an editor's revision (not a baseline, not an upload through the admin) means edited,
    // and so does a workflow step an account took in the admin.
    const revisions = await db.selectFrom('revisions').select('note').where('article_id', '=', row.id).execute();
    if (revisions.some((r) => r.note !== 'as first stored' && !r.note.startsWith('imported '))) reason = 'text';
    else if (await db.selectFrom('audit_log').select('id').where('target', '=', row.id).where('action', 'in', STEPS_IN_AUDIT).where('user_id', 'is not', null).executeTakeFirst()) reason = 'status';
  }
  return { id: row.id, title: row.title, path: row.path, edited: reason !== undefined, reason, status: row.status, lastFile: mark?.file ?? null };
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
    if (!opts.force) throw new ImportConflictError(file, { ...before, reason: before.reason ?? 'text' }, before.lastFile);
    // The pending change was made against the text the import replaces: it goes (its revision stays).
    if (before.reason === 'pending') await tx.db.deleteFrom('pending_changes' as never).where('article_id' as never, '=', id as never).execute();
    await recordAudit(tx, opts.actor, 'article.import-overwrite', id, { file, path: before.path, lastImport: before.lastFile, reason: before.reason });
    overwrote = true;
  }
  await markImported(tx, id, file);
  return { overwrote };
}

/** Records the article as the import of `file` left it. */
export async function markImported(tx: Store, id: string, file: string): Promise<void> {
  const db = edb(tx);
  const row = await db.selectFrom('articles').select(['doc', 'status']).where('id', '=', id).executeTakeFirst();
  if (!row) return;
  const mark = { file, doc_hash: hashOf(row.doc), state: await stateOf(tx, id, row.status), imported_at: new Date().toISOString() };
  await db
    .insertInto('import_marks')
    .values({ article_id: id, ...mark })
    .onConflict((oc) => oc.column('article_id').doUpdateSet(mark))
    .execute();
}
