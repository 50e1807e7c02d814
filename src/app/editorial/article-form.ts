/**
 * @module The article form of the editors' side, both ways: an Article as the form's plain fields, and
 * the fields back as an Article (authors, topics and regions by name, matched to the ones already
 * stored in that language, else given a new slug; the body read from Markdown).
 */
import { FieldError, latinDigits, MizanError, type FieldRule } from '../../lib/index.ts';
import {
  ARTICLE_TYPES,
  articleIdFor,
  articlePath,
  isoDateProblem,
  LANGS,
  pagePath,
  pagePathProblem,
  dirOf,
  expertPath,
  isLang,
  termPath,
  typeLabel,
  type Article,
  type ArticleType,
  type Block,
} from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { slugify } from '../../text/index.ts';
import { bodyMarkdown, withBody } from './body-markdown.ts';
import { parseBodyJson, salvageBlocks, withBlocks } from './body-json.ts';
import { sanitizeLine } from './sanitize.ts';
import { libraryImage, MAX_ALT, offerAlt } from '../media/media-library.ts';
import { mediaHashOf } from '../media/media-store.ts';
import { sizeBodyImages } from '../media/body-images.ts';

/** Author names that are no expert's: the editor picks from the list or creates the expert first. */
export class UnknownAuthorsError extends MizanError {
  constructor(readonly names: string[]) {
    super('unknown-author', `no expert is named ${names.join(', ')}: pick authors from the experts list, or create the expert first (Experts → New expert)`, { status: 422 });
  }
}

/**
 * A form field the editor must correct before anything is saved (HTTP 400): the form comes back with
 * the message beside the field, in the editor's language. `field` is the form's own field name.
 *
 * @example new FormFieldError('seriesNumber', 'whole-number', "seriesNumber: 'abc' is not a whole number, 0 or more", { value: 'abc' })
 */
export class FormFieldError extends FieldError {
  constructor(field: keyof ArticleForm, rule: FieldRule, message: string, detail: { value?: string; allowed?: readonly string[] } = {}) {
    super('bad-form-field', message, { field, rule, ...detail }, { status: 400 });
    this.name = 'FormFieldError';
  }
}

export interface ArticleForm {
  lang: string;
  slug: string;
  type: string;
  title: string;
  summary: string;
  published: string;
  seriesName: string;
  seriesNumber: string;
  authors: string;
  topics: string;
  regions: string;
  body: string;
  /** The body as Article blocks in JSON, posted by the rich-text editor; when set it wins over `body`. */
  bodyJson: string;
  note: string;
  /** The lead image's address (`/media/<hash>` from the library, or the outside address it had); '' for none. */
  image: string;
  /** The lead image's alt text in the article's language. */
  imageAlt: string;
  /** The version the form was loaded at ('' for a new article). */
  version: string;
}

export const EMPTY_FORM: ArticleForm = {
  lang: 'ar',
  slug: '',
  type: 'policy-analysis',
  title: '',
  summary: '',
  published: '',
  seriesName: '',
  seriesNumber: '',
  authors: '',
  topics: '',
  regions: '',
  body: '',
  bodyJson: '',
  note: '',
  image: '',
  imageAlt: '',
  version: '',
};

/** `image` of a form posted without the lead-image fields (an older page, a script): the article keeps its image. */
export const KEEP_IMAGE = '=';

/** The form's fields from posted data; missing fields are empty, every value a string. */
export function formFromData(data: Record<string, unknown>): ArticleForm {
  const out = { ...EMPTY_FORM };
  for (const key of Object.keys(EMPTY_FORM) as (keyof ArticleForm)[]) {
    const v = data[key];
    out[key] = typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : '';
  }
  if (typeof data.image !== 'string') out.image = KEEP_IMAGE;
  return out;
}

/** The form showing a stored article. */
export function formFromArticle(a: Article, version: number): ArticleForm {
  return {
    lang: a.lang,
    slug: a.path.split('/').pop() ?? '',
    type: a.type,
    title: a.title,
    summary: a.summary,
    published: a.published ?? '',
    seriesName: a.series?.name ?? '',
    seriesNumber: a.series ? String(a.series.number) : '',
    authors: a.authors.map((x) => x.name).join('\n'),
    topics: a.topics.map((x) => x.name).join('\n'),
    regions: a.regions.map((x) => x.name).join('\n'),
    body: bodyMarkdown(a),
    bodyJson: '',
    note: '',
    image: a.image?.src ?? '',
    imageAlt: a.image?.alt ?? '',
    version: String(version),
  };
}

function lines(text: string): string[] {
  return [...new Set(text.split('\n').map(sanitizeLine).filter(Boolean))];
}

function slugFor(name: string, fallback: string): string {
  return slugify(name) || fallback;
}

/**
 * The Article the form describes. `existing` is the stored article being edited (its id, path,
 * translations, related items, origin and countries are kept).
 *
 * @example await articleFromForm(store, form) // → Article with path '/ar/policy-analysis/<slug>'
 */
export async function articleFromForm(store: Store, form: ArticleForm, existing?: Article): Promise<Article> {
  checkEncoding(form);
  const lang = existing?.lang ?? form.lang;
  if (!isLang(lang)) throw new FormFieldError('lang', 'not-allowed', `unknown language ${lang.slice(0, 40)} (the site publishes in ${Object.keys(LANGS).join(', ')})`, { value: lang, allowed: Object.keys(LANGS) });
  // A form without the field (a script's post) keeps the article's type; a value no type has is refused, never turned into "other".
  if (form.type !== '' && !(ARTICLE_TYPES as readonly string[]).includes(form.type)) {
    throw new FormFieldError('type', 'not-allowed', `unknown article type ${form.type.slice(0, 60)} (one of ${ARTICLE_TYPES.join(', ')})`, { value: form.type });
  }
  const type = form.type !== '' ? (form.type as ArticleType) : (existing?.type ?? 'other');
  const title = sanitizeLine(form.title);
  if (!title) throw new FieldError('invalid-article', 'an article needs a title', { field: 'title', rule: 'required' });
  // Marks alone (harakat, a right-to-left mark) are no title: readers would see nothing, and the slug would be made of their names.
  if (!/[\p{L}\p{N}]/u.test(title)) throw new FormFieldError('title', 'no-letters', 'title: the title has no letter or digit');
  let path = existing?.path;
  if (!path) {
    const slug = slugify(sanitizeLine(form.slug) || title);
    if (!slug) throw new MizanError('slug-needed', 'the title gives no address: write a slug in Latin letters');
    path = type === 'page' ? pagePath(lang, slug) : articlePath(lang, slug);
    const problem = type === 'page' ? pagePathProblem(path, lang) : null;
    if (problem) throw new MizanError('invalid-article', problem);
  }
  const experts = await store.listExperts(lang);
  // Authors are picked from the experts list: a name no expert has in this language is refused, never
  // turned into a new public expert page (creating an expert is its own act, on the experts page). Names
  // the article already had stay valid, so an imported article saves as it was.
  const unknown: string[] = [];
  const authors = lines(form.authors).map((name) => {
    const known = experts.find((e) => e.name === name);
    const before = existing?.authors.find((x) => x.name === name);
    if (!known && !before) unknown.push(name);
    const slug = known?.slug ?? before?.slug ?? '';
    return { slug, name, title: known?.title ?? before?.title ?? null, bio: known?.bio ?? before?.bio ?? '', path: expertPath(lang, slug) };
  });
  if (unknown.length) throw new UnknownAuthorsError(unknown);
  const terms = async (kind: 'topic' | 'region', text: string) => {
    const stored = await store.listTerms(kind, lang);
    return lines(text).map((name, i) => {
      const slug = stored.find((t) => t.name === name)?.slug ?? slugFor(name, `${kind}-${i + 1}`);
      return { slug, name, path: termPath(lang, slug) };
    });
  };
  const published = latinDigits(form.published.trim());
  if (published && !/^\d{4}-\d{2}-\d{2}$/.test(published)) throw new MizanError('bad-date', 'the publication date must be written YYYY-MM-DD');
  const dateProblem = published ? isoDateProblem(published) : null;
  if (dateProblem) throw new FormFieldError('published', 'bad-date', `published: '${published}' ${dateProblem}`, { value: published });
  const base: Article = {
    id: existing?.id ?? articleIdFor(path),
    lang,
    dir: dirOf(lang),
    type,
    typeLabel: typeLabel(type, lang),
    series: seriesOfForm(form),
    title,
    summary: form.summary.trim(),
    published: published || null,
    updated: existing?.updated ?? null,
    path,
    origin: existing?.origin ?? { file: null, url: null },
    authors,
    translations: existing?.translations ?? [],
    body: [],
    sources: [],
    topics: await terms('topic', form.topics),
    regions: await terms('region', form.regions),
    countries: existing?.countries ?? [],
    related: existing?.related ?? [],
    image: await leadImage(store, form, lang, existing),
    // The form does not edit attachments yet: an edit keeps what the article had.
    attachments: existing?.attachments ?? [],
  };
  const article = form.bodyJson.trim() ? withBlocks(base, parseBodyJson(form.bodyJson)) : withBody(base, form.body);
  return sizeBodyImages(store, article, { strict: true });
}

/** Text a browser sent in another encoding than UTF-8 arrives with U+FFFD where its bytes were: refused, never stored so. */
function checkEncoding(form: ArticleForm): void {
  for (const key of Object.keys(EMPTY_FORM) as (keyof ArticleForm)[]) {
    if (form[key]?.includes('\uFFFD')) throw new FormFieldError(key, 'bad-encoding', `${key}: holds bytes that are not UTF-8 text`);
  }
}

/**
 * The series the form names: a name and its number (a whole number, 0 or more; Arabic digits too), or
 * neither. One without the other is refused, as is a number that is no number.
 *
 * @example seriesOfForm({ ...EMPTY_FORM, seriesName: 'PolicyWatch', seriesNumber: '٣٧٤٠' }) // → { name: 'PolicyWatch', number: 3740 }
 */
function seriesOfForm(form: ArticleForm): Article['series'] {
  const name = sanitizeLine(form.seriesName);
  const number = latinDigits(form.seriesNumber.trim());
  if (number && !/^\d{1,9}$/.test(number)) throw new FormFieldError('seriesNumber', 'whole-number', `seriesNumber: '${number.slice(0, 40)}' is not a whole number, 0 or more`, { value: form.seriesNumber });
  if (number && !name) throw new FormFieldError('seriesName', 'required', `seriesName: the number ${number} needs the series it belongs to`);
  if (name && !number) throw new FormFieldError('seriesNumber', 'required', `seriesNumber: the series ${name.slice(0, 60)} needs its number`);
  return name ? { name, number: Number(number) } : null;
}

/**
 * The lead image the form chose: one of the library's (its stored size; the alt text typed, else the
 * library's in this language), the outside image the article had, or none. An image without alt text
 * in the article's language is refused: readers who cannot see it would get nothing.
 */
async function leadImage(store: Store, form: ArticleForm, lang: string, existing?: Article): Promise<Article['image']> {
  if (form.image === undefined || form.image === KEEP_IMAGE) return existing?.image ?? null;
  const src = form.image.trim();
  if (!src) return null;
  let alt = sanitizeLine(form.imageAlt ?? '').slice(0, MAX_ALT);
  const hash = mediaHashOf(src);
  let size: { width: number | null; height: number | null };
  if (hash) {
    const image = await libraryImage(store, hash);
    if (!image) throw new MizanError('invalid-article', `the lead image ${src} is not in the media library`, { status: 422 });
    size = { width: image.width, height: image.height };
    alt ||= image.alt[lang] ?? '';
  } else if (existing?.image && existing.image.src === src) {
    size = { width: existing.image.width, height: existing.image.height };
  } else {
    throw new MizanError('invalid-article', 'choose the lead image from the media library', { status: 422 });
  }
  if (!alt)
    throw new MizanError(
      'missing-alt',
      lang === 'ar' ? 'للصورة الرئيسية نصٌّ بديل بالعربية يصفها لمن لا يراها: اكتبه قبل الحفظ' : `the lead image needs alt text in ${lang === 'en' ? 'English' : lang}: describe it for readers who cannot see it`,
      { status: 422 },
    );
  if (hash) await offerAlt(store, hash, lang, alt);
  return { src: hash ? `/media/${hash}` : src, alt, ...size };
}

/**
 * The blocks a form's body holds (the editor's JSON, or what words malformed JSON still holds; else its
 * Markdown), or null when the Markdown does not read: the edit page then opens in Markdown, where the
 * writer sees the line the error names.
 *
 * @example formBlocks({ ...EMPTY_FORM, body: '## عنوان' })?.[0].kind // → 'heading'
 */
export function formBlocks(form: ArticleForm): Block[] | null {
  if (form.bodyJson.trim()) {
    try {
      return parseBodyJson(form.bodyJson);
    } catch {
      return salvageBlocks(form.bodyJson);
    }
  }
  try {
    return withBody(articleShell(form.lang), form.body).body;
  } catch {
    return null;
  }
}

function articleShell(lang: string): Article {
  const l = isLang(lang) ? lang : 'ar';
  return { id: 'form', lang: l, dir: dirOf(l), type: 'other', typeLabel: '', series: null, title: 'form', summary: '', published: null, updated: null, path: '/form', origin: { file: null, url: null }, authors: [], translations: [], body: [], sources: [], topics: [], regions: [], countries: [], related: [], image: null, attachments: [] };
}
