/**
 * The site in a real browser: a server on a random port over a real SQLite file holding the fixtures and
 * the seed page (imported with the importer's own `readPage`). Checks RTL, headings, links and the
 * language switch, runs axe-core on every page type in both languages, and writes screenshots at 360 px
 * and 1280 px to test-results/web/.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { saveArticle } from '../../src/app/index.ts';
import { readPage } from '../../src/ingest/index.ts';
import { createWebApp, listen, type Listening } from '../../src/web/index.ts';
import { browserSkip, launchBrowser } from '../support/browser.ts';
import { readSeed, seedAvailable, SEED_FILE } from '../support/seed.ts';
import { tempStore, type TempStore } from './fixtures.ts';

const SHOTS = new URL('../../test-results/web/', import.meta.url).pathname;

const PAGES: [name: string, path: string][] = [
  ['home-en', '/'],
  ['home-ar', '/ar/'],
  ['article-en', '/policy-analysis/grain-routes-after-the-war'],
  ['article-ar', '/ar/policy-analysis/trq-alhbwb-bd-alhrb'],
  ['topic-en', '/policy-analysis/food-security'],
  ['region-ar', '/ar/policy-analysis/shmal-afryqya'],
  ['expert-en', '/experts/layla-haddad'],
  ['expert-ar', '/ar/experts/lyla-hdad'],
  ['not-found-en', '/policy-analysis/nothing-here'],
  ['not-found-ar', '/ar/policy-analysis/nothing-here'],
  ['bad-request-ar', '/ar/policy-analysis/shmal-afryqya?page=0'],
];

describe('in a browser', () => {
  if (browserSkip) {
    // Counted as a skipped test in the summary (a skipped suite alone would not be).
    test('in Chromium', { skip: browserSkip }, () => {});
    return;
  }
  let temp: TempStore;
  let server: Listening;
  let browser: Browser;
  let seedPath: string | undefined;

  before(async () => {
    temp = await tempStore();
    if (seedAvailable) {
      const parsed = readPage({ file: SEED_FILE, bytes: new TextEncoder().encode(readSeed()) });
      for (const article of parsed.articles) await saveArticle(temp.store, article);
      seedPath = parsed.articles[0]?.path;
    }
    server = await listen(createWebApp({ store: temp.store }), { port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await temp?.cleanup();
  });

  async function open(path: string, width = 1280, javaScript = true): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: javaScript });
    const page = await context.newPage();
    const res = await page.goto(server.url + path);
    assert.ok(res, path);
    await page.evaluate(() => document.fonts.ready.then(() => undefined)).catch(() => undefined);
    return page;
  }

  test('the seed article reads right to left, with its headings, authors and no link to a missing translation', { skip: seedAvailable ? false : 'seed absent' }, async () => {
    assert.ok(seedPath, 'the seed imported');
    const page = await open(seedPath, 1280, false);
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.article-body')!).direction), 'rtl');
    const headings = await page.locator('.article-body h2').allTextContents();
    assert.ok(headings.length >= 2, `two section headings, got ${headings.length}`);
    const authors = await page.locator('.byline a[rel=author]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.equal(authors.length, 3);
    for (const href of authors) assert.match(href ?? '', /^\/ar\/experts\/[a-z-]+$/);
    assert.match(await page.locator('.dateline time').getAttribute('datetime') ?? '', /^\d{4}-\d{2}-\d{2}$/);
    // The English version is named on the page but not stored: no link may lead to a 404.
    assert.equal(await page.locator('.translations').count(), 0);
    await page.locator('.byline a[rel=author]').first().click();
    assert.match(page.url(), /\/ar\/experts\//);
    assert.equal(await page.locator('h1').count(), 1);
    await page.context().close();
  });

  test('the language switch leads to the translation, which reads left to right', async () => {
    const page = await open('/ar/policy-analysis/trq-alhbwb-bd-alhrb');
    await page.locator('.translations a[hreflang=en]').click();
    assert.equal(new URL(page.url()).pathname, '/policy-analysis/grain-routes-after-the-war');
    assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
    await page.locator('.translations a[hreflang=ar]').click();
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await page.context().close();
  });

  test('axe finds no serious or critical violation on any page type, in either language', async () => {
    const pages = seedPath ? [...PAGES, ['article-seed', seedPath] as [string, string]] : PAGES;
    const problems: string[] = [];
    // Every page in light; the dark palette is one set of colours, checked on the richest page.
    const runs = [...pages.map(([name, path]) => [name, path, 'light'] as const), ['article-ar', '/ar/policy-analysis/trq-alhbwb-bd-alhrb', 'dark'] as const];
    for (const [name, path, scheme] of runs) {
      {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
        const page = await context.newPage();
        await page.goto(server.url + path);
        // Only violations are collected: passes and incomplete results are most of axe's work to report.
        // WCAG 2.2 too: Lighthouse checks its target size (a note's back-link was a 10 px target beside its source).
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).options({ resultTypes: ['violations'] }).analyze();
        for (const v of result.violations) {
          if (v.impact === 'serious' || v.impact === 'critical') {
            problems.push(`${name} (${scheme}): ${v.id} (${v.impact}) ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
          }
        }
        await context.close();
      }
    }
    assert.deepEqual(problems, []);
  });

  test('every page fits a 320 px screen and is screenshot at 360 px and 1280 px', async () => {
    const pages = seedPath ? [...PAGES, ['article-seed', seedPath] as [string, string]] : PAGES;
    for (const width of [320, 360, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      for (const [name, path] of pages) {
        await page.goto(server.url + path);
        if (width === 320) {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 0, `${name} overflows 320 px by ${overflow}px`);
        } else {
          await page.evaluate(() => document.fonts.ready.then(() => undefined));
          await page.screenshot({ path: `${SHOTS}${name}-${width}.png`, fullPage: true });
        }
      }
      await context.close();
    }
  });

  test('pages do not shift as fonts arrive (cumulative layout shift under 0.1)', async () => {
    for (const path of ['/ar/policy-analysis/trq-alhbwb-bd-alhrb', '/']) {
      const page = await open(path, 360);
      const cls = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let total = 0;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
                if (!entry.hadRecentInput) total += entry.value;
              }
            }).observe({ type: 'layout-shift', buffered: true });
            setTimeout(() => resolve(total), 300);
          }),
      );
      assert.ok(cls < 0.1, `${path}: layout shift ${cls}`);
      await page.context().close();
    }
  });

  test('pages read without JavaScript and load no script', async () => {
    const page = await open('/ar/policy-analysis/trq-alhbwb-bd-alhrb', 1280, false);
    assert.ok(await page.locator('h1').isVisible());
    assert.equal(await page.locator('script:not([type="application/ld+json"])').count(), 0);
    await page.context().close();
  });
});
