/** @module Small helpers route modules share to answer with a page, a feed or JSON. */
import type { HtmlString } from './jsx/html-string.ts';
import type { Context } from 'hono';
import { LANGS } from '../model/index.ts';
import { cacheable, respondWith } from './http/pipeline.ts';
import { utf8 } from './http/utf8.ts';
import { renderPage } from './views/layout.tsx';

/** Every language the site is published in, with its path prefix ('' or '/ar'). */
export function sitePrefixes(): { lang: string; prefix: string }[] {
  return Object.values(LANGS).map((l) => ({ lang: l.code, prefix: l.prefix }));
}

/**
 * Answers with a rendered page, which the page cache may keep (public pages are the same for everyone).
 *
 * @example return sendPage(c, <HomePage … />)
 */
export async function sendPage(c: Context, node: HtmlString, opts: { cache?: boolean; status?: number } = {}): Promise<Response> {
  const html = await renderPage(node);
  if (opts.cache !== false) cacheable(c);
  return respondWith(c, utf8(html), 'text/html; charset=utf-8', opts.status ?? 200, html);
}

/** Answers with JSON (cacheable unless told otherwise). */
export function sendJson(c: Context, data: unknown, opts: { cache?: boolean; type?: string } = {}): Response {
  if (opts.cache !== false) cacheable(c);
  const text = JSON.stringify(data);
  return respondWith(c, utf8(text), opts.type ?? 'application/json; charset=utf-8', 200, text);
}

/** Answers with text of a given type (feeds, sitemaps), cacheable. */
export function sendText(c: Context, body: string, type: string): Response {
  cacheable(c);
  return respondWith(c, utf8(body), type, 200, body);
}
