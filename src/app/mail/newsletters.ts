/**
 * @module Newsletter issues: an editor writes a lead and picks articles, previews, sends a test to
 * themselves, then sends now or at a time. Sending queues one outbox row a reader — every active
 * subscriber who reads the issue's language — in one INSERT … SELECT whose row ids
 * (`newsletter:SUBSCRIBER:ISSUE`) make sending an issue twice a no-op.
 */
import { sql } from 'kysely';
import { MizanError } from '../../lib/index.ts';
import { LANGS } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { newId } from './subscribe.ts';
import { mdb, type MailIssuesTable } from './tables.ts';

export interface IssueInput {
  lang: string;
  subject: string;
  lead: string;
  articleIds: string[];
}

export interface Issue extends IssueInput {
  id: string;
  status: MailIssuesTable['status'];
  sendAt: string | null;
  sentAt: string | null;
  recipients: number | null;
  updatedAt: string;
}

function toIssue(r: MailIssuesTable): Issue {
  return { id: r.id, lang: r.lang, subject: r.subject, lead: r.lead, articleIds: JSON.parse(r.article_ids), status: r.status, sendAt: r.send_at, sentAt: r.sent_at, recipients: r.recipients, updatedAt: r.updated_at };
}

async function checkIssue(store: Store, input: IssueInput): Promise<IssueInput> {
  if (!Object.hasOwn(LANGS, input.lang)) throw new MizanError('bad-issue', `unknown language "${input.lang}"`);
  const subject = input.subject.replace(/\s+/g, ' ').trim();
  if (!subject || subject.length > 200) throw new MizanError('bad-issue', 'the subject has 1 to 200 characters');
  if (input.lead.length > 20_000) throw new MizanError('bad-issue', 'the lead text has at most 20,000 characters');
  const ids = [...new Set(input.articleIds.filter(Boolean))].slice(0, 50);
  for (const id of ids) {
    const row = await store.db.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirst();
    if (!row) throw new MizanError('bad-issue', `no article ${id}`);
  }
  return { lang: input.lang, subject, lead: input.lead.replace(/\r\n/g, '\n').trim(), articleIds: ids };
}

/** Creates (no id) or updates a draft issue. */
export async function saveIssue(store: Store, input: IssueInput & { id?: string }, by: string | null, now = new Date()): Promise<Issue> {
  const v = await checkIssue(store, input);
  const db = mdb(store);
  const stamp = now.toISOString();
  const values = { lang: v.lang, subject: v.subject, lead: v.lead, article_ids: JSON.stringify(v.articleIds), updated_at: stamp };
  if (input.id) {
    const r = await db.updateTable('mail_issues').set(values).where('id', '=', input.id).where('status', '!=', 'sent').executeTakeFirst();
    if (!Number(r.numUpdatedRows)) throw new MizanError('bad-issue', 'this issue was sent already, or does not exist', { status: 409 });
    return (await getIssue(store, input.id))!;
  }
  const id = newId();
  await db.insertInto('mail_issues').values({ id, ...values, status: 'draft', send_at: null, created_by: by, created_at: stamp, sent_at: null, recipients: null }).execute();
  return (await getIssue(store, id))!;
}

export async function getIssue(store: Store, id: string): Promise<Issue | undefined> {
  const r = await mdb(store).selectFrom('mail_issues').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toIssue(r);
}

export async function listIssues(store: Store): Promise<Issue[]> {
  return (await mdb(store).selectFrom('mail_issues').selectAll().orderBy('created_at', 'desc').limit(200).execute()).map(toIssue);
}

/** Sends now (queues a row a reader) or, with `at` in the future, schedules. */
export async function sendIssue(store: Store, id: string, at?: Date, now = new Date()): Promise<Issue> {
  if (at && at.getTime() > now.getTime()) {
    const r = await mdb(store).updateTable('mail_issues').set({ status: 'scheduled', send_at: at.toISOString(), updated_at: now.toISOString() }).where('id', '=', id).where('status', '!=', 'sent').executeTakeFirst();
    if (!Number(r.numUpdatedRows)) throw new MizanError('bad-issue', 'this issue was sent already, or does not exist', { status: 409 });
    return (await getIssue(store, id))!;
  }
  await store.transaction((tx) => queueIssue(tx, id, now));
  return (await getIssue(store, id))!;
}

async function queueIssue(tx: Store, id: string, now: Date): Promise<number> {
  const db = mdb(tx);
  const issue = await db.selectFrom('mail_issues').selectAll().where('id', '=', id).executeTakeFirst();
  if (!issue) throw new MizanError('not-found', `no issue ${id}`, { status: 404 });
  if (issue.status === 'sent') return 0;
  const stamp = now.toISOString();
  const r = await sql`
    insert into mail_outbox (id, kind, subscriber_id, to_address, article_id, issue_id, lang, message_id, status, attempts, due_at, lease_owner, lease_until, last_error, created_at, sent_at)
    select 'newsletter:' || s.id || ':' || ${id}, 'newsletter', s.id, null, null, ${id}, ${issue.lang}, 'newsletter.' || s.id || '.' || ${id}, 'queued', 0, ${stamp}, null, null, null, ${stamp}, null
    from mail_subscribers s
    where s.status = 'active' and s.langs like ${`%,${issue.lang},%`}
      and not exists (select 1 from mail_outbox o where o.id = 'newsletter:' || s.id || ':' || ${id})`.execute(tx.db);
  const n = Number(r.numAffectedRows ?? 0);
  await db.updateTable('mail_issues').set({ status: 'sent', sent_at: stamp, recipients: n, updated_at: stamp }).where('id', '=', id).execute();
  return n;
}

/** Queues every scheduled issue whose time has come (the worker calls it). */
export async function queueDueIssues(store: Store, now = new Date()): Promise<string[]> {
  const due = await mdb(store).selectFrom('mail_issues').select('id').where('status', '=', 'scheduled').where('send_at', '<=', now.toISOString()).execute();
  for (const { id } of due) await store.transaction((tx) => queueIssue(tx, id, now));
  return due.map((d) => d.id);
}
