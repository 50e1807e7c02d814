/**
 * @module A facet value is a term, not one language's name for it: an Arabic article's topic
 * `mnafst-alqwy-alzmy` and its translation's `great-power-competition` are one stored term, so both
 * are tagged with the term's id and counted once. Experts likewise by their id; countries are already
 * one code in every language. A tag the store does not know (an article indexed without being
 * stored) keeps its slug.
 */
import type { Store } from '../store/index.ts';
import { chunksOf } from '../store/index.ts';
import type { Tag } from './search-doc.ts';

/** What a slug was found to be, by `table\tlang\tslug`: the id, or null for a slug the store does not know. */
export type KnownKeys = Map<string, string | null>;

const tableOf = (facet: string) => (facet === 'expert' ? 'expert' : facet === 'topic' || facet === 'region' ? 'term' : undefined);

/**
 * Each document's `tags` with topic, region and expert values replaced by the stored term's or expert's
 * id, asking the store one question per table and language for all of `docs`. `known` keeps the
 * answers between calls: a rebuild asks about each slug once, not once per article (on PostgreSQL
 * those two questions an article were two fifths of a rebuild's time).
 *
 * @example
 * await termKeysOfMany(tx, [{ lang: 'ar', tags: [{ facet: 'topic', value: 'mnafst-alqwy-alzmy', slug: 'mnafst-alqwy-alzmy', label: '…' }] }])
 * // → [[{ facet: 'topic', value: '04723566baefe7f2', slug: 'mnafst-alqwy-alzmy', label: '…' }]]
 */
export async function termKeysOfMany(store: Store, docs: readonly { lang: string; tags: readonly Tag[] }[], known: KnownKeys = new Map()): Promise<Tag[][]> {
  const wanted = new Map<string, Set<string>>(); // `table\tlang` → slugs not yet known
  for (const { lang, tags } of docs) {
    for (const t of tags) {
      const table = tableOf(t.facet);
      if (!table || known.has(`${table}\t${lang}\t${t.value}`)) continue;
      const k = `${table}\t${lang}`;
      wanted.set(k, (wanted.get(k) ?? new Set()).add(t.value));
    }
  }
  for (const [k, slugs] of wanted) {
    const [table, lang] = k.split('\t');
    for (const slug of slugs) known.set(`${k}\t${slug}`, null);
    for (const part of chunksOf([...slugs])) {
      const rows =
        table === 'term'
          ? (await store.db.selectFrom('term_names').select(['slug', 'term_id as id']).where('lang', '=', lang).where('slug', 'in', part).execute())
          : await store.db.selectFrom('expert_names').select(['slug', 'expert_id as id']).where('lang', '=', lang).where('slug', 'in', part).execute();
      for (const r of rows) known.set(`${k}\t${r.slug}`, r.id);
    }
  }
  return docs.map(({ lang, tags }) =>
    tags.map((t) => {
      const table = tableOf(t.facet);
      const id = table && known.get(`${table}\t${lang}\t${t.value}`);
      return id ? { ...t, value: id } : t;
    }),
  );
}

/**
 * One document's tags with their keys (see termKeysOfMany).
 *
 * @example
 * await termKeys(tx, 'ar', [{ facet: 'topic', value: 'mnafst-alqwy-alzmy', slug: 'mnafst-alqwy-alzmy', label: '…' }])
 * // → [{ facet: 'topic', value: '04723566baefe7f2', slug: 'mnafst-alqwy-alzmy', label: '…' }]
 */
export async function termKeys(store: Store, lang: string, tags: Tag[]): Promise<Tag[]> {
  return (await termKeysOfMany(store, [{ lang, tags }]))[0];
}
