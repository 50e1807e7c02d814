/** @module `mizan build --out DIR [--base-url URL] [--api-origin URL] [--no-pdf] [--no-cards] [--no-cite] [--threads N]`: the public site as static files. */
import type { Command } from 'commander';
import { UsageError } from '../../lib/index.ts';
import { exitOnSignal } from '../exit-on-signal.ts';
import { siteConfigFor, storeFor } from '../context.ts';
import { loadStore, loadWeb } from '../lazy.ts';

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('write the public site (every page in every language, feeds, sitemap, assets) as static files, with redirect rules for former paths')
    .requiredOption('--out <dir>', 'folder to write into (an earlier build there is updated: unchanged files are left alone)')
    .option('--base-url <url>', 'the public origin of the copy (default $MIZAN_BASE_URL)')
    .option('--api-origin <url>', 'a Mizan server that answers search and the API for the copy')
    .option('--no-pdf', 'leave the article PDFs out (each is printed by Chromium; a rebuild reprints only those whose article changed); with --api-origin they are sent there')
    .option('--no-cards', 'leave the social cards out (each is drawn in a hundred milliseconds or more; a rebuild redraws only those whose article changed); with --api-origin they are sent there')
    .option('--no-cite', 'leave the articles\' citation exports out (three small files an article: BibTeX, RIS, CSL-JSON); with --api-origin they are always the server\'s')
    .option('--threads <n>', 'threads rendering pages, each with its own connection (default: one per core, one more for each 2,500 published articles)')
    .action(async (opts: { out: string; baseUrl?: string; apiOrigin?: string; pdf: boolean; cards: boolean; cite: boolean; threads?: string }, cmd: Command) => {
      const baseUrl = opts.baseUrl ?? process.env.MIZAN_BASE_URL;
      if (!baseUrl) throw new UsageError('give --base-url (or MIZAN_BASE_URL): the origin the copy will be served from');
      if (opts.apiOrigin && !/^https?:\/\/[^/]+/.test(opts.apiOrigin)) throw new UsageError(`--api-origin must be an http(s) origin, not "${opts.apiOrigin}"`);
      const threads = opts.threads === undefined ? undefined : Number(opts.threads);
      if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1 && threads <= 64)) throw new UsageError(`--threads must be a whole number from 1 to 64, not "${opts.threads}"`);
      // The identity `mizan serve` would read (--config, MIZAN_CONFIG, mizan.config.* beside the database),
      // checked before anything is written: the copy's pages must be the server's bytes.
      const site = await siteConfigFor(cmd);
      const { buildSite, closePdfBrowser } = await loadWeb();
      const { storeTarget } = await loadStore();
      const target = storeTarget(cmd.optsWithGlobals() as { db?: string });
      const store = await storeFor(cmd);
      // Stopped half way (Ctrl-C), the build ends through the exit handlers, which kill the PDF printer's
      // browser and remove its profile (Playwright's own signal handlers are off: pdf/index.ts).
      const release = exitOnSignal();
      try {
        const started = performance.now();
        const r = await buildSite(store, { out: opts.out, baseUrl, apiOrigin: opts.apiOrigin, pdf: opts.pdf, cards: opts.cards, cite: opts.cite, target, threads, site });
        const s = ((performance.now() - started) / 1000).toFixed(1);
        process.stdout.write(`built ${r.pages} files in ${s} s on ${r.threads} thread${r.threads === 1 ? '' : 's'}: ${r.written} written, ${r.unchanged} unchanged, ${r.removed} removed; ${r.redirects} redirects${r.pdfsReused ? `; ${r.pdfsReused} PDFs kept from the last build` : ''}${r.pdfsSkipped ? `; ${r.pdfsSkipped} PDFs left out` : ''}${r.cardsSkipped ? `; ${r.cardsSkipped} social cards left out` : ''}\n`);
        const named = site.name[site.defaultLanguage] ?? Object.values(site.name)[0];
        process.stdout.write(`as ${named} (${site.source === 'default' ? 'no mizan.config.* found: --config names one' : site.source})\n`);
        if (!opts.apiOrigin) process.stdout.write(`without --api-origin: search runs in the reader's browser; the subscribe form needs a Mizan server to post to${opts.cite ? '' : '; citation exports were left out (--no-cite)'}\n`);
        for (const b of r.broken) process.stderr.write(`mizan: broken link ${b.path} (${b.status}) on ${b.from}\n`);
        if (r.broken.length) process.exitCode = 1;
      } finally {
        // The article PDFs are printed by a browser kept open for the whole build: close it, or the command never ends.
        release();
        await closePdfBrowser();
        await store.close();
      }
    });
}
