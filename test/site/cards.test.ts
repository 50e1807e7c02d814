/**
 * Social cards: every article and page without an image of its own points og:image/twitter:image at its
 * card; the card is a 1200×630 PNG showing the title shaped right to left. Checked by decoding the PNG
 * with libvips and by comparing the pixels of the Arabic title with Pango's own rendering of it as
 * joined text (a card built from unjoined letters or in left-to-right order differs).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import sharp from 'sharp';
import { DEMO_DIR, readSiteConfig, renderCard } from '../../src/app/index.ts';
import { createWebApp } from '../../src/web/index.ts';
import { fixtureArticles, tempStore } from '../web/fixtures.ts';

test('an article without an image shares its card; the card is a PNG of the right size', async () => {
  const temp = await tempStore(fixtureArticles());
  try {
    const site = readSiteConfig(join(DEMO_DIR, 'mizan.config.yaml'));
    const app = createWebApp({ store: temp.store, baseUrl: 'https://inst.example', site });
    const html = await (await app.request('/ar/policy-analysis/trq-alhbwb-bd-alhrb')).text();
    const card = /<meta property="og:image" content="https:\/\/inst.example(\/cards\/[0-9a-f]{16}\.png)"\/>/.exec(html)?.[1];
    assert.ok(card, 'og:image is the article card');
    assert.match(html, new RegExp(`<meta name="twitter:image" content="https://inst.example${card!.replace('.', '\\.')}"/>`));
    const res = await app.request(card!);
    assert.equal(res.headers.get('content-type'), 'image/png');
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['png', 1200, 630]);
    const home = await (await app.request('/ar/experts')).text();
    assert.match(home, /<meta property="og:image" content="https:\/\/inst.example\/cards\/site-ar.png"\/>/);
    assert.equal((await app.request('/cards/site-ar.png')).status, 200);
    assert.equal((await app.request('/cards/0000000000000000.png')).status, 404);
  } finally {
    await temp.cleanup();
  }
});

async function titleRegion(png: Buffer) {
  return sharp(png).extract({ left: 0, top: 60, width: 1200, height: 360 }).greyscale().raw().toBuffer({ resolveWithObject: true });
}

/** Pixels that differ clearly between two cards' title regions. */
async function difference(a: Buffer, b: Buffer): Promise<number> {
  const [x, y] = await Promise.all([titleRegion(a), titleRegion(b)]);
  let n = 0;
  for (let i = 0; i < x.data.length; i++) if (Math.abs(x.data[i] - y.data[i]) > 96) n++;
  return n;
}

test('the Arabic title on a card is joined and right to left', async () => {
  const base = { lang: 'ar', kicker: 'تحليل موجز', date: '', siteName: 'معهد', logo: null, accent: '#1d4e89' };
  const shaped = await renderCard({ ...base, title: 'شمس الجزائر' });
  // The same words written with Unicode's presentation forms: already joined (initial, medial, final)…
  const joinedForms = await renderCard({ ...base, title: 'ﺷﻤﺲ ﺍﻟﺠﺰﺍﺋﺮ' });
  // …and with every letter in its isolated form, as a renderer without shaping would draw them.
  const isolatedForms = await renderCard({ ...base, title: 'ﺵﻡﺱ ﺍﻝﺝﺯﺍﺉﺭ' });
  const sameAsJoined = await difference(shaped, joinedForms);
  const sameAsIsolated = await difference(shaped, isolatedForms);
  assert.ok(sameAsJoined * 4 < sameAsIsolated, `shaped text matches the joined forms (${sameAsJoined} pixels differ) far better than the isolated ones (${sameAsIsolated})`);
  // Right to left: the first word (شمس) is drawn at the right, so the ink reaches the right margin.
  const { data, info } = await titleRegion(shaped);
  let maxX = 0;
  for (let y = 0; y < info.height; y++) for (let x = 0; x < info.width; x++) if (data[y * info.width + x] < 100) maxX = Math.max(maxX, x);
  assert.ok(maxX > 1100, `the title is set from the right margin (ink ends at ${maxX})`);
  const reversed = await renderCard({ ...base, title: 'الجزائر شمس' });
  assert.ok((await difference(shaped, reversed)) > sameAsJoined * 4, 'word order matters: the card is not the reversed title');
});

/** Where each line of a card's title ends on the right: each band of rows with ink is a line. */
async function lineEnds(png: Buffer): Promise<number[]> {
  const { data, info } = await sharp(png).extract({ left: 0, top: 110, width: 1200, height: 340 }).greyscale().raw().toBuffer({ resolveWithObject: true });
  const lines: number[] = [];
  let inLine = false;
  for (let y = 0; y < info.height; y++) {
    let right = -1;
    for (let x = 0; x < info.width; x++) if (data[y * info.width + x] < 100) right = x;
    if (right >= 0 && !inLine) lines.push(right);
    else if (right >= 0) lines[lines.length - 1] = Math.max(lines[lines.length - 1], right);
    inLine = right >= 0;
  }
  return lines;
}

test('regression: every line of a wrapped Arabic title is set against the right margin', async () => {
  // Pango swaps left and right in a right-to-left paragraph: asked for 'right', it set the second line
  // of «الجزائر وروسيا: شراكة تسليح تحت الضغط» flush left under the first.
  const png = await renderCard({ lang: 'ar', title: 'الجزائر وروسيا: شراكة تسليح تحت الضغط', kicker: 'تحليل موجز', date: '', siteName: 'معهد', logo: null, accent: '#1d4e89' });
  const edges = (await lineEnds(png)).filter((r) => r > 0);
  assert.ok(edges.length >= 2, `the title wraps (${edges.length} bands of ink)`);
  for (const r of edges) assert.ok(r > 1100, `a line ends at x=${r}, not at the right margin (lines: ${edges.join(', ')})`);
});

test('an Arabic title that opens with a Latin name still reads right to left: every line from the right margin', async () => {
  // Pango takes a paragraph's direction from its first strong letter: this title was laid out left to
  // right, its lines flush left.
  const png = await renderCard({ lang: 'ar', title: 'IMF: تونس والقرض المعلق بين الحكومة والصندوق في عام الانتخابات', kicker: 'تحليل موجز', date: '', siteName: 'معهد', logo: null, accent: '#1d4e89' });
  const lines = await lineEnds(png);
  assert.ok(lines.length >= 2, `the title wraps (${lines.length} bands of ink)`);
  for (const r of lines) assert.ok(r > 1100, `a line ends at x=${r}, not at the right margin (lines: ${lines.join(', ')})`);
});
