/**
 * Social cards and image variants, each beside a reference measured in the same run:
 * - a card rendered by Mizan (sharp: Pango + HarfBuzz) against Chromium drawing the same card as HTML and
 *   taking its screenshot (the usual way sites make cards), p50/p95 over distinct titles (no cache hits);
 * - responsive variants a second (AVIF, WebP, JPEG at 960 px from a 2400 px master) against sharp's own
 *   plain JPEG resize of the same master (the floor any variant costs);
 * - an article PDF of the demo (each Arabic and English article in turn, as `<path>.pdf` answers it)
 *   against Chromium's own print-to-PDF of the same page served by the same app (the same engine with
 *   none of Mizan's work around it: print layout, waiting for fonts, stable dates), p50/p95.
 * Chromium is skipped, with a message, when /usr/bin/chromium is absent.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { loadDemo, openStore, renderCard } from '../../src/app/index.ts';
import { closePdfBrowser, createWebApp, listen } from '../../src/web/index.ts';
import { encodeVariant } from '../../src/app/media/image-codec.ts';

const N = Number(process.env.BENCH_N ?? 30);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const fmt = (ms: number) => ms.toFixed(1).padStart(7);
const titles = Array.from({ length: N }, (_, i) => `العلاقات الجزائرية الروسية بعد غزو أوكرانيا: قراءة رقم ${i + 1} في شراكة تحت الضغط`);

async function mizanCards(): Promise<number[]> {
  const out: number[] = [];
  for (const title of titles) {
    const t0 = performance.now();
    await renderCard({ lang: 'ar', title, kicker: 'تحليل موجز · المرصد السياسي 3740', date: '18 أيار/مايو 2023', siteName: 'معهد القنطرة لسياسات شمال أفريقيا', logo: null, accent: '#1d4e89' });
    out.push(performance.now() - t0);
  }
  return out;
}

async function chromiumCards(): Promise<number[] | null> {
  if (!existsSync('/usr/bin/chromium')) return null;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
  const out: number[] = [];
  try {
    for (const title of titles) {
      const t0 = performance.now();
      await page.setContent(
        `<html dir="rtl" lang="ar"><body style="margin:0;width:1200px;height:630px;background:#f7f3ea;font-family:'Noto Naskh Arabic'"><div style="height:14px;background:#1d4e89"></div><p style="margin:56px 72px 0;color:#1d4e89;font-size:26px;font-weight:700">تحليل موجز · المرصد السياسي 3740 · 18 أيار/مايو 2023</p><h1 style="margin:20px 72px;font-size:56px;line-height:1.5">${title}</h1><p style="position:absolute;bottom:60px;right:72px;font-size:28px;font-weight:700">معهد القنطرة لسياسات شمال أفريقيا</p></body></html>`,
      );
      await page.screenshot({ type: 'png' });
      out.push(performance.now() - t0);
    }
  } finally {
    await browser.close();
  }
  return out;
}

async function variants(): Promise<void> {
  const raw = Buffer.alloc(2400 * 1350 * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 13 + ((i / 7200) | 0)) & 255;
  const master = await sharp(raw, { raw: { width: 2400, height: 1350, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
  const rate = async (f: () => Promise<unknown>) => {
    const t0 = performance.now();
    let n = 0;
    while (performance.now() - t0 < 4000) {
      await f();
      n++;
    }
    return n / ((performance.now() - t0) / 1000);
  };
  const floor = await rate(() => sharp(master).resize({ width: 960 }).jpeg().toBuffer());
  console.log(`variants a second at 960 px from a 2400 px master (reference: sharp's plain JPEG resize, ${floor.toFixed(1)}/s):`);
  for (const format of ['avif', 'webp', 'jpeg'] as const) {
    const r = await rate(() => encodeVariant(master, format, 960));
    console.log(`  ${format.padEnd(5)} ${r.toFixed(1).padStart(6)}/s   ratio to reference ${(r / floor).toFixed(2)}`);
  }
}

const mizan = await mizanCards();
const chrome = await chromiumCards();
console.log(`social card, ${N} distinct Arabic titles        p50 ms   p95 ms`);
console.log(`  mizan (sharp: Pango/HarfBuzz)          ${fmt(pct(mizan, 50))}  ${fmt(pct(mizan, 95))}`);
if (chrome) {
  console.log(`  chromium (HTML → screenshot, warm)     ${fmt(pct(chrome, 50))}  ${fmt(pct(chrome, 95))}`);
  console.log(`  ratio mizan/chromium p50 ${(pct(mizan, 50) / pct(chrome, 50)).toFixed(2)}, p95 ${(pct(mizan, 95) / pct(chrome, 95)).toFixed(2)}`);
} else console.log('  chromium: /usr/bin/chromium absent, reference skipped');
await variants();
await pdfs();

async function pdfs(): Promise<void> {
  if (!existsSync('/usr/bin/chromium')) return console.log('article PDF: /usr/bin/chromium absent, skipped');
  const dir = mkdtempSync(join(tmpdir(), 'mizan-bench-pdf-'));
  const store = await openStore({ db: join(dir, 'm.db') });
  await loadDemo(store);
  const app = createWebApp({ store }, { noCache: true });
  const server = await listen(app, { port: 0, host: '127.0.0.1' });
  const paths = (await store.listArticles({ limit: 100 })).items.filter((a) => a.type !== 'page').map((a) => a.path);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    // Both warm: Mizan's kept browser started, each page's image variants made (on first request, then
    // kept), the reference's page open.
    for (const path of paths) await (await app.request(`${path}.pdf`)).arrayBuffer();
    const page = await browser.newPage();
    const mine: number[] = [];
    const ref: number[] = [];
    for (let i = 0; i < Math.max(N, paths.length); i++) {
      const path = paths[i % paths.length];
      let t0 = performance.now();
      const res = await app.request(`${path}.pdf`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}.pdf answered ${res.status}`);
      mine.push(performance.now() - t0);
      t0 = performance.now();
      await page.goto(server.url + path, { waitUntil: 'networkidle' });
      await page.pdf({ format: 'A4' });
      ref.push(performance.now() - t0);
    }
    console.log(`article PDF, ${mine.length} prints of ${paths.length} demo articles   p50 ms   p95 ms`);
    console.log(`  mizan (<path>.pdf)                     ${fmt(pct(mine, 50))}  ${fmt(pct(mine, 95))}`);
    console.log(`  chromium print-to-PDF of the page      ${fmt(pct(ref, 50))}  ${fmt(pct(ref, 95))}`);
    console.log(`  ratio mizan/chromium p50 ${(pct(mine, 50) / pct(ref, 50)).toFixed(2)}, p95 ${(pct(mine, 95) / pct(ref, 95)).toFixed(2)}`);
  } finally {
    await browser.close();
    await closePdfBrowser();
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
