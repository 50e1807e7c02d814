/**
 * @module Reads a scraped article page (the seed's format, Arabic and English families) into an
 * Article. The page is a sequence of non-empty lines; label lines (from `labels.ts`) switch the
 * section being read, and everything else is read by the section it falls in. Nothing is invented:
 * what cannot be recovered is reported as a warning with its line.
 */
import { MizanError } from '../../lib/index.ts';
import { articlePath, articlePathProblem, expertPath, slugOfPath, termPath, typeFromLabel, type Article, type ArticleType, type Block, type RelatedRef, type Series, type Warning } from '../../model/index.ts';
import { parseDate, slugify } from '../../text/index.ts';
import { looksTruncated } from '../canonical-url.ts';
import { countryCode } from '../country-code.ts';
import { finishArticle, type ArticleDraft } from '../finish-article.ts';
import { ownPathOf } from '../own-path.ts';
import { scriptLang } from '../script-lang.ts';
import { foldLabel, labelTable } from './fold-label.ts';
import { looksLikeHeading, mendBreaks, type RawParagraph } from './join-blocks.ts';
import { ADDRESS_LINE, FAMILIES, JUNK_PATTERNS, LANGUAGE_NAMES, NOTE_MARKS, RELATED_SEPARATOR, SECTION_LABELS, SERIES_PATTERNS, type Family, type Section } from './labels.ts';
import { parseLine, sitePath } from './parse-line.ts';
import { checkBlockCount } from '../limits.ts';

interface Unit {
  line: number;
  raw: string;
}

type State = 'head' | 'summary' | 'body' | Section;

/** Label lines are short; longer lines are never compared with the tables (most lines are long prose). */
const LABEL_MAX = 60;
const sectionTable = labelTable(Object.entries(SECTION_LABELS).flatMap(([section, labels]) => labels.map((l) => [l, section as Section] as [string, Section])));
const sectionOf = (raw: string) => (raw.length <= LABEL_MAX ? sectionTable(raw) : undefined);
const labelType = (raw: string) => (raw.length <= LABEL_MAX ? typeFromLabel(raw) : undefined);
const dateOf = (raw: string) => (raw.length <= LABEL_MAX ? parseDate(raw) : null);

const BYLINES = FAMILIES.flatMap((family) => family.byline.map((word) => ({ family, re: new RegExp(`^${word}\\s*[:：]?\\s+(.+)$`, 'iu') })));

function bylineOf(raw: string): { family: Family; rest: string } | undefined {
  for (const { family, re } of BYLINES) {
    const m = re.exec(raw);
    if (m) return { family, rest: m[1] };
  }
  return undefined;
}

/** A line of tracking debris: a query-string pattern and no two words of prose. */
function isJunk(raw: string): boolean {
  if (!JUNK_PATTERNS.some((re) => re.test(raw))) return false;
  const prose = raw.replace(/https?:\/\/\S+/g, ' ');
  return !(/\p{L}{2,}[ \t]+\p{L}{2,}/u.test(prose.replace(/[_=*]\S*/g, ' ').replace(/\p{L}*\d\p{L}*/gu, ' ')) && !/^\[[^\]]*\]\(#\)$/.test(raw));
}

function seriesOf(text: string): { series: Series; type: ArticleType } | undefined {
  for (const s of SERIES_PATTERNS) {
    const m = s.re.exec(text.trim());
    if (m) return { series: { name: s.name, number: Number(m[1]) }, type: s.type };
  }
  return undefined;
}

function langOfName(name: string): string | undefined {
  return LANGUAGE_NAMES[foldLabel(name)] ?? LANGUAGE_NAMES[name.trim().toLowerCase()];
}

/** `(English (/policy-analysis/x))`, `English (/x)`, `[English](/x)`. */
function translationOf(raw: string): { lang: string; path: string } | undefined {
  const m = /^\(?\s*\[?([^()[\]]+?)\]?\s*\(([^()\s]+)\)\s*\)?$/.exec(raw.trim());
  if (!m) return undefined;
  const lang = langOfName(m[1]);
  if (!lang || !/^\/?[\w-]/.test(m[2])) return undefined;
  return { lang, path: sitePath(m[2].replace(/^https?:\/\/[^/]+/, '')) };
}

/** `(ar/policy-analysis/slug/) name`, `name (path)`, `[name](path)`, or a bare name. */
function termOf(raw: string): { name: string; path?: string } | undefined {
  const t = raw.trim();
  let m = /^\(([^()\s]+)\)\s*(.+)$/.exec(t);
  if (m) return { name: m[2].trim(), path: sitePath(m[1]) };
  m = /^\[([^\]]+)\]\(([^()\s]+)\)$/.exec(t);
  if (m) return { name: m[1].trim(), path: sitePath(m[2]) };
  m = /^(.+?)\s*\(([^()\s]+\/[^()\s]*)\)$/.exec(t);
  if (m) return { name: m[1].trim(), path: sitePath(m[2]) };
  if (t.split(/\s+/).length <= 6 && !/[.!?؟]$/.test(t)) return { name: t };
  return undefined;
}

/**
 * Reads a scraped page.
 *
 * @example
 * readScraped('seed.txt', text).article.authors.map((a) => a.slug) // → ['sabyna-hynbrj', 'ghrant-rwmlly', 'aryk-yafwrsky']
 */
export function readScraped(file: string, source: string, opts: { path?: string } = {}): { article: Article; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const warn = (code: string, line: number | null, message: string) => warnings.push({ code, file, line, message });

  const units: Unit[] = [];
  source
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((l, i) => {
      const raw = l.replace(/^[\s\u200b-\u200f\u202a-\u202e\u2066-\u2069]+|[\s\u200b-\u200f\u202a-\u202e\u2066-\u2069]+$/g, '');
      if (raw !== '') units.push({ line: i + 1, raw });
    });

  // The title: the first line that is no label, byline or date.
  let k = 0;
  while (k < units.length && isJunk(units[k].raw)) k++;
  const titleUnit = units[k];
  if (!titleUnit) throw new MizanError('empty', 'no text to import', { file, line: 1 });
  const titleText = parseLine(titleUnit.raw.replace(/^#+\s*/, '')).text;
  if (bylineOf(titleUnit.raw) || sectionOf(titleUnit.raw) || labelType(titleUnit.raw) || dateOf(titleUnit.raw)) {
    throw new MizanError('no-title', 'the page has no title: its first line is a label, byline or date', { file, line: titleUnit.line, data: { problem: 'text' } });
  }

  let lang = scriptLang(titleText);
  let state: State = 'head';
  let sawHeader = false;
  let type: ArticleType | undefined;
  let series: Series | null = null;
  let published: string | null = null;
  let summary = '';
  let originUrl: string | null = null;
  let statedPath: string | undefined;
  let statedLine: number | null = null;
  const authors: { slug: string; name: string; bio: string; path: string }[] = [];
  let bioOf: (typeof authors)[number] | undefined;
  const translations: { lang: string; path: string }[] = [];
  const paras: RawParagraph[] = [];
  const related: Partial<RelatedRef & { sep: boolean }>[] = [];
  const topics: { slug: string; name: string; path: string }[] = [];
  const regions: { slug: string; name: string; path: string }[] = [];
  const countries: { code: string; name: string }[] = [];
  let afterJunk = false;

  const authorFromLink = (name: string, path: string | null) => {
    const slug = path ? slugOfPath(path) : slugify(name);
    const existing = authors.find((a) => a.slug === slug || a.name === name);
    if (existing) return existing;
    const author = { slug, name, bio: '', path: path && path.includes('/experts/') ? path : expertPath(lang, slug) };
    authors.push(author);
    return author;
  };

  for (const u of units.slice(k + 1)) {
    const raw = u.raw;
    if (isJunk(raw)) {
      warn('junk-removed', u.line, 'a line of tracking debris was dropped');
      afterJunk = true;
      continue;
    }
    const inBodyOrLater = state === 'body' || state === 'recommended' || state === 'topics' || state === 'regions';

    // Lines that mean the same wherever they stand.
    const section = sectionOf(raw);
    if (section && !(section === 'translations' && inBodyOrLater)) {
      state = section;
      if (section === 'translations' || section === 'bios') sawHeader = true;
      continue;
    }
    const address = ADDRESS_LINE.exec(raw);
    if (address && !inBodyOrLater) {
      originUrl = address[1];
      statedPath = ownPathOf(address[1]) ?? undefined;
      statedLine = u.line;
      continue;
    }

    if (state === 'recommended') {
      const label = labelType(raw);
      const cur = related[related.length - 1];
      if (label) related.push({ type: label, authors: [] });
      else if (RELATED_SEPARATOR.test(raw)) {
        if (cur) cur.sep = true;
      } else if (/^\(\s*\/?[^()\s]+\s*\)$/.test(raw)) {
        if (cur) cur.path = sitePath(raw.slice(1, -1));
      } else if (!cur || cur.path || (cur.title && !cur.sep && (cur.authors?.length ?? 0) > 0)) {
        related.push({ type: null, title: parseLine(raw).text, authors: [] });
      } else if (!cur.title) cur.title = parseLine(raw).text;
      else cur.authors!.push(...parseLine(raw).text.split(/\s*(?:,|،|\band\b|&)\s*/).filter(Boolean));
      continue;
    }
    if (state === 'topics' || state === 'regions') {
      const term = termOf(raw);
      if (!term) {
        warn('unread-line', u.line, `a ${state} line was not understood and was skipped`);
        continue;
      }
      const code = state === 'regions' ? countryCode(term.name, lang) : undefined;
      if (code && !countries.some((c) => c.code === code)) countries.push({ code, name: term.name });
      // A country listed with its own address keeps its term (slug and path, as the site had it), so old
      // links to it still lead somewhere; it is a country reference besides.
      if (!code || term.path) {
        const slug = term.path ? slugOfPath(term.path) : slugify(term.name);
        (state === 'topics' ? topics : regions).push({ slug, name: term.name, path: term.path ?? termPath(lang, slug) });
      }
      continue;
    }

    if (state !== 'body') {
      const byline = bylineOf(raw);
      if (byline && state === 'head') {
        lang = byline.family.lang;
        sawHeader = true;
        const line = parseLine(byline.rest);
        if (line.links.length) for (const l of line.links) authorFromLink(l.text, l.url.startsWith('/') ? l.url : null);
        else for (const name of line.text.split(byline.family.nameSeparators).filter(Boolean)) authorFromLink(name, null);
        continue;
      }
      const date: { date: string } | null = published === null ? dateOf(raw) : null;
      if (date && (state === 'head' || state === 'translations')) {
        published = date.date.length === 10 ? date.date : null;
        if (published === null) warn('date-imprecise', u.line, `the page's date is not a full day: ${raw}`);
        sawHeader = true;
        continue;
      }
      const ser = seriesOf(raw);
      if (ser) {
        series = ser.series;
        type ??= ser.type;
        sawHeader = true;
        state = 'summary';
        continue;
      }
      const label = labelType(raw);
      if (label) {
        type = label;
        sawHeader = true;
        state = 'summary';
        continue;
      }
      if (state === 'translations') {
        const t = translationOf(raw);
        if (t) {
          translations.push(t);
          continue;
        }
      }
      if (state === 'bios' || state === 'translations') {
        const line = parseLine(raw);
        const only = line.links.length === 1 && line.links[0].start === 0 && line.links[0].end === line.text.length ? line.links[0] : undefined;
        if (only && only.url.startsWith('/')) {
          bioOf = authorFromLink(only.text, only.url);
          state = 'bios';
          continue;
        }
        if (state === 'bios' && bioOf && bioOf.bio === '') {
          bioOf.bio = line.text;
          continue;
        }
      }
      if (state === 'summary' && summary === '') {
        summary = parseLine(raw).text;
        state = 'body';
        afterJunk = false;
        continue;
      }
      state = 'body';
    }

    // The body.
    const mark = NOTE_MARKS.find((m) => raw.startsWith(m));
    const line = parseLine(mark ? raw.slice(mark.length) : raw);
    for (const l of line.links) {
      if (/^https?:/.test(l.url) && looksTruncated(l.url)) warn('truncated-url', u.line, `address cut off: ${l.url}`);
    }
    for (const bad of line.unsafe) warn('unsafe-link', u.line, `link to a ${bad.split(':')[0]}: address dropped`);
    if (line.text === '' && line.links.length === 0) continue;
    paras.push({ text: line.text, links: line.links, line: u.line, lastLine: u.line, afterJunk, note: Boolean(mark) });
    checkBlockCount(paras.length, file, u.line);
    afterJunk = false;
  }

  if (!sawHeader) {
    throw new MizanError('not-an-article', 'not an article page: no byline, date, type label, translations or author bios were found', { file, line: titleUnit.line, data: { problem: 'text' } });
  }

  const mended = mendBreaks(paras, lang, file);
  warnings.push(...mended.warnings);
  const body: Block[] = mended.paragraphs.map((p, i, all) => {
    if (p === 'gap') return { kind: 'gap', text: '', links: [] };
    if (p.note) return { kind: 'note', text: p.text, links: p.links };
    const next = all[i + 1];
    if (next && next !== 'gap' && !next.note && looksLikeHeading(p)) return { kind: 'heading', level: 2, text: p.text, links: [] };
    return { kind: 'paragraph', text: p.text, links: p.links };
  });

  const slug = slugify(titleText);
  // An address under a language the site does not publish in is no path the site serves: the title gives it.
  if (statedPath && articlePathProblem(statedPath)) {
    warn('bad-path', statedLine, `the page's address ${statedPath} is under a language the site does not publish in: the title gives the path`);
    statedPath = undefined;
  }
  const path = opts.path ?? statedPath ?? (slug ? articlePath(lang, slug) : undefined);
  if (!path) throw new MizanError('no-slug', 'the title gives no slug under the site scheme; give the page its path with --path', { file, line: titleUnit.line });

  const draft: ArticleDraft = {
    lang,
    type,
    series,
    title: titleText,
    summary,
    published,
    path,
    origin: { file, url: originUrl },
    authors,
    translations,
    body,
    topics,
    regions,
    countries,
    related: related.map(({ sep: _sep, ...r }) => ({ ...r, lang: scriptLang(r.title ?? ''), path: r.path ?? null })).filter((r) => r.title),
  };
  const article = finishArticle(draft, file, { line: titleUnit.line, warnings });
  warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { article, warnings };
}
