/**
 * A sitemap past the protocol's limit for one file (50,000 addresses; lowered here to see it on a small
 * site) becomes an index: `sitemap.xml` lists `sitemap-1.xml`, `sitemap-2.xml`… on the public origin, and
 * the parts hold, in order and once each, every address one sitemap would hold (Arabic pages included),
 * each part within the limit. A site within the limit keeps one sitemap and has no parts.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createWebApp } from '../../src/web/index.ts';
import { tempStore, type TempStore } from './fixtures.ts';

const BASE = 'https://mizan.example';
let temp: TempStore;
before(async () => {
  temp = await tempStore();
});
after(() => temp.cleanup());

/** The `<loc>`s of a sitemap or an index, and its root element. */
async function read(app: ReturnType<typeof createWebApp>, path: string): Promise<{ status: number; root: string; locs: string[]; lastmods: string[]; body: string }> {
  const res = await app.request(path);
  const body = await res.text();
  if (res.status === 200) assert.match(res.headers.get('content-type') ?? '', /^application\/xml/, path);
  return {
    status: res.status,
    root: /<(urlset|sitemapindex)\b/.exec(body)?.[1] ?? '',
    locs: [...body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!),
    lastmods: [...body.matchAll(/<lastmod>([^<]+)<\/lastmod>/g)].map((m) => m[1]!),
    body,
  };
}

test('past the limit, sitemap.xml is an index of parts that together hold every address once, in order', async () => {
  const whole = await read(createWebApp({ store: temp.store, baseUrl: BASE }), '/sitemap.xml');
  assert.equal(whole.root, 'urlset');
  assert.ok(whole.locs.some((l) => l.startsWith(`${BASE}/ar/policy-analysis/`)), 'the Arabic articles are listed');
  const max = 7;
  assert.ok(whole.locs.length > 2 * max, `${whole.locs.length} addresses: enough for three parts`);

  const app = createWebApp({ store: temp.store, baseUrl: BASE, sitemapMaxUrls: max });
  const index = await read(app, '/sitemap.xml');
  assert.equal(index.root, 'sitemapindex');
  assert.match(index.body, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
  assert.equal(index.locs.length, Math.ceil(whole.locs.length / max));
  index.locs.forEach((loc, i) => assert.equal(loc, `${BASE}/sitemap-${i + 1}.xml`));

  const listed: string[] = [];
  for (const loc of index.locs) {
    const part = await read(app, new URL(loc).pathname);
    assert.equal(part.status, 200, loc);
    assert.equal(part.root, 'urlset', loc);
    assert.ok(part.locs.length <= max, `${loc}: ${part.locs.length} addresses`);
    // Each part keeps the alternates of its addresses, as the single sitemap does.
    assert.match(part.body, /<xhtml:link rel="alternate" hreflang="(ar|en|x-default)"/, loc);
    listed.push(...part.locs);
  }
  assert.deepEqual(listed, whole.locs);
  // The index dates each part by its newest page, where its pages are dated.
  assert.ok(index.lastmods.length > 0 && index.lastmods.every((d) => whole.lastmods.includes(d)), index.lastmods.join(' '));

  assert.equal((await read(app, `/sitemap-${index.locs.length + 1}.xml`)).status, 404, 'no part past the last');
  assert.equal((await read(app, '/sitemap-0.xml')).status, 404);
});

test('within the limit there is one sitemap and no parts; robots points at sitemap.xml', async () => {
  const app = createWebApp({ store: temp.store, baseUrl: BASE });
  assert.equal((await read(app, '/sitemap.xml')).root, 'urlset');
  assert.equal((await read(app, '/sitemap-1.xml')).status, 404);
  assert.match(await (await app.request('/robots.txt')).text(), /^Sitemap: https:\/\/mizan.example\/sitemap.xml$/m);
});
