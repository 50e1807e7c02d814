/**
 * @module An article's body as the Markdown editors write, both ways, through the importer's own
 * Markdown reader and writer (so the editor and `mizan import` read Markdown identically).
 */
import { readPage, toMarkdown } from '../../ingest/index.ts';
import { FieldError, MizanError } from '../../lib/index.ts';
import { articlePath, pagePath, type Article } from '../../model/index.ts';

const FRONT = /^---\n[\s\S]*?\n---\n/;

/**
 * The body of `article` as Markdown (no front matter).
 *
 * @example bodyMarkdown(article) // → '## عنوان فرعي\n\nفقرة…\n'
 */
export function bodyMarkdown(article: Article): string {
  return toMarkdown(article).replace(FRONT, '').replace(/^\n+/, '');
}

/**
 * `article` with its body (and the sources its links give) read from `markdown`. Errors name the line
 * of the body they concern.
 *
 * @example withBody(article, '## heading\n\nA [link](https://example.org).').body.length // → 2
 */
export function withBody(article: Article, markdown: string): Article {
  const front = toMarkdown({ ...article, body: [] }).match(FRONT)?.[0] ?? '';
  const offset = front.split('\n').length;
  const doc = front + '\n' + markdown.replace(/\r\n?/g, '\n') + '\n';
  try {
    // Only the body is read back: the path given is one the importer takes for the article's type and
    // language, whatever the article's own (an editor's shell has none that the site serves).
    const path = (article.type === 'page' ? pagePath : articlePath)(article.lang, 'body');
    const parsed = readPage({ file: 'editor', bytes: Buffer.from(doc, 'utf8'), format: 'md', path });
    const read = parsed.articles[0];
    return { ...article, body: read.body, sources: read.sources };
  } catch (err) {
    // A field the form sets (a title over the limit) is the form's error, not the body's.
    if (err instanceof FieldError && !/^(body|sources)\b/.test(err.field)) throw err;
    if (err instanceof MizanError) {
      const line = err.line ? Math.max(1, err.line - offset) : undefined;
      throw new MizanError('bad-markdown', line ? `body, line ${line}: ${err.message}` : `body: ${err.message}`, { cause: err });
    }
    throw err;
  }
}
