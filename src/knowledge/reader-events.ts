/**
 * @module The events a reader's page shows: one per fact across translations, in the page's language.
 * An article and its translation record the same events, so a country's page listed each twice, once
 * in each language, side by side. Here each translation group gives the events of its member in the
 * page's language; a group with none in it gives its other language's, marked, so nothing is lost.
 * Each event reads as the whole sentence it was found in (the recognizer keeps only the span it
 * matched, which can be a cut clause), and the list runs in date order.
 */
import { blockText } from '../model/index.ts';
import { chunksOf, type Store } from '../store/index.ts';
import type { Event } from './entity.ts';
import { sentences } from './sentences.ts';

export type ReaderEvent<E extends Event = Event> = E & {
  /** The whole sentence the event was found in. */
  sentence: string;
  /** The language of the article it comes from. */
  lang: string;
  /** True when it comes from an article in another language than the page's (its group has none in the page's). */
  otherLanguage: boolean;
};

/** Article id → the id naming its translation group (the smallest id among the article and its stored translations). */
async function groupsOf(store: Store, ids: string[]): Promise<Map<string, string>> {
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    return root;
  };
  const union = (a: string, b: string) => {
    const [x, y] = [find(a), find(b)];
    if (x !== y) parent.set(x < y ? y : x, x < y ? x : y);
  };
  for (const part of chunksOf(ids)) {
    const rows = await store.db
      .selectFrom('article_translations as t')
      .innerJoin('articles as a', 'a.path', 't.path')
      .select(['t.article_id as from', 'a.id as to'])
      .where('t.article_id', 'in', part)
      .execute();
    for (const r of rows) if (parent.has(r.to)) union(r.from, r.to);
  }
  return new Map(ids.map((id) => [id, find(id)]));
}

/**
 * Past this many characters a "sentence" is a run the source lost its full stops in (a scraped page
 * can run a whole paragraph together): the event's own span stands instead, marked as cut.
 */
const MAX_SENTENCE = 320;

/** The sentence of `text` holding offset `at`, or `span` when the offsets do not fit the text or the sentence runs on. */
function sentenceAt(text: string, at: number, span: string): string {
  if (at < 0 || at >= text.length) return span;
  const s = sentences(text).find((x) => x.start <= at && at < x.end);
  if (!s) return span;
  if (s.end - s.start <= MAX_SENTENCE) return text.slice(s.start, s.end);
  const start = text.indexOf(span, s.start);
  if (start < 0) return span;
  return `${start > s.start ? '… ' : ''}${span}${start + span.length < s.end ? ' …' : ''}`;
}

/**
 * Of `items` (events or figures, from articles of `langs`: article id → language), those a page in
 * `lang` shows: per translation group, its page-language members' when it has any among `items`,
 * else its first other language's, marked.
 */
export async function inPageLanguage<T extends { article: string }>(store: Store, items: T[], langs: Map<string, string>, lang: string): Promise<(T & { lang: string; otherLanguage: boolean })[]> {
  const ids = [...new Set(items.map((e) => e.article))];
  const group = await groupsOf(store, ids);
  const shown = new Map<string, string>();
  for (const id of ids) {
    const g = group.get(id)!;
    const l = langs.get(id) ?? lang;
    if (l === lang || !shown.has(g)) shown.set(g, shown.get(g) === lang ? lang : l);
  }
  return items
    .filter((e) => shown.get(group.get(e.article)!) === (langs.get(e.article) ?? lang))
    .map((e) => {
      const l = langs.get(e.article) ?? lang;
      return { ...e, lang: l, otherLanguage: l !== lang };
    });
}

/**
 * The events of `events` (from articles of `langs`: article id → language) a page in `lang` shows.
 *
 * @example
 * await readerEvents(store, country.events, new Map([[arId, 'ar'], [enId, 'en']]), 'ar')
 * // → the Arabic article's events only, each with its whole sentence, oldest first
 */
export async function readerEvents<E extends Event>(store: Store, events: E[], langs: Map<string, string>, lang: string): Promise<ReaderEvent<E>[]> {
  const kept = await inPageLanguage(store, events, langs, lang);
  const bodies = new Map<string, string[]>();
  for (const id of new Set(kept.map((e) => e.article))) {
    const a = await store.getArticle(id);
    bodies.set(id, a ? a.body.map(blockText) : []);
  }
  const out = kept.map((e) => {
    const text = bodies.get(e.article)?.[e.block] ?? '';
    return { ...e, sentence: sentenceAt(text, e.offsets[0], e.label) };
  });
  // One entry per sentence and date: an article that states one fact twice in a sentence lists it once.
  const seen = new Set<string>();
  return out
    .filter((e) => {
      const key = `${e.article}\t${e.date}\t${e.sentence}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.article.localeCompare(b.article) || a.block - b.block || a.offsets[0] - b.offsets[0]);
}
