/**
 * @module Renders the pages of one `mizan build`, on whatever thread it runs (the build's own, or a
 * render thread of build-worker.ts): asks the site for each path, writes the file when its bytes changed
 * since the last build, and hands back what the build needs (status, digest, links, cache tags), so that
 * no page's bytes need travel between threads.
 */
import { hash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SiteConfig } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { createWebApp } from '../create-web-app.ts';
import { bodyOfAnswer, tagsOfAnswer, textOfAnswer } from '../http/pipeline.ts';
import { fileForPath, linksOf } from './site-files.ts';
import { siteSnapshot } from './site-snapshot.ts';

/** What asking for one path gave. */
export interface Rendered {
  path: string;
  status: number;
  /** A redirect's target. */
  location?: string;
  /** A page's file, its bytes' digest, whether it was written (else its bytes were those of the last build). */
  file?: string;
  digest?: string;
  written?: boolean;
  /** What the page was built from (null: anything; absent: not to be kept). */
  tags?: string[] | null;
  /** The site paths it links to or loads, less those this renderer handed back already (the build has them). */
  links?: string[];
}

export interface RendererOptions {
  out: string;
  /** The copy's public origin (already checked). */
  origin: string;
  /** The last build's digest of each file (its manifest). */
  previous: Record<string, string>;
  /** The institute's identity (its configuration file), as `mizan serve` is given it; absent: the product's own. */
  site?: SiteConfig;
}

/** Pages asked for by the build at once: read ahead together (site-snapshot.ts `prefetch`). */
export interface PageRenderer {
  render(paths: readonly string[]): Promise<Rendered[]>;
  /**
   * The bytes the site answers at `path` with `status` (the copy's search pages; its "not found" pages at
   * 404), or undefined when it answers otherwise.
   */
  page(path: string, status?: number): Promise<Uint8Array | undefined>;
}

/** The headers of every request the build asks (none: a reader's first visit, with no cookie or preference). */
const NO_HEADERS = new Headers();
const NEVER_ABORTED = new AbortController().signal;

/**
 * A GET of `path` as the site reads it (its address, method and headers), without an undici Request:
 * building one (its URL parsed, its headers and signal made) cost about as much as a tenth of a page.
 * Nothing the site does with a GET reads more of it.
 */
function buildRequest(path: string): Request {
  return { url: `http://localhost${path}`, method: 'GET', headers: NO_HEADERS, signal: NEVER_ABORTED, body: null, bodyUsed: false } as unknown as Request;
}

/** The hex SHA-256 of `bytes` (in one call: a Hash object for each page cost more than its digest). */
export function sha(bytes: Uint8Array): string {
  return hash('sha256', bytes, 'hex');
}

/**
 * The renderer over `store`: the site made once, reading the build's snapshot.
 *
 * @example const r = await pageRenderer(store, { out, origin, previous }); await r.render(['/ar/'])
 */
export async function pageRenderer(store: Store, opts: RendererOptions): Promise<PageRenderer> {
  // Every page read from one picture of the site loaded in bulk, not a query for each link it checks.
  const snapshot = await siteSnapshot(store);
  const app = createWebApp({ store, baseUrl: opts.origin, reads: snapshot, site: opts.site }, { inProcess: true });
  const folders = new Set<string>();
  const decoder = new TextDecoder();
  /** The links this renderer has handed back already. */
  const reported = new Set<string>();

  const one = async (path: string): Promise<Rendered> => {
    const req = buildRequest(path);
    const res = await app.fetch(req);
    if (res.status === 301 || res.status === 308) return { path, status: res.status, location: res.headers.get('location') ?? '' };
    if (res.status !== 200) return { path, status: res.status };
    const bytes = bodyOfAnswer(req) ?? new Uint8Array(await res.arrayBuffer());
    const type = res.headers.get('content-type') ?? '';
    const file = fileForPath(path);
    const digest = sha(bytes);
    const tags = tagsOfAnswer(req);
    const target = join(opts.out, file);
    const written = !(opts.previous[file] === digest && existsSync(target));
    if (written) {
      // Written at once, not through the thread pool: a page costs less than a round trip to it.
      const folder = dirname(target);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      writeFileSync(target, bytes);
    }
    // Each link once: the build follows a link the first time any page names it, and nearly every link
    // of a page (the masthead, the footer, the assets) was named by the pages before it.
    const links = /text\/|xml|json/.test(type) ? linksOf(textOfAnswer(req) ?? decoder.decode(bytes), type, opts.origin, reported) : [];
    return { path, status: 200, file, digest, written, tags: tags === undefined ? undefined : tags && [...tags], links };
  };

  return {
    async render(paths) {
      await snapshot.prefetch(paths);
      const out: Rendered[] = [];
      for (const path of paths) out.push(await one(path));
      return out;
    },
    page: async (path, status = 200) => {
      const req = buildRequest(path);
      const res = await app.fetch(req);
      if (res.status !== status) return undefined;
      return bodyOfAnswer(req) ?? new Uint8Array(await res.arrayBuffer());
    },
  };
}
