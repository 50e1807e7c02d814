/**
 * @module The settings an admin changes in the admin (names, taglines, contact, social links, menus,
 * footer, colours, time zone), kept in `site_settings` over the configuration file's defaults. A save
 * is checked whole before anything is written, written in one transaction with its audit entry, and
 * recorded in the change log tagged `*`: every cached page carries the menus and the name, so every
 * server drops them all and the next request shows the change.
 */
import { MizanError } from '../../lib/index.ts';
import { SETTING_KEYS, SiteSettingsSchema, withSettings, type SettingKey, type SiteConfig, type SiteSettings } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { recordAudit } from '../accounts/audit.ts';
import { requireCan, type Editor } from '../editorial/editor.ts';

type SettingsTables = { site_settings: { key: string; value: string; updated_at: string; updated_by: string | null } };

function sdb(store: Store) {
  return store.db.withTables<SettingsTables>();
}

/** What is wrong with one field, as a code the admin's catalogs turn into a sentence in its language. */
export interface SettingIssue {
  /** The field's dotted name as the form names it: `menus.main.ar.2.href`. */
  key: string;
  code: 'required' | 'too-long' | 'too-many' | 'colour' | 'href' | 'email' | 'url' | 'time-zone' | 'network' | 'language' | 'invalid';
  /** For too-long and too-many: the most allowed. */
  max?: number;
}

/** Settings refused: every field that is wrong, nothing written. */
export class SettingsError extends MizanError {
  constructor(readonly issues: SettingIssue[]) {
    super('bad-settings', `settings refused: ${issues.map((i) => `${i.key}: ${i.code}`).join('; ')}`, { status: 422 });
    this.name = 'SettingsError';
  }
}

function codeOf(issue: { code: string; path: PropertyKey[]; origin?: string; maximum?: unknown; minimum?: unknown; message: string; format?: string }): SettingIssue {
  const key = issue.path.map(String).join('.');
  const last = String(issue.path[issue.path.length - 1] ?? '');
  const max = typeof issue.maximum === 'number' ? issue.maximum : undefined;
  const code: SettingIssue['code'] = (() => {
    if (issue.code === 'too_big') return issue.origin === 'array' ? 'too-many' : 'too-long';
    if (issue.code === 'too_small') return 'required';
    if (issue.code === 'invalid_type' && /undefined/.test(issue.message)) return 'required';
    if (/at least one language/.test(issue.message)) return 'required';
    if (/not a language/.test(issue.message)) return 'language';
    if (issue.code === 'invalid_value') return 'network';
    if (last === 'href') return 'href';
    if (last === 'email') return 'email';
    if (last === 'url') return 'url';
    if (last === 'accent' || last === 'accentDark') return 'colour';
    if (key === 'timeZone') return 'time-zone';
    return 'invalid';
  })();
  return { key, code, ...(max !== undefined && code !== 'required' ? { max } : {}) };
}

/**
 * Checks settings as the admin posted them; every problem at once, each naming its field.
 *
 * @example checkSettings({ colors: { accent: 'red', accentDark: '#fff' } }) // throws SettingsError [{ key: 'colors.accent', code: 'colour' }]
 */
export function checkSettings(input: unknown): SiteSettings {
  const parsed = SiteSettingsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const seen = new Set<string>();
  const issues: SettingIssue[] = [];
  for (const raw of parsed.error.issues) {
    const issue = codeOf(raw as Parameters<typeof codeOf>[0]);
    if (seen.has(issue.key)) continue;
    seen.add(issue.key);
    issues.push(issue);
  }
  throw new SettingsError(issues);
}

/** The settings stored (only those an admin changed). A row that no longer reads is ignored: the file's value stands. */
export async function readSettings(store: Store): Promise<SiteSettings> {
  const rows = await sdb(store).selectFrom('site_settings').select(['key', 'value']).execute();
  const out: Record<string, unknown> = {};
  for (const r of rows) {
    if (!(SETTING_KEYS as readonly string[]).includes(r.key)) continue;
    try {
      const one = SiteSettingsSchema.safeParse({ [r.key]: JSON.parse(r.value) });
      if (one.success) out[r.key] = (one.data as Record<string, unknown>)[r.key];
    } catch {
      // unreadable JSON: the configuration file's value stands
    }
  }
  return out as SiteSettings;
}

/**
 * The identity the site runs under: the configuration file's, with the admin's settings over it.
 *
 * @example (await effectiveSite(store, site)).menus.main.ar // → the menu the admin last saved, else the file's
 */
export async function effectiveSite(store: Store, base: SiteConfig): Promise<SiteConfig> {
  return withSettings(base, await readSettings(store));
}

/**
 * Saves settings (admins only): `set` replaces those keys' values, `reset` removes keys so they follow the
 * configuration file again. All checked first; one transaction; one change tagged `*`.
 *
 * @example await saveSettings(store, admin, { set: { tagline: { ar: 'بحث مستقل', en: 'Independent research' } } })
 * @throws SettingsError naming each bad field; ForbiddenError for a non-admin
 */
export async function saveSettings(store: Store, editor: Editor, change: { set?: unknown; reset?: SettingKey[] }): Promise<SiteSettings> {
  requireCan(editor, 'settings.edit');
  const set = checkSettings(change.set ?? {});
  const reset = (change.reset ?? []).filter((k) => (SETTING_KEYS as readonly string[]).includes(k));
  const at = new Date().toISOString();
  await store.transaction(async (tx) => {
    const db = sdb(tx);
    if (reset.length) await db.deleteFrom('site_settings').where('key', 'in', reset).execute();
    for (const [key, value] of Object.entries(set)) {
      if (value === undefined) continue;
      const row = { key, value: JSON.stringify(value), updated_at: at, updated_by: editor.email };
      await db
        .insertInto('site_settings')
        .values(row)
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: at, updated_by: row.updated_by }))
        .execute();
    }
    await recordAudit(tx, editor, 'settings.save', null, { set: Object.keys(set), reset });
    await tx.recordChange(['*']);
  });
  return readSettings(store);
}
