/**
 * @module Article JSON in and out: the exchange format of CONTRACTS.md. A file may hold one article,
 * an array of them, or an import report (`{ "articles": [...] }`).
 */
import { FieldError, MizanError } from '../lib/index.ts';
import { BlockSchema, type Article, type ArticleState, type Block, type Source, type Warning } from '../model/index.ts';
import { checkBlockCount } from './limits.ts';
import { describeValue } from './describe-value.ts';
import { finishArticle } from './finish-article.ts';
import { draftFromFields, isObj } from './markdown/read-markdown.ts';
import { readState } from './read-state.ts';

/**
 * An article as Article JSON, two-space indented; with `state`, its editorial state after it
 * (`status`, and `publishAt` when scheduled) so an import keeps it.
 *
 * @example
 * JSON.parse(toJson(article)).id === article.id // → true
 * JSON.parse(toJson(article, { status: 'draft', publishAt: null })).status // → 'draft'
 */
export function toJson(article: Article, state?: ArticleState): string {
  const extra = state ? { status: state.status, ...(state.publishAt ? { publishAt: state.publishAt } : {}) } : {};
  return JSON.stringify({ ...article, ...extra }, null, 2) + '\n';
}

function lineOfPosition(text: string, message: string): number | undefined {
  const pos = /position (\d+)/.exec(message)?.[1];
  if (pos === undefined) return /line (\d+)/.exec(message) ? Number(/line (\d+)/.exec(message)![1]) : undefined;
  return text.slice(0, Number(pos)).split('\n').length;
}


/** An item's body, each block checked against the Block schema before anything reads it; a body that is no list is refused. */
function bodyOf(value: unknown, file: string, item: number): Block[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw new FieldError('not-an-article', `article ${item + 1}: body: expected a list of blocks, got ${describeValue(value)}`, { field: 'body', rule: 'invalid' }, { file, status: 422 });
  }
  const body: unknown[] = value;
  checkBlockCount(body.length, file);
  return body.map((block, b) => {
    const parsed = BlockSchema.safeParse(block);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const detail = `${[...issue.path].join('.') || 'block'}: ${issue.message}`;
    throw new MizanError('not-an-article', `article ${item + 1}, body block ${b + 1}: ${detail}`, { file, status: 422, data: { problem: 'json-block', n: item + 1, block: b + 1, detail } });
  });
}

/**
 * The articles of an Article JSON file, each with the editorial state it declares (or null).
 *
 * @example
 * readJson('a.json', toJson(article)).articles[0].path === article.path // → true
 */
export function readJson(file: string, text: string, opts: { path?: string } = {}): { articles: Article[]; states: (ArticleState | null)[]; warnings: Warning[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const detail = (err as Error).message;
    throw new MizanError('bad-json', `not valid JSON: ${detail}`, { file, line: lineOfPosition(text, detail), cause: err, data: { detail } });
  }
  const items = Array.isArray(data) ? data : typeof data === 'object' && data !== null && Array.isArray((data as { articles?: unknown }).articles) ? (data as { articles: unknown[] }).articles : [data];
  if (items.length === 0) throw new MizanError('not-an-article', 'the JSON holds no article', { file, line: 1, data: { problem: 'json-none' } });
  if (opts.path && items.length > 1) throw new MizanError('usage', '--path names one article, but the file holds several', { file });
  const states: (ArticleState | null)[] = [];
  const warnings: Warning[] = [];
  const articles = items.map((item, i) => {
    if (!isObj(item)) {
      throw new MizanError('not-an-article', `item ${i + 1} is not an Article JSON object`, { file, data: { problem: 'json-item', n: i + 1 } });
    }
    const fields = item;
    const draft = draftFromFields(opts.path ? { ...fields, path: opts.path } : fields, file, { warnings });
    if (typeof fields.id === 'string' && fields.id !== '' && !opts.path) draft.id = fields.id;
    draft.body = bodyOf(fields.body, file, i);
    if (fields.sources !== undefined && fields.sources !== null && !Array.isArray(fields.sources)) {
      throw new FieldError('not-an-article', `article ${i + 1}: sources: expected a list, got ${describeValue(fields.sources)}`, { field: 'sources', rule: 'invalid' }, { file, status: 422 });
    }
    if (Array.isArray(fields.sources)) draft.sources = fields.sources as Source[];
    states.push(readState(fields, file));
    return finishArticle(draft, file, { warnings });
  });
  return { articles, states, warnings };
}
