/**
 * @module An article's body as the rich-text editor posts it: the Article blocks as JSON, validated
 * with the model's own schema (the sanitizer then runs on save as for every other input). And the
 * editor's Markdown mode: blocks to Markdown and back through the importer's reader and writer.
 */
import { z } from 'zod';
import { collectSources } from '../../ingest/index.ts';
import { FieldError, MizanError } from '../../lib/index.ts';
import { BlockSchema, dirOf, fieldRuleOf, type Article, type Block } from '../../model/index.ts';
import { bodyMarkdown, withBody } from './body-markdown.ts';

/** More blocks than any real article has (a 50,000-word body is about 2,000). */
export const MAX_BLOCKS = 20_000;

const Body = z.array(BlockSchema).max(MAX_BLOCKS);

/**
 * The blocks `json` holds, or a MizanError naming the block and field that is wrong.
 *
 * @example parseBodyJson('[{"kind":"paragraph","text":"نص","links":[]}]') // → [{ kind: 'paragraph', … }]
 */
export function parseBodyJson(json: string): Block[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    throw new MizanError('bad-body', 'the text could not be read (the editor sent malformed JSON): reload the page', { cause: err });
  }
  const parsed = Body.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? `block ${Number(issue.path[0]) + 1}${issue.path.length > 1 ? ` (${issue.path.slice(1).join('.')})` : ''}` : 'body';
    throw new FieldError('bad-body', `body, ${where}: ${issue.message}`, { field: 'body', ...fieldRuleOf(issue), item: issue.path.length ? Number(issue.path[0]) + 1 : undefined });
  }
  return parsed.data;
}

/**
 * Whatever words a body that failed validation still holds, as plain paragraphs: a refused save shows
 * the writer their text again rather than losing it.
 *
 * @example salvageBlocks('[{"kind":"heading","text":"عنوان","level":9}]') // → [{ kind: 'paragraph', text: 'عنوان', links: [] }]
 */
export function salvageBlocks(json: string): Block[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return json.trim() ? [{ kind: 'paragraph', text: json, links: [] }] : [];
  }
  const out: Block[] = [];
  const take = (v: unknown) => {
    if (v && typeof v === 'object' && typeof (v as { text?: unknown }).text === 'string' && (v as { text: string }).text.trim()) {
      out.push({ kind: 'paragraph', text: (v as { text: string }).text, links: [] });
    }
  };
  for (const item of Array.isArray(raw) ? raw.slice(0, MAX_BLOCKS) : [raw]) {
    take(item);
    const items = item && typeof item === 'object' ? (item as { items?: unknown }).items : undefined;
    if (Array.isArray(items)) items.slice(0, MAX_BLOCKS).forEach(take);
    const rows = item && typeof item === 'object' ? (item as { rows?: unknown }).rows : undefined;
    if (Array.isArray(rows)) for (const r of rows.slice(0, MAX_BLOCKS)) if (Array.isArray(r)) take({ text: r.filter((c) => typeof c === 'string').join(' | ') });
  }
  return out;
}

/** `article` with `body` and the sources its links cite. */
export function withBlocks(article: Article, body: Block[]): Article {
  return { ...article, body, sources: collectSources(body) };
}

function shell(lang: string, body: Block[]): Article {
  return {
    id: 'editor',
    lang,
    dir: dirOf(lang),
    type: 'other',
    typeLabel: '',
    series: null,
    title: 'editor',
    summary: '',
    published: null,
    updated: null,
    path: '/editor',
    origin: { file: null, url: null },
    authors: [],
    translations: [],
    body,
    sources: [],
    topics: [],
    regions: [],
    countries: [],
    related: [],
    image: null,
    attachments: [],
  };
}

/** @example blocksToMarkdown([{ kind: 'heading', level: 2, text: 'عنوان', links: [] }]) // → '## عنوان\n' */
export function blocksToMarkdown(blocks: Block[], lang = 'ar'): string {
  return bodyMarkdown(shell(lang, blocks));
}

/** @example markdownToBlocks('## عنوان')[0].kind // → 'heading' */
export function markdownToBlocks(markdown: string, lang = 'ar'): Block[] {
  return withBody(shell(lang, []), markdown).body;
}
