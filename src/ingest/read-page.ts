/**
 * @module The importers' one entry: bytes of a file in, articles and warnings out, whatever the format.
 */
import type { Article, ArticleState, Warning } from '../model/index.ts';
import { decodePage } from './decode-page.ts';
import { detectFormat, type Format } from './detect-format.ts';
import { readHtml } from './html/read-html.ts';
import { readJson } from './read-json.ts';
import { readMarkdown } from './markdown/read-markdown.ts';
import { readScraped } from './scraped/read-scraped.ts';

export interface ParsedFile {
  file: string;
  format: Format;
  articles: Article[];
  /** The editorial state each article's file declares (`mizan export` writes it), or null: one per article. */
  states: (ArticleState | null)[];
  warnings: Warning[];
  /** Per article, the photo files its front matter gives its authors, by author slug (Markdown only). */
  photos: Record<string, string>[];
}

export interface PageInput {
  file: string;
  bytes: Uint8Array;
  /** Overrides detection. */
  format?: Format;
  /** The page's own path, overriding what the page says or its title gives. */
  path?: string;
}

/**
 * Reads one page file. Throws a MizanError naming the file (and line) for input that is no article.
 *
 * @example
 * readPage({ file: 'seed.txt', bytes: readFileSync('seed.txt') }).articles[0].published // → '2023-05-18'
 */
export function readPage(input: PageInput): ParsedFile {
  const { file } = input;
  const decoded = decodePage(file, input.bytes);
  const format = input.format ?? detectFormat(file, decoded.text);
  const opts = { path: input.path };
  const warnings: Warning[] = [...decoded.warnings];
  let articles: Article[];
  let states: (ArticleState | null)[] | undefined;
  let photos: Record<string, string>[] | undefined;
  switch (format) {
    case 'json': {
      const r = readJson(file, decoded.text, opts);
      ({ articles, states } = r);
      warnings.push(...r.warnings);
      break;
    }
    case 'md': {
      const r = readMarkdown(file, decoded.text, opts);
      articles = [r.article];
      states = [r.state];
      photos = [r.photos];
      warnings.push(...r.warnings);
      break;
    }
    case 'html': {
      const r = readHtml(file, decoded.text, opts);
      articles = [r.article];
      warnings.push(...r.warnings);
      break;
    }
    case 'text': {
      const r = readScraped(file, decoded.text, opts);
      articles = [r.article];
      warnings.push(...r.warnings);
      break;
    }
  }
  return { file, format, articles, states: states ?? articles.map(() => null), warnings, photos: photos ?? articles.map(() => ({})) };
}
