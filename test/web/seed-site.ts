/**
 * @module The reading site over the test fixtures plus the seed page, imported with the importer's own
 * `readPage` (skipped visibly by the callers where ../shared/seeds is absent).
 */
import { parseHTML } from 'linkedom';
import { readPage } from '../../src/ingest/index.ts';
import type { Article } from '../../src/model/index.ts';
import { readSeed, seedAvailable, SEED_FILE } from '../support/seed.ts';
import { fixtureArticles, fixtureSite } from './fixtures.ts';

/** The seed page as the importer reads it, or undefined where the seed is absent. */
export function seedArticle(): Article | undefined {
  if (!seedAvailable) return undefined;
  return readPage({ file: SEED_FILE, bytes: new TextEncoder().encode(readSeed()) }).articles[0];
}

/** A site holding the fixtures and (where present) the seed page; `doc(path)` parses a page's HTML. */
export async function seedSite(extra: Article[] = []) {
  const seed = seedArticle();
  const site = await fixtureSite([...fixtureArticles(), ...extra, ...(seed ? [seed] : [])]);
  return {
    ...site,
    seed,
    doc: async (path: string) => {
      const res = await site.app.request(path);
      const html = await res.text();
      return { res, html, document: parseHTML(html).document };
    },
  };
}
