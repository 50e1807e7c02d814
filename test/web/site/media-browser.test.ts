/**
 * In Chromium, on both engines: an editor uploads an image with its alt text in the media library,
 * chooses it as an article's lead image, and the published article shows it, decoded by the browser,
 * with that alt text. axe-core on the new admin pages (settings, menus with refused fields, media,
 * experts with a photo) in Arabic and English, light and dark: no serious or critical violation.
 * Screenshots at 360 and 1280 px go to test-results/site2/ for a person to look at.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { DEMO_DIR, readSiteConfig, saveEdit, transition, type Editor } from '../../../src/app/index.ts';
import { createWebApp, listen, type Listening } from '../../../src/web/index.ts';
import { makeArticle } from '../../support/articles.ts';
import { browserSkip, launchBrowser } from '../../support/browser.ts';
import { forEachEngine, type TestStore } from '../../support/engines.ts';
import { addAccounts, PASSWORD } from '../admin-client.ts';
import { testPhoto } from '../../support/photo.ts';

const SHOTS = join(process.cwd(), 'test-results', 'site2');
const site = readSiteConfig(join(DEMO_DIR, 'mizan.config.yaml'));
const setup: Editor = { id: null, email: 'setup@example.org', ip: null, role: 'editor' };

async function signIn(page: Page, base: string, ui: string): Promise<void> {
  await page.goto(base + '/admin/sign-in');
  await page.fill('#email', 'admin@example.org');
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(/\/admin$/), page.click('form[action="/admin/sign-in"] button[type=submit]')]);
  if ((await page.getAttribute('html', 'lang')) !== ui) await Promise.all([page.waitForLoadState('load'), page.click('form[action="/admin/lang"] button')]);
  assert.equal(await page.getAttribute('html', 'lang'), ui);
}

forEachEngine('browser: upload, alt text, lead image; accessibility of the new admin pages', (h) => {
  let store: TestStore;
  let server: Listening;
  let base = '';
  let browser: Browser;
  let articleId = '';
  const tmp = mkdtempSync(join(tmpdir(), 'mizan-upload-'));

  before(async () => {
    if (browserSkip) return;
    store = await h.open();
    await addAccounts(store, ['admin']);
    const saved = await saveEdit(store, setup, { article: makeArticle({ slug: 'sura-mutasaffih', title: 'الساحل بين الجفاف والهجرة', authors: [{ slug: 'rym-almthal', name: 'ريم المثال' }] }) });
    articleId = saved.id;
    server = await listen(createWebApp({ store, site }), { port: 0, host: '127.0.0.1' });
    base = server.url.replace(/\/$/, '');
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await h.cleanup();
    rmSync(tmp, { recursive: true, force: true });
  });

  test('upload with alt text, choose as lead image, see it on the published page', { skip: browserSkip }, async () => {
    const file = join(tmp, 'sahel.jpg');
    writeFileSync(file, await testPhoto(1600, 900));
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, base, 'ar');
    await page.goto(base + '/admin/media');
    await page.setInputFiles('#m-file', file);
    await page.fill('#m-alt-ar', 'سهول الساحل عند الغروب');
    await page.fill('#m-alt-en', 'The Sahel plains at sunset');
    await Promise.all([page.waitForLoadState('load'), page.click('#upload button[type=submit]')]);
    assert.match((await page.textContent('.flash.ok')) ?? '', /رُفعت «sahel.jpg»/);
    const libImg = page.locator('.media-grid img').first();
    assert.equal(await libImg.getAttribute('alt'), 'سهول الساحل عند الغروب');
    await libImg.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => {
      const el = document.querySelector('.media-grid img') as HTMLImageElement | null;
      return !!el && el.complete && el.naturalWidth > 0;
    });

    await page.goto(`${base}/admin/articles/${articleId}`);
    await page.locator('.ProseMirror').waitFor();
    const option = page.locator('#f-image option', { hasText: 'sahel.jpg' });
    await page.selectOption('#f-image', (await option.getAttribute('value'))!);
    await page.fill('#f-imageAlt', 'سهول الساحل الواسعة عند الغروب');
    await Promise.all([page.waitForURL(/saved=1/), page.click('#article-form button[name=do][value=save]')]);
    await page.screenshot({ path: join(SHOTS, 'edit-lead-image-ar-1280.png'), fullPage: false });
    await transition(store, setup, articleId, 'publish');

    const article = (await store.getArticle(articleId))!;
    const reader = await context.newPage();
    await reader.goto(base + article.path);
    const img = reader.locator('.article-image img');
    assert.equal(await img.getAttribute('alt'), 'سهول الساحل الواسعة عند الغروب');
    await img.scrollIntoViewIfNeeded();
    await reader.waitForFunction(() => {
      const el = document.querySelector('.article-image img') as HTMLImageElement | null;
      return !!el && el.complete && el.naturalWidth > 0;
    });
    const chosen = await img.evaluate((el) => (el as HTMLImageElement).currentSrc);
    assert.match(chosen, /\/media\/[0-9a-f]{32}\/\d+\.(avif|webp|jpg)$/, 'the browser picked a variant from srcset');
    await reader.screenshot({ path: join(SHOTS, 'article-lead-ar-1280.png') });
    await context.close();
  });

  // The same pages on either engine: checked once, on the embedded default.
  if (h.engine === 'sqlite') test('no serious or critical violation on the new admin pages, Arabic and English, light and dark', { skip: browserSkip }, async () => {
    const found: string[] = [];
    const photo = join(tmp, 'face.jpg');
    writeFileSync(photo, await testPhoto(700, 700));
    for (const ui of ['ar', 'en']) {
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const width of colorScheme === 'light' ? [1280, 360] : [1280]) {
          const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
          const page = await context.newPage();
          await signIn(page, base, ui);
          const check = async (name: string) => {
            // Dark differs from light only in its colours: there, the rules that read colours are what can differ.
            const axe = new AxeBuilder({ page });
            const result = await (colorScheme === 'dark' ? axe.withRules(['color-contrast', 'link-in-text-block']) : axe.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])).analyze();
            for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
              found.push(`${ui} ${colorScheme} ${width} ${name}: ${v.id} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
            }
            await page.screenshot({ path: join(SHOTS, `${name}-${ui}-${width}-${colorScheme}.png`), fullPage: width === 360 });
          };
          await page.goto(base + '/admin/settings');
          await check('settings');
          await page.fill('#f-accent', 'blue');
          await Promise.all([page.waitForLoadState('load'), page.click('form[action="/admin/settings"] button[type=submit]:not(.secondary)')]);
          assert.equal(await page.getAttribute('#f-accent', 'aria-invalid'), 'true');
          await check('settings-refused');
          await page.goto(base + '/admin/settings/menus');
          await check('menus');
          await page.goto(base + '/admin/media');
          await check('media');
          await page.goto(base + '/admin/experts');
          if (!(await page.locator('.photo-panel img').count())) {
            await page.setInputFiles('.photo-panel input[type=file]', photo);
            await Promise.all([page.waitForURL(/photo=saved/), page.click('.photo-panel form[enctype] button')]);
          }
          await check('experts');
          await context.close();
        }
      }
    }
    // The public pages the photos and settings reach, for the eye.
    for (const [ui, path] of [['ar', '/ar/experts/rym-almthal'], ['ar', (await store.getArticle(articleId))!.path]] as const) {
      for (const width of [360, 1280]) {
        for (const colorScheme of ['light', 'dark'] as const) {
          const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
          const page = await context.newPage();
          await page.goto(base + path);
          await page.screenshot({ path: join(SHOTS, `public-${path.includes('experts') ? 'expert' : 'article'}-${ui}-${width}-${colorScheme}.png`) });
          await context.close();
        }
      }
    }
    assert.deepEqual(found, []);
  });
});
