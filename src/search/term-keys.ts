/**
 * @module A facet value is a term, not one language's name for it: an Arabic article's topic
 * `mnafst-alqwy-alzmy` and its translation's `great-power-competition` are one stored term, so both
 * are tagged with the term's id and counted once. Experts likewise by their id; countries are already
 * one code in every language. A tag the store does not know (an article indexed without being
 * stored) keeps its slug.
 */
import type { Store } from '../store/index.ts';
import type { Tag } from './search-doc.ts';

/**
 * `tags` with topic, region and expert values replaced by the stored term's or expert's id.
 *
 * @example
 * await termKeys(tx, 'ar', [{ facet: 'topic', value: 'mnafst-alqwy-alzmy', slug: 'mnafst-alqwy-alzmy', label: '…' }])
 * // → [{ facet: 'topic', value: '04723566baefe7f2', slug: 'mnafst-alqwy-alzmy', label: '…' }]
 */
export async function termKeys(store: Store, lang: string, tags: Tag[]): Promise<Tag[]> {
  const termSlugs = tags.filter((t) => t.facet === 'topic' || t.facet === 'region').map((t) => t.value);
  const expertSlugs = tags.filter((t) => t.facet === 'expert').map((t) => t.value);
  const terms = new Map<string, string>();
  const experts = new Map<string, string>();
  if (termSlugs.length) {
    const rows = await store.db.selectFrom('term_names').select(['slug', 'term_id']).where('lang', '=', lang).where('slug', 'in', termSlugs).execute();
    for (const r of rows) terms.set(r.slug, r.term_id);
  }
  if (expertSlugs.length) {
    const rows = await store.db.selectFrom('expert_names').select(['slug', 'expert_id']).where('lang', '=', lang).where('slug', 'in', expertSlugs).execute();
    for (const r of rows) experts.set(r.slug, r.expert_id);
  }
  return tags.map((t) => {
    const id = t.facet === 'expert' ? experts.get(t.value) : t.facet === 'country' ? undefined : terms.get(t.value);
    return id === undefined ? t : { ...t, value: id };
  });
}
