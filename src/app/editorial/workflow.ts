/**
 * @module The editorial workflow: draft → in review → scheduled or published → unpublished. Authors
 * write and submit; editors publish, schedule and unpublish. Only a published article reaches the
 * public side: on publication its search entry and knowledge tags are made, on leaving publication
 * they are removed, in the same transaction as the state change.
 */
import { sql } from 'kysely';
import type { Article } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { recordAudit } from '../accounts/audit.ts';
import { edb } from '../accounts/tables.ts';
import { afterDeleteHooks, afterPublishHooks, afterSaveHooks } from '../hooks.ts';
import { requireCan, SCHEDULER, type Editor } from './editor.ts';
import { requireOwnership } from './ownership.ts';
import { StateError, UnknownStepError } from './errors.ts';
import { notifyReviewers } from './outbox.ts';
import type { Capability } from '../accounts/permissions.ts';

export const STATUSES = ['draft', 'review', 'scheduled', 'published', 'unpublished'] as const;
export type Status = (typeof STATUSES)[number];

export type Action = 'submit' | 'withdraw' | 'publish' | 'schedule' | 'unpublish';

/** Each step: the states it starts from, where it leads, and the capability it takes. */
export const STEPS: Record<Action, { from: readonly Status[]; to: Status; needs: Capability }> = {
  submit: { from: ['draft', 'unpublished'], to: 'review', needs: 'article.submit' },
  withdraw: { from: ['review', 'scheduled'], to: 'draft', needs: 'article.submit' },
  publish: { from: ['draft', 'review', 'scheduled', 'unpublished'], to: 'published', needs: 'article.publish' },
  schedule: { from: ['draft', 'review', 'unpublished'], to: 'scheduled', needs: 'article.publish' },
  unpublish: { from: ['published', 'scheduled'], to: 'unpublished', needs: 'article.publish' },
};

/** The steps open from a state to a role. */
export function stepsFrom(status: string, can: (c: Capability) => boolean): Action[] {
  return (Object.keys(STEPS) as Action[]).filter((a) => STEPS[a].from.includes(status as Status) && can(STEPS[a].needs));
}

/**
 * Records a content change, so cached public pages are rebuilt: precisely those of `articleIds` (their
 * pages, translations, terms, experts and listings), or every page when no article is named.
 */
export async function bumpContent(tx: Store, ...articleIds: string[]): Promise<void> {
  const tags: string[] = [];
  for (const id of articleIds) tags.push(...(await tx.changeTags(id)));
  await tx.recordChange(articleIds.length ? tags : ['*']);
}

/** Makes (published) or removes (any other state) what the public side derives from an article. */
export async function syncDerived(tx: Store, id: string, status: string): Promise<void> {
  if (status === 'published') {
    const stored = await tx.getArticle(id);
    if (stored) for (const hook of afterSaveHooks) await hook(tx, stored);
  } else {
    for (const hook of afterDeleteHooks) await hook(tx, id);
  }
}

async function setStatus(tx: Store, id: string, status: Status): Promise<void> {
  await tx.db.updateTable('articles').set({ status, modified_at: new Date().toISOString() }).where('id', '=', id).execute();
}

/**
 * Takes one workflow step. `publishAt` (ISO time) is required for `schedule`, and must be in the future.
 *
 * @example await transition(store, editor, id, 'publish') // → 'published'
 */
export async function transition(store: Store, editor: Editor, id: string, action: Action, opts: { publishAt?: string; now?: Date } = {}): Promise<Status> {
  // Only the table's own steps: `constructor` or `__proto__` are no steps either.
  if (typeof action !== 'string' || !Object.hasOwn(STEPS, action)) throw new UnknownStepError(String(action), Object.keys(STEPS));
  const step = STEPS[action];
  requireCan(editor, step.needs);
  return store.transaction(async (tx) => {
    // On PostgreSQL the row is locked until commit: two servers taking the same step (a scheduled
    // article falling due on both) take it one after the other, and the second finds it already done.
    const row = await tx.db
      .selectFrom('articles')
      .select(['status', 'doc'])
      .where('id', '=', id)
      .$if(tx.engine === 'postgres', (q) => q.forUpdate())
      .executeTakeFirst();
    if (!row) throw new StateError(`no article ${id}`);
    await requireOwnership(tx, editor, id);
    if (!step.from.includes(row.status as Status)) {
      throw new StateError(`an article that is ${row.status} cannot be ${action === 'submit' ? 'submitted' : action + 'ed'}`);
    }
    if (step.to === 'published' || step.to === 'scheduled') requireAltText(JSON.parse(row.doc) as Article);
    const db = edb(tx);
    await db.deleteFrom('schedule').where('article_id', '=', id).execute();
    let detail: Record<string, unknown> = { from: row.status };
    if (action === 'schedule') {
      const at = opts.publishAt ? Date.parse(opts.publishAt) : NaN;
      if (Number.isNaN(at)) throw new StateError('scheduling needs a date and time');
      if (at <= (opts.now ?? new Date()).getTime()) throw new StateError('the scheduled time has already passed: publish now instead');
      await db.insertInto('schedule').values({ article_id: id, publish_at: new Date(at).toISOString() }).execute();
      detail = { ...detail, publishAt: new Date(at).toISOString() };
    }
    if (step.to === 'published') await fillPublishedDate(tx, JSON.parse(row.doc) as Article, opts.now);
    await setStatus(tx, id, step.to);
    if (step.to === 'published' || row.status === 'published') await syncDerived(tx, id, step.to);
    if (step.to === 'published' && row.status !== 'published') {
      const stored = await tx.getArticle(id);
      if (stored) for (const hook of afterPublishHooks) await hook(tx, stored);
    }
    await bumpContent(tx, id);
    await recordAudit(tx, editor, `article.${action}`, id, detail);
    if (action === 'submit') await notifyReviewers(tx, { articleId: id, title: (JSON.parse(row.doc) as Article).title, by: editor.email ?? '', byId: editor.id, change: false });
    return step.to;
  });
}

/**
 * Readers who cannot see an image read its alt text: an article whose image (or an image in its body)
 * has none in the article's language is not published. The message is in that language.
 */
export function requireAltText(doc: Article): void {
  const missing = (doc.image && !doc.image.alt.trim()) || doc.body.some((b) => b.kind === 'image' && !b.alt.trim());
  if (!missing) return;
  throw new StateError(
    doc.lang === 'ar'
      ? 'لا يُنشر المقال قبل أن يكون لكل صورة فيه نص بديل بالعربية يصفها لمن لا يراها'
      : `every image needs alt text in ${doc.lang === 'en' ? 'English' : doc.lang} before the article is published: describe it for readers who cannot see it`,
  );
}

/** An article published without a date gets today's, so listings and feeds can place it. */
async function fillPublishedDate(tx: Store, doc: Article, now = new Date()): Promise<void> {
  if (doc.published) return;
  await tx.putArticle({ ...doc, published: now.toISOString().slice(0, 10) });
}

/**
 * Publishes every scheduled article whose time has come; returns their ids. The web app calls it as
 * requests arrive (at most every 15 s), so no external cron is needed.
 *
 * @example await publishDue(store) // → ['3f2a…']
 */
export async function publishDue(store: Store, now = new Date()): Promise<string[]> {
  const due = await edb(store).selectFrom('schedule').select('article_id').where('publish_at', '<=', now.toISOString()).execute();
  const done: string[] = [];
  for (const { article_id } of due) {
    try {
      await transition(store, SCHEDULER, article_id, 'publish', { now });
      done.push(article_id);
    } catch (err) {
      // Another process published it first; nothing to do.
      if (!(err instanceof StateError)) throw err;
    }
  }
  return done;
}
