/**
 * @module `publicOrigin`: the origin a site or its static copy is served from (MIZAN_BASE_URL,
 * `--base-url`), checked where it comes in: every canonical link, feed and sitemap entry is built on it,
 * so an address that is not an http(s) origin at its root would give every page wrong links.
 */
import { MizanError } from './errors.ts';

/**
 * The origin of `value`, or a MizanError (`bad-base-url`) naming `name` and saying what to give instead.
 *
 * @example publicOrigin('https://example.org/', '--base-url') // → 'https://example.org'
 * publicOrigin('https://example.org/ar/', 'MIZAN_BASE_URL') // throws: give https://example.org
 */
export function publicOrigin(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch (err) {
    throw new MizanError('bad-base-url', `${name} must be an absolute URL like https://example.org, not "${value}"`, { cause: err });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new MizanError('bad-base-url', `${name} must be an http or https address, not "${value}"`);
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
    throw new MizanError('bad-base-url', `${name} is the origin the site is served from, at its root: give ${url.origin}, not "${value}"`);
  }
  return url.origin;
}
