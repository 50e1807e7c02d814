/**
 * @module Revisions: every saved state of an article, numbered from 1, kept even after the article
 * is deleted; the text two revisions are compared on; and the baseline taken of an article that was
 * stored before the editors' side first saw it (an import), so its first state is never lost.
 */
import type { Article } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { edb } from '../accounts/tables.ts';
import { bodyMarkdown } from './body-markdown.ts';
import type { Editor } from './editor.ts';
import { lineDiff, type DiffLine } from './line-diff.ts';

export interface Revision {
  articleId: string;
  number: number;
  status: string;
  note: string;
  userEmail: string | null;
  createdAt: string;
  article: Article;
}

function toRevision(r: { article_id: string; number: number; status: string; note: string; user_email: string | null; created_at: string; doc: string }): Revision {
  return {
    articleId: r.article_id,
    number: Number(r.number),
    status: r.status,
    note: r.note,
    userEmail: r.user_email,
    createdAt: r.created_at,
    article: JSON.parse(r.doc) as Article,
  };
}

/** Appends a revision holding `article` as stored now; returns its number. */
export async function recordRevision(tx: Store, editor: Editor, article: Article, status: string, note: string): Promise<number> {
  const db = edb(tx);
  const last = await db.selectFrom('revisions').select((eb) => eb.fn.max('number').as('n')).where('article_id', '=', article.id).executeTakeFirst();
  const number = Number(last?.n ?? 0) + 1;
  await db
    .insertInto('revisions')
    .values({
      article_id: article.id,
      number,
      doc: JSON.stringify(article),
      status,
      note,
      user_id: editor.id,
      user_email: editor.email,
      created_at: new Date().toISOString(),
    })
    .execute();
  return number;
}

/** Records the stored article as revision 1 when it has none yet (it came in by import). */
export async function ensureBaseline(tx: Store, editor: Editor, id: string): Promise<void> {
  const db = edb(tx);
  const any = await db.selectFrom('revisions').select('number').where('article_id', '=', id).limit(1).executeTakeFirst();
  if (any) return;
  const row = await db.selectFrom('articles').select(['doc', 'status']).where('id', '=', id).executeTakeFirst();
  if (row) await recordRevision(tx, { ...editor, email: editor.email }, JSON.parse(row.doc) as Article, row.status, 'as first stored');
}

/** An article's revisions, newest first. */
export async function listRevisions(store: Store, articleId: string): Promise<Revision[]> {
  const rows = await edb(store).selectFrom('revisions').selectAll().where('article_id', '=', articleId).orderBy('number', 'desc').execute();
  return rows.map(toRevision);
}

export async function getRevision(store: Store, articleId: string, number: number): Promise<Revision | undefined> {
  const row = await edb(store).selectFrom('revisions').selectAll().where('article_id', '=', articleId).where('number', '=', number).executeTakeFirst();
  return row ? toRevision(row) : undefined;
}

/**
 * The text a revision is compared on: its fields one a line, then its body as Markdown.
 *
 * @example revisionText(article).startsWith('title: ') // → true
 */
export function revisionText(a: Article): string {
  const fields = [
    `title: ${a.title}`,
    `summary: ${a.summary}`,
    `type: ${a.type}`,
    `published: ${a.published ?? ''}`,
    `series: ${a.series ? `${a.series.name} ${a.series.number}` : ''}`,
    `authors: ${a.authors.map((x) => x.name).join(', ')}`,
    `topics: ${a.topics.map((x) => x.name).join(', ')}`,
    `regions: ${a.regions.map((x) => x.name).join(', ')}`,
    `translations: ${a.translations.map((x) => x.path).join(', ')}`,
    `related: ${a.related.map((x) => x.title).join(', ')}`,
  ];
  return fields.join('\n') + '\n\n' + bodyMarkdown(a);
}

/** The line diff from revision `from` to revision `to`. */
export function diffArticles(from: Article, to: Article): DiffLine[] {
  return lineDiff(revisionText(from), revisionText(to));
}
