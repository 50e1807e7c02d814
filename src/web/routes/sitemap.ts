/**
 * @module `sitemap.xml` (every home, article, topic, region and expert page, each with its language
 * alternates as `xhtml:link`) and `robots.txt`. A site past the protocol's limits for one file (50,000
 * addresses or 50 MB) gets a sitemap index at `sitemap.xml`, pointing at `sitemap-1.xml`, `sitemap-2.xml`…
 */
import type { Context, Hono } from 'hono';
import { LANGS, countryPath, homePath, relationPath } from '../../model/index.ts';
import { countryDirectory, relationDirectory } from '../../app/index.ts';
import { hreflangs as hreflangsOf, type Hreflang } from '../hreflang.ts';
import { sendText } from '../send.ts';
import { absoluteUrl, type WebDeps } from '../web-deps.ts';
import { INDEX_PAGES, currentSite } from '../site/index.ts';
import { seriesDirectory, seriesPath } from '../series/index.ts';

interface SitemapUrl {
  loc: string;
  lastmod?: string | null;
  /** Every language version, the page itself and x-default included (hreflang.ts). */
  alternates: { lang: string; href: string }[];
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** One `<url>` entry. */
function urlXml(u: SitemapUrl): string {
  const out = ['<url>', `<loc>${xml(u.loc)}</loc>`];
  if (u.lastmod) out.push(`<lastmod>${xml(u.lastmod)}</lastmod>`);
  for (const a of u.alternates) out.push(`<xhtml:link rel="alternate" hreflang="${xml(a.lang)}" href="${xml(a.href)}"/>`);
  out.push('</url>');
  return out.join('\n');
}

const URLSET_OPEN = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">';
const URLSET_CLOSE = '</urlset>\n';

function urlsetXml(entries: string[]): string {
  return [URLSET_OPEN, ...entries, URLSET_CLOSE].join('\n');
}

/** The protocol's limits for one sitemap file (sitemaps.org): 50,000 addresses, 50 MB uncompressed. */
export const SITEMAP_MAX_URLS = 50_000;
const SITEMAP_MAX_BYTES = 50 * 1024 * 1024;

/**
 * `urls` cut into files within the limits (at most `maxUrls` addresses and 50 MB each), in order: one
 * part for a site that fits in one file.
 */
function sitemapParts(urls: SitemapUrl[], maxUrls = SITEMAP_MAX_URLS): { entries: string[]; lastmod?: string }[] {
  const parts: { entries: string[]; lastmod?: string }[] = [];
  const frame = Buffer.byteLength(URLSET_OPEN) + Buffer.byteLength(URLSET_CLOSE) + 2;
  let part: { entries: string[]; lastmod?: string } | undefined;
  let bytes = 0;
  for (const u of urls) {
    const entry = urlXml(u);
    const size = Buffer.byteLength(entry) + 1;
    if (!part || part.entries.length >= maxUrls || bytes + size > SITEMAP_MAX_BYTES - frame) {
      parts.push((part = { entries: [] }));
      bytes = 0;
    }
    part.entries.push(entry);
    bytes += size;
    if (u.lastmod && (!part.lastmod || u.lastmod > part.lastmod)) part.lastmod = u.lastmod;
  }
  return parts.length ? parts : [{ entries: [] }];
}

/** The address of part `n` (from 1) of a sitemap cut into several files. */
function sitemapPartPath(n: number): string {
  return `/sitemap-${n}.xml`;
}

function sitemapIndexXml(parts: { loc: string; lastmod?: string }[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const p of parts) {
    out.push('<sitemap>', `<loc>${xml(p.loc)}</loc>`);
    if (p.lastmod) out.push(`<lastmod>${xml(p.lastmod)}</lastmod>`);
    out.push('</sitemap>');
  }
  out.push('</sitemapindex>', '');
  return out.join('\n');
}

export function registerSitemap(app: Hono, deps: WebDeps): void {
  const TYPE = 'application/xml; charset=utf-8';
  const partsOf = async (c: Context) => sitemapParts(await sitemapUrls(c), deps.sitemapMaxUrls ?? SITEMAP_MAX_URLS);
  app.get('/sitemap.xml', async (c) => {
    const parts = await partsOf(c);
    if (parts.length === 1) return sendText(c, urlsetXml(parts[0]!.entries), TYPE);
    const abs = (p: string) => absoluteUrl(deps, c.req.url, p);
    return sendText(c, sitemapIndexXml(parts.map((p, i) => ({ loc: abs(sitemapPartPath(i + 1)), lastmod: p.lastmod }))), TYPE);
  });
  app.get('/:file{sitemap-[1-9][0-9]*\\.xml}', async (c) => {
    const n = Number(/\d+/.exec(c.req.param('file'))![0]);
    const parts = await partsOf(c);
    // A site that fits in one file has no parts: its sitemap is sitemap.xml itself.
    if (parts.length === 1 || n > parts.length) return c.notFound();
    return sendText(c, urlsetXml(parts[n - 1]!.entries), TYPE);
  });

  /** Every address the sitemap lists, in order. */
  async function sitemapUrls(c: Context): Promise<SitemapUrl[]> {
    const abs = (p: string) => absoluteUrl(deps, c.req.url, p);
    // x-default is the version in the site's configured default language (hreflang.ts).
    const hreflangs = (lang: string, self: string, alternates: readonly Hreflang[]) => hreflangsOf(lang, self, alternates, currentSite().defaultLanguage);
    const langs = Object.values(LANGS).map((l) => l.code);
    const homes = langs.map((l) => ({ lang: l, href: abs(homePath(l)) }));
    const urls: SitemapUrl[] = homes.map((h) => ({ loc: h.href, alternates: hreflangs(h.lang, h.href, homes) }));
    for (const name of INDEX_PAGES) {
      const forms = Object.values(LANGS).map((l) => ({ lang: l.code, href: abs(`${l.prefix}/${name}`) }));
      urls.push(...forms.map((f) => ({ loc: f.href, alternates: hreflangs(f.lang, f.href, forms) })));
    }
    // Every published article, with the translations readers can open (a published article stored at the
    // translation's path), read in two queries: not a whole document and two queries an article, which
    // at 100,000 articles took seconds on SQLite and far longer on PostgreSQL.
    const db = deps.store.db;
    const articles = await db.selectFrom('articles').select(['id', 'lang', 'path', 'published', 'updated']).where('status', '=', 'published').orderBy('id').execute();
    const publishedPaths = new Set(articles.map((a) => a.path));
    const translationsOf = new Map<string, { lang: string; path: string }[]>();
    for (const t of await db.selectFrom('article_translations').select(['article_id', 'lang', 'path']).orderBy('article_id').orderBy('lang').execute()) {
      if (!publishedPaths.has(t.path)) continue;
      const list = translationsOf.get(t.article_id);
      if (list) list.push(t);
      else translationsOf.set(t.article_id, [t]);
    }
    for (const a of articles) {
      const alternates = [{ lang: a.lang, href: abs(a.path) }];
      for (const tr of translationsOf.get(a.id) ?? []) alternates.push({ lang: tr.lang, href: abs(tr.path) });
      urls.push({ loc: abs(a.path), lastmod: a.updated ?? a.published, alternates: hreflangs(a.lang, abs(a.path), alternates) });
    }
    for (const lang of langs) {
      for (const kind of ['topic', 'region'] as const) {
        for (const term of await deps.store.listTerms(kind, lang)) {
          urls.push({ loc: abs(term.path), alternates: hreflangs(lang, abs(term.path), term.alternates.map((x) => ({ lang: x.lang, href: abs(x.path) }))) });
        }
      }
      for (const e of await deps.store.listExperts(lang)) {
        urls.push({ loc: abs(e.path), alternates: hreflangs(lang, abs(e.path), e.alternates.map((x) => ({ lang: x.lang, href: abs(x.path) }))) });
      }
    }
    // Country and relationship pages: each in every language, linked to the others by hreflang.
    const countries = new Set<string>();
    for (const lang of langs) for (const e of await countryDirectory(deps.store, lang)) countries.add(e.id);
    const pages = [
      ...[...countries].sort().map((code) => (l: string) => countryPath(l, code)),
      ...(await relationDirectory(deps.store)).filter(([a, b]) => countries.has(a) && countries.has(b)).map(([a, b]) => (l: string) => relationPath(l, a, b)),
    ];
    // The series index and each series' page, in every language.
    pages.push((l: string) => `${LANGS[l]?.prefix ?? ''}/series`);
    for (const e of await seriesDirectory(deps.store)) pages.push((l: string) => seriesPath(e.key, l));
    for (const pathIn of pages) {
      const forms = langs.map((l) => ({ lang: l, href: abs(pathIn(l)) }));
      urls.push(...forms.map((f) => ({ loc: f.href, alternates: hreflangs(f.lang, f.href, forms) })));
    }
    return urls;
  }

  app.get('/robots.txt', (c) => {
    const body = ['User-agent: *', 'Disallow: /admin', 'Disallow: /api/', 'Allow: /', '', `Sitemap: ${absoluteUrl(deps, c.req.url, '/sitemap.xml')}`, ''].join('\n');
    return sendText(c, body, 'text/plain; charset=utf-8');
  });
}
