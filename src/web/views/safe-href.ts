/** @module Which link targets a page may carry: web and mail addresses and site paths, never `javascript:`. */

/**
 * The address if it is safe to put in `href`, else undefined.
 *
 * @example safeHref('https://sipri.org/x') // → 'https://sipri.org/x'
 * @example safeHref('javascript:alert(1)') // → undefined
 */
export function safeHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  const u = url.trim();
  if (/^https?:\/\/[^\s]+$/i.test(u) || /^mailto:[^\s]+$/i.test(u)) return u;
  if (/^\/(?!\/)[^\s]*$/.test(u) || /^#[^\s]*$/.test(u)) return u;
  return undefined;
}

/** The host of an address for display: `hostOf('https://www.sipri.org/a')` → `'sipri.org'`. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
