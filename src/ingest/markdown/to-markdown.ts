/**
 * @module Writes an Article as Markdown with YAML front matter: the authoring and exchange format.
 * Reading the result back gives the same Article (derived fields are left out and derived again).
 */
import { stringify } from 'yaml';
import { expertPath, termPath, countryPath, type Article, type ArticleState, type Block, type Link } from '../../model/index.ts';
import { escapeMarkdown, markdownTitle, markdownUrl } from './escape-markdown.ts';

/**
 * The front matter object of an article: its JSON minus what is derived (id, dir, typeLabel, body, sources).
 *
 * @example
 * frontMatterOf(article).lang // → 'ar'; no `id`, `dir`, `typeLabel`, `body` or `sources` key
 */
export function frontMatterOf(a: Article): Record<string, unknown> {
  return {
    lang: a.lang,
    type: a.type,
    series: a.series,
    title: a.title,
    summary: a.summary,
    published: a.published,
    updated: a.updated,
    path: a.path,
    origin: a.origin,
    authors: a.authors.map((x) => ({
      slug: x.slug,
      name: x.name,
      title: x.title,
      bio: x.bio,
      ...(x.path === expertPath(a.lang, x.slug) ? {} : { path: x.path }),
    })),
    translations: a.translations.map((t) => ({ lang: t.lang, path: t.path, ...(t.exists ? { exists: true } : {}) })),
    topics: a.topics.map((t) => ({ slug: t.slug, name: t.name, ...(t.path === termPath(a.lang, t.slug) ? {} : { path: t.path }) })),
    regions: a.regions.map((t) => ({ slug: t.slug, name: t.name, ...(t.path === termPath(a.lang, t.slug) ? {} : { path: t.path }) })),
    countries: a.countries.map((c) => ({ code: c.code, name: c.name, ...(c.path === countryPath(a.lang, c.code) ? {} : { path: c.path }) })),
    related: a.related,
    ...(a.image ? { image: a.image } : {}),
    ...(a.attachments.length ? { attachments: a.attachments } : {}),
  };
}

/**
 * Inline Markdown of a text with its links; links are taken in order and must not overlap.
 *
 * @example
 * inlineMarkdown('see *this*', [{ text: 'this*', url: 'https://a.org', start: 5, end: 10 }]) // → 'see \\*[this\\*](https://a.org)'
 */
export function inlineMarkdown(text: string, links: Link[], atLineStart = true): string {
  const sorted = [...links].sort((x, y) => x.start - y.start || x.end - y.end);
  let out = '';
  let at = 0;
  for (const link of sorted) {
    if (link.start < at || link.end > text.length) continue;
    out += escapeMarkdown(text.slice(at, link.start), atLineStart && at === 0);
    // Marked misreads `\](` inside link text as the link's end, so parentheses are escaped there too.
    out += `[${escapeMarkdown(text.slice(link.start, link.end)).replace(/[()]/g, (c) => '\\' + c)}](${markdownUrl(link.url)})`;
    at = link.end;
  }
  out += escapeMarkdown(text.slice(at), atLineStart && at === 0);
  return out;
}

function blockMarkdown(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return inlineMarkdown(block.text, block.links);
    case 'heading': {
      const content = inlineMarkdown(block.text, block.links, false).replace(/#$/, '\\#');
      return `${'#'.repeat(block.level)} ${content}`;
    }
    case 'quote':
      return '> ' + inlineMarkdown(block.text, block.links);
    case 'note':
      return `:::note\n${inlineMarkdown(block.text, block.links)}\n:::`;
    case 'gap':
      return ':::gap\n:::';
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${inlineMarkdown(item.text, item.links)}`).join('\n');
    case 'image': {
      const title = block.caption ? ' ' + markdownTitle(block.caption) : '';
      const image = `![${escapeMarkdown(block.alt).replace(/[()]/g, (c) => '\\' + c)}](${markdownUrl(block.src)}${title})`;
      return block.credit ? `${image}\n${escapeMarkdown(block.credit, true)}` : image;
    }
    case 'table': {
      const width = Math.max(1, ...block.rows.map((r) => r.length));
      const row = (cells: string[]) => '| ' + Array.from({ length: width }, (_, i) => escapeMarkdown(cells[i] ?? '')).join(' | ') + ' |';
      const [head = [], ...rest] = block.rows;
      return [row(head), '|' + ' --- |'.repeat(width), ...rest.map(row)].join('\n');
    }
  }
}

/**
 * An article as Markdown with YAML front matter; with `state`, its editorial state in it too (`status`,
 * and `publishAt` when scheduled), so an import keeps it.
 *
 * @example
 * toMarkdown(article).startsWith('---\nlang: ar\n') // → true
 */
export function toMarkdown(article: Article, state?: ArticleState): string {
  const fields = frontMatterOf(article);
  if (state) Object.assign(fields, { status: state.status }, state.publishAt ? { publishAt: state.publishAt } : {});
  const front = stringify(fields, { lineWidth: 0 }).trimEnd();
  // Two lists in a row would merge into one; an HTML comment keeps them apart.
  const parts: string[] = [];
  article.body.forEach((b, i) => {
    if (b.kind === 'list' && article.body[i - 1]?.kind === 'list') parts.push('<!-- -->');
    parts.push(blockMarkdown(b));
  });
  return `---\n${front}\n---\n\n${parts.join('\n\n')}\n`;
}
