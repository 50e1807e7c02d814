/**
 * `photo:` on an author in Markdown front matter (issue 15), on both engines: the file beside the page
 * becomes the expert's photo (stored once, described by the expert's name), shown on their page; a
 * missing photo or one that is no image fails the page naming it, and nothing of it is stored.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { expertPhotos, importFiles, listMedia, mediaAlts } from '../../src/app/index.ts';
import { createWebApp } from '../../src/web/index.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { testPhoto } from '../support/photo.ts';

const dir = mkdtempSync(join(tmpdir(), 'mizan-photo-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function page(name: string, photo: string): string {
  const at = join(dir, name);
  mkdirSync(at, { recursive: true });
  const md = join(at, 'page.md');
  writeFileSync(md, `---\nlang: ar\ntitle: ورقة ${name}\nauthors:\n  - { name: ليلى الحسيني, title: باحثة, photo: ${photo} }\n---\n\nنص الورقة.\n`);
  return md;
}

forEachEngine('author photo: in front matter', (h) => {
  let store: TestStore;
  before(async () => {
    store = await h.open();
  });
  after(() => h.cleanup());

  test('a photo that is missing or no image fails the page, naming it; nothing stored', async () => {
    const missing = await importFiles(store, [page('a', 'absent.jpg')]);
    assert.equal(missing.files[0].status, 'failed');
    assert.match(missing.files[0].error ?? '', /the photo "absent.jpg" was not found beside the page/);
    const md = page('b', 'fake.jpg');
    writeFileSync(join(dir, 'b', 'fake.jpg'), '#!/bin/sh\necho no\n');
    const fake = await importFiles(store, [md]);
    assert.equal(fake.files[0].status, 'failed');
    assert.match(fake.files[0].error ?? '', /fake\.jpg: not an image Mizan can read/);
    assert.equal((await listMedia(store)).length, 0);
    assert.equal((await store.getArticleByPath('/ar/policy-analysis/wrqt-b')) ?? null, null);
  });

  test('the photo beside the page becomes the expert’s, described by their name, and shows on their page', async () => {
    const md = page('c', 'layla.jpg');
    writeFileSync(join(dir, 'c', 'layla.jpg'), await testPhoto(600, 600));
    const report = await importFiles(store, [md]);
    assert.equal(report.files[0].status, 'created', report.files[0].error);
    const author = report.articles[0].authors[0];
    const photos = await expertPhotos(store);
    assert.equal(photos.size, 1);
    const [photo] = [...photos.values()];
    const hash = photo.src.split('/').pop()!;
    assert.deepEqual((await mediaAlts(store, [hash])).get(hash), { ar: 'ليلى الحسيني' });
    const app = createWebApp({ store, baseUrl: 'https://inst.example' });
    const html = await (await app.request(author.path)).text();
    assert.match(html, new RegExp(`<img[^>]+src="/media/${hash}/[^"]+"[^>]*alt="ليلى الحسيني"|alt="ليلى الحسيني"[^>]*src="/media/${hash}`));
    // Importing again changes nothing.
    assert.equal((await importFiles(store, [md])).files[0].status, 'unchanged');
    assert.equal((await listMedia(store)).length, 1);
  });
});
