/**
 * @module Writes every stored article back out as Markdown with front matter or as Article JSON, one
 * file an article under `<out>/<lang>/<slug>.<ext>`, with its editorial state (status, and the time a
 * scheduled one goes out); `mizan import` of the result gives back the same articles in the same
 * states, so a draft stays a draft. Only articles travel this way: revisions, accounts, the audit log and
 * the rest are `mizan backup`'s (EXPORT_LEAVES_OUT).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toJson, toMarkdown } from '../ingest/index.ts';
import { isArticleStatus, slugOfPath, type ArticleState, type ArticleStatus } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { ensureFolder } from '../lib/index.ts';
import { edb } from './accounts/tables.ts';

export type ExportFormat = 'md' | 'json';

/** What an export does not hold, said to whoever runs it. */
export const EXPORT_LEAVES_OUT =
  'revisions, accounts and sessions, the audit log, deleted articles, redirects, and the editors’ knowledge decisions are not exported (only articles and their states): `mizan backup FILE` keeps everything';

export interface ExportResult {
  files: string[];
  /** How many articles were written in each state. */
  states: Partial<Record<ArticleStatus, number>>;
}

/**
 * Exports all articles in every state; resolves to the files written, in the order of the store.
 *
 * @example
 * await exportArticles(store, { format: 'md', out: 'export' }) // → { files: ['export/ar/x.md', …], states: { published: 40, draft: 2 } }
 */
export async function exportArticles(store: Store, opts: { format: ExportFormat; out: string }): Promise<ExportResult> {
  const db = edb(store);
  const statuses = new Map((await db.selectFrom('articles').select(['id', 'status']).execute()).map((r) => [r.id, r.status]));
  const schedule = new Map((await db.selectFrom('schedule').select(['article_id', 'publish_at']).execute()).map((r) => [r.article_id, r.publish_at]));
  const result: ExportResult = { files: [], states: {} };
  const taken = new Set<string>();
  ensureFolder(opts.out, `export into ${opts.out}`);
  for await (const article of store.allArticles()) {
    const stored = statuses.get(article.id);
    const status: ArticleStatus = isArticleStatus(stored) ? stored : 'published';
    const state: ArticleState = { status, publishAt: status === 'scheduled' ? (schedule.get(article.id) ?? null) : null };
    const dir = join(opts.out, article.lang);
    const base = (slugOfPath(article.path) || article.id).replace(/[^\p{L}\p{N}._-]/gu, '-');
    let file = join(dir, `${base}.${opts.format}`);
    for (let n = 2; taken.has(file); n++) file = join(dir, `${base}-${n}.${opts.format}`);
    taken.add(file);
    ensureFolder(dir, `export into ${opts.out}`);
    await writeFile(file, opts.format === 'md' ? toMarkdown(article, state) : toJson(article, state));
    result.files.push(file);
    result.states[status] = (result.states[status] ?? 0) + 1;
  }
  return result;
}
