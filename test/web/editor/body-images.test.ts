/**
 * Images from the media library inside an article's body, on every engine: the editor's form stores the
 * image block with the library image's size and (when the writer gave none) its Arabic alt text; an
 * address under /media/ the library does not hold is refused, naming the block in the editor's language;
 * the public page shows the site's responsive picture (AVIF, WebP, JPEG with srcset) for it; the Markdown
 * export keeps it, and importing that export gives the same article back. Then in Chromium: the
 * toolbar's image tool lists the library, fills the alt text from it, and the saved body holds the image.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { articleFromForm, EMPTY_FORM, exportArticles, importFiles, saveEdit, transition, uploadImage, CLI_EDITOR, articleState } from '../../../src/app/index.ts';
import { FieldError } from '../../../src/lib/index.ts';
import { createWebApp } from '../../../src/web/index.ts';
import { errorText } from '../../../src/web/admin/admin-errors.ts';
import { forEachEngine, type TestStore } from '../../support/engines.ts';
import { browserSkip, launchBrowser } from '../../support/browser.ts';
import { addAccounts, PASSWORD, startServer, type AdminServer } from '../admin-client.ts';

const dir = mkdtempSync(join(tmpdir(), 'mizan-body-images-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function photo(width: number, height: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 5 + ((i / 3 / width) | 0)) & 255;
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
}

forEachEngine('library images in the body', (h) => {
  let store: TestStore;
  let hash = '';
  let server: AdminServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  before(async () => {
    store = await h.open();
    const image = await uploadImage(store, CLI_EDITOR, await photo(1200, 800), 'sahel-map.jpg', { ar: 'خريطة الساحل ومسارات التجارة', en: 'Map of the Sahel and its trade routes' });
    hash = image.hash;
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.close();
    await h.cleanup();
  });

  test('stored with its size and the library’s alt text, shown as the site’s picture, kept by the Markdown export', async () => {
    const body = JSON.stringify([
      { kind: 'paragraph', text: 'فقرة قبل الخريطة.', links: [] },
      { kind: 'image', src: `/media/${hash}`, alt: '', caption: 'طرق التجارة عبر الصحراء', credit: '' },
    ]);
    const form = { ...EMPTY_FORM, lang: 'ar', title: 'مقال بخريطة', slug: 'maqal-bikharita', authors: '', bodyJson: body };
    const article = await articleFromForm(store, form);
    const image = article.body[1];
    assert.equal(image.kind, 'image');
    assert.deepEqual(image.kind === 'image' && [image.src, image.alt, image.width, image.height], [`/media/${hash}`, 'خريطة الساحل ومسارات التجارة', 1200, 800]);

    // An address under /media/ that the library does not hold: refused, naming the block, in Arabic.
    const stranger = body.replace(hash, 'f'.repeat(32));
    const err = await articleFromForm(store, { ...form, bodyJson: stranger }).then(
      () => assert.fail('accepted an image that is not in the library'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof FieldError);
    assert.equal(errorText('ar', err), 'النص، المقطع 2: صورة ليست في مكتبة الوسائط');

    const saved = await saveEdit(store, CLI_EDITOR, { article });
    await transition(store, CLI_EDITOR, saved.id, 'publish');
    const html = await (await createWebApp({ store }).request(article.path)).text();
    const figure = /<figure class="figure">([\s\S]*?)<\/figure>/.exec(html)?.[1] ?? '';
    assert.match(figure, new RegExp(`<source type="image/avif" srcset="/media/${hash}/480\\.avif 480w, /media/${hash}/960\\.avif 960w, /media/${hash}/1200\\.avif 1200w"`));
    assert.match(figure, /<source type="image\/webp"/);
    assert.match(figure, /<img[^>]* width="1200" height="800" alt="خريطة الساحل ومسارات التجارة"/);
    assert.match(figure, /طرق التجارة عبر الصحراء/);

    const out = join(dir, h.engine);
    const exported = await exportArticles(store, { format: 'md', out });
    const file = exported.files.find((f) => f.endsWith('maqal-bikharita.md'))!;
    assert.match(readFileSync(file, 'utf8'), new RegExp(`!\\[خريطة الساحل ومسارات التجارة\\]\\(/media/${hash} "طرق التجارة عبر الصحراء"\\)`));
    const version = (await articleState(store, saved.id))!.version;
    const back = await importFiles(store, [file]);
    assert.equal(back.files[0].status, 'unchanged', back.files[0].error ?? 'the export reads back as the same article, image size included');
    assert.equal((await articleState(store, saved.id))!.version, version);
  });

  async function signIn(): Promise<Page> {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => assert.fail(`script error in the page: ${e.message}`));
    await page.goto(server!.url + '/admin/sign-in');
    await page.fill('#email', 'editor@example.org');
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(/\/admin$/), page.click('form[action="/admin/sign-in"] button[type=submit]')]);
    return page;
  }

  test('in the editor: the image tool lists the library, fills the alt text from it, and the body keeps the image', { skip: browserSkip }, async () => {
    await addAccounts(store, ['editor']);
    server = await startServer(store);
    browser = await launchBrowser();
    const page = await signIn();
    await page.goto(server.url + '/admin/articles/new');
    await page.fill('#f-title', 'مقال بصورة من المكتبة');
    await page.fill('#f-slug', 'sura-min-almaktaba');
    await page.locator('.ProseMirror').click();
    await page.keyboard.type('فقرة قبل الصورة.');
    await page.keyboard.press('Enter');
    await page.click('.editor-toolbar [data-tool=image]');
    const dialog = page.locator('dialog.image-dialog');
    await dialog.waitFor();
    const choice = dialog.locator('label.image-choice', { hasText: 'sahel-map.jpg' });
    assert.equal(await choice.locator('img').getAttribute('src'), `/media/${hash}/480.jpg`, 'chosen by a small variant');
    await choice.click();
    assert.equal(await dialog.locator('input[name=alt]').inputValue(), 'خريطة الساحل ومسارات التجارة', 'the library’s Arabic alt text');
    await dialog.locator('input[name=alt]').fill('خريطة الساحل كما رسمها فريقنا');
    await dialog.locator('input[name=caption]').fill('المصدر: بيانات المعهد');
    await dialog.locator('button[type=submit]').click();
    await page.locator('.ProseMirror figure img').waitFor();
    assert.equal(await page.locator('.ProseMirror figure img').getAttribute('alt'), 'خريطة الساحل كما رسمها فريقنا');
    await Promise.all([page.waitForURL(/\/admin\/articles\/[0-9a-f]+\?saved=1$/), page.click('button[name=do][value=save]')]);
    const id = /articles\/([0-9a-f]+)/.exec(page.url())![1];
    const image = (await store.getArticle(id))!.body.find((b) => b.kind === 'image');
    assert.deepEqual(image, { kind: 'image', src: `/media/${hash}`, alt: 'خريطة الساحل كما رسمها فريقنا', caption: 'المصدر: بيانات المعهد', credit: '', width: 1200, height: 800 });
    // Double-clicking it opens its details again, chosen.
    await page.locator('.ProseMirror figure').dblclick();
    await dialog.waitFor();
    assert.equal(await dialog.locator(`input[value="/media/${hash}"]`).isChecked(), true);
    assert.equal(await dialog.locator('input[name=alt]').inputValue(), 'خريطة الساحل كما رسمها فريقنا');
  });
});
