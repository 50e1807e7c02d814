/**
 * @module The page's own path when its stated address follows the site's scheme
 * (`/policy-analysis/<slug>`, with a language prefix). Addresses of other sites do not become paths:
 * the article then gets the path its title gives.
 */

const SCHEME = /^(\/[a-z]{2,3})?\/policy-analysis\/[^/?#\s]+$/;

/**
 * @example
 * ownPathOf('https://www.example.org/ar/policy-analysis/x/') // → '/ar/policy-analysis/x'
 * ownPathOf('https://news.example.com/2023/05/story.html') // → null
 */
export function ownPathOf(address: string | null | undefined): string | null {
  if (!address) return null;
  let path: string;
  try {
    path = new URL(address, 'http://site.invalid').pathname;
  } catch {
    return null;
  }
  try {
    path = decodeURI(path);
  } catch {
    // A malformed escape: keep the path as written.
  }
  path = path.replace(/\/+$/, '');
  return SCHEME.test(path) ? path : null;
}
