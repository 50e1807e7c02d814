/**
 * Translations in Chromium, on every engine, with the Arabic interface: an editor changes the Arabic
 * source, and its English translation is marked outdated in the article list, on its edit page and in
 * the API; the side-by-side view puts the Arabic source on the right with its diff since, the English
 * editor beside it, and saving there marks it up to date. Linking an article already paired is refused
 * with the pairs named, and goes through only when confirmed, both ways round. "Create the English
 * translation" on an Arabic article makes the linked draft and opens it beside its source.
 * With MIZAN_SHOTS=DIR the pages are also saved as screenshots (360 and 1280 px, ar and en, light and dark).
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { browserSkip, launchBrowser } from '../support/browser.ts';
import { makeArticle } from '../support/articles.ts';
import { addAccounts, PASSWORD, startServer, type AdminServer } from './admin-client.ts';
import { linkTranslation, saveEdit, transition, translationSource, articleState, type Editor } from '../../src/app/index.ts';
import { at } from '../../src/web/admin/admin-i18n.ts';

const editor: Editor = { id: null, email: 'cli', ip: null, role: 'admin' };
const shots = process.env.MIZAN_SHOTS;

forEachEngine('translations in a browser', (h) => {
  let store: TestStore;
  let server: AdminServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const ids: Record<string, string> = {};

  before(async () => {
    if (browserSkip) return;
    store = await h.open();
    await addAccounts(store, ['editor']);
    const make = async (key: string, o: Parameters<typeof makeArticle>[0]) => (ids[key] = (await saveEdit(store, editor, { article: makeArticle(o) })).id);
    await make('ar', { lang: 'ar', slug: 'asl-arby', title: 'الجزائر وروسيا بعد الحرب' });
    await make('en', { lang: 'en', slug: 'english-translation', title: 'Algeria and Russia after the war' });
    await make('ar2', { lang: 'ar', slug: 'maqal-thany', title: 'مقال ثان عن الساحل' });
    await make('en2', { lang: 'en', slug: 'second-article', title: 'A second article on the Sahel' });
    await make('ar3', { lang: 'ar', slug: 'bla-tarjama', title: 'مقال بلا ترجمة بعد' });
    await linkTranslation(store, editor, ids.ar, ids.en);
    await linkTranslation(store, editor, ids.ar2, ids.en2);
    for (const k of ['ar', 'en']) await transition(store, editor, ids[k], 'publish');
    server = await startServer(store);
    browser = await launchBrowser();
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.close();
    await h.cleanup();
  });

  async function signIn(opts: { width?: number; dark?: boolean; lang?: 'ar' | 'en' } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: 900 }, colorScheme: opts.dark ? 'dark' : 'light' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(server.url + '/admin');
    await page.fill('#email', 'editor@example.org');
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(/\/admin$/), page.click('form[action="/admin/sign-in"] button[type=submit]')]);
    if (opts.lang === 'en') await Promise.all([page.waitForURL(/\/admin/), page.click('form[action="/admin/lang"] button')]);
    return page;
  }

  async function links(id: string): Promise<string[]> {
    return (await store.getArticle(id))!.translations.filter((t) => t.exists).map((t) => t.path);
  }

  test('change the source: the translation is marked outdated; the side-by-side view shows the diff and saving there brings it up to date', { skip: browserSkip }, async () => {
    const page = await signIn();
    // The Arabic source is published: its change goes through review and reaches the live text on approval.
    await page.goto(`${server.url}/admin/articles/${ids.ar}`);
    await page.fill('#f-title', 'الجزائر وروسيا بعد عامين من الحرب');
    await Promise.all([page.waitForURL(/saved=1/), page.click('button[name=do][value=save]')]);
    await Promise.all([page.waitForURL(/\/admin\/articles\//), page.click('form[action$="/change/approve"] button')]);
    assert.equal((await store.getArticle(ids.ar))!.title, 'الجزائر وروسيا بعد عامين من الحرب');

    await page.goto(`${server.url}/admin`);
    const row = page.locator('tr', { has: page.locator(`a[href="/admin/articles/${ids.en}"]`) });
    assert.equal(await row.locator('.status-outdated').textContent(), at('ar', 'tr.outdated'));
    const sourceRow = page.locator('tr', { has: page.locator(`a[href="/admin/articles/${ids.ar}"]`) });
    assert.equal(await sourceRow.locator('.status-outdated').count(), 0, 'the source itself is not outdated');

    const api = await (await fetch(`${server.url}/api/articles/${ids.en}`)).json();
    assert.equal(api.translationOf.id, ids.ar);
    assert.equal(api.translationOf.outdated, true);
    assert.ok(api.translationOf.currentVersion > api.translationOf.sourceVersion);

    await page.goto(`${server.url}/admin/articles/${ids.en}`);
    assert.match((await page.locator('.translation-note').textContent())!, new RegExp(at('ar', 'tr.outdated')));
    await Promise.all([page.waitForURL(/\/translate$/), page.click('.translation-note a')]);
    if (shots) await shoot('translate');

    // The Arabic source sits on the right of the English translation (its own reading side), its diff inside.
    const source = await page.locator('.sbs-source').boundingBox();
    const work = await page.locator('.sbs-work').boundingBox();
    assert.ok(source && work && source.x > work.x, 'Arabic source on the right');
    const diff = page.locator('.sbs-diff');
    assert.equal(await diff.getAttribute('dir'), 'rtl');
    assert.equal(await diff.locator('td.del').first().textContent(), 'الجزائر وروسيا بعد الحرب');
    assert.equal(await diff.locator('td.add').first().textContent(), 'الجزائر وروسيا بعد عامين من الحرب');
    assert.equal(await page.locator('.source-text h3').textContent(), 'الجزائر وروسيا بعد عامين من الحرب');

    // The translation's editor works beside it: the change goes to review (the translation is published).
    await page.fill('#f-title', 'Algeria and Russia two years after the war');
    await Promise.all([page.waitForURL(/\/translate\?saved=1$/), page.click('button[name=do][value=save]')]);
    assert.equal(await page.locator('.sbs-source .status-outdated').count(), 0, 'up to date with the source it was saved against');
    await page.goto(`${server.url}/admin`);
    assert.equal(await page.locator('.status-outdated').count(), 0);
    const after = await (await fetch(`${server.url}/api/articles/${ids.en}`)).json();
    assert.equal(after.translationOf.outdated, false);

    async function shoot(name: string): Promise<void> {
      mkdirSync(shots!, { recursive: true });
      for (const lang of ['ar', 'en'] as const) {
        for (const dark of [false, true]) {
          for (const width of [360, 1280]) {
            const p = await signIn({ width, dark, lang });
            await p.goto(page.url());
            await p.screenshot({ path: join(shots!, `${name}-${h.engine}-${lang}-${width}-${dark ? 'dark' : 'light'}.png`), fullPage: true });
            if (name === 'translate' && width === 1280 && !dark) {
              await p.goto(`${server.url}/admin/translations`);
              await p.screenshot({ path: join(shots!, `queue-${h.engine}-${lang}.png`), fullPage: true });
              await p.goto(`${server.url}/admin`);
              await p.screenshot({ path: join(shots!, `list-${h.engine}-${lang}.png`), fullPage: false });
            }
          }
        }
      }
    }
  });

  test('linking an article already paired is refused, naming the pair; confirmed, both pairs are remade reciprocally', { skip: browserSkip }, async () => {
    const page = await signIn();
    await page.goto(`${server.url}/admin/articles/${ids.ar2}`);
    // The picker shows en (paired with the Arabic source) among the paired ones.
    const option = page.locator(`#tr-of optgroup[label="${at('ar', 'tr.pairedGroup')}"] option[value="${ids.en}"]`);
    assert.match((await option.textContent())!, /الجزائر وروسيا بعد عامين من الحرب/);
    await page.selectOption('#tr-of', ids.en);
    const [refused] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/translation')), page.click('form[action$="/translation"] button[type=submit]')]);
    assert.equal(refused.status(), 409);
    const flash = (await page.locator('.flash.error').textContent())!;
    assert.ok(flash.includes(at('ar', 'tr.paired', { article: 'Algeria and Russia after the war', partner: 'الجزائر وروسيا بعد عامين من الحرب', lang: 'ar' })), flash);
    assert.ok(flash.includes(at('ar', 'tr.paired', { article: 'مقال ثان عن الساحل', partner: 'A second article on the Sahel', lang: 'en' })), flash);
    assert.ok(flash.includes(at('ar', 'tr.pairedHint')));
    const enPath = (await store.getArticle(ids.en))!.path;
    const arPath = (await store.getArticle(ids.ar))!.path;
    const ar2Path = (await store.getArticle(ids.ar2))!.path;
    const en2Path = (await store.getArticle(ids.en2))!.path;
    assert.deepEqual(await links(ids.ar2), [en2Path], 'nothing changed');
    assert.deepEqual(await links(ids.en), [arPath]);

    await page.selectOption('#tr-of', ids.en);
    await page.check('input[name=confirm]');
    await Promise.all([page.waitForURL(new RegExp(`/admin/articles/${ids.ar2}$`)), page.click('form[action$="/translation"] button[type=submit]')]);
    assert.deepEqual(await links(ids.ar2), [enPath]);
    assert.deepEqual(await links(ids.en), [ar2Path]);
    assert.deepEqual(await links(ids.ar), [], 'the old partner of en is unlinked');
    assert.deepEqual(await links(ids.en2), [], 'the old partner of ar2 is unlinked');
    // The public pages of the two published articles no longer point at each other.
    for (const [from, to] of [[enPath, arPath], [arPath, enPath]]) {
      const html = await (await fetch(server.url + from)).text();
      const alternates = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"\/>/g)].map((m) => m[2]);
      assert.ok(alternates.length > 0, `${from} has its alternates`);
      assert.ok(!alternates.some((href) => href.endsWith(to)), `${from} has no hreflang to its old partner ${to}`);
    }
  });
  test('create translation: the button makes the English draft linked to its Arabic source and opens the side-by-side view', { skip: browserSkip }, async () => {
    const page = await signIn();
    await page.goto(`${server.url}/admin/articles/${ids.ar3}`);
    const button = page.getByRole('button', { name: at('ar', 'tr.create.en') });
    assert.equal(await page.getByRole('button', { name: at('ar', 'tr.create.ar') }).count(), 0, 'no Arabic translation of an Arabic article');
    await Promise.all([page.waitForURL(/\/admin\/articles\/[0-9a-f]+\/translate$/), button.click()]);
    const enId = page.url().split('/').at(-2)!;
    const en = (await store.getArticle(enId))!;
    assert.equal(en.lang, 'en');
    assert.equal((await articleState(store, enId))!.status, 'draft');
    assert.deepEqual(en.translations.map((t) => t.path), [(await store.getArticle(ids.ar3))!.path]);
    assert.deepEqual((await store.getArticle(ids.ar3))!.translations.map((t) => t.path), [en.path]);
    const src = (await translationSource(store, enId))!;
    assert.equal(src.source.id, ids.ar3);
    assert.equal(src.sourceVersion, (await articleState(store, ids.ar3))!.version);
    // The Arabic source on the right, the English draft beside it, ready to translate.
    const source = await page.locator('.sbs-source').boundingBox();
    const work = await page.locator('.sbs-work').boundingBox();
    assert.ok(source && work && source.x > work.x, 'Arabic source on the right');
    assert.equal(await page.locator('.source-text h3').textContent(), 'مقال بلا ترجمة بعد');
    assert.equal(await page.inputValue('#f-title'), 'مقال بلا ترجمة بعد', 'the draft starts from the source to translate in place');
    await page.fill('#f-title', 'An article not yet translated');
    await Promise.all([page.waitForURL(/\/translate\?saved=1$/), page.click('button[name=do][value=save]')]);
    assert.equal((await store.getArticle(enId))!.title, 'An article not yet translated');
    // Back on the source, the button is gone: the translation is listed instead.
    await page.goto(`${server.url}/admin/articles/${ids.ar3}`);
    assert.equal(await page.getByRole('button', { name: at('ar', 'tr.create.en') }).count(), 0);
    assert.equal(await page.locator(`a[href="/admin/articles/${enId}"]`).first().textContent(), 'An article not yet translated');
  });
});
