/**
 * @module Limits every request meets before any route: a body size by path (a public POST, to a form or
 * to an address that does not exist, is refused past 64 KB before anything reads it whole; the
 * editors' side has a higher ceiling, which its own routes lower further), and a time limit after
 * which the reader gets a 503 page instead of a connection left hanging. Refusals are pages in the
 * language of the address (JSON under /api/), and a refused body closes its connection.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { MizanError } from '../../lib/index.ts';
import { errorResponse } from './error-response.ts';

/** Largest body by path prefix, longest prefix first; anything else gets `PUBLIC_BODY_BYTES`. */
export const BODY_LIMITS: readonly [prefix: string, bytes: number][] = [
  // The editors' side: its routes set their own, lower limits (forms 2 MB, uploads 5 MB).
  ['/admin/', 32 * 1024 * 1024],
];

/** What a public form may send: a subscription or a search is a few hundred bytes. */
export const PUBLIC_BODY_BYTES = 64 * 1024;

/** How long one request may take before the reader is answered 503; long by design (an upload's import). */
export const REQUEST_TIME_MS = 60_000;

/** The body limit for `path`: `bodyLimitFor('/subscribe')` → 65536. */
export function bodyLimitFor(path: string): number {
  for (const [prefix, bytes] of BODY_LIMITS) if (path.startsWith(prefix)) return bytes;
  return PUBLIC_BODY_BYTES;
}

/** The editors' side speaks the language its cookie chose (Arabic unless English was chosen), not the path's. */
function adminLang(c: Context): 'ar' | 'en' {
  return /(?:^|;\s*)(?:__Host-)?mizan_admin_lang=en(?:;|$)/.test(c.req.header('cookie') ?? '') ? 'en' : 'ar';
}

async function tooLarge(c: Context, limit: number): Promise<Response> {
  const kb = Math.round(limit / 1024);
  if (c.req.path.startsWith('/admin/')) {
    const mb = Math.round(limit / 1024 / 1024);
    const text = adminLang(c) === 'en' ? `Refused: the request is larger than ${mb} MB, the most the editors' side accepts. Nothing was stored.` : `رُفض الطلب: حجمه أكبر من ${mb} ميغابايت، وهو أقصى ما تقبله واجهة التحرير. لم يُحفظ شيء.`;
    return new Response(text, { status: 413, headers: { 'content-type': 'text/plain; charset=utf-8', connection: 'close', 'cache-control': 'no-store' } });
  }
  const res = await errorResponse(c.req.url, 413, new MizanError('too-large', `the request body is larger than ${kb} KB, the most this address accepts`, { status: 413 }));
  // The rest of the body is never read: the connection cannot carry another request.
  res.headers.set('connection', 'close');
  res.headers.set('cache-control', 'no-store');
  return res;
}

/**
 * Refuses a body over the path's limit: at once when its declared length is too large, else as soon
 * as the bytes read pass the limit (Hono's `bodyLimit` keeps at most `limit` bytes in memory).
 *
 * @example app.use(limitBodies())
 */
export function limitBodies(limitFor: (path: string) => number = bodyLimitFor): MiddlewareHandler {
  const byLimit = new Map<number, MiddlewareHandler>();
  return (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || !c.req.raw.body) return next();
    const limit = limitFor(c.req.path);
    let check = byLimit.get(limit);
    if (!check) {
      check = bodyLimit({ maxSize: limit, onError: (ctx) => tooLarge(ctx, limit) });
      byLimit.set(limit, check);
    }
    return check(c, next);
  };
}

/**
 * Answers 503 when a request takes longer than `ms`. The work itself is not stopped (a synchronous
 * step cannot be), but the reader is not left waiting and the connection is freed.
 *
 * @example app.use(timeLimit(30_000))
 */
export function timeLimit(ms = REQUEST_TIME_MS): MiddlewareHandler {
  return async (c, next) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), ms);
    });
    try {
      const outcome = await Promise.race([next().then(() => 'done' as const), late]);
      if (outcome === 'late') {
        const res = await errorResponse(c.req.url, 503, new MizanError('too-slow', `the answer took longer than ${Math.round(ms / 1000)} s`, { status: 503 }));
        res.headers.set('retry-after', '5');
        res.headers.set('cache-control', 'no-store');
        c.res = undefined as unknown as Response;
        c.res = res;
      }
    } finally {
      clearTimeout(timer);
    }
  };
}
