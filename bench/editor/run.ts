/**
 * @module The editor's latency in Chromium: keystroke to screen on a 10,000-word Arabic article, read
 * from a Chromium performance trace (category `devtools.timeline`) taken while 200 Arabic keys are
 * pressed: per key, from the keydown's timestamp to the presentation of the frame that shows its text
 * (the EventTiming trace events of the keydown, beforeinput and input that key caused; each one's
 * duration runs from its timestamp to the next presented frame after it was handled, as INP counts it).
 * Beside it, in the same run, the page's own Markdown textarea holding the same text (the peer), and the
 * split of each key's time into input delay, handlers and presentation. Also the autosave round trip
 * (the request's duration in the resource timing). Run by `npm run bench -- editor`.
 */
import { addUser, CLI_EDITOR, saveEdit } from '../../src/app/index.ts';
import { openStore } from '../../src/store/index.ts';
import { createWebApp, listen } from '../../src/web/index.ts';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../../test/support/browser.ts';
import { FAST } from '../../test/app/fast-cost.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const WORDS = ['الحكومة', 'الجزائرية', 'أعلنت', 'عن', 'اتفاق', 'جديد', 'مع', 'روسيا', 'في', '٢٠٢٣', 'بقيمة', '1.9', 'مليار', 'دولار', 'وقال', 'الوزير'];
const KEYS = 200;

const dir = mkdtempSync(join(tmpdir(), 'mizan-bench-editor-'));
const store = await openStore({ db: join(dir, 'm.db') });
await addUser(store, { email: 'bench@example.org', role: 'editor', password: 'correct horse battery staple' }, { cost: FAST });
const body = Array.from({ length: 420 }, (_, i) => ({ kind: 'paragraph' as const, text: Array.from({ length: 25 }, (_, j) => WORDS[(i * 7 + j) % WORDS.length]).join(' '), links: [] }));
const article = { id: 'bench', lang: 'ar', dir: 'rtl', type: 'other', typeLabel: '', series: null, title: 'مقالة طويلة', summary: '', published: null, updated: null, path: '/ar/policy-analysis/bench-long', origin: { file: null, url: null }, authors: [], translations: [], body, sources: [], topics: [], regions: [], countries: [], related: [], image: null, attachments: [] } as const;
const saved = await saveEdit(store, CLI_EDITOR, { article: article as never });
const server = await listen(createWebApp({ store }, { noCache: true }), { port: 0, host: '127.0.0.1' });
const browser = await launchBrowser();
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(server.url + '/admin/sign-in');
  await page.fill('#email', 'bench@example.org');
  await page.fill('#password', 'correct horse battery staple');
  await Promise.all([page.waitForURL(/\/admin$/), page.click('form[action="/admin/sign-in"] button[type=submit]')]);
  await page.goto(`${server.url}/admin/articles/${saved.id}`);
  await page.locator('.ProseMirror').waitFor();
  const words = await page.evaluate(() => document.querySelector('.ProseMirror')!.textContent!.split(/\s+/).filter(Boolean).length);

  // Keys as an Arabic keyboard sends them (keydown with its text → beforeinput → input, then keyup):
  // Playwright's keyboard knows only the US layout and inserts other letters as bare text, with no key events.
  const cdp = await page.context().newCDPSession(page);
  const typeKeys = () =>
    traced(browser, page, async () => {
      for (let i = 0; i < KEYS; i++) {
        const key = WORDS[i % WORDS.length][0];
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, text: key, unmodifiedText: key });
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key });
        await page.waitForTimeout(16);
      }
    });

  // The editor: caret in the middle of the article.
  await page.locator('.ProseMirror p').nth(200).click();
  const chars = () => page.evaluate(() => document.querySelector('.ProseMirror')!.textContent!.length);
  const before = await chars();
  const editor = await typeKeys();
  // Keys whose letters did not reach the document would time nothing worth timing.
  const typed = (await chars()) - before;
  if (typed !== KEYS) throw new Error(`${typed} of ${KEYS} letters reached the editor's document`);

  // Autosave round trips, from the resource timing of the requests the typing caused.
  await page.waitForTimeout(2500);
  const autosave = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.name.endsWith('/autosave'))
      .map((e) => e.duration),
  );

  // The peer: the same text in the page's own textarea (Markdown mode), same keys.
  await page.click('#editor-md-toggle');
  await page.locator('#f-body').waitFor({ state: 'visible' });
  await page.reload();
  await page.locator('.ProseMirror').waitFor();
  await page.click('#editor-md-toggle');
  await page.locator('#f-body').waitFor({ state: 'visible' });
  await page.locator('#f-body').click();
  const length = () => page.evaluate(() => document.querySelector<HTMLTextAreaElement>('#f-body')!.value.length);
  const start = await length();
  const textarea = await typeKeys();
  if ((await length()) - start !== KEYS) throw new Error(`${(await length()) - start} of ${KEYS} letters reached the textarea`);

  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const line = (name: string, k: KeyTimes) =>
    `${name}: median ${ms(k.total.median)}, p95 ${ms(k.total.p95)} (n=${k.n} keys; median input delay ${ms(k.delay.median)}, handlers ${ms(k.handlers.median)}, handled → presented ${ms(k.presentation.median)})`;
  console.log(`article: ${words.toLocaleString('en')} words, ${body.length} paragraphs; ${KEYS} keys; Chromium trace, EventTiming`);
  console.log(line('keystroke → presented frame, rich editor', editor));
  console.log(line('keystroke → presented frame, textarea (peer)', textarea));
  console.log(`ratio editor/textarea: median ${(editor.total.median / textarea.total.median).toFixed(2)}×, p95 ${(editor.total.p95 / textarea.total.p95).toFixed(2)}×`);
  const sorted = autosave.sort((a, b) => a - b);
  if (sorted.length) console.log(`autosave round trip (${sorted.length} saves of the whole form): median ${ms(sorted[Math.floor(sorted.length / 2)])}, max ${ms(sorted[sorted.length - 1])}`);
} finally {
  await browser.close();
  await server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

interface Stat {
  median: number;
  p95: number;
}
interface KeyTimes {
  n: number;
  total: Stat;
  delay: Stat;
  handlers: Stat;
  presentation: Stat;
}

function stat(xs: number[]): Stat {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)] ?? NaN, p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? NaN };
}

/** One EventTiming trace event's data (times in ms on the page's clock). */
interface EventTiming {
  type: string;
  timeStamp: number;
  processingStart: number;
  processingEnd: number;
  duration: number;
}

/**
 * Runs `act` under a Chromium trace and returns, per key, the time from its keydown to the presented
 * frame after the last event it caused (keydown, keypress, beforeinput, input; keyup is the next key
 * stroke's business), with the split into input delay (keydown's timestamp to its handlers), handlers
 * (the first handler's start to the last one's end) and presentation (the rest).
 */
async function traced(browser: Browser, page: Page, act: () => Promise<void>): Promise<KeyTimes> {
  await browser.startTracing(page, { categories: ['devtools.timeline'] });
  await act();
  // The last key's frame is presented after the last press returns.
  await page.waitForTimeout(300);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: { name: string; ph: string; args?: { data?: EventTiming } }[] };
  const events = trace.traceEvents
    .filter((e) => e.name === 'EventTiming' && e.ph === 'b' && e.args?.data)
    .map((e) => e.args!.data!)
    .filter((d) => d.type !== 'keyup')
    .sort((a, b) => a.timeStamp - b.timeStamp);
  const keys: EventTiming[][] = [];
  for (const e of events) {
    if (e.type === 'keydown') keys.push([e]);
    else keys.at(-1)?.push(e);
  }
  const total: number[] = [];
  const delay: number[] = [];
  const handlers: number[] = [];
  const presentation: number[] = [];
  for (const k of keys) {
    // A key whose text never reached the page (no input event) is not a keystroke to screen.
    if (!k.some((e) => e.type === 'input')) continue;
    const start = k[0].timeStamp;
    const presented = Math.max(...k.map((e) => e.timeStamp + e.duration));
    const handled = Math.max(...k.map((e) => e.processingEnd));
    total.push(presented - start);
    delay.push(k[0].processingStart - start);
    handlers.push(handled - k[0].processingStart);
    presentation.push(presented - handled);
  }
  if (total.length < KEYS / 2) throw new Error(`the trace holds ${total.length} keystrokes of ${KEYS}: is EventTiming traced by this Chromium?`);
  return { n: total.length, total: stat(total), delay: stat(delay), handlers: stat(handlers), presentation: stat(presentation) };
}
