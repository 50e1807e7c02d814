/**
 * @module The edit page's recovery logic, kept out of the route table: which autosave to offer (one the
 * page does not already show), the form to show when the writer asks for it, and times as the writer
 * reads them (their interface language, the institute's time zone).
 */
import { readAutosave, type ArticleForm } from '../../../app/index.ts';
import type { Store } from '../../../store/index.ts';
import { isTimeZone } from '../../../lib/index.ts';
import { currentSite } from '../../site/index.ts';

/**
 * The institute's time zone for times shown and typed in the admin: `MIZAN_TIME_ZONE` (an IANA name),
 * else the site configuration's `timeZone`, else UTC. An unknown zone falls back rather than breaking pages.
 */
export function instituteTimeZone(): string {
  for (const zone of [process.env.MIZAN_TIME_ZONE, currentSite().timeZone]) if (zone && isTimeZone(zone)) return zone;
  return 'UTC';
}

/**
 * A moment as the writer reads it: date and time in their language, in the institute's time zone.
 *
 * @example formatWhen('2026-12-02T15:04:00Z', 'ar') // → '٢ ديسمبر ٢٠٢٦، ١٥:٠٤ UTC'
 */
export function formatWhen(iso: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'ar' ? 'ar-u-nu-arab' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: instituteTimeZone(),
  }).format(d) + ` ${instituteTimeZone() === 'UTC' ? 'UTC' : ''}`.trimEnd();
}

const WORDS: (keyof ArticleForm)[] = ['title', 'summary', 'seriesName', 'seriesNumber', 'authors', 'topics', 'regions', 'body', 'type', 'published'];

function sameWords(a: ArticleForm, b: ArticleForm): boolean {
  return WORDS.every((k) => (a[k] ?? '').trim() === (b[k] ?? '').trim());
}

/**
 * What the edit page should offer or show from the account's autosave of `key`.
 * With `recover`, the autosaved form itself (at the version it was made on, so a stale one meets the conflict view).
 */
export async function recoveryFor(
  store: Store,
  userId: string,
  key: string,
  shown: ArticleForm,
  lang: string,
  recover: boolean,
  normalize: (f: ArticleForm) => ArticleForm,
): Promise<{ form?: ArticleForm; recovery?: { savedAt: string; when: string } }> {
  const slot = await readAutosave(store, userId, key);
  if (!slot) return {};
  const saved = normalize(slot.form);
  if (recover) return { form: { ...saved, version: slot.baseVersion === null ? shown.version : String(slot.baseVersion) } };
  if (sameWords(saved, shown)) return {};
  return { recovery: { savedAt: slot.savedAt, when: formatWhen(slot.savedAt, lang) } };
}
