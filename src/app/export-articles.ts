/**
 * @module Writes every stored article back out as Markdown with front matter or as Article JSON, one
 * file an article under `<out>/<lang>/<slug>.<ext>`; `mizan import` of the result gives back the same
 * articles.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toJson, toMarkdown } from '../ingest/index.ts';
import { slugOfPath } from '../model/index.ts';
import type { Store } from '../store/index.ts';

export type ExportFormat = 'md' | 'json';

/**
 * Exports all articles; resolves to the files written, in the order of the store.
 *
 * @example
 * await exportArticles(store, { format: 'md', out: 'export' }) // → ['export/ar/x.md', …]
 */
export async function exportArticles(store: Store, opts: { format: ExportFormat; out: string }): Promise<string[]> {
  const written: string[] = [];
  const taken = new Set<string>();
  for await (const article of store.allArticles()) {
    const dir = join(opts.out, article.lang);
    const base = (slugOfPath(article.path) || article.id).replace(/[^\p{L}\p{N}._-]/gu, '-');
    let file = join(dir, `${base}.${opts.format}`);
    for (let n = 2; taken.has(file); n++) file = join(dir, `${base}-${n}.${opts.format}`);
    taken.add(file);
    await mkdir(dir, { recursive: true });
    await writeFile(file, opts.format === 'md' ? toMarkdown(article) : toJson(article));
    written.push(file);
  }
  return written;
}
