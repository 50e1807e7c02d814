/**
 * @module The Article: Mizan's unit of content, exactly as CONTRACTS.md gives its JSON. The schemas
 * validate at boundaries (import, API, database reads); past them the types are trusted.
 */
import { z } from 'zod';
import { ARTICLE_TYPES } from './article-type.ts';
import { isoDateProblem } from './iso-date.ts';
import { isLang, LANGS } from './lang.ts';
import { hasDotSegment, isSlug } from './paths.ts';

/** Any language code: what translations and related items name may be a language this site does not publish in. */
const lang = z.string().regex(/^[a-z]{2,3}$/, 'a language code such as ar or en');
/** The language an article itself is written in: one the site publishes in, or its pages would answer 404. */
const siteLang = z.string().refine(isLang, { error: (issue) => `'${String(issue.input).slice(0, 40)}' is not a language the site publishes in (${Object.keys(LANGS).join(', ')})` });
const isoDate = z.string().superRefine((s, ctx) => {
  const problem = isoDateProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: `'${s.slice(0, 40)}' ${problem}` });
});
/** A path on this site: no `.` or `..` segment, which a browser would resolve to some other address. */
const sitePath = z
  .string()
  .regex(/^\/[^\s]*$/, 'a site path starting with /')
  .max(2048)
  .refine((p) => !hasDotSegment(p), { error: (issue) => `'${String(issue.input).slice(0, 80)}' has a . or .. segment` });
/** The last segment of an expert's or a term's address. */
const slug = z.string().min(1).refine(isSlug, { error: (issue) => `'${String(issue.input).slice(0, 80)}' is not a slug (letters, digits, - and _)` });
const url = z.string().max(8192);

export const LinkSchema = z.object({
  text: z.string(),
  url,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Link = z.infer<typeof LinkSchema>;

const TextBlock = <K extends string>(kind: K) =>
  z.object({ kind: z.literal(kind), text: z.string(), links: z.array(LinkSchema).default([]) });

export const ParagraphBlock = TextBlock('paragraph');
export const QuoteBlock = TextBlock('quote');
export const NoteBlock = TextBlock('note');
export const GapBlock = TextBlock('gap');
export const HeadingBlock = z.object({
  kind: z.literal('heading'),
  text: z.string(),
  level: z.number().int().min(2).max(6).default(2),
  links: z.array(LinkSchema).default([]),
});
export const ListBlock = z.object({
  kind: z.literal('list'),
  ordered: z.boolean().default(false),
  items: z.array(z.object({ text: z.string(), links: z.array(LinkSchema).default([]) })),
});
export const ImageBlock = z.object({
  kind: z.literal('image'),
  src: url,
  alt: z.string().default(''),
  caption: z.string().default(''),
  credit: z.string().default(''),
  /** The stored image's size in pixels, when it is one of the media library's (pages reserve its room and offer its variants). */
  width: z.number().int().positive().max(100_000).nullable().optional(),
  height: z.number().int().positive().max(100_000).nullable().optional(),
});
export const TableBlock = z.object({
  kind: z.literal('table'),
  rows: z.array(z.array(z.string())),
});

export const BlockSchema = z.discriminatedUnion('kind', [
  ParagraphBlock,
  HeadingBlock,
  QuoteBlock,
  NoteBlock,
  GapBlock,
  ListBlock,
  ImageBlock,
  TableBlock,
]);
export type Block = z.infer<typeof BlockSchema>;
export type TextualBlock = Extract<Block, { text: string; links: Link[] }>;

export const AuthorRefSchema = z.object({
  slug,
  name: z.string().min(1),
  title: z.string().nullable().default(null),
  bio: z.string().default(''),
  path: sitePath,
});
export type AuthorRef = z.infer<typeof AuthorRefSchema>;

export const TermRefSchema = z.object({ slug, name: z.string().min(1), path: sitePath });
export type TermRef = z.infer<typeof TermRefSchema>;

export const CountryRefSchema = z.object({
  code: z.string().regex(/^[A-Z]{2}$/),
  name: z.string(),
  path: sitePath,
});
export type CountryRef = z.infer<typeof CountryRefSchema>;

export const TranslationRefSchema = z.object({ lang, path: sitePath, exists: z.boolean().default(false) });
export type TranslationRef = z.infer<typeof TranslationRefSchema>;

export const SourceSchema = z.object({
  url,
  host: z.string(),
  truncated: z.boolean().default(false),
  cited: z.number().int().nonnegative().default(1),
});
export type Source = z.infer<typeof SourceSchema>;

export const RelatedRefSchema = z.object({
  type: z.enum(ARTICLE_TYPES).nullable().default(null),
  lang,
  title: z.string().min(1),
  authors: z.array(z.string()).default([]),
  path: sitePath.nullable().default(null),
});
export type RelatedRef = z.infer<typeof RelatedRefSchema>;

export const SeriesSchema = z.object({ name: z.string().min(1), number: z.number().int().nonnegative() });
export type Series = z.infer<typeof SeriesSchema>;

/**
 * The article's own image: `src` is a media address (`/media/<hash>`) or an outside http(s) address;
 * `alt` describes it in the article's language (required before publication); width and height are the
 * stored image's, so pages reserve its room (null for an outside image of unknown size).
 */
export const ArticleImageSchema = z.object({
  src: url,
  alt: z.string().max(1000).default(''),
  width: z.number().int().positive().nullable().default(null),
  height: z.number().int().positive().nullable().default(null),
});
export type ArticleImage = z.infer<typeof ArticleImageSchema>;

/**
 * A file the article carries (a policy note as PDF): `src` a media address (`/media/<hash>.pdf`),
 * `bytes` its size, `lang` the language it is written in (null: not stated).
 */
export const AttachmentSchema = z.object({
  src: url,
  title: z.string().max(300).default(''),
  type: z.string().default('application/pdf'),
  bytes: z.number().int().nonnegative().default(0),
  lang: z.string().regex(/^[a-z]{2,3}$/, 'a language code such as ar or en').nullable().default(null),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const ArticleSchema = z.object({
  id: z.string().min(1),
  lang: siteLang,
  dir: z.enum(['rtl', 'ltr']),
  type: z.enum(ARTICLE_TYPES),
  typeLabel: z.string(),
  series: SeriesSchema.nullable().default(null),
  title: z.string().trim().min(1, 'an article needs a title').max(1000),
  summary: z.string().default(''),
  published: isoDate.nullable(),
  updated: isoDate.nullable().default(null),
  path: sitePath,
  origin: z.object({ file: z.string().nullable().default(null), url: z.string().nullable().default(null) }).default({ file: null, url: null }),
  authors: z.array(AuthorRefSchema).default([]),
  translations: z.array(TranslationRefSchema).default([]),
  body: z.array(BlockSchema).default([]),
  sources: z.array(SourceSchema).default([]),
  topics: z.array(TermRefSchema).default([]),
  regions: z.array(TermRefSchema).default([]),
  countries: z.array(CountryRefSchema).default([]),
  related: z.array(RelatedRefSchema).default([]),
  image: ArticleImageSchema.nullable().default(null),
  attachments: z.array(AttachmentSchema).default([]),
});
export type Article = z.infer<typeof ArticleSchema>;
/** What an importer or an editor supplies: the JSON shape with its defaults not yet filled. */
export type ArticleInput = z.input<typeof ArticleSchema>;

/** The plain text of a block, for indexing and snippets (lists joined by newlines, tables by tabs). */
export function blockText(block: Block): string {
  switch (block.kind) {
    case 'list':
      return block.items.map((i) => i.text).join('\n');
    case 'table':
      return block.rows.map((r) => r.join('\t')).join('\n');
    case 'image':
      return [block.alt, block.caption].filter(Boolean).join(' — ');
    default:
      return block.text;
  }
}
