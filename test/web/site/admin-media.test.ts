/**
 * The media library, lead images and expert photos on the editors' side, over real HTTP on both engines:
 * an editor uploads an image with alt text (authors may not); hostile files (a script renamed .jpg, a
 * truncated JPEG, an SVG with a script) are refused in the admin's language and nothing is stored; an
 * article takes a lead image from the library and may not keep it without alt text; the public article
 * shows it responsive with its alt; an expert's photo shows on their page and in bylines, alt = name.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { listMedia, mediaLibrary, saveEdit, transition, type Editor } from '../../../src/app/index.ts';
import { makeArticle } from '../../support/articles.ts';
import { testPhoto } from '../../support/photo.ts';
import { forEachEngine, type TestStore } from '../../support/engines.ts';
import { addAccounts, signedIn, startServer, type AdminServer } from '../admin-client.ts';

const editor: Editor = { id: null, email: 'setup@example.org', ip: null, role: 'editor' };

function upload(name: string, bytes: Uint8Array, type: string, fields: Record<string, string>): FormData {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)], { type }), name);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

forEachEngine('admin: media library, lead images, expert photos', (h) => {
  let store: TestStore;
  let server: AdminServer;
  let articleId: string;
  before(async () => {
    store = await h.open();
    await addAccounts(store, ['author', 'editor', 'admin']);
    server = await startServer(store);
    const saved = await saveEdit(store, editor, { article: makeArticle({ slug: 'sura-ula', title: 'مقالة بصورة رئيسية', authors: [{ slug: 'sabyna-test', name: 'سابينا التجريبية' }] }) });
    articleId = saved.id;
  });
  after(async () => {
    await server?.close();
    await h.cleanup();
  });

  test('authors may not upload; an editor uploads with alt text; hostile files are refused in Arabic, nothing stored', async () => {
    const author = await signedIn(server.url, 'author');
    assert.equal((await author.get('/admin/media')).status, 403);

    const ed = await signedIn(server.url, 'editor');
    const csrf = await ed.csrfOf('/admin/media');
    const bad: [string, Uint8Array, string, RegExp][] = [
      ['script.jpg', new TextEncoder().encode('#!/bin/sh\nrm -rf /\n'), 'image/jpeg', /ليس صورة يقرؤها ميزان/],
      ['cut.jpg', (await testPhoto(600, 400)).subarray(0, 3000), 'image/jpeg', /الصورة مبتورة/],
      ['x.svg', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'image/svg+xml', /SVG فيه نصوص برمجية/],
    ];
    for (const [name, bytes, type, message] of bad) {
      const r = await ed.postMultipart('/admin/media', upload(name, bytes, type, { 'alt.ar': 'وصف', 'alt.en': 'A description' }), csrf);
      assert.equal(r.status, 400, `${name}: ${r.status}`);
      assert.match(r.text, message, name);
      assert.match(r.text, /value="وصف"/, 'the alt text typed is kept');
    }
    const noAlt = await ed.postMultipart('/admin/media', upload('map.jpg', await testPhoto(), 'image/jpeg', { 'alt.ar': '', 'alt.en': ' ' }), csrf);
    assert.equal(noAlt.status, 422);
    assert.match(noAlt.text, /صِفها \(النص البديل\) بلغة واحدة على الأقل/);
    assert.equal((await listMedia(store)).length, 0, 'nothing stored');

    const ok = await ed.postMultipart('/admin/media', upload('sahel-map.jpg', await testPhoto(), 'image/jpeg', { 'alt.ar': 'خريطة منطقة الساحل وحدودها', 'alt.en': '' }), csrf);
    assert.equal(ok.status, 201);
    assert.match(ok.text, /رُفعت «sahel-map.jpg»/);
    assert.match(ok.text, /لا نص بديل بالإنجليزية/, 'the missing English description is marked');
    const [img] = await mediaLibrary(store);
    assert.deepEqual(img.alt, { ar: 'خريطة منطقة الساحل وحدودها' });
    const described = await ed.post(`/admin/media/${img.hash}`, { 'alt.ar': 'خريطة منطقة الساحل وحدودها', 'alt.en': 'Map of the Sahel and its borders' }, { csrf });
    assert.equal(described.status, 303);
    assert.deepEqual((await mediaLibrary(store))[0].alt, { ar: 'خريطة منطقة الساحل وحدودها', en: 'Map of the Sahel and its borders' });
  });

  test('an article takes a lead image from the library; without alt text it is refused; the public page shows it', async () => {
    const ed = await signedIn(server.url, 'editor');
    const [img] = await mediaLibrary(store);
    const page = await ed.get(`/admin/articles/${articleId}`);
    assert.match(page.text, new RegExp(`<option value="${img.src}"`));
    const version = /name="version" value="(\d+)"/.exec(page.text)![1];
    const base = { lang: 'ar', type: 'brief-analysis', title: 'مقالة بصورة رئيسية', authors: 'سابينا التجريبية', body: 'فقرة أولى من نص المقالة.', version };
    const csrf = await ed.csrfOf(`/admin/articles/${articleId}`);
    // Another image, without an Arabic description: choosing it without alt text is refused.
    await ed.postMultipart('/admin/media', upload('other.jpg', await testPhoto(900, 600), 'image/jpeg', { 'alt.en': 'Only English' }), await ed.csrfOf('/admin/media'));
    const other = (await mediaLibrary(store)).find((m) => m.name === 'other.jpg')!;
    const refused = await ed.post(`/admin/articles/${articleId}`, { ...base, image: other.src, imageAlt: '' }, { csrf });
    assert.equal(refused.status, 422);
    assert.match(refused.text, /للصورة الرئيسية نصٌّ بديل بالعربية/);
    assert.equal((await store.getArticle(articleId))!.image, null);

    // The library's Arabic description is used when the field is left empty.
    const saved = await ed.post(`/admin/articles/${articleId}`, { ...base, image: img.src, imageAlt: '' }, { csrf });
    assert.equal(saved.status, 303, saved.text.slice(0, 300));
    const stored = (await store.getArticle(articleId))!;
    assert.deepEqual(stored.image, { src: img.src, alt: 'خريطة منطقة الساحل وحدودها', width: 1200, height: 800 });
    await transition(store, editor, articleId, 'publish');
    const pub = await (await fetch(new URL(stored.path, server.url))).text();
    assert.match(pub, new RegExp(`<img src="/media/${img.hash}/1200.jpg" srcset="/media/${img.hash}/480.jpg 480w, /media/${img.hash}/960.jpg 960w, /media/${img.hash}/1200.jpg 1200w"[^>]* width="1200" height="800" alt="خريطة منطقة الساحل وحدودها"`));
    assert.match(pub, new RegExp(`<source type="image/avif" srcset="/media/${img.hash}/480.avif 480w`));
    assert.match(pub, new RegExp(`<meta property="og:image" content="[^"]*/media/${img.hash}/`));
  });

  test('an expert photo shows on the expert page and the byline, alt = the name; removing it removes it', async () => {
    const ed = await signedIn(server.url, 'editor');
    const experts = await ed.get('/admin/experts');
    const id = /name="expert" value="([^"]+)"/.exec(experts.text)![1];
    const csrf = await ed.csrfOf('/admin/experts');
    const bad = await ed.postMultipart('/admin/media/expert-photo', upload('face.jpg', new TextEncoder().encode('<?php echo 1; ?>'), 'image/jpeg', { expert: id, name: 'سابينا التجريبية' }), csrf);
    assert.equal(bad.status, 303);
    const shown = await ed.get(bad.location!);
    assert.match(shown.text, /لم تُرفع الصورة: face.jpg: ليس صورة يقرؤها ميزان/);
    const r = await ed.postMultipart('/admin/media/expert-photo', upload('face.jpg', await testPhoto(800, 800), 'image/jpeg', { expert: id, name: 'سابينا التجريبية' }), csrf);
    assert.equal(r.status, 303);
    assert.equal(r.location, '/admin/experts?photo=saved');

    const expertPage = await (await fetch(new URL('/ar/experts/sabyna-test', server.url))).text();
    assert.match(expertPage, /<img class="expert-photo expert-photo-large" src="\/media\/[0-9a-f]{32}\/800.jpg" srcset="[^"]*480.jpg 480w, [^"]*800.jpg 800w"[^>]*alt="سابينا التجريبية"/);
    const article = (await store.getArticle(articleId))!;
    const pub = await (await fetch(new URL(article.path, server.url))).text();
    assert.match(pub, /<p class="byline"><span class="byline-photos"><picture class="expert-picture">[\s\S]*?alt="سابينا التجريبية"/);

    const removed = await ed.post('/admin/media/expert-photo', { expert: id, do: 'remove' }, { csrf });
    assert.equal(removed.location, '/admin/experts?photo=removed');
    assert.doesNotMatch(await (await fetch(new URL('/ar/experts/sabyna-test', server.url))).text(), /expert-photo-large/);
  });
});
