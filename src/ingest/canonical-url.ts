/**
 * @module The canonical form of an outbound address, so one source cited in three spellings is one
 * source: lower-case host, no default port, no fragment, no tracking parameters.
 */

/** Query parameters that only tell an analytics system where a click came from. */
const TRACKING_PARAMS = [/^utm_/i, /^_ga$/i, /^_gl$/i, /^_ga_/i, /^fbclid$/i, /^gclid$/i, /^dclid$/i, /^gbraid$/i, /^wbraid$/i, /^msclkid$/i, /^mc_eid$/i, /^mc_cid$/i, /^yclid$/i, /^igshid$/i, /^_hsenc$/i, /^_hsmi$/i, /^mkt_tok$/i, /^oly_(anon|enc)_id$/i, /^vero_(conv|id)$/i];

/** Whether a query parameter name is a tracking one: `isTrackingParam('utm_source')` → `true`. */
export function isTrackingParam(name: string): boolean {
  return TRACKING_PARAMS.some((re) => re.test(name));
}

/**
 * The canonical form of a web address, or null for anything that is not an absolute http(s) address
 * (`javascript:`, `data:`, `mailto:`, relative paths).
 *
 * @example
 * canonicalUrl('HTTPS://Example.COM:443/a?utm_source=x&id=2#top')
 * // → { url: 'https://example.com/a?id=2', host: 'example.com' }
 */
export function canonicalUrl(url: string): { url: string; host: string } | null {
  let raw = url.trim().replace(/[\u0000-\u001f\u007f]/g, '');
  if (raw.startsWith('//')) raw = 'https:' + raw;
  if (!/^https?:\/\//i.test(raw)) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (!u.hostname) return null;
  u.hash = '';
  u.username = '';
  u.password = '';
  for (const name of [...new Set(u.searchParams.keys())]) {
    if (isTrackingParam(name)) u.searchParams.delete(name);
  }
  // URLSearchParams re-encodes the rest; keep the original query when nothing was removed.
  let href = u.href;
  if (href.endsWith('?')) href = href.slice(0, -1);
  return { url: href, host: u.hostname };
}

/**
 * Whether an address looks cut off (by a line end or a page break): a path or query that ends where
 * no address would, such as a dangling `-`, `_`, `%`, `=` or `&`.
 *
 * @example
 * looksTruncated('https://edition.cnn.com/2020/10/01/politics/mark-esper-') // → true
 */
export function looksTruncated(url: string): boolean {
  return /[-_%=&+]$|%[0-9a-f]$/i.test(url.trim());
}
