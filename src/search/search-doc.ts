/**
 * @module What the index keeps of an article: per field, the analyzer's stems and exact forms (the
 * same two token streams for both engines), the facet tags, and the plain text snippets are cut from.
 * Field order is ranking order: title > summary > headings > body > meta (authors and taxonomy names).
 */
import { blockText, type Article } from '../model/index.ts';
import { analyze } from '../text/index.ts';
import { indexToken } from './index-token.ts';
import { joinAttachmentText, type AttachmentText } from './attachment-text.ts';

export const FIELDS = ['title', 'summary', 'headings', 'body', 'meta'] as const;
export type FieldName = (typeof FIELDS)[number];

/** Two aligned streams: `exacts[i]` is the unstemmed form of `stems[i]`. */
export interface FieldTokens {
  stems: string[];
  exacts: string[];
}

export interface Tag {
  facet: 'topic' | 'region' | 'country' | 'expert';
  value: string;
  label: string;
  /** The article's slug for it (topics, regions, experts): what filter links name. */
  slug?: string;
}

export interface SearchDoc {
  id: string;
  lang: string;
  type: string;
  title: string;
  path: string;
  published: string | null;
  year: number | null;
  /** 0 (1990 or earlier, or undated) … 1 (2050): a static freshness that only breaks near-ties. */
  fresh: number;
  /** Paths this article names as its translations. */
  translations: string[];
  tags: Tag[];
  /** Summary and body as written, one block a line: what snippets are cut from. */
  text: string;
  fields: Record<FieldName, FieldTokens>;
}

const FRESH_FROM = Date.UTC(1990, 0, 1);
const FRESH_TO = Date.UTC(2050, 0, 1);

function freshness(published: string | null): number {
  if (!published) return 0;
  const t = Date.parse(published + 'T00:00:00Z');
  if (Number.isNaN(t)) return 0;
  return Math.min(1, Math.max(0, (t - FRESH_FROM) / (FRESH_TO - FRESH_FROM)));
}

/** The analyzer's token streams for `text` (stop words kept: phrases and stop-word queries need them). */
export function fieldTokens(text: string, lang: string): FieldTokens {
  const stems: string[] = [];
  const exacts: string[] = [];
  for (const t of analyze(text, lang)) {
    const stem = indexToken(t.term);
    const exact = indexToken(t.exact);
    if (!stem || !exact) continue;
    stems.push(stem);
    exacts.push(exact);
  }
  return { stems, exacts };
}

/**
 * What the index stores for `article`; `attachments`, the text of its PDFs, is searched as body text
 * and kept for snippets after the article's own (see attachment-text.ts).
 *
 * @example
 * searchDoc(article).fields.title.stems // → the analyzer's stems of the title, e.g. ['علاق', 'جزاير', …]
 */
export function searchDoc(article: Article, attachments: AttachmentText[] = []): SearchDoc {
  // Plain loops, each text made once: written with map, filter and spreads, this function was compiled
  // again by V8 after each of a dozen deoptimizations while a build indexed its first articles.
  const headings: string[] = [];
  const body: string[] = [];
  /** What snippets are cut from: the summary, then each block's text. */
  const textual: string[] = article.summary ? [article.summary] : [];
  for (const block of article.body) {
    const text = blockText(block);
    if (!text) continue;
    textual.push(text);
    (block.kind === 'heading' ? headings : body).push(text);
  }
  const tags: Tag[] = [];
  for (const t of article.topics) tags.push({ facet: 'topic', value: t.slug, label: t.name, slug: t.slug });
  for (const t of article.regions) tags.push({ facet: 'region', value: t.slug, label: t.name, slug: t.slug });
  for (const c of article.countries) tags.push({ facet: 'country', value: c.code, label: c.name });
  for (const a of article.authors) tags.push({ facet: 'expert', value: a.slug, label: a.name, slug: a.slug });
  const meta: string[] = [];
  for (const named of [article.authors, article.topics, article.regions, article.countries]) for (const x of named) if (x.name) meta.push(x.name);
  if (article.series?.name) meta.push(article.series.name);
  const translations: string[] = [];
  for (const t of article.translations) if (t.path !== article.path) translations.push(t.path);
  for (const a of attachments) body.push(`${a.title}\n${a.text}`);
  const lang = article.lang;
  return {
    id: article.id,
    lang,
    type: article.type,
    title: article.title,
    path: article.path,
    published: article.published,
    year: article.published ? Number(article.published.slice(0, 4)) : null,
    fresh: freshness(article.published),
    translations,
    tags,
    text: joinAttachmentText(textual.join('\n'), attachments),
    fields: {
      title: fieldTokens(article.title, lang),
      summary: fieldTokens(article.summary, lang),
      headings: fieldTokens(headings.join('\n'), lang),
      body: fieldTokens(body.join('\n'), lang),
      meta: fieldTokens(meta.join('\n'), lang),
    },
  };
}

