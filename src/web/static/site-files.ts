/**
 * @module Where each site path of a `mizan build` is written (`fileForPath`), and the site paths a written
 * page links to or loads (`linksOf`), which the build follows to find every page.
 */
import { detached } from '../../lib/index.ts';

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
export function linksOf(body: string, type: string, origin: string): string[] {
  const found: string[] = [];
  if (type.includes('html')) {
    for (const m of body.matchAll(/\s(?:href|src)="([^"#]*)/g)) found.push(m[1]);
    // A shared link's card (og:image, twitter:image, og:url): an absolute address in a meta tag's content,
    // kept when it is on the copy's own origin (below).
    for (const m of body.matchAll(/<meta [^>]*content="([^"#]*)/g)) found.push(m[1]);
    // A <picture>'s AVIF and WebP variants are named only in srcset ("url 320w, url 640w"): a browser
    // picks one of them, so each must be in the copy.
    for (const m of body.matchAll(/\ssrcset="([^"]*)/g)) {
      for (const candidate of m[1].split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) found.push(url);
      }
    }
  } else if (type.includes('xml') || type.includes('json')) {
    for (const m of body.matchAll(/(?:<loc>|href="|"url":\s*")([^"<]+)/g)) found.push(m[1]);
  } else if (type.includes('css')) {
    for (const m of body.matchAll(/url\(["']?([^"')]+)/g)) found.push(m[1]);
  }
  // Copied (detached): the build keeps its links to the end, and a match would keep the whole page.
  const out: string[] = [];
  for (const raw of found) {
    const link = raw.replace(/&amp;/g, '&');
    if (link.startsWith(origin)) out.push(detached(link.slice(origin.length) || '/'));
    else if (link.startsWith('/') && !link.startsWith('//')) out.push(detached(link));
  }
  return out;
}
