/**
 * @module The series readers can follow: every series a published article carries, known by its English
 * name (PolicyWatch) whatever its articles call it (المرصد السياسي), with how many issues each language
 * has. What the series pages, the /series index, their feeds and the sitemap list.
 */
import { seriesName } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { slugify } from '../../text/index.ts';

export interface SeriesEntry {
  /** The English name: the series' key and the source of its slug. */
  key: string;
  slug: string;
  /** Every name its articles give it (the store's query matches any of them). */
  spelled: string[];
  /** Published issues per language. */
  counts: Record<string, number>;
}

/**
 * Every series with published issues, by slug.
 *
 * @example await seriesDirectory(store) // → [{ key: 'PolicyWatch', slug: 'policywatch', spelled: ['PolicyWatch', 'المرصد السياسي'], counts: { ar: 3, en: 4 } }]
 */
export async function seriesDirectory(store: Store): Promise<SeriesEntry[]> {
  const rows = await store.db
    .selectFrom('articles')
    .select(['series_name', 'lang', (eb) => eb.fn.countAll<number>().as('n')])
    .where('series_name', 'is not', null)
    .where('status', '=', 'published')
    .groupBy(['series_name', 'lang'])
    .execute();
  const bySlug = new Map<string, SeriesEntry>();
  for (const r of rows) {
    const key = seriesName(r.series_name!, 'en');
    const slug = slugify(key);
    if (!slug) continue;
    const entry = bySlug.get(slug) ?? { key, slug, spelled: [], counts: {} };
    if (!entry.spelled.includes(r.series_name!)) entry.spelled.push(r.series_name!);
    entry.counts[r.lang] = (entry.counts[r.lang] ?? 0) + Number(r.n);
    bySlug.set(slug, entry);
  }
  return [...bySlug.values()].sort((a, b) => a.slug.localeCompare(b.slug));
}
