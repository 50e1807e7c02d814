/**
 * @module Autosave: the editor's form as the writer left it, one slot per article and account, kept
 * until they save (or discard it). It is recovery, never content: nothing here is published, indexed or
 * counted as a revision, and restoring it goes through the normal save with its optimistic lock, so an
 * autosave made on an older version meets the conflict view, not a silent overwrite.
 */
import type { Kysely } from 'kysely';
import type { Store } from '../../store/index.ts';
import { formFromData, type ArticleForm } from './article-form.ts';

interface AutosaveTable {
  article_key: string;
  user_id: string;
  base_version: number | null;
  form: string;
  saved_at: string;
}

function adb(store: Store): Kysely<{ editor_autosave: AutosaveTable }> {
  return store.db as unknown as Kysely<{ editor_autosave: AutosaveTable }>;
}

export interface AutosaveSlot {
  form: ArticleForm;
  baseVersion: number | null;
  savedAt: string;
}

/** The slot's key: the article's id, or `new` for the article being created. */
export type ArticleKey = string;

/**
 * Keeps `form` as the account's autosave of `key` (replacing the previous one).
 *
 * @example await writeAutosave(store, 'u1', 'a1b2', form) // → { savedAt: '2026-…' }
 */
export async function writeAutosave(store: Store, userId: string, key: ArticleKey, form: ArticleForm): Promise<{ savedAt: string }> {
  const savedAt = new Date().toISOString();
  const version = Number(form.version);
  const row = { article_key: key, user_id: userId, base_version: Number.isInteger(version) && version > 0 ? version : null, form: JSON.stringify(form), saved_at: savedAt };
  await adb(store)
    .insertInto('editor_autosave')
    .values(row)
    .onConflict((oc) => oc.columns(['article_key', 'user_id']).doUpdateSet({ base_version: row.base_version, form: row.form, saved_at: savedAt }))
    .execute();
  return { savedAt };
}

/** The account's autosave of `key`, if any. */
export async function readAutosave(store: Store, userId: string, key: ArticleKey): Promise<AutosaveSlot | undefined> {
  const row = await adb(store).selectFrom('editor_autosave').selectAll().where('article_key', '=', key).where('user_id', '=', userId).executeTakeFirst();
  if (!row) return undefined;
  let data: Record<string, unknown> = {};
  try {
    data = JSON.parse(row.form) as Record<string, unknown>;
  } catch {
    // A slot that does not read is no slot.
    return undefined;
  }
  return { form: formFromData(data), baseVersion: row.base_version === null ? null : Number(row.base_version), savedAt: row.saved_at };
}

/** Forgets the account's autosave of `key` (after a save, or when they discard it). */
export async function clearAutosave(store: Store, userId: string, key: ArticleKey): Promise<void> {
  await adb(store).deleteFrom('editor_autosave').where('article_key', '=', key).where('user_id', '=', userId).execute();
}
