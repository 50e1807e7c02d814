/**
 * @module `mizan build`: the public site as files for any static host or CDN. Every page is rendered by
 * the site itself (the same app, the same bytes a reader gets from the server), found by following links
 * from the home pages, feeds and sitemap; written incrementally (a file whose bytes did not change is left
 * alone, a page that is gone is removed); plus redirect rules for former paths (`_redirects` for hosts that
 * read it, `nginx-redirects.conf` for nginx) and, when an API origin is given, rules that send search and the
 * API there. Pages with a query (`?page=2`) are written as `<path>~<query>.html` with rules to match.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MizanError } from '../../lib/index.ts';
import { LANGS } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { createWebApp } from '../create-web-app.ts';

export interface BuildOptions {
  out: string;
  /** The public origin of the copy (canonical links, feeds, sitemap). */
  baseUrl: string;
  /** A Mizan server that answers search and the API for the static copy. */
  apiOrigin?: string;
}

export interface BuildReport {
  pages: number;
  written: number;
  unchanged: number;
  removed: number;
  redirects: number;
  /** Internal links that answered something other than a page (status, from which page). */
  broken: { path: string; status: number; from: string }[];
}

const MANIFEST = '.mizan-build.json';
/** Dynamic by nature: served by a Mizan server (the API origin), never copied. */
const DYNAMIC = /^\/(admin|api)(\/|$)|^(\/[a-z]{2})?\/search(\?|$)|\/readyz$|\/healthz$|\/metrics$/;

/** The file a site path is written to: `/` → `index.html`, `/ar/x` → `ar/x.html`, `/feed.xml` as it is. */
export function fileForPath(path: string): string {
  const q = path.indexOf('?');
  const bare = q < 0 ? path : path.slice(0, q);
  const query = q < 0 ? '' : path.slice(q + 1);
  let file = bare.endsWith('/') ? `${bare}index` : bare;
  const last = file.slice(file.lastIndexOf('/') + 1);
  const hasExt = /\.[a-z0-9]+$/i.test(last);
  if (query) file += `~${query.replace(/[^A-Za-z0-9=&._-]/g, '_')}`;
  if (!hasExt || query) file += '.html';
  return decodeURIComponent(file.replace(/^\//, ''));
}

/** Site paths that a page links to or loads (same origin only). */
function linksOf(body: string, type: string, origin: string): string[] {
  const found: string[] = [];
  if (type.includes('html')) {
    for (const m of body.matchAll(/\s(?:href|src)="([^"#]*)/g)) found.push(m[1]);
  } else if (type.includes('xml') || type.includes('json')) {
    for (const m of body.matchAll(/(?:<loc>|href="|"url":\s*")([^"<]+)/g)) found.push(m[1]);
  } else if (type.includes('css')) {
    for (const m of body.matchAll(/url\(["']?([^"')]+)/g)) found.push(m[1]);
  }
  const out: string[] = [];
  for (const raw of found) {
    const link = raw.replace(/&amp;/g, '&');
    if (link.startsWith(origin)) out.push(link.slice(origin.length) || '/');
    else if (link.startsWith('/') && !link.startsWith('//')) out.push(link);
  }
  return out;
}

function sha(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Writes the public site served from `store` into `opts.out`.
 *
 * @example await buildSite(store, { out: 'public', baseUrl: 'https://example.org' }) // → { pages: 412, written: 412, … }
 */
export async function buildSite(store: Store, opts: BuildOptions): Promise<BuildReport> {
  let origin: string;
  try {
    origin = new URL(opts.baseUrl).origin;
  } catch (err) {
    throw new MizanError('bad-base-url', `--base-url must be an absolute URL like https://example.org, not "${opts.baseUrl}"`, { cause: err });
  }
  const app = createWebApp({ store, baseUrl: origin });
  const start = ['/robots.txt', '/sitemap.xml', ...Object.values(LANGS).flatMap(({ prefix }) => [`${prefix}/`, `${prefix}/feed.xml`, `${prefix}/feed.atom`, `${prefix}/feed.json`])];
  const seen = new Set(start);
  const queue = [...start];
  const from = new Map<string, string>(start.map((p) => [p, '(start)']));
  const files = new Map<string, string>();
  const report: BuildReport = { pages: 0, written: 0, unchanged: 0, removed: 0, redirects: 0, broken: [] };
  mkdirSync(opts.out, { recursive: true });
  const previous: Record<string, string> = existsSync(join(opts.out, MANIFEST)) ? JSON.parse(readFileSync(join(opts.out, MANIFEST), 'utf8')) : {};

  while (queue.length) {
    const path = queue.shift()!;
    const res = await app.request(path);
    if (res.status === 301 || res.status === 308) {
      const to = res.headers.get('location') ?? '';
      if (to.startsWith('/') && !seen.has(to)) {
        seen.add(to);
        from.set(to, path);
        queue.push(to);
      }
      continue;
    }
    if (res.status !== 200) {
      report.broken.push({ path, status: res.status, from: from.get(path) ?? '' });
      continue;
    }
    const bytes = new Uint8Array(await res.arrayBuffer());
    const type = res.headers.get('content-type') ?? '';
    const file = fileForPath(path);
    const digest = sha(bytes);
    files.set(file, digest);
    report.pages++;
    const target = join(opts.out, file);
    if (previous[file] === digest && existsSync(target)) report.unchanged++;
    else {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes);
      report.written++;
    }
    if (!/text\/|xml|json/.test(type)) continue;
    for (const link of linksOf(new TextDecoder().decode(bytes), type, origin)) {
      if (seen.has(link) || DYNAMIC.test(link)) continue;
      seen.add(link);
      from.set(link, path);
      queue.push(link);
    }
  }
  for (const file of Object.keys(previous)) {
    if (files.has(file)) continue;
    rmSync(join(opts.out, file), { force: true });
    report.removed++;
  }

  const former = await formerPaths(store);
  report.redirects = former.length;
  writeFileSync(join(opts.out, '_redirects'), redirectRules(former, opts.apiOrigin));
  writeFileSync(join(opts.out, 'nginx-redirects.conf'), nginxRules(former, opts.apiOrigin));
  writeFileSync(join(opts.out, MANIFEST), JSON.stringify(Object.fromEntries([...files].sort()), null, 0) + '\n');
  return report;
}

/** Every former path and where it now lives (articles, terms and experts that moved). */
async function formerPaths(store: Store): Promise<[string, string][]> {
  const rows = await store.db.selectFrom('paths').select(['path', 'redirect_to']).where('redirect_to', 'is not', null).orderBy('path').execute();
  return rows.map((r) => [r.path, r.redirect_to as string]);
}

function redirectRules(former: [string, string][], api: string | undefined): string {
  const lines = ['# Former paths answer 301 to where the page lives now (written by mizan build).'];
  for (const [from, to] of former) lines.push(`${encodeURI(from)} ${encodeURI(to)} 301`);
  lines.push('# Pages with a query were written as <path>~<query>.html.');
  lines.push('/* page=:page /:splat~page=:page.html 200');
  if (api) {
    const o = api.replace(/\/+$/, '');
    lines.push('# Search and the API are answered by a Mizan server.');
    for (const p of ['/search', '/ar/search', '/api/*']) lines.push(`${p} ${o}${p.replace('*', ':splat')} 200`);
  }
  return lines.join('\n') + '\n';
}

function nginxRules(former: [string, string][], api: string | undefined): string {
  const lines = ['# For an nginx serving the static copy: include inside its `server {}` (written by mizan build).'];
  for (const [from, to] of former) lines.push(`location = ${JSON.stringify(encodeURI(from))} { return 301 ${JSON.stringify(encodeURI(to))}; }`);
  if (api) {
    const o = api.replace(/\/+$/, '');
    lines.push(`location ~ ^(/[a-z]{2})?/search$ { proxy_pass ${o}; }`, `location /api/ { proxy_pass ${o}; }`);
  }
  lines.push('location / { try_files "${uri}~${args}.html" $uri $uri.html ${uri}index.html =404; }');
  return lines.join('\n') + '\n';
}
