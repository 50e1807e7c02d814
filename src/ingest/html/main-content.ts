/**
 * @module Finds a page's main content the way reading modes do: drop what is never content (scripts,
 * navigation, ads, share bars, comments), then score containers by the prose in their paragraphs —
 * length and commas up, link-heavy text and "sidebar"-like names down — and keep the best one.
 * Plain tree walks, no CSS selectors: selector matching on every element dominated the run time.
 */
import { allElements, type DomDocument, type DomElement } from './dom.ts';

/** Elements that never hold article text. */
const NEVER_TAGS = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'form', 'button', 'input', 'select', 'textarea', 'svg', 'canvas', 'nav', 'link', 'meta', 'math', 'video', 'audio', 'dialog']);
const NEVER_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary', 'dialog']);

/** Class or id words of page furniture. */
const FURNITURE = /(^|[\s_-])(ad|ads|advert\w*|adslot|banner|breadcrumbs?|byline|comments?|cookie\w*|disqus|footer|gdpr|masthead|menu|modal|navbar|newsletter|outbrain|pagination|pager|popup|promo\w*|recirc|related|recommend\w*|share\w*|sharing|sidebar|social|sponsor\w*|subscribe|subscription|taboola|tags|toolbar|widget|author-info|post-meta|dateline|skip-link|site-header|site-footer)($|[\s_-])/i;
/** Class or id words that mark the content itself, which keep an element even when it also looks like furniture. */
const CONTENT_WORDS = /(^|[\s_-])(article|body|content|entry|main|post|story|text|prose)($|[\s_-])/i;
const NEGATIVE = /comment|footer|sidebar|related|share|social|promo|sponsor|widget|meta|banner/i;
const POSITIVE = /article|body|content|entry|main|post|story|text|prose/i;
const FOOTNOTE_NAMES = /(^|[\s_-])(footnotes?|footnote-list|endnotes?)($|[\s_-])/i;

function names(el: DomElement): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
}

/** Footnotes look like page furniture by name and position but are content: `<section class="footnotes">` → true. */
export function isFootnotes(el: DomElement): boolean {
  return FOOTNOTE_NAMES.test(names(el)) || el.getAttribute('role') === 'doc-endnotes' || el.hasAttribute('data-footnotes');
}

/** Removes everything that is never content, in place: scripts, forms, navigation, and elements named like ads, share bars or comments. */
export function dropFurniture(root: DomElement): void {
  const all = allElements(root);
  const keep = new Set<DomElement>();
  for (const el of all) {
    if (!isFootnotes(el)) continue;
    for (let p: DomElement | null = el; p; p = p.parentElement) keep.add(p);
  }
  for (const el of all) {
    if (el === root || !el.parentNode || keep.has(el)) continue;
    const tag = el.tagName.toLowerCase();
    if (NEVER_TAGS.has(tag) || NEVER_ROLES.has(el.getAttribute('role') ?? '') || el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) {
      el.remove();
      continue;
    }
    const n = names(el);
    const furnitureTag = (tag === 'header' || tag === 'footer' || tag === 'aside') && !CONTENT_WORDS.test(n) && !/note/i.test(n);
    if (furnitureTag || (FURNITURE.test(n) && !CONTENT_WORDS.test(n.replace(FURNITURE, ' ')))) el.remove();
  }
}

/** Length of the text, and of the part inside links. */
function measureText(el: DomElement): { total: number; links: number } {
  let links = 0;
  for (const a of el.getElementsByTagName('a')) links += (a.textContent ?? '').length;
  return { total: (el.textContent ?? '').length, links };
}

const PROSE = new Set(['P', 'PRE', 'TD', 'BLOCKQUOTE', 'LI']);

/**
 * The element that holds the article's text, after furniture is dropped.
 *
 * @example
 * findMainContent(parseDocument('<div class=nav>…</div><article><p>Long text, with commas…</p></article>')).tagName // → 'ARTICLE'
 */
export function findMainContent(doc: DomDocument): DomElement {
  const body = doc.body ?? doc.documentElement;
  dropFurniture(body);
  const scores = new Map<DomElement, number>();
  const init = (el: DomElement): void => {
    if (scores.has(el)) return;
    const tag = el.tagName.toLowerCase();
    const base = tag === 'article' || tag === 'main' ? 20 : tag === 'div' || tag === 'section' ? 5 : tag === 'blockquote' || tag === 'td' ? 3 : 0;
    const n = names(el);
    scores.set(el, base + (POSITIVE.test(n) ? 25 : 0) - (NEGATIVE.test(n) ? 25 : 0));
  };
  for (const p of allElements(body)) {
    if (!PROSE.has(p.tagName)) continue;
    const text = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length < 25) continue;
    const score = 1 + (text.match(/[,،]/g)?.length ?? 0) + Math.min(3, Math.floor(text.length / 100));
    let parent = p.parentElement;
    for (let level = 0; parent && level < 3; level++, parent = parent.parentElement) {
      if (parent.tagName === 'HTML') break;
      init(parent);
      scores.set(parent, scores.get(parent)! + score / (level === 0 ? 1 : level * 2));
    }
  }
  let best: DomElement | null = null;
  let bestScore = -Infinity;
  const finals = new Map<DomElement, number>();
  for (const [el, s] of scores) {
    const m = measureText(el);
    const final = s * (1 - (m.total ? m.links / m.total : 0));
    finals.set(el, final);
    if (final > bestScore) {
      best = el;
      bestScore = final;
    }
  }
  if (!best) return body;
  // A container whose parent holds several such containers (sections of one article) gives way to the parent.
  const parent = best.parentElement;
  if (parent && parent !== body && finals.has(parent) && finals.get(parent)! >= bestScore * 0.6) return parent;
  return best;
}
