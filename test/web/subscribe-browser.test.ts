/**
 * The subscribe pages in a real browser: the form at /subscribe and /ar/subscribe (axe-core finds no
 * violations; screenshots at 360 and 1280 px to test-results/web/), and a reader subscribing from the
 * box on a topic page — the browser's own POST passes the Origin check and lands on "check your inbox".
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { mdb } from '../../src/app/index.ts';
import { createWebApp, listen, type Listening } from '../../src/web/index.ts';
import { browserSkip, launchBrowser } from '../support/browser.ts';
import { tempStore, type TempStore } from './fixtures.ts';

const SHOTS = new URL('../../test-results/web/', import.meta.url).pathname;

describe('subscribing in a browser', { skip: browserSkip }, () => {
  let temp: TempStore;
  let server: Listening;
  let browser: Browser;
  before(async () => {
    temp = await tempStore();
    server = await listen(createWebApp({ store: temp.store }), { port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await temp?.cleanup();
  });

  for (const [name, path] of [
    ['subscribe-ar', '/ar/subscribe'],
    ['subscribe-en', '/subscribe'],
  ]) {
    test(`${path}: accessible, right to left in Arabic, screenshots`, async () => {
      for (const width of [360, 1280]) {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        const res = await page.goto(server.url.replace(/\/$/, '') + path);
        assert.equal(res?.status(), 200);
        assert.equal(await page.evaluate(() => document.documentElement.dir), name.endsWith('ar') ? 'rtl' : 'ltr');
        assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= width, 'no sideways scrolling');
        if (width === 1280) {
          const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).options({ resultTypes: ['violations'] }).analyze();
          assert.deepEqual(axe.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target).join(' ')}`), []);
        }
        await page.screenshot({ path: `${SHOTS}${name}-${width}.png`, fullPage: true });
        await context.close();
      }
    });
  }

  test('the box on an Arabic region page subscribes to that region, from the browser', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
    await page.goto(server.url.replace(/\/$/, '') + '/ar/policy-analysis/shmal-afryqya');
    await page.fill('.sub-box input[type=email]', 'browser-reader@example.org');
    await Promise.all([page.waitForNavigation(), page.click('.sub-box button')]);
    assert.match(await page.textContent('h1') ?? '', /تفقّد بريدك/);
    await page.screenshot({ path: `${SHOTS}subscribe-sent-ar-360.png`, fullPage: true });
    await page.close();
    const follows = await mdb(temp.store).selectFrom('mail_follows').select(['kind']).execute();
    assert.deepEqual(follows.map((f) => f.kind), ['region']);
  });
});
