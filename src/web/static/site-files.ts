/**
 * @module Where each site path of a `mizan build` is written (`fileForPath`), and the site paths a written
 * page links to or loads (`linksOf`), which the build follows to find every page.
 */
import { detached } from '../../lib/index.ts';

/**
 * A citation export: written under its format's extension (the one its link's `download` names), since a
 * static host serves a file by its name and cannot tell `?format=ris` from `?format=bibtex`.
 */
export const CITE_EXPORT = /^\/api\/articles\/([^/?]+)\/cite\?format=(bibtex|ris|csl)$/;
export const CITE_EXTENSIONS = { bibtex: 'bib', ris: 'ris', csl: 'json' } as const;

/**
 * The file a site path is written to: `/` → `index.html`, `/ar/x` → `ar/x.html`, `/feed.xml` as it is,
 * `/api/articles/a1/cite?format=ris` → `api/articles/a1/cite.ris`.
 */
export function fileForPath(path: string): string {
  const cite = CITE_EXPORT.exec(path);
  if (cite) return decodeURIComponent(`api/articles/${cite[1]}/cite.${CITE_EXTENSIONS[cite[2] as keyof typeof CITE_EXTENSIONS]}`);
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

/**
 * Site paths that a page links to or loads (same origin only), in no set order. Every page of a build is
 * read for them, so HTML is scanned with `indexOf` from one `="` to the next (about a sixth of what three
 * regular expressions over the whole page cost), each attribute told by the name before it. Given `known`,
 * only links not in it are handed back, and added to it (a page names mostly links its site named before).
 */
export function linksOf(body: string, type: string, origin: string, known?: Set<string>): string[] {
  const found: string[] = [];
  if (type.includes('html')) htmlLinks(body, found);
  else if (type.includes('xml') || type.includes('json')) matchAll(body, /(?:<loc>|href="|"url":\s*")([^"<]+)/g, found);
  else if (type.includes('css')) matchAll(body, /url\(["']?([^"')]+)/g, found);
  const out: string[] = [];
  for (const raw of found) {
    let link = raw.includes('&amp;') ? raw.replace(/&amp;/g, '&') : raw;
    if (link.startsWith(origin)) link = link.slice(origin.length) || '/';
    else if (!link.startsWith('/') || link.startsWith('//')) continue;
    if (known) {
      if (known.has(link)) continue;
      // Copied (detached): a kept slice would keep the whole page alive with it.
      link = detached(link);
      known.add(link);
    } else link = detached(link);
    out.push(link);
  }
  return out;
}

function matchAll(body: string, pattern: RegExp, found: string[]): void {
  for (const m of body.matchAll(pattern)) found.push(m[1]);
}

const HREF = 1;
/** `content` of a `<meta>`: a shared link's card (og:image, twitter:image) or og:url, an absolute address kept when it is on the copy's own origin. */
const META_CONTENT = 2;
/** A `<picture>`'s AVIF and WebP variants are named only in srcset ("url 320w, url 640w"): a browser picks one of them, so each must be in the copy. */
const SRCSET = 3;

/** Pushes the values of `href`, `src`, `srcset` and `<meta … content>` attributes (up to a `#`). */
function htmlLinks(body: string, found: string[]): void {
  for (let at = body.indexOf('="'); at !== -1; at = body.indexOf('="', at + 2)) {
    const kind = attributeAt(body, at);
    if (kind === 0) continue;
    const start = at + 2;
    const end = body.indexOf('"', start);
    if (end === -1) return;
    if (kind === SRCSET) {
      for (const candidate of body.slice(start, end).split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) found.push(url);
      }
      continue;
    }
    const hash = body.indexOf('#', start);
    found.push(body.slice(start, hash !== -1 && hash < end ? hash : end));
  }
}

/** What the attribute whose `="` is at `at` is to the build (0: nothing it follows). */
function attributeAt(s: string, at: number): number {
  switch (s.charCodeAt(at - 1)) {
    case 0x66: // …f: href
      return s.startsWith('href', at - 4) && isSpace(s.charCodeAt(at - 5)) ? HREF : 0;
    case 0x63: // …c: src
      return s.startsWith('src', at - 3) && isSpace(s.charCodeAt(at - 4)) ? HREF : 0;
    case 0x74: // …t: srcset, content
      if (s.startsWith('srcset', at - 6) && isSpace(s.charCodeAt(at - 7))) return SRCSET;
      return s.startsWith('content', at - 7) && inMetaTag(s, at - 7) ? META_CONTENT : 0;
    default:
      return 0;
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0x0c;
}

/** Whether position `at` is inside a `<meta …>` tag. */
function inMetaTag(s: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (c === 0x3e) return false; // '>'
    if (c === 0x3c) return s.startsWith('<meta ', i); // '<'
  }
  return false;
}
