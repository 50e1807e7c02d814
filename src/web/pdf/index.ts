/**
 * @module `<article path>.pdf`: the article as printed, made by Chromium's print-to-PDF from the article's
 * own page and print stylesheet (Chromium shapes Arabic and lays it out right to left; docs/pdf.md says
 * why). Chromium is optional: without it the address answers 503 saying so. One browser is started on
 * first use and kept; its requests are answered by the app itself, never the network. The process's
 * owner closes it (`closePdfBrowser`): `mizan serve` once the requests in flight are answered, `mizan
 * build` when the copy is written.
 */
import type { Hono } from 'hono';
import { MizanError, NotFoundError } from '../../lib/index.ts';
import { bodyOfAnswer } from '../http/pipeline.ts';
import { sitePrefixes } from '../send.ts';
import { readsOf } from '../read-cache.ts';
import { siteText } from '../site/index.ts';
import type { WebDeps } from '../web-deps.ts';
import { stablePdfDates } from './pdf-dates.ts';

type Browser = { newPage(): Promise<any>; close(): Promise<void> };
let browser: Promise<Browser> | null = null;

/** Where Chromium is: MIZAN_CHROMIUM, else Debian's. */
function chromiumPath(): string {
  return process.env.MIZAN_CHROMIUM ?? '/usr/bin/chromium';
}

async function launch(): Promise<Browser> {
  const { existsSync } = await import('node:fs');
  if (!existsSync(chromiumPath())) throw new MizanError('pdf-unavailable', `PDFs need Chromium, which is not installed at ${chromiumPath()} (set MIZAN_CHROMIUM)`, { status: 503 });
  const { chromium } = await import('playwright-core').catch((err) => {
    throw new MizanError('pdf-unavailable', 'PDFs need the playwright-core package, which is not installed', { status: 503, cause: err });
  });
  // Playwright would close the browser itself on the process's SIGTERM, SIGINT and SIGHUP, under a PDF
  // still being printed: a server told to stop finishes its requests first, then closes it.
  return chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'], handleSIGTERM: false, handleSIGINT: false, handleSIGHUP: false });
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ESC[c]);

export function registerPdf(app: Hono, deps: WebDeps): void {
  for (const { prefix } of sitePrefixes()) {
    app.get(`${prefix}/policy-analysis/:file{.+\\.pdf}`, async (c) => {
      const path = c.req.path.replace(/\.pdf$/, '');
      const target = await readsOf(deps).resolvePath(path);
      const article = target?.kind === 'article' ? await readsOf(deps).getArticle(target.id) : undefined;
      if (!article || article.path !== path) throw new NotFoundError(`no article at ${path}`);
      browser ??= launch().catch((err) => {
        browser = null;
        throw err;
      });
      const page = await (await browser).newPage();
      try {
        const origin = 'http://mizan.pdf';
        // Every request of the page (HTML, stylesheet, fonts, images) is answered by this app.
        await page.route('**/*', async (route: any) => {
          const url = new URL(route.request().url());
          if (url.origin !== origin) return route.abort();
          const req = new Request(`http://localhost${url.pathname}${url.search}`);
          const res = await app.request(req);
          // In the build (an in-process app) a page's bytes are handed over beside its answer, not in it.
          const body = bodyOfAnswer(req) ?? new Uint8Array(await res.arrayBuffer());
          await route.fulfill({ status: res.status, headers: Object.fromEntries(res.headers), body: Buffer.from(body.buffer, body.byteOffset, body.byteLength) });
        });
        await page.goto(origin + path, { waitUntil: 'networkidle' });
        // Laid out for paper first, and its fonts loaded: the print faces (Amiri) are named only in the
        // print style, and a face still loading when the PDF is made is replaced by the next one.
        await page.emulateMedia({ media: 'print' });
        await page.evaluate(() => document.fonts.ready.then(() => undefined));
        const address = new URL(path, deps.baseUrl ?? new URL(c.req.url).origin).href;
        const dir = article.lang === 'ar' ? 'rtl' : 'ltr';
        const printed: Buffer = await page.pdf({
          format: 'A4',
          printBackground: false,
          displayHeaderFooter: true,
          headerTemplate: `<div dir="${dir}" style="font-size:8px;width:100%;padding:0 1.6cm;color:#555;font-family:'Noto Naskh Arabic',serif">${esc(siteText(article.lang, 'name'))}</div>`,
          footerTemplate: `<div dir="ltr" style="font-size:8px;width:100%;padding:0 1.6cm;color:#555;display:flex;justify-content:space-between"><span>${esc(address)}</span><span><span class="pageNumber"></span>/<span class="totalPages"></span></span></div>`,
          margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' },
        });
        // The article's dates, not the print time: an unchanged article prints to the same bytes.
        const pdf = stablePdfDates(printed, article);
        return new Response(new Uint8Array(pdf), {
          headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${path.split('/').pop()}.pdf"`, 'cache-control': 'public, max-age=300' },
        });
      } finally {
        await page.close().catch(() => {});
      }
    });
  }
}

/**
 * Closes the browser kept for PDFs, if one was started (at shutdown, after the last PDF; tests). A later
 * PDF starts another.
 *
 * @example await running.stop(); await closePdfBrowser() // no Chromium left running
 */
export async function closePdfBrowser(): Promise<void> {
  const b = browser;
  browser = null;
  if (b) await (await b.catch(() => null))?.close();
}
