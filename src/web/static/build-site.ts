/**
 * @module `mizan build`: the public site as files for any static host or CDN. Every page is rendered by
 * the site itself (the same app, the same bytes a reader gets from the server), found by following links
 * from the home pages, feeds and sitemap; written incrementally (a file whose bytes did not change is left
 * alone, a page that is gone is removed); plus redirect rules for former paths (`_redirects` for hosts that
 * read it, `nginx-redirects.conf` for nginx) and, when an API origin is given, rules that send search and the
 * API there, or, with none, a search that runs in the browser (static/search-index.ts). Pages with a query
 * (`?page=2`) are written as `<path>~<query>.html` with rules to match.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureFolder, MizanError, publicOrigin } from '../../lib/index.ts';
import { LANGS, type SiteConfig } from '../../model/index.ts';
import type { OpenOptions, Store } from '../../store/index.ts';
import { pageRenderer, sha, type Rendered } from './page-renderer.ts';
import { RenderThread, startRenderThreads, ThreadGone } from './render-pool.ts';
import { searchScript, staticSearchIndex } from './search-index.ts';
import { CITE_EXPORT, CITE_EXTENSIONS, fileForPath, linksOf } from './site-files.ts';

export { fileForPath } from './site-files.ts';

export interface BuildOptions {
  out: string;
  /** The public origin of the copy (canonical links, feeds, sitemap). */
  baseUrl: string;
  /** A Mizan server that answers search and the API for the static copy. */
  apiOrigin?: string;
  /**
   * The institute's identity (its name, logo, colours, menus, languages, time zone), as `mizan serve`
   * is given it: the copy's pages are the server's bytes only when both read the same configuration.
   */
  site?: SiteConfig;
  /**
   * Print the articles' PDFs (default true). Each is printed by Chromium, far dearer than a page, so a
   * PDF whose article page did not change since the last build into `out` is kept, not printed again;
   * without PDFs their addresses go to the API origin when one is given.
   */
  pdf?: boolean;
  /**
   * Draw the social cards shared links show (`/cards/<id>.png`, default true): a card costs a hundred
   * milliseconds or more, and is kept by a rebuild while its article is unchanged. Without them, their
   * addresses go to the API origin when one is given.
   */
  cards?: boolean;
  /**
   * Copy each article's citation exports (`/api/articles/<id>/cite?format=…` as `cite.bib`, `.ris`,
   * `.json`; default true) when no API origin answers them: three small files an article, so a copy
   * of a large archive holds more citation files than pages. Without them their links answer 404.
   */
  cite?: boolean;
  /**
   * The database `store` was opened on: given, pages are also rendered by `threads - 1` more threads,
   * each with its own connection to it (without it, on this thread alone).
   */
  target?: Pick<OpenOptions, 'db' | 'url' | 'schema'>;
  /**
   * Threads rendering pages, this one included (default: the cores there are, `os.availableParallelism()`).
   * Given, the build waits for each to start (a small site is shared among them all); by default they
   * take pages as they come up, and only a site with 2,500 published articles or more a thread gets them
   * (starting one costs about as much as rendering a few hundred pages).
   */
  threads?: number;
}

export interface BuildReport {
  pages: number;
  written: number;
  unchanged: number;
  removed: number;
  redirects: number;
  /** Article PDFs left out (`pdf: false`), and PDFs kept from the last build because their page had not changed. */
  pdfsSkipped: number;
  pdfsReused: number;
  /** Social cards left out (`cards: false`). */
  cardsSkipped: number;
  /** Pages not rendered again: nothing they were built from changed since the last build into `out` (counted in `unchanged`). */
  reused: number;
  /** Internal links that answered something other than a page (status, from which page). */
  broken: { path: string; status: number; from: string }[];
  /** Threads that rendered pages, this one included. */
  threads: number;
}

const MANIFEST = '.mizan-build.json';
/** Per PDF written: the digest of what it was printed from (its article page's bytes) and its own. */
const PDF_SOURCES = '.mizan-build-pdf.json';
/** What the last build's pages were built from (their cache tags), the change it had read up to, and the code and origin it ran with. */
const STATE = '.mizan-build-state.json';
const PDF = /\/policy-analysis\/[^/?]+\.pdf$/;
/** A social card (web/cards). */
const CARD = /^\/cards\/[0-9a-z-]+\.png$/;
/** Paths handed to a render thread at once (fewer near the end, so that all finish together). */
const THREAD_BATCH = 64;
/** Published articles for each render thread started unasked (about twice as many pages). */
const ARTICLES_A_THREAD = 2500;
/** PDFs printed at once: Chromium lays out one while another is written (more gains little on two cores). */
const PDFS_AT_ONCE = 3;
/** Paths this thread renders before it looks for the render threads' answers. */
const OWN_BATCH = 8;
/** Pages waiting in a rebuild before its render threads are started (a rebuild with less to do renders it on this thread). */
const REBUILD_THREAD_START = 256;
/** A link to page N of a paged listing (views/pager.tsx puts `page` last; page 1 is the listing's own path). */
const PAGED = /^([^#]*[?&])page=([1-9][0-9]{0,5})$/;

/** Dynamic by nature: served by a Mizan server (the API origin), never copied. */
const DYNAMIC = /^\/(admin|api)(\/|$)|^(\/[a-z]{2})?\/search(\?|$)|\/readyz$|\/healthz$|\/metrics$/;
/** With a server to answer them, the subscription's pages are its (their forms post there, their mails link there). */
const SUBSCRIBE = /^(\/[a-z]{2})?\/subscribe(\/|\?|$)/;
/** What the API holds that is the same for every reader: copied when no server answers the API. */
const API_FILES = /^\/api\/openapi\.json$/;

/** The copy's "not found" page for the paths under a language's prefix: `404.html`, `ar/404.html`. */
function notFoundFile(prefix: string): string {
  return prefix ? `${prefix.slice(1)}/404.html` : '404.html';
}

/** Whether the build leaves `link` to a Mizan server (the API origin) rather than copying it. */
function leftToServer(link: string, api: string | undefined, cite: boolean): boolean {
  if (api) return DYNAMIC.test(link) || SUBSCRIBE.test(link);
  return DYNAMIC.test(link) && !API_FILES.test(link) && !(cite && CITE_EXPORT.test(link));
}

/**
 * Writes the public site served from `store` into `opts.out`.
 *
 * @example await buildSite(store, { out: 'public', baseUrl: 'https://example.org' }) // → { pages: 412, written: 412, … }
 */
export async function buildSite(store: Store, opts: BuildOptions): Promise<BuildReport> {
  const origin = publicOrigin(opts.baseUrl, '--base-url');
  const start = ['/robots.txt', '/sitemap.xml', ...Object.values(LANGS).flatMap(({ prefix }) => [`${prefix}/`, `${prefix}/feed.xml`, `${prefix}/feed.atom`, `${prefix}/feed.json`])];
  const seen = new Set(start);
  const queue = [...start];
  const from = new Map<string, string>(start.map((p) => [p, '(start)']));
  const files = new Map<string, string>();
  const report: BuildReport = { pages: 0, written: 0, unchanged: 0, removed: 0, redirects: 0, pdfsSkipped: 0, pdfsReused: 0, cardsSkipped: 0, reused: 0, broken: [], threads: 1 };
  ensureFolder(opts.out, `write the copy into ${opts.out}`);
  const previous: Record<string, string> = existsSync(join(opts.out, MANIFEST)) ? JSON.parse(readFileSync(join(opts.out, MANIFEST), 'utf8')) : {};
  const rendering = { out: opts.out, origin, previous, site: opts.site };
  // Read before any snapshot (this thread's and each render thread's): a change made while the build
  // runs is read again by the next one.
  const change = await store.latestChangeId();
  const fingerprint = sha(new TextEncoder().encode(JSON.stringify([origin, opts.apiOrigin ?? '', codeDigest(), siteDigest(opts.site)])));
  const last = readState(join(opts.out, STATE));
  // Defined for a rebuild whose last build's pages can be kept where nothing they were built from changed.
  const changed = last && last.fingerprint === fingerprint ? await changedSince(store, last.change) : undefined;
  // Unasked, render threads only for a site large enough that each pays for its start (loading the code
  // costs about as much as rendering a few hundred pages).
  let extra = opts.target ? (opts.threads ?? availableParallelism()) - 1 : 0;
  if (extra > 0 && opts.threads === undefined) extra = Math.min(extra, Math.floor((await publishedCount(store)) / ARTICLES_A_THREAD));
  // A whole build (or one asked for threads) starts them first, so they open their connections and load
  // their snapshots while this thread loads its own; a rebuild only once it has enough pages to render.
  const threads: RenderThread[] = [];
  const startThreads = () => {
    if (extra > 0 && !threads.length) threads.push(...startRenderThreads(extra, { target: opts.target!, renderer: rendering }));
  };
  if (!changed || opts.threads !== undefined) startThreads();
  try {
    const renderer = await pageRenderer(store, rendering);
    // Asked for a number of threads, each is given its share from the first batch on (one that cannot
    // start is left out); else they join as they come up, while this thread renders.
    if (opts.threads !== undefined) await Promise.all(threads.map((t) => t.started));
    const state: BuildState = { fingerprint, change, pages: {} };
    const printedFrom: Record<string, [source: string, digest: string]> = existsSync(join(opts.out, PDF_SOURCES)) ? JSON.parse(readFileSync(join(opts.out, PDF_SOURCES), 'utf8')) : {};
    const pdfSources: Record<string, [string, string]> = {};
    /** The digest of each page written this build, by site path: what a PDF of it was printed from. */
    const pageDigest = new Map<string, string>();
    const skippedPdfs: string[] = [];

    const follow = (links: Iterable<string>, page: string) => {
      for (const link of links) {
        if (seen.has(link) || leftToServer(link, opts.apiOrigin, opts.cite !== false)) continue;
        seen.add(link);
        from.set(link, page);
        queue.push(link);
      }
    };
    /** Per paged listing (its page links' prefix), the highest page whose lower pages were all taken. */
    const pagedUpTo = new Map<string, number>();
    // A pager links to its listing's last page: once that page is there, the pages before it are taken
    // at once, not found one "older" link at a time (an expert's 400 pages made a chain that ended the build alone).
    const takePagesBefore = (path: string) => {
      const paged = PAGED.exec(path);
      if (!paged) return;
      const [, prefix, n] = paged;
      const upTo = pagedUpTo.get(prefix) ?? 1;
      if (Number(n) <= upTo) return;
      pagedUpTo.set(prefix, Number(n));
      const lower: string[] = [];
      for (let i = upTo + 1; i < Number(n); i++) lower.push(`${prefix}page=${i}`);
      follow(lower, path);
    };
    const accept = (r: Rendered) => {
      if (r.status === 301 || r.status === 308) {
        if (r.location?.startsWith('/')) follow([r.location], r.path);
        return;
      }
      if (r.status !== 200) {
        report.broken.push({ path: r.path, status: r.status, from: from.get(r.path) ?? '' });
        return;
      }
      const file = r.file!;
      if (r.tags) state.pages[r.path] = r.tags;
      files.set(file, r.digest!);
      pageDigest.set(r.path, r.digest!);
      if (pdfSources[file]) pdfSources[file][1] = r.digest!;
      report.pages++;
      if (r.written) report.written++;
      else report.unchanged++;
      follow(r.links ?? [], r.path);
      takePagesBefore(r.path);
    };

    // Made while the pages render (on this thread, between its batches, while the render threads go on).
    // Nothing changed since the last build: its index is still the index of every published article.
    const kept = changed?.size === 0 ? keptSearchIndex(opts.out, previous) : undefined;
    const indexing = opts.apiOrigin ? undefined : kept ? Promise.resolve(kept) : staticSearchIndex(store).then((json) => new TextEncoder().encode(json));
    // Bundled by esbuild's own process while the pages render, not after them.
    const scripting = opts.apiOrigin ? undefined : searchScript();
    for (const p of [indexing, scripting]) p?.catch(() => {}); // awaited below; a build that fails first must not also report it as unhandled
    /** Paths to render, by this thread or a render thread; batches handed to threads still rendering. */
    const toRender: string[] = [];
    const inFlight = new Set<Promise<void>>();
    /** PDFs being printed (their promises are in `inFlight` too). */
    let printing = 0;
    let failed: unknown;
    for (;;) {
      while (queue.length) {
        const path = queue.shift()!;
        if (opts.cards === false && CARD.test(path)) {
          report.cardsSkipped++;
          continue;
        }
        if (PDF.test(path)) {
          if (opts.pdf === false) {
            skippedPdfs.push(path);
            continue;
          }
          const file = fileForPath(path);
          const page = pageDigest.get(path.slice(0, -4));
          const source = sha(new TextEncoder().encode(`${path}\u0000${page ?? ''}`));
          const kept = printedFrom[file];
          if (page && kept && kept[0] === source && previous[file] === kept[1] && existsSync(join(opts.out, file))) {
            files.set(file, kept[1]);
            pdfSources[file] = kept;
            report.pages++;
            report.unchanged++;
            report.pdfsReused++;
            continue;
          }
          pdfSources[file] = [source, ''];
          // Printed here, a few at once while the pages go on: one browser for the build, kept open by
          // this thread (pdf/index.ts), and a PDF waits mostly on Chromium, not on this thread.
          while (printing >= PDFS_AT_ONCE) await Promise.race(inFlight);
          if (failed) throw failed;
          printing++;
          const done: Promise<void> = renderer
            .render([path])
            .then(
              (rendered) => rendered.forEach(accept),
              (err) => {
                failed ??= err;
              },
            )
            .finally(() => {
              printing--;
              inFlight.delete(done);
            });
          inFlight.add(done);
          continue;
        }
        // Built from nothing that changed since the last build: its file is kept, not rendered again.
        const before = changed && last!.pages[path];
        if (before && before.every((tag) => !changed.has(tag))) {
          const file = fileForPath(path);
          const digest = previous[file];
          // Read synchronously, as pages are written: thousands of small reads cost more through the thread pool.
          const kept = digest && existsSync(join(opts.out, file)) ? readFileSync(join(opts.out, file)) : undefined;
          if (kept) {
            files.set(file, digest);
            pageDigest.set(path, digest);
            state.pages[path] = before;
            report.pages++;
            report.unchanged++;
            report.reused++;
            follow(typeOfFile(file) ? linksOf(kept.toString('utf8'), typeOfFile(file), origin) : [], path);
            takePagesBefore(path);
            continue;
          }
        }
        toRender.push(path);
      }
      if (failed) throw failed;
      if (toRender.length >= REBUILD_THREAD_START) startThreads();
      for (const thread of threads) {
        while (toRender.length && thread.idle) {
          // Small enough that every thread has work to the end, large enough to read ahead in bulk.
          const batch = toRender.splice(0, Math.min(THREAD_BATCH, Math.ceil(toRender.length / (threads.length * RenderThread.BATCHES_IN_FLIGHT + 1))));
          const done: Promise<void> = thread
            .render(batch)
            .then(
              (rendered) => rendered.forEach(accept),
              (err) => {
                if (err instanceof ThreadGone) toRender.push(...batch);
                else failed ??= err;
              },
            )
            .finally(() => inFlight.delete(done));
          inFlight.add(done);
        }
      }
      if (toRender.length) {
        for (const r of await renderer.render(toRender.splice(0, OWN_BATCH))) accept(r);
        // The threads' answers come as messages: let them in between batches.
        if (threads.length) await new Promise(setImmediate);
        continue;
      }
      if (inFlight.size) {
        await Promise.race(inFlight);
        continue;
      }
      if (!queue.length) break;
    }
    report.threads = 1 + threads.filter((t) => t.used).length;
    /** Writes a file the build made itself (not a crawled page), unless the last build wrote the same bytes. */
    const put = (file: string, bytes: Uint8Array) => {
      const digest = sha(bytes);
      files.set(file, digest);
      report.pages++;
      if (previous[file] === digest && existsSync(join(opts.out, file))) report.unchanged++;
      else {
        mkdirSync(dirname(join(opts.out, file)), { recursive: true });
        writeFileSync(join(opts.out, file), bytes);
        report.written++;
      }
    };
    // No server to answer search: the copy searches in the browser, from an index written beside it.
    if (!opts.apiOrigin) {
      const script = await scripting!;
      const index = await indexing!;
      const indexFile = searchIndexFile(index);
      put(script.file, script.body);
      put(indexFile, index);
      for (const { prefix } of Object.values(LANGS)) {
        const page = await renderer.page(`${prefix}/search`);
        if (!page) throw new MizanError('build-failed', `the site has no page at ${prefix}/search to make the copy's search page of`);
        const html = new TextDecoder().decode(page).replace('</body>', `<script src="/${script.file}" data-search-index="/${indexFile}" defer></script></body>`);
        put(fileForPath(`${prefix}/search`), new TextEncoder().encode(html));
      }
    }
    // Each language's "not found" page, for the host to answer a path the copy lacks with (`404.html` is
    // what static hosts look for; the nginx rules name each).
    for (const { prefix } of Object.values(LANGS)) {
      const page = await renderer.page(`${prefix}/404`, 404);
      if (!page) throw new MizanError('build-failed', `the site has no "not found" page under ${prefix || '/'} to copy`);
      put(notFoundFile(prefix), page);
    }
    for (const file of Object.keys(previous)) {
      if (files.has(file)) continue;
      rmSync(join(opts.out, file), { force: true });
      report.removed++;
    }

    const former = await formerPaths(store);
    report.redirects = former.length;
    report.pdfsSkipped = skippedPdfs.length;
    const away = { pdfs: skippedPdfs, cards: report.cardsSkipped > 0 };
    writeFileSync(join(opts.out, '_redirects'), redirectRules(former, opts.apiOrigin, away));
    writeFileSync(join(opts.out, 'nginx-redirects.conf'), nginxRules(former, opts.apiOrigin, away));
    writeFileSync(join(opts.out, MANIFEST), JSON.stringify(Object.fromEntries([...files].sort()), null, 0) + '\n');
    // Sorted: pages rendered on several threads arrive in no set order.
    writeFileSync(join(opts.out, STATE), JSON.stringify({ ...state, pages: Object.fromEntries(Object.entries(state.pages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) }) + '\n');
    writeFileSync(join(opts.out, PDF_SOURCES), JSON.stringify(Object.fromEntries(Object.entries(pdfSources).filter(([, v]) => v[1]).sort()), null, 0) + '\n');
    return report;
  } finally {
    await Promise.all(threads.map((t) => t.close()));
  }
}

/** The copy's search index file, named by its digest (so a CDN may keep it for good). */
function searchIndexFile(index: Uint8Array): string {
  return `search-index.${sha(index).slice(0, 12)}.json`;
}

/** The last build's search index, read back from `out`, or undefined when it is not there as written. */
function keptSearchIndex(out: string, previous: Record<string, string>): Uint8Array | undefined {
  const file = Object.keys(previous).find((f) => /^search-index\.[0-9a-f]{12}\.json$/.test(f));
  if (!file || !existsSync(join(out, file))) return undefined;
  const bytes = readFileSync(join(out, file));
  return sha(bytes) === previous[file] && searchIndexFile(bytes) === file ? bytes : undefined;
}

interface BuildState {
  fingerprint: string;
  change: number;
  /** Site path → the cache tags of its page (pages that depend on anything at all are not listed). */
  pages: Record<string, string[]>;
}

function readState(file: string): BuildState | undefined {
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as BuildState;
    return typeof s.change === 'number' && typeof s.fingerprint === 'string' && s.pages ? s : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The tags of every change after `since`, or undefined when what changed cannot be known: a change to
 * everything, or a log that no longer reaches back that far (pruned) or has a hole.
 */
async function changedSince(store: Store, since: number): Promise<Set<string> | undefined> {
  const tags = new Set<string>();
  let after = since;
  for (;;) {
    const rows = await store.changesSince(after);
    for (const row of rows) {
      if (row.id !== after + 1 || row.tags.length === 0 || row.tags.includes('*')) return undefined;
      for (const tag of row.tags) tags.add(tag);
      after = row.id;
    }
    if (rows.length < 1000) return tags;
  }
}

/**
 * A digest of the identity the pages are rendered with: another name, logo or menu changes every page, so
 * a rebuild with a changed configuration renders everything (its `source`, the file's path, does not count).
 */
function siteDigest(site: SiteConfig | undefined): string {
  if (!site) return '';
  const { logo, source: _source, ...rest } = site;
  return sha(new TextEncoder().encode(JSON.stringify([rest, logo ? [logo.type, sha(logo.bytes)] : null])));
}

let codeDigestOnce: string | undefined;

/**
 * A digest of the code that renders the pages (every source or compiled file, and the locked dependency
 * versions): a new Mizan renders every page again, since its pages may differ though no content did.
 */
function codeDigest(): string {
  if (codeDigestOnce) return codeDigestOnce;
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else hash.update(relative(root, p)).update('\u0000').update(readFileSync(p)).update('\u0000');
    }
  };
  walk(root);
  const lock = fileURLToPath(new URL('../../../package-lock.json', import.meta.url));
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return (codeDigestOnce = hash.digest('hex'));
}

/** The content type a written file was sent with, as far as finding its links goes. */
function typeOfFile(file: string): string {
  const ext = file.slice(file.lastIndexOf('.') + 1);
  if (ext === 'html') return 'text/html';
  if (ext === 'json') return 'application/json';
  if (ext === 'css') return 'text/css';
  return ['xml', 'atom', 'rss', 'svg'].includes(ext) ? 'application/xml' : '';
}

async function publishedCount(store: Store): Promise<number> {
  const row = await store.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every former path and where it now lives (articles, terms and experts that moved). */
async function formerPaths(store: Store): Promise<[string, string][]> {
  const rows = await store.db.selectFrom('paths').select(['path', 'redirect_to']).where('redirect_to', 'is not', null).orderBy('path').execute();
  return rows.map((r) => [r.path, r.redirect_to as string]);
}

/** What the copy left out for the API origin to answer: the article PDFs not printed, and whether the social cards were. */
interface LeftOut {
  pdfs: string[];
  cards: boolean;
}

/** The copy's languages other than the root one: their prefixes (`/ar`). */
const PREFIXES = Object.values(LANGS).map((l) => l.prefix).filter(Boolean);
const CITE_FORMATS = Object.entries(CITE_EXTENSIONS);

function redirectRules(former: [string, string][], api: string | undefined, away: LeftOut): string {
  const lines = ['# Former paths answer 301 to where the page lives now (written by mizan build).'];
  for (const [from, to] of former) lines.push(`${encodeURI(from)} ${encodeURI(to)} 301`);
  lines.push('# A language\'s home keeps its slash, as on the server.');
  for (const p of PREFIXES) lines.push(`${p} ${p}/ 301`);
  lines.push('# Pages with a query were written as <path>~<query>.html.');
  lines.push('/* page=:page /:splat~page=:page.html 200');
  if (api) {
    const o = api.replace(/\/+$/, '');
    lines.push('# Search, the API and subscriptions are answered by a Mizan server.');
    for (const p of ['', ...PREFIXES].flatMap((l) => [`${l}/search`, `${l}/subscribe`, `${l}/subscribe/*`]).concat('/api/*')) lines.push(`${p} ${o}${p.replace('*', ':splat')} 200`);
    if (away.pdfs.length) lines.push('# Article PDFs were left out of the copy: the server prints them.');
    for (const p of away.pdfs) lines.push(`${encodeURI(p)} ${o}${encodeURI(p)} 302`);
    if (away.cards) lines.push('# Social cards were left out of the copy: the server draws them.', `/cards/* ${o}/cards/:splat 302`);
  } else {
    lines.push('# Citation exports were written under their format\'s extension.');
    for (const [format, ext] of CITE_FORMATS) lines.push(`/api/articles/:id/cite format=${format} /api/articles/:id/cite.${ext} 200`);
  }
  lines.push('# A path the copy lacks: the "not found" page of its language (404.html at the root is found unasked).');
  for (const p of PREFIXES) lines.push(`${p}/* /${notFoundFile(p)} 404`);
  return lines.join('\n') + '\n';
}

function nginxRules(former: [string, string][], api: string | undefined, away: LeftOut): string {
  const lines = ['# For an nginx serving the static copy: include inside its `server {}` (written by mizan build).'];
  for (const [from, to] of former) lines.push(`location = ${JSON.stringify(encodeURI(from))} { return 301 ${JSON.stringify(encodeURI(to))}; }`);
  // Regular expressions are quoted: nginx reads a bare `{` as the start of the location's block.
  lines.push('# As the server: a trailing slash is dropped, but a language\'s home keeps its own.');
  for (const p of PREFIXES) lines.push(`location = ${p} { return 301 ${p}/$is_args$args; }`);
  lines.push('location ~ "^(?!/[a-z]{2}/$)(.+)/$" { return 301 $1$is_args$args; }');
  lines.push('# The build\'s own files are not pages of the site.');
  lines.push('location ~ "^/(\\.mizan-build|_redirects$|nginx-redirects\\.conf$)" { return 404; }');
  if (api) {
    const o = api.replace(/\/+$/, '');
    lines.push('# Search, the API and subscriptions are answered by a Mizan server.');
    lines.push(`location ~ "^(/[a-z]{2})?/(search|subscribe)(/|$)" { proxy_pass ${o}; }`, `location /api/ { proxy_pass ${o}; }`);
    if (away.pdfs.length) lines.push(`location ~ "/policy-analysis/[^/]+\\.pdf$" { proxy_pass ${o}; }`);
    if (away.cards) lines.push(`location /cards/ { proxy_pass ${o}; }`);
  } else {
    lines.push('# Citation exports were written under their format\'s extension.');
    const ifs = CITE_FORMATS.map(([format, ext]) => `if ($arg_format = ${format}) { rewrite ^ $uri.${ext} break; }`).join(' ');
    lines.push(`location ~ "^/api/articles/[^/]+/cite$" { ${ifs} return 404; }`);
  }
  const files = 'try_files "${uri}~${args}.html" $uri $uri.html ${uri}index.html =404;';
  lines.push('# A path the copy lacks: the "not found" page of its language.');
  for (const p of PREFIXES) lines.push(`location ${p}/ { error_page 404 /${notFoundFile(p)}; ${files} }`);
  lines.push(`location / { error_page 404 /${notFoundFile('')}; ${files} }`);
  return lines.join('\n') + '\n';
}
