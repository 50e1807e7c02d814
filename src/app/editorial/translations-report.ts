/**
 * @module What the translators have to do, a queue per language: articles with no translation in a
 * language the site publishes in, and translations outdated by a change to their source since they were
 * made (translation-sync.ts). A pair linked before sources were recorded falls back to dates: the
 * earlier-created article is the source, and a translation changed before it is outdated.
 */
import { LANGS } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { edb } from '../accounts/tables.ts';
import { outdatedAmong } from './translation-sync.ts';

export interface TranslationGap {
  id: string;
  lang: string;
  title: string;
  status: string;
  /** Languages the article has no stored translation in. */
  missing: string[];
}

export interface StaleTranslation {
  source: { id: string; lang: string; title: string; modifiedAt: string };
  translation: { id: string; lang: string; title: string; modifiedAt: string };
  /** True when the source was recorded (the diff since can be shown); false when judged by dates. */
  recorded: boolean;
}

/**
 * The translations view's data.
 *
 * @example (await translationsReport(store)).missing[0] // → { id, lang: 'ar', missing: ['en'], … }
 */
export async function translationsReport(store: Store): Promise<{ missing: TranslationGap[]; stale: StaleTranslation[] }> {
  const rows = await store.db.selectFrom('articles').select(['id', 'lang', 'title', 'status', 'path', 'created_at', 'modified_at']).orderBy('modified_at', 'desc').execute();
  const links = await store.db.selectFrom('article_translations').select(['article_id', 'lang', 'path']).execute();
  const byPath = new Map(rows.map((r) => [r.path, r]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const partners = new Map<string, Set<string>>();
  const pair = (a: string, b: string) => {
    if (!partners.has(a)) partners.set(a, new Set());
    partners.get(a)!.add(b);
  };
  for (const l of links) {
    const other = byPath.get(l.path);
    if (!other || other.id === l.article_id) continue;
    pair(l.article_id, other.id);
    pair(other.id, l.article_id);
  }
  const recorded = new Map((await edb(store).selectFrom('translation_sources').select(['translation_id', 'source_id']).execute()).map((r) => [r.translation_id, r.source_id]));
  const outdated = await outdatedAmong(store, [...recorded.keys()]);
  const languages = Object.keys(LANGS);
  const missing: TranslationGap[] = [];
  const stale: StaleTranslation[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const mine = [...(partners.get(r.id) ?? [])].map((id) => byId.get(id)!).filter(Boolean);
    const have = new Set(mine.map((m) => m.lang));
    const lacking = languages.filter((l) => l !== r.lang && !have.has(l));
    if (lacking.length) missing.push({ id: r.id, lang: r.lang, title: r.title, status: r.status, missing: lacking });
    for (const m of mine) {
      const key = [r.id, m.id].sort().join('|');
      if (seen.has(key)) continue;
      seen.add(key);
      const known = recorded.get(r.id) === m.id ? [m, r] : recorded.get(m.id) === r.id ? [r, m] : undefined;
      const [source, translation] = known ?? (r.created_at <= m.created_at ? [r, m] : [m, r]);
      if (known ? outdated.has(translation.id) : translation.modified_at < source.modified_at) {
        stale.push({
          source: { id: source.id, lang: source.lang, title: source.title, modifiedAt: source.modified_at },
          translation: { id: translation.id, lang: translation.lang, title: translation.title, modifiedAt: translation.modified_at },
          recorded: !!known,
        });
      }
    }
  }
  return { missing, stale };
}
