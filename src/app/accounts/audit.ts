/**
 * @module The audit log: who did what, when, from where. Rows are only ever inserted; the database
 * itself refuses updates and deletes (triggers from migration 004).
 */
import type { Store } from '../../store/index.ts';
import { edb, type AuditLogTable } from './tables.ts';

export interface Actor {
  id: string | null;
  email: string | null;
  ip: string | null;
}

/** The actor for commands run on the server's own command line. */
export const CLI_ACTOR: Actor = { id: null, email: 'cli', ip: null };

export type AuditEntry = Omit<AuditLogTable, 'detail' | 'id'> & { id: number; detail: Record<string, unknown> };

/**
 * Appends one entry.
 *
 * @example await recordAudit(store, actor, 'article.publish', articleId, { version: 3 })
 */
export async function recordAudit(store: Store, actor: Actor, action: string, target: string | null, detail: Record<string, unknown> = {}): Promise<void> {
  await edb(store)
    .insertInto('audit_log')
    .values({ at: new Date().toISOString(), user_id: actor.id, user_email: actor.email, action, target, ip: actor.ip, detail: JSON.stringify(detail) })
    .execute();
}

/** The newest entries first. */
export async function listAudit(store: Store, opts: { limit?: number; offset?: number } = {}): Promise<AuditEntry[]> {
  const rows = await edb(store)
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(Math.min(opts.limit ?? 100, 500))
    .offset(opts.offset ?? 0)
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
