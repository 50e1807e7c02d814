/**
 * @module Turns any failure into the answer a reader or a program expects: an HTML page in the
 * language of the path asked for, or `{ "error": { "code", "message" } }` under `/api/`. Only a fault
 * of Mizan's own becomes a 500, and its details go to the log, not to the reader.
 */
import { MizanError } from '../../lib/index.ts';
import { isLang, langOfPath } from '../../model/index.ts';
import { ErrorPage } from '../views/error-page.tsx';
import { renderPage } from '../views/layout.tsx';
import { t } from '../i18n/index.ts';
import { errorKeys } from '../views/error-page.tsx';

/** The raw path of a request URL, without decoding (a malformed escape must not throw here). */
export function rawPathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return '/';
  const end = url.search(/[?#]/);
  return end < 0 ? url.slice(start) : url.slice(start, end);
}

/** The HTTP status of a failure: a MizanError's own (4xx), everything else 500. */
export function statusOf(err: unknown): number {
  if (err instanceof MizanError) return err.status;
  return 500;
}

/**
 * The error answer for a request to `url`.
 *
 * @example await errorResponse('http://x/ar/nothing', 404) // → an Arabic 404 page
 */
export async function errorResponse(url: string, status: number, err?: unknown): Promise<Response> {
  const path = rawPathOf(url);
  const lang = langOfPath(path);
  const headers = new Headers({ 'cache-control': status >= 500 ? 'no-store' : 'public, max-age=60' });
  if (path === '/api' || path.startsWith('/api/')) {
    const code = err instanceof MizanError ? err.code : status === 404 ? 'not-found' : status >= 500 ? 'internal' : 'bad-request';
    const message = err instanceof MizanError && status < 500 ? err.message : t('en', errorKeys(status).title);
    headers.set('content-type', 'application/json; charset=utf-8');
    return new Response(JSON.stringify({ error: { code, message } }), { status, headers });
  }
  let html: string;
  try {
    html = await renderPage(ErrorPage({ lang: isLang(lang) ? lang : 'en', status }));
  } catch (renderErr) {
    // The error page itself failed (a broken asset, say): a bare page still tells the reader what happened.
    console.error(`error page for ${status} failed: ${(renderErr as Error)?.stack ?? renderErr}`);
    html = `<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>${status}</title><h1>${status} ${t(lang, errorKeys(status).title)}</h1></html>`;
  }
  headers.set('content-type', 'text/html; charset=utf-8');
  return new Response(html, { status, headers });
}
