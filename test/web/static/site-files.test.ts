import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fileForPath, linksOf } from '../../../src/web/static/site-files.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

test('the links a page names are found on its own origin, in attributes, meta tags, srcset, feeds and CSS', () => {
  const html = `<a href="/ar/policy-analysis/x">x</a><a href="https://example.org/en/?page=2&amp;q=1">n</a><a href="https://other.org/a">o</a>
<meta property="og:image" content="https://example.org/cards/a1.png"><img srcset="/media/a-320.avif 320w, /media/a-640.avif 640w" src="/media/a.jpg"><a href="//cdn.org/x">c</a>`;
  const links = ['/ar/policy-analysis/x', '/en/?page=2&q=1', '/media/a.jpg', '/cards/a1.png', '/media/a-320.avif', '/media/a-640.avif'];
  assert.deepEqual(linksOf(html, 'text/html', 'https://example.org').sort(), [...links].sort());
  // Given the links handed back before, only new ones come back (and are added to them).
  const known = new Set(['/media/a.jpg']);
  assert.deepEqual(linksOf(html, 'text/html', 'https://example.org', known).sort(), links.filter((l) => l !== '/media/a.jpg').sort());
  assert.deepEqual(linksOf(html, 'text/html', 'https://example.org', known), []);
  assert.deepEqual(linksOf('<url><loc>https://example.org/ar/</loc></url>', 'application/xml', 'https://example.org'), ['/ar/']);
  assert.deepEqual(linksOf('a{background:url("/fonts/a.woff2")}', 'text/css', 'https://example.org'), ['/fonts/a.woff2']);
  assert.equal(fileForPath('/ar/topics/x?page=2'), 'ar/topics/x~page=2.html');
});

test('links are read only from href, src, srcset and a <meta> content, up to a fragment', () => {
  const html = `<p data-x="/not-a-link">a="/text"</p><a class="x" href="/ar/a#sec">a</a><link rel="alternate" hreflang="ar" href="https://example.org/ar/"/>
<div content="/not-meta"></div><meta name="description" content="/in-meta"><script type="application/ld+json">{"url":"https://example.org/ld","image":"/ld.png"}</script><img
src="/m/%D8%A7.jpg" alt="x=&quot;y&quot;">`;
  assert.deepEqual(linksOf(html, 'text/html', 'https://example.org').sort(), ['/ar/', '/ar/a', '/in-meta', '/m/%D8%A7.jpg']);
});

test('a link kept from a page does not keep the page alive', () => {
  // A build keeps every link it has seen until it ends: if each held its page's HTML (V8 keeps a slice's
  // whole parent string), 2,000 pages of 50 KB would keep 100 MB.
  const filler = 'ق'.repeat(25_000);
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let i = 0; i < 2000; i++) {
    const page = `<!doctype html><p>${filler}${i}</p><a href="/ar/policy-analysis/report-number-${i}">next</a>`;
    kept.push(...linksOf(page, 'text/html', 'https://example.org'));
  }
  gc();
  const grown = process.memoryUsage().heapUsed - before;
  assert.equal(kept.length, 2000);
  assert.ok(grown < 10_000_000, `2,000 links kept ${(grown / 1e6).toFixed(1)} MB`);
});
