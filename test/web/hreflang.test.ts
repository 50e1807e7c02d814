/**
 * hreflang over the whole sitemap: every page names itself and an x-default, its head agrees with its
 * sitemap entry, and every alternate names it back (reciprocity, which search engines require).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedSite } from './seed-site.ts';

const ORIGIN = 'https://mizan.example';

describe('hreflang', () => {
  let site: Awaited<ReturnType<typeof seedSite>>;
  before(async () => {
    site = await seedSite();
  });
  after(() => site.cleanup());

  test('every sitemap page names itself and x-default, agrees with its sitemap entry, and is named back', async () => {
    const sitemap = await (await site.get('/sitemap.xml')).text();
    const entries = new Map<string, Map<string, string>>();
    for (const [, body] of sitemap.matchAll(/<url>([\s\S]*?)<\/url>/g)) {
      const loc = /<loc>([^<]+)<\/loc>/.exec(body!)![1]!;
      entries.set(loc, new Map([...body!.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, '&')])));
    }
    assert.ok(entries.size >= 15, `pages in the sitemap: ${entries.size}`);
    const heads = new Map<string, Map<string, string>>();
    for (const loc of entries.keys()) {
      const res = await site.get(loc.slice(ORIGIN.length));
      assert.equal(res.status, 200, loc);
      const html = await res.text();
      heads.set(loc, new Map([...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => [m[1]!, m[2]!])));
    }
    const problems: string[] = [];
    for (const [loc, alts] of entries) {
      const head = heads.get(loc)!;
      const lang = [...alts].find(([, href]) => href === loc)?.[0];
      if (!lang || lang === 'x-default') problems.push(`${loc}: names no language for itself`);
      if (!alts.has('x-default')) problems.push(`${loc}: no x-default in the sitemap`);
      if (JSON.stringify([...head].sort()) !== JSON.stringify([...alts].sort())) problems.push(`${loc}: head ${JSON.stringify([...head])} ≠ sitemap ${JSON.stringify([...alts])}`);
      for (const [l, href] of alts) {
        if (l === 'x-default' || href === loc) continue;
        const back = entries.get(href);
        if (!back) problems.push(`${loc} → ${href} (${l}) is not in the sitemap`);
        else if (back.get(lang!) !== loc) problems.push(`${href} does not name ${loc} back as ${lang}`);
      }
    }
    assert.deepEqual(problems, []);
  });
});
