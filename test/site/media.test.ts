/**
 * Media: images stored once by content hash, cleaned, served as AVIF/WebP/JPEG variants with srcset and
 * dimensions; imported from beside a page; refused clearly (and not stored) when they are not what they
 * claim; alt text required before publication. Store parts run on both engines; outputs are checked by
 * decoding them again with libvips, not by our own reading.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import zlib from 'node:zlib';
import { addImage, DEMO_DIR, importFiles, listMedia, MediaError, requireAltText } from '../../src/app/index.ts';
import { createWebApp } from '../../src/web/index.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { runMizan } from '../support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'mizan-media-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function photo(width: number, height: number): Promise<Buffer> {
  // A gradient with noise, so encoders have something to do; our own pixels.
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 7 + ((i / 3 / width) | 0)) & 255;
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

/** A PNG whose header declares 12000×12000 pixels in a few kilobytes (a decompression bomb). */
function bomb(): Buffer {
  const { deflateSync, crc32 } = zlib as typeof zlib & { crc32?: (b: Buffer) => number };
  const crc = (b: Buffer) => {
    if (crc32) return crc32(b);
    let c = ~0;
    for (const x of b) {
      c ^= x;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body) >>> 0);
    return Buffer.concat([len, body, sum]);
  };
  const side = 12000;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 1; // one bit a pixel, greyscale
  const raw = Buffer.alloc((1 + side / 8) * side);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

forEachEngine('media', (handle) => {
  let store: TestStore;
  before(async () => {
    store = await handle.open();
  });
  after(() => handle.cleanup());

  test('bad input is refused with a clear message and nothing is stored', async () => {
    const good = await photo(400, 300);
    const cases: [string, Uint8Array, RegExp][] = [
      ['script.jpg', Buffer.from('#!/bin/sh\nrm -rf /\n'), /script.jpg: not an image Mizan can read/],
      ['evil.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="9" height="9"/></svg>'), /SVG with scripts/],
      ['handler.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="9" height="9"/></svg>'), /SVG with scripts/],
      ['bomb.png', bomb(), /more than 40 megapixels/],
      ['cut.jpg', good.subarray(0, Math.floor(good.length * 0.6)), /cut short/],
      ['empty.png', Buffer.alloc(0), /empty/],
      ['huge.jpg', Buffer.alloc(21 * 1024 * 1024, 1), /larger than 20 MB/],
    ];
    for (const [name, bytes, message] of cases) {
      await assert.rejects(addImage(store, bytes, name), (err: unknown) => err instanceof MediaError && message.test(err.message), name);
    }
    assert.equal((await listMedia(store)).length, 0);
  });

  test('an image is stored once; its variants are AVIF, WebP and JPEG at the offered widths', async () => {
    const bytes = await photo(1200, 800);
    const first = await addImage(store, bytes, 'map.jpg');
    const again = await addImage(store, bytes, 'copy.jpg');
    assert.equal(first.created, true);
    assert.equal(again.created, false);
    assert.equal(again.hash, first.hash);
    assert.deepEqual([first.width, first.height], [1200, 800]);
    const app = createWebApp({ store });
    for (const [file, format, width] of [['480.avif', 'heif', 480], ['960.webp', 'webp', 960], ['1200.jpg', 'jpeg', 1200]] as const) {
      const res = await app.request(`/media/${first.hash}/${file}`);
      assert.equal(res.status, 200, file);
      assert.match(res.headers.get('cache-control') ?? '', /immutable/);
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      assert.equal(meta.format, format, file);
      assert.equal(meta.width, width);
      assert.equal(meta.height, Math.round((800 * width) / 1200));
    }
    assert.equal((await app.request(`/media/${first.hash}/1600.jpg`)).status, 404, 'no wider than the master');
    assert.equal((await app.request(`/media/${first.hash}/333.jpg`)).status, 404, 'only the offered widths');
  });

  test('a variant not made yet is served from a read-only connection too, and made for good by a writer', async () => {
    const first = await addImage(store, await photo(1000, 700), 'coast.jpg');
    const { openStore } = await import('../../src/store/index.ts');
    const reader = await openStore({ ...handle.lastTarget(), readOnly: true });
    try {
      const res = await createWebApp({ store: reader, readOnly: true }).request(`/media/${first.hash}/480.webp`);
      assert.equal(res.status, 200, await res.clone().text());
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      assert.deepEqual([meta.format, meta.width, meta.height], ['webp', 480, 336]);
      const stored = async () =>
        (await store.db.withTables<{ media_variant: { hash: string; width: number } }>().selectFrom('media_variant').select('width').where('hash', '=', first.hash).execute()).length;
      assert.equal(await stored(), 0, 'the read-only connection stored nothing');
      assert.equal((await createWebApp({ store }).request(`/media/${first.hash}/480.webp`)).status, 200);
      assert.equal(await stored(), 1, 'the writer keeps it');
    } finally {
      await reader.close();
    }
  });
});

test('an imported page\'s image is served with srcset, width and height on the article, teasers, feeds and og:image', async () => {
  const { openStore } = await import('../../src/store/index.ts');
  const store = await openStore({ db: join(dir, 'pages.db') });
  try {
    const page = join(dir, 'port-cities.md');
    writeFileSync(join(dir, 'port-cities.jpg'), await photo(1000, 600));
    writeFileSync(page, '---\nlang: ar\ntype: brief-analysis\ntitle: مدن الموانئ\npublished: 2024-02-01\n---\n\nفقرة أولى.\n');
    const report = await importFiles(store, [page]);
    const article = report.articles[0];
    assert.match(article.image?.src ?? '', /^\/media\/[0-9a-f]{32}$/, 'the file beside the page became its image');
    assert.deepEqual([article.image?.width, article.image?.height], [1000, 600]);
    const app = createWebApp({ store, baseUrl: 'https://inst.example' });
    const html = await (await app.request(article.path)).text();
    const hash = article.image!.src.split('/').pop();
    assert.match(html, new RegExp(`<source type="image/avif" srcset="/media/${hash}/480.avif 480w, /media/${hash}/960.avif 960w, /media/${hash}/1000.avif 1000w"`));
    assert.match(html, /<img src="\/media\/[0-9a-f]{32}\/1000.jpg" srcset="[^"]+" sizes="[^"]+" width="1000" height="600" alt="" fetchpriority="high" decoding="async"\/>/);
    assert.match(html, new RegExp(`<meta property="og:image" content="https://inst.example/media/${hash}/1000.jpg"/>`));
    assert.match(html, /<meta name="twitter:card" content="summary_large_image"\/>/);
    const home = await (await app.request('/ar/')).text();
    assert.match(home, /class="teaser-image"/);
    const feed = await (await app.request('/ar/feed.json')).json();
    assert.equal(feed.items[0].image, `https://inst.example/media/${hash}/960.jpeg`);
    assert.equal((await app.request(`/media/${hash}/960.jpeg`)).headers.get('content-type'), 'image/jpeg');
    assert.throws(() => requireAltText(article), /نص بديل/, 'no alt text: not published');
    requireAltText({ ...article, image: { ...article.image!, alt: 'رافعات في ميناء' } });
  } finally {
    await store.close();
  }
});

test('the demo\'s articles carry our own images with alt text in each language; `mizan media` adds and lists', async () => {
  const report = await importFiles(null, [join(DEMO_DIR, 'ar'), join(DEMO_DIR, 'en')], { dryRun: true });
  const analyses = report.articles.filter((a) => a.type !== 'page');
  assert.ok(analyses.length >= 14);
  for (const a of analyses) {
    assert.match(a.image?.src ?? '', /^\/media\//, a.path);
    assert.ok(a.image!.alt.length > 20, a.path);
    assert.equal(/[\u0600-\u06FF]/.test(a.image!.alt), a.lang === 'ar', `alt text in the article's language: ${a.path}`);
  }
  const db = join(dir, 'cli.db');
  // `mizan media` works on a site's database: it refuses a path with none (made here first).
  assert.equal((await runMizan(['--db', db, 'db', 'migrate'])).code, 0);
  const file = join(dir, 'cli.jpg');
  writeFileSync(file, await photo(300, 200));
  writeFileSync(join(dir, 'fake.jpg'), 'not an image');
  const added = await runMizan(['--db', db, 'media', 'add', file, join(dir, 'fake.jpg')]);
  assert.equal(added.code, 1);
  assert.match(added.stdout, /added +.*cli.jpg: \/media\/[0-9a-f]{32} \(300×200, image\/jpeg\)/);
  assert.match(added.stderr, /fake.jpg: not an image/);
  const listed = await runMizan(['--db', db, 'media', 'list', '--json']);
  assert.equal(JSON.parse(listed.stdout).length, 1);
});
