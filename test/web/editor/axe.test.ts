/**
 * axe-core on the editors' side in Chromium: every admin page (the list, the rich-text editor on a new
 * and on a published article with a pending change, review queue, outbox, experts, new expert,
 * translations, audit, import, accounts, my account, and the side-by-side translation view of an outdated
 * translation with its source's diff) in both interface languages, light and dark (there, the rules that
 * read colours), with no serious or critical violation. And the article list fits a 360 px phone in both
 * languages, light and dark, with no sideways scrolling.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { CLI_EDITOR, loadDemo, proposeChange, articleState, createTranslation, saveEdit } from '../../../src/app/index.ts';
import { makeArticle } from '../../support/articles.ts';
import { onSqlite, type TestStore } from '../../support/engines.ts';
import { browserSkip, launchBrowser } from '../../support/browser.ts';
import { addAccounts, PASSWORD, startServer, type AdminServer } from '../admin-client.ts';

/** axe's rules that depend on colour (contrast of text, and of links told apart from text by colour alone). */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

// The same pages on either engine: checked once, on the embedded default.
onSqlite('accessibility of the editors’ side', (h) => {
  let store: TestStore;
  let server: AdminServer;
  let browser: Browser;
  let articleId = '';
  let translationId = '';

  before(async () => {
    if (browserSkip) return;
    store = await h.open();
    await addAccounts(store, ['admin']);
    await loadDemo(store);
    const row = await store.db.selectFrom('articles').select(['id']).where('lang', '=', 'ar').where('status', '=', 'published').executeTakeFirstOrThrow();
    articleId = row.id;
    const current = (await store.getArticle(articleId))!;
    await proposeChange(store, CLI_EDITOR, { article: { ...current, summary: current.summary + ' تعديل.' }, version: (await articleState(store, articleId))!.version });
    // A translation made from an Arabic source that has changed since: the side-by-side view shows the diff.
    const source = await saveEdit(store, CLI_EDITOR, { article: makeArticle({ lang: 'ar', slug: 'asl-lilfahs', title: 'أصل للفحص' }) });
    translationId = await createTranslation(store, CLI_EDITOR, source.id, 'en');
    const src = (await store.getArticle(source.id))!;
    await saveEdit(store, CLI_EDITOR, { article: { ...src, title: 'أصل للفحص بعد التعديل', body: [...src.body, { kind: 'paragraph', text: 'فقرة أضيفت بعد الترجمة.', links: [] }] }, version: (await articleState(store, source.id))!.version });
    server = await startServer(store);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await h.cleanup();
  });

  /** A page of `context` signed in as the admin, the interface in `ui`. */
  async function signedIn(context: import('playwright-core').BrowserContext, ui: string) {
    const page = await context.newPage();
    await page.goto(server.url + '/admin/sign-in');
    await page.fill('#email', 'admin@example.org');
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(/\/admin$/), page.click('form[action="/admin/sign-in"] button[type=submit]')]);
    if (ui === 'en') await Promise.all([page.waitForLoadState('load'), page.click('form[action="/admin/lang"] button')]);
    assert.equal(await page.getAttribute('html', 'lang'), ui);
    return page;
  }

  test('no serious or critical violation on any admin page, Arabic and English, light and dark', { skip: browserSkip }, async () => {
    const pages = ['/admin', '/admin/articles/new', `/admin/articles/${articleId}`, `/admin/articles/${articleId}/revisions`, '/admin/review', '/admin/outbox', '/admin/experts', '/admin/experts/new', '/admin/terms', '/admin/translations', '/admin/import', '/admin/audit', '/admin/users', '/admin/account', `/admin/articles/${translationId}/translate`];
    const found: string[] = [];
    for (const ui of ['ar', 'en']) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
        const page = await signedIn(context, ui);
        for (const p of pages) {
          await page.goto(server.url + p);
          if (/articles\/(new|[0-9a-f]+)(\/translate)?$/.test(p)) await page.locator('.ProseMirror').waitFor();
          if (p.endsWith('/translate')) assert.ok(await page.locator('.sbs-diff td.add').count(), 'the view checked holds the source’s diff');
          if (p === '/admin/review') assert.ok(await page.locator(`a[href^="/admin/articles/${articleId}"]`).count(), 'the queue checked holds the pending change');
          // Dark differs from light only in its colours: there, the rules that read colours are what can differ.
          const axe = new AxeBuilder({ page });
          const result = await (colorScheme === 'dark' ? axe.withRules(COLOUR_RULES) : axe.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])).analyze();
          for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
            found.push(`${ui} ${colorScheme} ${p}: ${v.id} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
          }
        }
        await context.close();
      }
    }
    assert.deepEqual(found, []);
  });
  test('the article list fits 360 px without sideways scrolling, Arabic and English', { skip: browserSkip }, async () => {
    const found: string[] = [];
    for (const ui of ['ar', 'en']) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport: { width: 360, height: 800 }, colorScheme });
        const page = await signedIn(context, ui);
        assert.ok((await page.locator('main a[href^="/admin/articles/"]').count()) > 5, 'the list holds the demo’s articles');
        const [scroll, inner] = await page.evaluate(() => [document.scrollingElement!.scrollWidth, innerWidth]);
        if (scroll > inner) found.push(`${ui} ${colorScheme}: ${scroll} px wide in a ${inner} px window`);
        await context.close();
      }
    }
    assert.deepEqual(found, []);
  });
});
