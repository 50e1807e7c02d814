/**
 * @module Reads Markdown with YAML front matter into an Article. The front matter holds the Article
 * JSON fields that are not derived; the body uses `##` headings, paragraphs, links, `>` quotes, lists,
 * `![alt](src "caption")` images (a line after the image is its credit), pipe tables, and the
 * containers `:::note … :::` and `:::gap` `:::`. Raw HTML is never kept.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { isCollection, isMap, isScalar, LineCounter, parseDocument, YAMLParseError } from 'yaml';
import { FieldError, MizanError, type FieldRule } from '../../lib/index.ts';
import { ARTICLE_TYPES, articlePath, pagePath, langOfPath, typeFromLabel, type ArticleType, type Block, type Warning, type Article, type ArticleState, type Link } from '../../model/index.ts';
import { slugify } from '../../text/index.ts';
import { decodeEntities } from '../decode-entities.ts';
import { finishArticle, type ArticleDraft } from '../finish-article.ts';
import { TextBuilder } from '../text-builder.ts';
import { checkBlockCount, checkMarkdownSource } from '../limits.ts';
import { scriptLang } from '../script-lang.ts';
import { readState } from '../read-state.ts';
import { readDay } from '../read-day.ts';
import { describeValue } from '../describe-value.ts';

interface Ctx {
  file: string;
  warnings: Warning[];
  /** Line in the file where the part being lexed starts. */
  line: number;
}

function inline(tokens: Token[] | undefined, b: TextBuilder, ctx: Ctx): TextBuilder {
  for (const t of tokens ?? []) {
    switch (t.type) {
      case 'text':
        if ('tokens' in t && t.tokens?.length) inline(t.tokens, b, ctx);
        else b.text(decodeEntities((t as Tokens.Text).text));
        break;
      case 'escape':
        b.text((t as Tokens.Escape).text);
        break;
      case 'codespan':
        b.text(decodeEntities((t as Tokens.Codespan).text));
        break;
      case 'br':
        b.text(' ');
        break;
      case 'link': {
        const l = t as Tokens.Link;
        const text = new TextBuilder();
        inline(l.tokens, text, ctx);
        b.link(text.build().text, l.href);
        break;
      }
      case 'strong':
      case 'em':
      case 'del':
        inline((t as Tokens.Strong).tokens, b, ctx);
        break;
      case 'image':
        b.text((t as Tokens.Image).text);
        break;
      case 'html':
        if (!/^<!--[\s\S]*-->$/.test(t.raw.trim())) {
          ctx.warnings.push({ code: 'html-dropped', file: ctx.file, line: ctx.line, message: `raw HTML dropped: ${t.raw.slice(0, 60)}` });
        }
        break;
      default:
        b.text(t.raw);
    }
  }
  return b;
}

function textOf(tokens: Token[] | undefined, ctx: Ctx): { text: string; links: Link[] } {
  return inline(tokens, new TextBuilder(), ctx).build();
}

function blocksOf(tokens: Token[], ctx: Ctx, out: Block[]): void {
  for (const t of tokens) {
    checkBlockCount(out.length, ctx.file);
    switch (t.type) {
      case 'space':
      case 'hr':
        break;
      case 'heading': {
        const h = t as Tokens.Heading;
        out.push({ kind: 'heading', level: Math.min(6, Math.max(2, h.depth)), ...textOf(h.tokens, ctx) });
        break;
      }
      case 'paragraph': {
        const p = t as Tokens.Paragraph;
        const first = p.tokens[0];
        if (first?.type === 'image') {
          const img = first as Tokens.Image;
          const credit = textOf(p.tokens.slice(1), ctx).text;
          out.push({ kind: 'image', src: img.href, alt: img.tokens ? textOf(img.tokens, ctx).text : decodeEntities(img.text), caption: img.title ?? '', credit });
        } else {
          const tb = textOf(p.tokens, ctx);
          if (tb.text !== '' || tb.links.length) out.push({ kind: 'paragraph', ...tb });
        }
        break;
      }
      case 'blockquote': {
        const b = new TextBuilder();
        for (const inner of (t as Tokens.Blockquote).tokens) {
          if ('tokens' in inner && inner.tokens) {
            b.text(' ');
            inline(inner.tokens, b, ctx);
          }
        }
        out.push({ kind: 'quote', ...b.build() });
        break;
      }
      case 'list': {
        const l = t as Tokens.List;
        out.push({
          kind: 'list',
          ordered: l.ordered,
          items: l.items.map((item) => {
            const b = new TextBuilder();
            for (const inner of item.tokens) {
              if (inner.type === 'list') continue;
              b.text(' ');
              if ('tokens' in inner && inner.tokens) inline(inner.tokens, b, ctx);
              else b.text(inner.raw);
            }
            return b.build();
          }),
        });
        break;
      }
      case 'table': {
        const tb = t as Tokens.Table;
        const cell = (c: Tokens.TableCell) => textOf(c.tokens, ctx).text;
        out.push({ kind: 'table', rows: [tb.header.map(cell), ...tb.rows.map((r) => r.map(cell))] });
        break;
      }
      case 'code':
        out.push({ kind: 'paragraph', text: (t as Tokens.Code).text.replace(/\s+/g, ' ').trim(), links: [] });
        break;
      case 'html':
        if (!/^<!--[\s\S]*-->$/.test(t.raw.trim())) {
          ctx.warnings.push({ code: 'html-dropped', file: ctx.file, line: ctx.line, message: 'raw HTML block dropped' });
        }
        break;
      default:
        if ('tokens' in t && t.tokens) out.push({ kind: 'paragraph', ...textOf(t.tokens, ctx) });
    }
  }
}

/** Splits the body at `:::note` / `:::gap` containers, lexing the Markdown between them. */
function readBody(body: string, firstLine: number, ctx: Ctx): Block[] {
  const lines = body.split('\n');
  const out: Block[] = [];
  let chunk: string[] = [];
  let chunkStart = firstLine;
  const flush = () => {
    if (chunk.some((l) => l.trim() !== '')) blocksOf(new Lexer({ gfm: true }).lex(chunk.join('\n')), { ...ctx, line: chunkStart }, out);
    chunk = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const open = /^:::\s*(note|gap)\s*$/i.exec(lines[i]);
    if (!open) {
      if (chunk.length === 0) chunkStart = firstLine + i;
      chunk.push(lines[i]);
      continue;
    }
    flush();
    let j = i + 1;
    while (j < lines.length && !/^:::\s*$/.test(lines[j])) j++;
    if (j >= lines.length) throw new MizanError('bad-markdown', `:::${open[1]} is never closed by a ::: line`, { file: ctx.file, line: firstLine + i, data: { marker: `:::${open[1]}` } });
    const inner = lines.slice(i + 1, j).join('\n');
    if (open[1].toLowerCase() === 'gap') {
      out.push({ kind: 'gap', text: '', links: [] });
    } else {
      const blocks: Block[] = [];
      blocksOf(new Lexer({ gfm: true }).lex(inner), { ...ctx, line: firstLine + i + 1 }, blocks);
      const links: Link[] = [];
      let text = '';
      for (const blk of blocks) {
        if (!('text' in blk) || !('links' in blk)) continue;
        const shift = text === '' ? 0 : text.length + 1;
        text = text === '' ? blk.text : `${text} ${blk.text}`;
        links.push(...blk.links.map((l) => ({ ...l, start: l.start + shift, end: l.end + shift })));
      }
      out.push({ kind: 'note', text, links });
    }
    i = j;
  }
  flush();
  return out;
}

type Obj = Record<string, unknown>;
/** A mapping of fields (front matter, an Article JSON object), not a list or a scalar. */
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : typeof v === 'string' ? v : String(v));

/** Where a field of the draft was written, for its errors and warnings. */
interface FieldPlace {
  file: string;
  /** Line of each top-level field (front matter); absent for Article JSON. */
  lines: Record<string, number>;
  warnings: Warning[];
}

function fieldFailure(place: FieldPlace, top: string, field: string, message: string, rule: FieldRule, value?: string): FieldError {
  return new FieldError('bad-field', `${field}: ${message}`, { field, rule, value }, { file: place.file, line: place.lines[top] });
}

/**
 * A list field's entries as mappings. A field that is given but is no list, or an entry that is neither
 * a mapping nor (where `named`) a name alone, is refused naming the field: never dropped in silence.
 */
function list(v: unknown, field: string, place: FieldPlace, named = false): Obj[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw fieldFailure(place, field, field, `expected a list, got ${describeValue(v)}`, 'invalid');
  return v.map((item, i) => {
    if (isObj(item)) return item;
    if (named && typeof item === 'string' && item.trim()) return { name: item.trim() };
    throw fieldFailure(place, field, `${field}[${i}]`, `expected a mapping${named ? ' (or a name)' : ''}, got ${describeValue(item)}`, 'invalid');
  });
}

/** The front matter's `series:` as `{ name, number }`: the number a whole number, 0 or more. */
function seriesOf(v: unknown, place: FieldPlace): ArticleDraft['series'] {
  if (v === undefined || v === null) return null;
  if (!isObj(v)) throw fieldFailure(place, 'series', 'series', `expected { name, number }, got ${describeValue(v)}`, 'invalid');
  const name = str(v.name)?.trim() ?? '';
  if (!name) throw fieldFailure(place, 'series', 'series.name', 'a series needs its name', 'required');
  const raw = v.number;
  const number = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(number) || number < 0) {
    const said = raw === undefined || raw === null ? 'a series needs its number' : `${JSON.stringify(raw)?.slice(0, 40)} is not a whole number, 0 or more`;
    throw fieldFailure(place, 'series', 'series.number', said, raw === undefined || raw === null ? 'required' : 'whole-number', raw === undefined || raw === null ? undefined : String(raw));
  }
  return { name, number };
}

/** Fields an article's front matter or Article JSON may hold (the derived ones are read and derived again). */
const KNOWN_FIELDS = new Set([
  'id', 'lang', 'dir', 'type', 'typeLabel', 'series', 'title', 'summary', 'published', 'updated', 'path', 'origin', 'authors', 'translations', 'body',
  'sources', 'topics', 'regions', 'countries', 'related', 'image', 'attachments', 'status', 'publishAt', 'date', 'translationOf',
]);

/**
 * The front matter's `image:`: an address or file name alone, or `{ src, alt, width, height }`. A file
 * name is resolved beside the page by the import (app layer), which stores it as media.
 */
function imageOf(v: unknown): ArticleDraft['image'] {
  if (v === null || v === undefined || v === '') return null;
  if (!isObj(v)) return { src: String(v), alt: '', width: null, height: null };
  const src = str(v.src);
  if (!src) return null;
  const dim = (x: unknown) => (Number.isInteger(Number(x)) && Number(x) > 0 ? Number(x) : null);
  return { src, alt: str(v.alt) ?? '', width: dim(v.width), height: dim(v.height) };
}

/**
 * The front matter's `attachments:`: a list of file names (read from beside the page by the import) or
 * `{ src, title, lang }` entries, in any mix.
 *
 * @example attachmentsOf(['note.pdf', { src: 'note-en.pdf', title: 'Policy note', lang: 'en' }]).length // → 2
 */
function attachmentsOf(v: unknown): NonNullable<ArticleDraft['attachments']> {
  const items = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  const out: NonNullable<ArticleDraft['attachments']> = [];
  for (const a of items) {
    if (typeof a === 'string' && a.trim()) out.push({ src: a.trim(), title: '', type: 'application/pdf', bytes: 0, lang: null });
    else if (isObj(a) && str(a.src)) out.push({ src: str(a.src)!, title: str(a.title) ?? '', type: str(a.type) ?? 'application/pdf', bytes: Number(a.bytes) || 0, lang: str(a.lang) ?? null });
  }
  return out;
}

function typeOf(v: unknown, field: string, place: FieldPlace, top = field): ArticleType | undefined {
  const s = str(v);
  if (s === undefined) return undefined;
  if ((ARTICLE_TYPES as readonly string[]).includes(s)) return s as ArticleType;
  const byLabel = typeFromLabel(s);
  if (byLabel) return byLabel;
  throw new FieldError('bad-front-matter', `${field}: unknown article type '${s.slice(0, 60)}' (one of ${ARTICLE_TYPES.join(', ')})`, { field, rule: 'not-allowed', value: s }, { file: place.file, line: place.lines[top], data: { problem: 'type', type: s, types: ARTICLE_TYPES.join(', ') } });
}

/**
 * The draft an Article JSON-like object describes (front matter or Article JSON); missing paths and
 * slugs are derived. A field given in a form no article has is refused naming it (and its line, with
 * `lines`); a field no article has is passed over with a warning.
 *
 * @example
 * draftFromFields({ lang: 'en', title: 'Ports' }, 'a.md').path // → '/policy-analysis/ports'
 */
export function draftFromFields(fm: Obj, file: string, opts: { lines?: Record<string, number>; warnings?: Warning[] } = {}): ArticleDraft {
  const place: FieldPlace = { file, lines: opts.lines ?? {}, warnings: opts.warnings ?? [] };
  const title = str(fm.title)?.trim() ?? '';
  if (!title) throw new MizanError('no-title', 'no title: the front matter needs a title', { file, line: place.lines.title ?? 1, data: { problem: 'md' } });
  for (const key of Object.keys(fm)) {
    if (!KNOWN_FIELDS.has(key)) place.warnings.push({ code: 'unknown-field', file, line: place.lines[key] ?? null, message: `'${key.slice(0, 60)}' is no field of an article: ignored` });
  }
  const givenPath = str(fm.path);
  const lang = str(fm.lang) ?? (givenPath ? langOfPath(givenPath) : scriptLang(title));
  const type = typeOf(fm.type, 'type', place);
  // A static page lives at /<slug> (/ar/<slug>); analysis under /policy-analysis/.
  const path = givenPath ?? (type === 'page' ? pagePath : articlePath)(lang, slugify(title) || 'untitled');
  const origin = isObj(fm.origin) ? { file: str(fm.origin.file) ?? null, url: str(fm.origin.url) ?? null } : { file, url: null };
  // `date:` is how many writers (Jekyll, Hugo) name the publication date; `published` wins when both are given.
  const dateKey = fm.published === undefined && fm.date !== undefined ? 'date' : 'published';
  if (dateKey === 'published' && fm.date !== undefined && fm.published !== undefined) {
    place.warnings.push({ code: 'unknown-field', file, line: place.lines.date ?? null, message: "'date' is ignored: 'published' gives the publication date" });
  }
  // Refs without a slug get '' here: finishArticle makes it from the name (with any markup left out).
  const ref = (o: Obj) => ({ slug: str(o.slug) ?? '', name: str(o.name) ?? '', path: str(o.path) });
  return {
    lang,
    type,
    series: seriesOf(fm.series, place),
    title,
    summary: str(fm.summary) ?? '',
    published: readDay(fm[dateKey], dateKey, { file, line: place.lines[dateKey] }),
    updated: readDay(fm.updated, 'updated', { file, line: place.lines.updated }),
    path,
    origin,
    authors: list(fm.authors, 'authors', place, true).map((a) => ({ ...ref(a), title: str(a.title) ?? null, bio: str(a.bio) ?? '' })),
    translations: list(fm.translations, 'translations', place).map((t) => ({ lang: str(t.lang) ?? '', path: str(t.path) ?? '', exists: t.exists === true })),
    topics: list(fm.topics, 'topics', place, true).map(ref),
    regions: list(fm.regions, 'regions', place, true).map(ref),
    countries: list(fm.countries, 'countries', place).map((c) => ({ code: (str(c.code) ?? '').toUpperCase(), name: str(c.name) ?? '', path: str(c.path) })),
    image: imageOf(fm.image),
    attachments: attachmentsOf(fm.attachments),
    related: list(fm.related, 'related', place).map((r, i) => ({
      type: r.type === null || r.type === undefined ? null : typeOf(r.type, `related[${i}].type`, place, 'related'),
      lang: str(r.lang) ?? scriptLang(str(r.title) ?? ''),
      title: str(r.title) ?? '',
      authors: Array.isArray(r.authors) ? r.authors.map((x) => String(x)) : [],
      path: str(r.path) ?? null,
    })),
  };
}

/**
 * Reads a Markdown page with YAML front matter.
 *
 * @example
 * readMarkdown('a.md', '---\nlang: en\ntitle: T\n---\n\nHello.').article.body[0].text // → 'Hello.'
 */
export function readMarkdown(file: string, source: string, opts: { path?: string } = {}): { article: Article; state: ArticleState | null; warnings: Warning[]; photos: Record<string, string> } {
  const text = source.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
  const m = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!m) throw new MizanError('no-front-matter', 'Markdown without front matter: start the file with a --- block holding at least the title', { file, line: 1 });
  const warnings: Warning[] = [];
  const { data: fm, lines } = readFrontMatter(m[1], file, warnings);
  if (!isObj(fm)) throw new MizanError('bad-front-matter', 'front matter must be a mapping of fields', { file, line: 2, data: { problem: 'mapping' } });
  const draft = draftFromFields(opts.path ? { ...fm, path: opts.path } : fm, file, { lines, warnings });
  const bodyStart = m[0].split('\n').length - (m[0].endsWith('\n') ? 1 : 0) + 1;
  checkMarkdownSource(file, text.slice(m[0].length), bodyStart);
  draft.body = readBody(text.slice(m[0].length), bodyStart, { file, warnings, line: bodyStart });
  const article = finishArticle(draft, file, { lines, warnings });
  return { article, state: readState(fm, file), warnings, photos: authorPhotos(fm, article) };
}

/**
 * The photo files the front matter gives its authors (`authors: [{ name, photo: sabina.jpg }]`), by the
 * author's slug in the finished article: the import stores each and makes it the expert's photo.
 */
function authorPhotos(fm: Obj, article: Article): Record<string, string> {
  const out: Record<string, string> = {};
  const authors = Array.isArray(fm.authors) ? (fm.authors as unknown[]) : [];
  authors.forEach((a, i) => {
    const photo = isObj(a) ? str(a.photo)?.trim() : undefined;
    const slug = article.authors[i]?.slug;
    if (photo && slug) out[slug] = photo;
  });
  return out;
}

/**
 * The front matter's YAML as plain data. What the YAML library would only print to stderr, without the
 * file's name (an unknown tag, a key that is a list), becomes a warning of the import naming file and
 * line; errors are thrown the same way. Lines count from the file's first line (the opening `---`).
 */
function readFrontMatter(yaml: string, file: string, warnings: Warning[]): { data: unknown; lines: Record<string, number> } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, logLevel: 'silent' });
  const lineOf = (offset: number | undefined) => (offset === undefined ? null : lineCounter.linePos(offset).line + 1);
  const err = doc.errors[0];
  if (err) {
    const line = err instanceof YAMLParseError ? (err.linePos?.[0]?.line ?? 0) + 1 : 1;
    throw new MizanError('bad-front-matter', `front matter is not valid YAML: ${err.message.split('\n')[0]}`, { file, line, cause: err, data: { problem: 'yaml', detail: err.message.split('\n')[0]! } });
  }
  for (const w of doc.warnings) {
    warnings.push({ code: 'front-matter', file, line: lineOf(w.pos[0]), message: w.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') });
  }
  const lines: Record<string, number> = {};
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isCollection(pair.key)) {
        warnings.push({ code: 'front-matter', file, line: lineOf(pair.key.range?.[0]), message: 'a key that is a list or mapping is read as text; it is no field Mizan knows' });
      } else if (isScalar(pair.key)) {
        const line = lineOf(pair.key.range?.[0]);
        if (line !== null) lines[String(pair.key.value)] ??= line;
      }
    }
  }
  return { data: doc.toJS({ maxAliasCount: 100 }), lines };
}

