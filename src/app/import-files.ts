/**
 * @module Importing files is one use case: read each page, then save its articles (stored, indexed,
 * tagged) in one transaction per file. A bad file is reported and never stops the others; a dry run
 * reads and reports but writes nothing (it works inside a transaction that is rolled back).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MizanError } from '../lib/index.ts';
import { MAX_PAGE_BYTES, readPage, type Format } from '../ingest/index.ts';
import { ArticleSchema, type Article, type Warning } from '../model/index.ts';
import type { PutStatus, Store } from '../store/index.ts';
import { optimizeIndex } from '../search/index.ts';
import { saveImported } from './save-imported.ts';
import { withCountries } from './article-countries.ts';
import { importExpertPhoto, resolveAuthorPhotos, resolveLocalMedia, sizeBodyImages } from './media/index.ts';
import { sanitizeArticle } from './editorial/index.ts';
import { CLI_ACTOR, type Actor } from './accounts/audit.ts';
import { ImportConflictError } from './import-guard.ts';

/** `conflict`: an article of the file was edited on the editors' side since its last import; nothing of the file was written. */
export type FileStatus = PutStatus | 'failed' | 'conflict';

export interface FileReport {
  file: string;
  status: FileStatus;
  /** Ids of the articles the file holds (as stored: an updated article keeps its id). */
  articles: string[];
  error?: string;
}

export interface ImportReport {
  files: FileReport[];
  articles: Article[];
  warnings: Warning[];
}

export interface ImportOptions {
  /** Read and report, write nothing. */
  dryRun?: boolean;
  /** Overrides format detection for every file. */
  format?: Format;
  /** The page's own path; only with a single file. */
  path?: string;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Overwrite articles edited since their last import (each overwrite is recorded in the audit log). */
  force?: boolean;
  /** Who the audit log names for a forced overwrite (default: the command line). */
  actor?: Actor;
}

/** Files written in one import from which the search index is optimized afterwards. */
const BULK_IMPORT = 500;

/** Files named on the command line, with folders expanded to the pages inside them (sorted): `expandFiles(['demo'])` → `['demo/ar/….md', …]`. */
export async function expandFiles(files: string[], named = true): Promise<string[]> {
  const out: string[] = [];
  for (const f of files) {
    let info;
    try {
      info = await stat(f);
    } catch {
      out.push(f); // reported as failed when read
      continue;
    }
    if (!info.isDirectory()) {
      out.push(f);
      continue;
    }
    const names = (await readdir(f)).filter((n) => !n.startsWith('.')).sort();
    const inner = names.map((n) => join(f, n));
    const pages: string[] = [];
    for (const p of inner) {
      const s = await stat(p);
      if (s.isDirectory()) pages.push(...(await expandFiles([p], false)));
      else if (/\.(txt|text|md|markdown|html?|xhtml|json)$/i.test(p) && !/(^|\/)README\.md$/i.test(p)) pages.push(p);
    }
    // A folder named on the command line with no page in it is reported as failed (readBytes says why),
    // not passed over as "0 files" with success; a folder inside it without pages (images) is passed over.
    if (named && pages.length === 0) out.push(f);
    out.push(...pages);
  }
  return out;
}

/** Thrown inside a dry run's transaction so that everything it did is rolled back. */
class DryRunRollback extends Error {}

async function readBytes(file: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(file);
  } catch (err) {
    throw new MizanError('missing', 'no such file', { file, cause: err });
  }
  if (info.isDirectory()) throw new MizanError('not-a-file', 'is a folder with no pages in it', { file });
  if (info.size > MAX_PAGE_BYTES) throw new MizanError('too-big', `file is ${(info.size / 1048576).toFixed(1)} MB; pages over ${MAX_PAGE_BYTES / 1048576} MB are refused`, { file });
  return readFile(file);
}

function combined(statuses: PutStatus[]): PutStatus {
  if (statuses.includes('created')) return 'created';
  if (statuses.includes('updated')) return 'updated';
  return 'unchanged';
}

function messageOf(err: unknown): string {
  if (err instanceof MizanError) return err.where();
  return `unexpected error: ${(err as Error)?.message ?? String(err)}`;
}

/**
 * The fields where `after` differs from `before`, as people write them (`authors[0].name`, `body[3]`):
 * what the sanitizer changed. Articles nest a fixed few levels deep; past four, a field is named whole.
 *
 * @example changedFields({ authors: [{ name: '<b>A</b>' }] }, { authors: [{ name: 'A' }] }) // → ['authors[0].name']
 */
function changedFields(before: unknown, after: unknown, at = '', depth = 0): string[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const isList = Array.isArray(before) && Array.isArray(after);
  const isMap = !isList && typeof before === 'object' && before !== null && typeof after === 'object' && after !== null && !Array.isArray(before) && !Array.isArray(after);
  // A list whose length changed (an unsafe source dropped) is named whole; so is a leaf.
  if (depth >= 4 || !(isMap || (isList && before.length === after.length))) return [at || 'article'];
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = isList ? [...(before as unknown[]).keys()].map(String) : [...new Set([...Object.keys(a), ...Object.keys(b)])];
  // Body blocks are named by their place: `body[3]`, not each of the block's parts.
  const leaf = at === 'body';
  return keys.flatMap((k) => {
    const name = isList ? `${at}[${k}]` : at ? `${at}.${k}` : k;
    if (leaf) return JSON.stringify(a[k]) === JSON.stringify(b[k]) ? [] : [name];
    return changedFields(a[k], b[k], name, depth + 1);
  });
}

/**
 * Imports page files into the store (or, with no store, only reads them: every article then counts
 * as created). Resolves to a report a file; never rejects because of one file.
 *
 * @example
 * const report = await importFiles(store, ['seed.txt']);
 * report.files[0].status // → 'created'; a second run → 'unchanged'
 */
export async function importFiles(store: Store | null, files: string[], opts: ImportOptions = {}): Promise<ImportReport> {
  const list = await expandFiles(files);
  if (opts.path && list.length !== 1) throw new MizanError('usage', '--path sets the path of one page: give exactly one file with it');
  const report: ImportReport = { files: [], articles: [], warnings: [] };
  let done = 0;
  for (const file of list) {
    try {
      const parsed = readPage({ file, bytes: await readBytes(file), format: opts.format, path: opts.path });
      // Images named by file become media first (media are stored by content hash, so a failed or
      // repeated import leaves at most an unused copy, never a duplicate).
      for (let i = 0; i < parsed.articles.length; i++) {
        parsed.articles[i] = await resolveLocalMedia(store, parsed.articles[i], file, { dryRun: opts.dryRun });
        // An exported page names library images by address: they keep their size on the way back in.
        if (store) parsed.articles[i] = await sizeBodyImages(store, parsed.articles[i], { strict: false });
      }
      // Authors' `photo:` files: stored now, made the experts' photos in the saving transaction.
      const photos: Record<string, string>[] = [];
      for (const given of parsed.photos) photos.push(await resolveAuthorPhotos(store, given, file, { dryRun: opts.dryRun }));
      // Every imported article passes the same sanitizer as an editor's save (docs/security.md).
      parsed.articles = parsed.articles.map((a) => {
        const clean = sanitizeArticle(a);
        if (JSON.stringify(clean) === JSON.stringify(a)) return a;
        const fields = changedFields(a, clean);
        const named = fields.length > 5 ? `${fields.slice(0, 5).join(', ')} and ${fields.length - 5} more` : fields.join(', ');
        parsed.warnings.push({ code: 'sanitized', file, line: null, message: `markup, control characters or unsafe addresses were removed from ${named || 'the article'}` });
        const valid = ArticleSchema.safeParse(clean);
        if (!valid.success) throw new MizanError('not-an-article', `nothing valid is left once markup is removed: ${valid.error.issues[0]?.path.join('.')}`, { file });
        return valid.data;
      });
      let results: { id: string; status: PutStatus; article: Article }[];
      if (!store) {
        results = parsed.articles.map((a) => ({ id: a.id, status: 'created' as const, article: a }));
      } else {
        const save = async (tx: Store) => {
          const out = [];
          const guard = { file, force: opts.force, actor: opts.actor ?? CLI_ACTOR };
          for (const [i, article] of parsed.articles.entries()) {
            const put = await saveImported(tx, article, parsed.states[i] ?? null, guard);
            // Reported as the API gives it: with the countries the knowledge layer tagged it with (an
            // updated article keeps its stored id).
            const saved = { ...put, article: await withCountries(tx, put.id === article.id ? article : { ...article, id: put.id }) };
            for (const [slug, hash] of Object.entries(photos[i] ?? {})) {
              const name = article.authors.find((a) => a.slug === slug)?.name ?? slug;
              await importExpertPhoto(tx, article.lang, slug, hash, name);
            }
            if (saved.overwrote) {
              parsed.warnings.push({ code: 'overwrote-edits', file, line: null, message: `--force: overwrote the editors' changes to "${article.title.slice(0, 60)}" (${article.path}) since its last import; recorded in the audit log` });
            }
            out.push(saved);
          }
          return out;
        };
        if (opts.dryRun) {
          let seen: typeof results = [];
          await store
            .transaction(async (tx) => {
              seen = await save(tx);
              throw new DryRunRollback();
            })
            .catch((err) => {
              if (!(err instanceof DryRunRollback)) throw err;
            });
          results = seen;
        } else {
          results = await store.transaction(save);
        }
      }
      const articles = results.map((r) => r.article);
      report.files.push({ file, status: combined(results.map((r) => r.status)), articles: articles.map((a) => a.id) });
      report.articles.push(...articles);
      report.warnings.push(...parsed.warnings);
    } catch (err) {
      if (err instanceof ImportConflictError) report.files.push({ file, status: 'conflict', articles: [err.articleId], error: err.where() });
      else report.files.push({ file, status: 'failed', articles: [], error: messageOf(err) });
    }
    opts.onProgress?.(++done, list.length, file);
  }
  // A large import changes the index's shape: merge it and refresh the planner's statistics once.
  const written = report.files.filter((f) => f.status === 'created' || f.status === 'updated').length;
  if (store && !opts.dryRun && written >= BULK_IMPORT) await optimizeIndex(store);
  return report;
}
