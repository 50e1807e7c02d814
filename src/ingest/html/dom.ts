/**
 * @module The one adapter over the HTML parser (linkedom): parses a page and exposes the few DOM
 * shapes the importer uses, so the parser can be swapped without touching the importer.
 */
import { onFirstUse } from '../../lib/index.ts';

const linkedom = onFirstUse<typeof import('linkedom')>('linkedom');

export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  parentNode: DomNode | null;
  childNodes: ArrayLike<DomNode> & Iterable<DomNode>;
}

export interface DomElement extends DomNode {
  tagName: string;
  id: string;
  className: string;
  outerHTML: string;
  innerHTML: string;
  children: ArrayLike<DomElement> & Iterable<DomElement>;
  parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>;
  remove(): void;
  getElementsByTagName(name: string): ArrayLike<DomElement> & Iterable<DomElement>;
}

export interface DomDocument {
  documentElement: DomElement;
  head: DomElement | null;
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement> & Iterable<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/**
 * Parses a whole HTML page.
 *
 * @example
 * parseDocument('<html lang="ar"><body><p>x</p></body></html>').documentElement.getAttribute('lang') // → 'ar'
 */
export function parseDocument(html: string): DomDocument {
  // linkedom wants a full document to build <html>, <head> and <body>.
  const full = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return (linkedom().parseHTML(full) as unknown as { document: DomDocument }).document;
}

export function isElement(n: DomNode): n is DomElement {
  return n.nodeType === ELEMENT_NODE;
}

/** The element and every element under it, in document order, found in one walk. */
export function allElements(root: DomElement): DomElement[] {
  // linkedom's getElementsByTagName knows no '*'; one universal selector is a single walk.
  return [root, ...root.querySelectorAll('*')];
}

/** Every element of a document grouped by lower-case tag name, from one walk: `elementsByTag(doc).get('meta')`. */
export function elementsByTag(doc: DomDocument): Map<string, DomElement[]> {
  const byTag = new Map<string, DomElement[]>();
  for (const el of allElements(doc.documentElement)) {
    const tag = el.tagName.toLowerCase();
    const list = byTag.get(tag);
    if (list) list.push(el);
    else byTag.set(tag, [el]);
  }
  return byTag;
}
