/**
 * @module The HTTP layer every answer passes through, outermost: refuses unreadable addresses (too long,
 * malformed escapes) with a 4xx page, redirects trailing slashes, serves and fills the page cache, and
 * gives each successful answer an ETag (with 304 on a match), a Cache-Control, gzip or brotli, and the
 * security headers.
 */
import { hash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { MizanError } from '../../lib/index.ts';
import { LANGS } from '../../model/index.ts';
import { compressible, negotiateEncoding } from './encode.ts';
import { errorResponse, rawPathOf, statusOf } from './error-response.ts';
import type { ChangeClock } from '../change-clock.ts';
import { encodedBody, type CachedAnswer, type PageCache } from './page-cache.ts';
import { applySecurityHeaders, SECURITY_HEADERS } from './security-headers.ts';
import { takeRequestId } from '../ops/observe.ts';

/** Longest request target (path and query) the site reads. */
export const MAX_URL_LENGTH = 2048;

const DEFAULT_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';
const LANG_ROOTS = new Set(Object.values(LANGS).map((l) => `${l.prefix}/`));

/** Marks the answer being built as one the page cache may keep (public, the same for every reader). */
export function cacheable(c: Context): void {
  // Kept beside the context rather than as a header: a header would make Hono build a Headers for it.
  marked.add(c);
}

const marked = new WeakSet<Context>();
const tagsNamed = new WeakMap<Context, string[]>();

/**
 * Names everything the answer being built was read from (`article:<id>`, `term:<id>`, `expert:<id>`,
 * `list:<lang>`), so the page cache keeps it across changes to anything else. An answer without tags
 * is dropped on any change. Name too much rather than too little: a missing tag serves a stale page.
 *
 * @example dependsOn(c, [`article:${article.id}`, `list:${article.lang}`])
 */
export function dependsOn(c: Context, tags: Iterable<string>): void {
  tagsNamed.set(c, [...new Set(tags)].filter(Boolean));
}

/**
 * Puts `res` in place of the answer built so far. Hono's `c.res` setter would copy the old answer's
 * headers into the new one and re-wrap its body as a stream; clearing it first avoids both.
 */
function replace(c: Context, res: Response): void {
  c.res = undefined as unknown as Response;
  c.res = res;
}

function badEscape(s: string): boolean {
  if (!s.includes('%')) return false;
  try {
    decodeURIComponent(s.replace(/\+/g, ' '));
    return false;
  } catch {
    return true;
  }
}

/** Two years, the preload list's minimum; subdomains are the operator's to decide. */
export const HSTS = 'max-age=63072000';

/** The weak ETag of a body (a route that sends the same bytes again may compute it once and set it). */
export function weakEtag(body: Uint8Array): string {
  return `W/"${hash('sha1', body, 'base64url').slice(0, 22)}"`;
}

const knownBodies = new WeakMap<Context, Uint8Array>();
const answerTags = new WeakMap<Request, readonly string[] | null>();
const answerBodies = new WeakMap<Request, Uint8Array>();

/**
 * What the answer to `req` was built from, when the page cache could keep it: its tags (`dependsOn`), or
 * null for anything at all; undefined for an answer that is not to be kept. `mizan build` keys its
 * incremental rebuild on this, as the page cache keys its entries.
 *
 * @example const res = await app.request(req); tagsOfAnswer(req) // → ['article:a1', 'list:ar']
 */
export function tagsOfAnswer(req: Request): readonly string[] | null | undefined {
  return answerTags.get(req);
}

/**
 * The bytes of the successful, uncompressed answer to `req`, as sent: `mizan build` takes them from here
 * rather than reading them back through the answer's body stream (which costs as much as a small page).
 *
 * @example const res = await app.request(req); bodyOfAnswer(req) ?? new Uint8Array(await res.arrayBuffer())
 */
export function bodyOfAnswer(req: Request): Uint8Array | undefined {
  return answerBodies.get(req);
}

const answerTexts = new WeakMap<Request, string>();

/**
 * The text a successful answer to `req` was encoded from, when it was asked from inside the process
 * (`mizan build` reads each page's links from it, rather than decoding its bytes back).
 */
export function textOfAnswer(req: Request): string | undefined {
  return answerTexts.get(req);
}

/**
 * Answers with bytes the pipeline may take as they are, without reading the response back.
 *
 * `text`, when given, is what `body` encodes (kept for `textOfAnswer` in an `inProcess` pipeline).
 *
 * @example return respondWith(c, utf8(html), 'text/html; charset=utf-8', 200, html)
 */
export function respondWith(c: Context, body: Uint8Array, type: string, status = 200, text?: string): Response {
  knownBodies.set(c, body);
  // Nobody reads this answer's body but the pipeline, which takes the bytes as they are.
  if (status === 200 && bodiless.has(c.req.raw)) {
    if (text !== undefined) answerTexts.set(c.req.raw, text);
    return c.body(null, status as 200, { 'content-type': type });
  }
  return c.body(body as Uint8Array<ArrayBuffer>, status as 200, { 'content-type': type });
}

/** Requests whose successful answers carry their bytes only in `bodyOfAnswer` (`inProcess` pipelines). */
const bodiless = new WeakSet<Request>();

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

/** The ETag of one encoding of an answer: each coding is a different representation (RFC 9110 §8.8.3). */
function etagFor(etag: string, encoding: string): string {
  return encoding === 'identity' ? etag : etag.replace(/"$/, `-${encoding}"`);
}

const SECURITY_ENTRIES = Object.entries(SECURITY_HEADERS);

/**
 * The answer to send for `entry`. Its headers go as a plain record, which @hono/node-server writes as
 * it is: building a `Headers` and reading it back cost about a tenth of a page rendered per request.
 * Only an answer that sets cookies (several values under one name) takes a `Headers`.
 */
function answer(c: Context, entry: CachedAnswer, extra: Record<string, string>, inProcess = false): Response {
  const headers: Record<string, string> = {};
  let cookies = false;
  for (const [name, value] of entry.headers) {
    if (name === 'set-cookie') cookies = true;
    headers[name] = value;
  }
  headers['cache-control'] ??= DEFAULT_CACHE_CONTROL;
  for (const [name, value] of SECURITY_ENTRIES) headers[name] ??= value;
  Object.assign(headers, extra);
  const type = headers['content-type'] ?? null;
  const encoding = compressible(type) ? negotiateEncoding(c.req.header('accept-encoding'), entry.body.byteLength) : 'identity';
  if (compressible(type)) headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
  const etag = entry.etag && etagFor(entry.etag, encoding);
  if (etag) headers.etag = etag;
  const send = (body: Uint8Array | null, status: number): Response => {
    if (!cookies) return new Response(body as Uint8Array<ArrayBuffer> | null, { status, headers });
    const list = new Headers();
    for (const [name, value] of entry.headers) if (name === 'set-cookie') list.append(name, value);
    for (const [name, value] of Object.entries(headers)) if (name !== 'set-cookie') list.set(name, value);
    return new Response(body as Uint8Array<ArrayBuffer> | null, { status, headers: list });
  };
  if (etag && etagMatches(c.req.header('if-none-match'), etag)) {
    delete headers['content-type'];
    delete headers['content-length'];
    delete headers['content-encoding'];
    return send(null, 304);
  }
  const body = encodedBody(entry, encoding);
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  else if (c.req.method === 'GET') answerBodies.set(c.req.raw, body);
  headers['content-length'] = String(body.byteLength);
  // Its bytes are in bodyOfAnswer: a body stream for them would cost a good part of a small page.
  if (inProcess && encoding === 'identity' && c.req.method === 'GET') return send(null, entry.status);
  return send(body, entry.status);
}

export interface PipelineOptions {
  cache: PageCache;
  /** What changed since an answer was cached. */
  clock: ChangeClock;
  /** Called as each request arrives (the change feed reads the log when it is due). */
  onRequest?: () => void;
  /** Believe X-Forwarded-Proto (behind a TLS proxy); defaults to MIZAN_TRUST_PROXY=1. */
  trustProxy?: boolean;
  /**
   * Asked only from inside the process (`mizan build`): a successful GET is answered without a body,
   * its bytes (the same) taken from `bodyOfAnswer(req)`.
   */
  inProcess?: boolean;
}

/**
 * The outermost middleware of the site.
 *
 * @example app.use(pipeline({ cache: new PageCache(), clock: new ChangeClock() }))
 */
export function pipeline(opts: PipelineOptions): MiddlewareHandler {
  const trustProxy = opts.trustProxy ?? process.env.MIZAN_TRUST_PROXY === '1';
  return async (c, next) => {
    const url = c.req.url;
    // Over HTTPS (directly, or through a proxy we trust), browsers are told to keep to it.
    const https = url.startsWith('https:') || (trustProxy && (c.req.header('x-forwarded-proto') ?? '').split(',')[0]!.trim().toLowerCase() === 'https');
    const done = (res: Response): Response => {
      if (https) res.headers.set('strict-transport-security', HSTS);
      return res;
    };
    // What every answer made here carries besides its own headers (the request's id, from observe).
    const sent = (): Record<string, string> => {
      const extra: Record<string, string> = {};
      if (https) extra['strict-transport-security'] = HSTS;
      const id = takeRequestId(c);
      if (id) extra['x-request-id'] = id;
      return extra;
    };
    const path = rawPathOf(url);
    const qAt = url.indexOf('?');
    const query = qAt < 0 ? '' : url.slice(qAt + 1);
    const method = c.req.method;
    const reading = method === 'GET' || method === 'HEAD';

    if (path.length + query.length > MAX_URL_LENGTH) {
      return done(finish(await errorResponse(url, 414, new MizanError('url-too-long', `addresses are limited to ${MAX_URL_LENGTH} characters`, { status: 414 }))));
    }
    if (badEscape(path) || badEscape(query)) {
      return done(finish(await errorResponse(url, 400, new MizanError('bad-escape', 'the address has a malformed percent-escape', { status: 400 }))));
    }
    if (reading && path.length > 1 && path.endsWith('/') && !LANG_ROOTS.has(path)) {
      // Leading slashes (or backslashes, which browsers read as slashes) collapse to one: `//evil.example/`
      // must not redirect to `//evil.example`, an address on another host.
      const to = path.replace(/\/+$/, '').replace(/^[/\\]+/, '/') || '/';
      return done(finish(redirect(to + (query ? `?${query}` : ''))));
    }
    if (reading && LANG_ROOTS.has(path + '/')) return done(finish(redirect(path + '/' + (query ? `?${query}` : ''))));

    const key = path + (query ? `?${query}` : '');
    if (opts.inProcess && method === 'GET') bodiless.add(c.req.raw);
    opts.onRequest?.();
    const clock = opts.clock;
    const gen = clock.gen;
    if (reading) {
      const hit = opts.cache.get(key, (e) => clock.fresh(e.gen, e.tags));
      if (hit) return answer(c, hit, sent());
    }

    try {
      await next();
    } catch (err) {
      replace(c, await errorResponse(url, statusOf(err), err));
    }
    const res = c.res;
    const mark = marked.has(c);
    // A body handed over by respondWith is taken as it is: asking the answer for its body stream would
    // make @hono/node-server build a full undici Response for it, a good part of a rendered page's cost.
    const known = knownBodies.get(c);
    if (!reading || res.status !== 200 || (!known && !res.body)) {
      replace(c, done(finish(res)));
      return;
    }
    const body = known ?? new Uint8Array(await res.arrayBuffer());
    const headers: [string, string][] = [];
    res.headers.forEach((value, name) => {
      if (name !== 'content-length' && name !== 'content-encoding' && name !== 'etag') headers.push([name, value]);
    });
    const tags = tagsNamed.get(c) ?? null;
    if (mark) answerTags.set(c.req.raw, tags);
    // Asked from inside the process (`mizan build`), nobody revalidates: no ETag to hash the bytes for.
    const etag = res.headers.get('etag') ?? (opts.inProcess ? '' : weakEtag(body));
    const entry = { status: 200, headers, etag, body, gen, tags };
    replace(c, answer(c, mark ? opts.cache.set(key, entry) : { ...entry, encoded: {}, at: 0 }, sent(), opts.inProcess));
  };

  function redirect(location: string): Response {
    return new Response(null, { status: 301, headers: { location, 'cache-control': 'public, max-age=3600' } });
  }
}

function finish(res: Response): Response {
  let out = res;
  try {
    applySecurityHeaders(res.headers);
  } catch {
    // Headers of some responses are immutable: copy them.
    out = new Response(res.body, { status: res.status, statusText: res.statusText, headers: new Headers(res.headers) });
    applySecurityHeaders(out.headers);
  }
  return out;
}

