/**
 * @module The tables the editors' side keeps (created by store migration 004-editorial), as Kysely sees
 * them, and the typed view of the store's database that reaches them.
 */
import type { Generated, Kysely } from 'kysely';
import type { Database, Store } from '../../store/index.ts';

export interface UsersTable {
  id: string;
  email: string;
  role: string;
  password_hash: string;
  /** Base32 TOTP secret; set at enrolment, trusted once `totp_enabled` is 1. */
  totp_secret: string | null;
  totp_enabled: number;
  /** The last time step a code was accepted for, so a code is never accepted twice. */
  totp_last_step: number | null;
  disabled: number;
  created_at: string;
  updated_at: string;
  /** The interface language the account last chose (migration 135); null until it chooses one. */
  ui_lang: string | null;
}

/** A session row is keyed by the SHA-256 of its token: a stolen database yields no usable cookie. */
export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf: string;
  /** 1 while the second factor is still owed: such a session may only finish signing in. */
  pending_mfa: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string;
  user_agent: string;
}

/** Failed sign-ins per key (`account:EMAIL` or `address:IP`) and when the key may try again. */
export interface SignInThrottleTable {
  key: string;
  failures: number;
  locked_until: string | null;
  last_failure_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: string | null;
  user_email: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  detail: string;
}

/** Every saved state of an article, kept after the article itself is deleted. */
export interface RevisionsTable {
  article_id: string;
  number: number;
  doc: string;
  status: string;
  note: string;
  user_id: string | null;
  user_email: string | null;
  created_at: string;
}

/** What remains of a deleted article: who deleted it, when, and what it was. */
export interface TombstonesTable {
  article_id: string;
  path: string;
  lang: string;
  title: string;
  deleted_at: string;
  deleted_by: string | null;
}

export interface ScheduleTable {
  article_id: string;
  publish_at: string;
}

/** The accounts an article belongs to: authors change only these (migration 009-article-owners). */
export interface ArticleOwnersTable {
  article_id: string;
  user_id: string;
}

/** A translation's source and the source as it read when the translation was made (migration 080). */
export interface TranslationSourcesTable {
  translation_id: string;
  source_id: string;
  source_version: number;
  source_doc: string;
  recorded_at: string;
  recorded_by: string | null;
}

/** What the last import of an article stored (migration 081). */
export interface ImportMarksTable {
  article_id: string;
  file: string;
  doc_hash: string;
  imported_at: string;
  /** Status and schedule the import left (migration 120): `published`, `scheduled <ISO time>`; null on older marks. */
  state: string | null;
}

/** A first-admin setup token (migration 140), by the SHA-256 of its value: a stolen database opens no setup page. */
export interface SetupTokensTable {
  token_hash: string;
  created_at: string;
  expires_at: string;
}

export interface EditorialTables {
  users: UsersTable;
  sessions: SessionsTable;
  sign_in_throttle: SignInThrottleTable;
  audit_log: AuditLogTable;
  revisions: RevisionsTable;
  tombstones: TombstonesTable;
  schedule: ScheduleTable;
  article_owners: ArticleOwnersTable;
  translation_sources: TranslationSourcesTable;
  import_marks: ImportMarksTable;
  setup_tokens: SetupTokensTable;
}

export type EditorialDb = Kysely<Database & EditorialTables>;

/** The store's database with the editorial tables typed. */
export function edb(store: Store): EditorialDb {
  return store.db as unknown as EditorialDb;
}
