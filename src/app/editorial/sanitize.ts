/**
 * @module The allow-list sanitizer every written or imported article passes on the way in (the one
 * adapter for sanitize-html). Article fields are plain text, so the allow-list is empty: every tag and
 * attribute goes, script and style contents with them; what stays is text, escaped again on the way
 * out by the views. Link and image addresses must be http(s), mailto or site paths.
 */
import type sanitizeHtml from 'sanitize-html';
import { onFirstUse } from '../../lib/index.ts';
import type { Article, Block, Link } from '../../model/index.ts';

const sanitizer = onFirstUse<typeof sanitizeHtml>('sanitize-html');

const NO_MARKUP: sanitizeHtml.IOptions = { allowedTags: [], allowedAttributes: {}, disallowedTagsMode: 'discard' };

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };

/** C0 controls but tab and newline, and the bidi embeddings and overrides (U+202A–U+202E), which can make text read other than it is. */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E]/g;
/** In one-line fields the isolates (U+2066–U+2069) go too. */
const ISOLATES = /[\u2066-\u2069]/g;

/**
 * Text with every piece of markup removed. Literal `<` and `&` in prose survive as characters.
 *
 * @example sanitizeText('a <img src=x onerror=alert(1)>< b') // → 'a < b'
 */
export function sanitizeText(text: string): string {
  if (!/[<&]/.test(text)) return text.replace(CONTROLS, '');
  const clean = sanitizer()(text, NO_MARKUP).replace(/&(lt|gt|amp|quot|#39);/g, (e) => ENTITIES[e]);
  return clean.replace(CONTROLS, '');
}

/**
 * A one-line field (title, name, slug): sanitized, without bidi isolates either, whitespace collapsed.
 * Marks (LRM, RLM, ALM) stay: Arabic text needs them.
 *
 * @example sanitizeLine(' a\u202Eb ') // → 'ab'
 */
export function sanitizeLine(text: string): string {
  return sanitizeText(text).replace(ISOLATES, '').replace(/\s+/g, ' ').trim();
}

/**
 * An address safe to put in href or src, or null: http(s), mailto, or a site path (not `//host`).
 *
 * @example safeUrl('javascript:alert(1)') // → null
 */
export function safeUrl(url: string): string | null {
  const u = url.trim();
  if (/^\/(?!\/)/.test(u)) return u;
  try {
    const parsed = new URL(u);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? u : null;
  } catch {
    return null;
  }
}

function cleanText(text: string, links: Link[]): { text: string; links: Link[] } {
  const clean = sanitizeText(text);
  const safeLinks = links.filter((l) => safeUrl(l.url) !== null);
  if (clean === text) return { text, links: safeLinks };
  // The text changed: find each link's words again in the cleaned text, or drop the link.
  const out: Link[] = [];
  let from = 0;
  for (const l of safeLinks) {
    const words = sanitizeText(l.text);
    const at = words ? clean.indexOf(words, from) : -1;
    if (at < 0) continue;
    out.push({ text: words, url: l.url, start: at, end: at + words.length });
    from = at + words.length;
  }
  return { text: clean, links: out };
}

function cleanBlock(block: Block): Block | null {
  switch (block.kind) {
    case 'list':
      return { ...block, items: block.items.map((i) => cleanText(i.text, i.links)) };
    case 'table':
      return { ...block, rows: block.rows.map((r) => r.map(sanitizeText)) };
    case 'image': {
      const src = safeUrl(block.src);
      return src ? { ...block, src, alt: sanitizeText(block.alt), caption: sanitizeText(block.caption), credit: sanitizeText(block.credit) } : null;
    }
    case 'heading':
      return { ...block, ...cleanText(block.text, block.links) };
    default:
      return { ...block, ...cleanText(block.text, block.links) };
  }
}

/**
 * The article with every text field sanitized and every unsafe address dropped.
 *
 * @example sanitizeArticle({ ...a, title: '<script>x</script>T' }).title // → 'T'
 */
export function sanitizeArticle(a: Article): Article {
  return {
    ...a,
    title: sanitizeLine(a.title),
    summary: sanitizeText(a.summary),
    typeLabel: sanitizeLine(a.typeLabel),
    series: a.series ? { ...a.series, name: sanitizeLine(a.series.name) } : null,
    origin: { file: a.origin.file, url: a.origin.url && safeUrl(a.origin.url) },
    authors: a.authors.map((x) => ({ ...x, slug: sanitizeLine(x.slug), name: sanitizeLine(x.name), title: x.title === null ? null : sanitizeLine(x.title), bio: sanitizeText(x.bio) })),
    body: a.body.map(cleanBlock).filter((b): b is Block => b !== null),
    sources: a.sources.filter((s) => safeUrl(s.url) !== null),
    topics: a.topics.map((t) => ({ ...t, slug: sanitizeLine(t.slug), name: sanitizeLine(t.name) })),
    regions: a.regions.map((t) => ({ ...t, slug: sanitizeLine(t.slug), name: sanitizeLine(t.name) })),
    countries: a.countries.map((c) => ({ ...c, name: sanitizeLine(c.name) })),
    related: a.related.map((r) => ({ ...r, title: sanitizeLine(r.title), authors: r.authors.map(sanitizeLine) })),
    image: a.image && safeUrl(a.image.src) ? { ...a.image, src: safeUrl(a.image.src)!, alt: sanitizeLine(a.image.alt) } : null,
    attachments: a.attachments.filter((x) => safeUrl(x.src) !== null).map((x) => ({ ...x, title: sanitizeLine(x.title) })),
  };
}
