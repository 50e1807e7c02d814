/**
 * @module Translations kept in step with their source. Each translation records its source article, the
 * source's version it was made from and the source as it read then (migration 080); once the source's
 * translatable text (title, summary, body) differs from that copy, the translation is outdated, and the
 * copy gives the diff of what changed since. Saving the translation while viewing the current source, or
 * marking it up to date, records the source afresh.
 */
import type { Article } from '../../model/index.ts';
import { MizanError } from '../../lib/index.ts';
import { chunksOf, type Store } from '../../store/index.ts';
import { recordAudit } from '../accounts/audit.ts';
import { edb } from '../accounts/tables.ts';
import { bodyMarkdown } from './body-markdown.ts';
import { requireCan, type Editor } from './editor.ts';
import { lineDiff, type DiffLine } from './line-diff.ts';
import { requireOwnership } from './ownership.ts';

/**
 * What a translator translates: title, summary and body. Changes elsewhere (links to translations,
 * related items, tags) never make a translation outdated.
 *
 * @example sourceText(article).split('\n')[0] // → the title
 */
export function sourceText(a: Article): string {
  return `${a.title}\n${a.summary}\n\n${bodyMarkdown(a)}`;
}

export interface TranslationSource {
  source: { id: string; lang: string; title: string; path: string; version: number; status: string };
  /** The source's version the translation was made from. */
  sourceVersion: number;
  recordedAt: string;
  outdated: boolean;
  /** The source as it read when the translation was made. */
  then: Article;
}

/**
 * Records that `translationId` was made from `sourceId` as the source reads now (replacing what it recorded).
 *
 * @example await recordSource(tx, editor, enId, arId) // the English is now up to date with the Arabic
 */
export async function recordSource(tx: Store, editor: Editor, translationId: string, sourceId: string): Promise<void> {
  const db = edb(tx);
  const source = await db.selectFrom('articles').select(['doc', 'version']).where('id', '=', sourceId).executeTakeFirst();
  if (!source) throw new MizanError('not-found', `no article ${sourceId}`, { status: 404 });
  const row = { source_id: sourceId, source_version: Number(source.version), source_doc: source.doc, recorded_at: new Date().toISOString(), recorded_by: editor.email };
  await db
    .insertInto('translation_sources')
    .values({ translation_id: translationId, ...row })
    .onConflict((oc) => oc.column('translation_id').doUpdateSet(row))
    .execute();
}

/** Forgets what `ids` were recorded as translations of, and what was recorded as made from them among `partners`. */
export async function forgetSources(tx: Store, pairs: [string, string][]): Promise<void> {
  const db = edb(tx);
  for (const [a, b] of pairs) {
    await db
      .deleteFrom('translation_sources')
      .where((eb) => eb.or([eb.and([eb('translation_id', '=', a), eb('source_id', '=', b)]), eb.and([eb('translation_id', '=', b), eb('source_id', '=', a)])]))
      .execute();
  }
}

/**
 * The source `id` is a translation of, with whether it is outdated; undefined when none is recorded.
 *
 * @example (await translationSource(store, enId))?.outdated // → true once the Arabic source changed
 */
export async function translationSource(store: Store, id: string): Promise<TranslationSource | undefined> {
  const row = await edb(store)
    .selectFrom('translation_sources as t')
    .innerJoin('articles as s', 's.id', 't.source_id')
    .select(['t.source_version', 't.source_doc', 't.recorded_at', 's.id', 's.lang', 's.title', 's.path', 's.version', 's.doc', 's.status'])
    .where('t.translation_id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const then = JSON.parse(row.source_doc) as Article;
  const now = JSON.parse(row.doc) as Article;
  return {
    source: { id: row.id, lang: row.lang, title: row.title, path: row.path, version: Number(row.version), status: row.status },
    sourceVersion: Number(row.source_version),
    recordedAt: row.recorded_at,
    outdated: Number(row.version) !== Number(row.source_version) && sourceText(then) !== sourceText(now),
    then,
  };
}

/**
 * Which of `ids` are translations whose source changed since they were made.
 *
 * @example await outdatedAmong(store, rows.map((r) => r.id)) // → Set { enId }
 */
export async function outdatedAmong(store: Store, ids: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunksOf([...new Set(ids)])) {
    // An unchanged version settles it without reading either text.
    const rows = await edb(store)
      .selectFrom('translation_sources as t')
      .innerJoin('articles as s', 's.id', 't.source_id')
      .select(['t.translation_id', 't.source_version', 's.version'])
      .where('t.translation_id', 'in', part)
      .execute();
    for (const r of rows) {
      if (Number(r.version) === Number(r.source_version)) continue;
      const found = await translationSource(store, r.translation_id);
      if (found?.outdated) out.add(r.translation_id);
    }
  }
  return out;
}

/** The source's lines from when the translation was made to now. */
export function sourceDiff(found: TranslationSource, current: Article): DiffLine[] {
  return lineDiff(sourceText(found.then), sourceText(current));
}

/**
 * Records the translation as up to date with its source as it reads now, if the editor viewed that
 * version (`viewedVersion`); a source that moved on since is refused, so nobody marks unread changes.
 *
 * @example await markUpToDate(store, editor, enId, arVersion)
 */
export async function markUpToDate(store: Store, editor: Editor, translationId: string, viewedVersion?: number): Promise<void> {
  requireCan(editor, 'article.write');
  await store.transaction(async (tx) => {
    await requireOwnership(tx, editor, translationId);
    const found = await translationSource(tx, translationId);
    if (!found) throw new MizanError('no-source', 'this article is not recorded as a translation of another', { status: 409 });
    if (viewedVersion !== undefined && viewedVersion !== found.source.version) {
      throw new MizanError('source-moved', `the source changed while you were translating (you saw version ${viewedVersion}, it is now at ${found.source.version}); reload to see its changes`, { status: 409 });
    }
    await recordSource(tx, editor, translationId, found.source.id);
    await recordAudit(tx, editor, 'translation.up-to-date', translationId, { source: found.source.id, sourceVersion: found.source.version });
  });
}

/**
 * What `/api/articles/:id` says of an article's source, for translators' tools and the site's readers.
 *
 * @example await translationOfJson(store, enId) // → { id, lang: 'ar', path, sourceVersion: 3, currentVersion: 4, outdated: true }
 */
export async function translationOfJson(store: Store, id: string, opts: { publicOnly?: boolean } = {}): Promise<{ id: string; lang: string; path: string; sourceVersion: number; currentVersion: number; outdated: boolean } | null> {
  const found = await translationSource(store, id);
  // The public API never names an article readers cannot see.
  if (!found || (opts.publicOnly && found.source.status !== 'published')) return null;
  return { id: found.source.id, lang: found.source.lang, path: found.source.path, sourceVersion: found.sourceVersion, currentVersion: found.source.version, outdated: found.outdated };
}
