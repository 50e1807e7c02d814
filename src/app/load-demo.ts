/**
 * @module The demo content that `mizan serve --demo` (and so `npm start`) loads into a database with no
 * articles: short bilingual analyses written by the Mizan team, kept as Markdown in `demo/`, with their
 * images and their authors' portraits (illustrations of made-up people, `demo/images/experts/`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPage } from '../ingest/index.ts';
import type { Store } from '../store/index.ts';
import { saveArticle } from './save-article.ts';
import { importExpertPhoto, resolveAuthorPhotos, resolveLocalMedia } from './media/index.ts';

export const DEMO_DIR = fileURLToPath(new URL('../../demo/', import.meta.url));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return markdownFiles(p);
      return name.endsWith('.md') && name !== 'README.md' ? [p] : [];
    });
}

/**
 * Loads the demo articles when the store has none; returns how many were loaded (0 when the store
 * already had content, which is never touched). All or nothing: one transaction.
 */
export async function loadDemo(store: Store, dir = DEMO_DIR): Promise<number> {
  if ((await store.countArticles()) > 0) return 0;
  const files = markdownFiles(dir);
  // English after Arabic is not required: translations link whichever arrives second.
  return store.transaction(async (tx) => {
    let n = 0;
    for (const file of files) {
      // Named from the repo root, so no machine's folders end up in the articles' origin.
      const name = relative(join(dir, '..'), file);
      const parsed = readPage({ file: name, bytes: readFileSync(file), format: 'md' });
      for (const [i, parsedArticle] of parsed.articles.entries()) {
        const article = await resolveLocalMedia(tx, parsedArticle, file);
        await saveArticle(tx, article);
        // The authors' `photo:` files become the experts' photos, as `mizan import` makes them.
        for (const [slug, hash] of Object.entries(await resolveAuthorPhotos(tx, parsed.photos[i] ?? {}, file))) {
          await importExpertPhoto(tx, article.lang, slug, hash, article.authors.find((a) => a.slug === slug)?.name ?? slug);
        }
        n++;
      }
    }
    return n;
  });
}
