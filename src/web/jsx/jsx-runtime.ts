/**
 * @module Our JSX runtime (tsconfig `jsxImportSource: "#jsx"`, package.json `imports`): each element is
 * rendered to an `HtmlString` when it is made, components called at once, so a page is one string built
 * in a single pass with no tree to walk afterwards. The output is Hono's JSX output byte for byte for what
 * our views use (attributes in the order written, `className`/`htmlFor` spellings, boolean attributes,
 * void elements closed as `<br/>`, `dangerouslySetInnerHTML`); tests compare the two. Not carried over:
 * async components, contexts, style objects, and Hono's hoisting of `<title>`, `<meta>` and `<link>` from
 * the body into the head (our heads are written where they belong).
 */
import type { JSX as HonoJSX } from 'hono/jsx';
import { childHtml, escapeHtml, HtmlString, type Child } from './html-string.ts';

type Props = Record<string, unknown>;
type Component = (props: never) => unknown;

export declare namespace JSX {
  type Element = HtmlString;
  type ElementType = string | ((props: never) => Child | Promise<never>);
  interface ElementChildrenAttribute {
    children: Child;
  }
  interface IntrinsicElements extends HonoJSX.IntrinsicElements {}
  interface IntrinsicAttributes {
    key?: string | number | bigint | null | undefined;
  }
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

const BOOLEAN = new Set([
  'allowfullscreen',
  'async',
  'autofocus',
  'autoplay',
  'checked',
  'controls',
  'default',
  'defer',
  'disabled',
  'download',
  'formnovalidate',
  'hidden',
  'inert',
  'ismap',
  'itemscope',
  'loop',
  'multiple',
  'muted',
  'nomodule',
  'novalidate',
  'open',
  'playsinline',
  'readonly',
  'required',
  'reversed',
  'selected',
  'shadowrootclonable',
  'shadowrootdelegatesfocus',
  'shadowrootserializable',
]);

const RENAMED = new Map([
  ['className', 'class'],
  ['htmlFor', 'for'],
  ['crossOrigin', 'crossorigin'],
  ['httpEquiv', 'http-equiv'],
  ['itemProp', 'itemprop'],
  ['fetchPriority', 'fetchpriority'],
  ['noModule', 'nomodule'],
  ['formAction', 'formaction'],
]);

// Names are checked once each (they come from our code, so the sets stay small); a bad one never reaches the page.
const goodTags = new Set<string>();
const goodNames = new Set<string>();
const BAD_TAG = /^[!?]|[\s"'<>/=`\\\x00-\x1f\x7f-\x9f]/;
const BAD_NAME = /[\s"'<>/=`\\\x00-\x1f\x7f-\x9f]/;

function checkTag(tag: string): void {
  if (goodTags.has(tag)) return;
  if (BAD_TAG.test(tag)) throw new Error(`Invalid JSX tag name: ${tag}`);
  if (goodTags.size < 256) goodTags.add(tag);
}

function validName(name: string): boolean {
  if (goodNames.has(name)) return true;
  if (name.length === 0 || BAD_NAME.test(name)) return false;
  if (goodNames.size < 1024) goodNames.add(name);
  return true;
}

/** ` name="value"` for one attribute, or '' when it is left out (null, undefined, false booleans, handlers). */
export function attribute(tag: string, key: string, v: unknown): string {
  if (key === 'ref' || v === null || v === undefined) return '';
  if (typeof v === 'string') return ` ${key}="${escapeHtml(v)}"`;
  if (typeof v === 'boolean' && BOOLEAN.has(key)) return v ? ` ${key}=""` : '';
  if (typeof v === 'function') {
    if (!key.startsWith('on')) throw new Error(`Invalid prop '${key}' of type 'function' supplied to '${tag}'.`);
    return '';
  }
  if (typeof v === 'number' || v instanceof HtmlString) return ` ${key}="${v}"`;
  if (key === 'style' && typeof v === 'object') throw new Error(`style on <${tag}> must be a string: style objects are not rendered`);
  if (v instanceof Promise) throw new Error(`attribute '${key}' of <${tag}> is a promise: pages are rendered synchronously`);
  return ` ${key}="${escapeHtml(String(v))}"`;
}

function element(tag: string, props: Props): HtmlString {
  checkTag(tag);
  let out = '<' + tag;
  let children: unknown = props.children;
  let hasChildren = 'children' in props && !(Array.isArray(children) && children.length === 0);
  // Hono renders <input> through a component that drops a null or undefined child (`<input>{null}</input>` is `<input/>`).
  if (hasChildren && tag === 'input') {
    const only = Array.isArray(children) && children.length === 1 ? children[0] : children;
    hasChildren = only !== null && only !== undefined && !(Array.isArray(only) && only.length === 0);
  }
  for (const name in props) {
    if (name === 'children') continue;
    const key = RENAMED.get(name) ?? name;
    if (!validName(key)) continue;
    const v = props[name];
    if (key === 'dangerouslySetInnerHTML' && typeof v === 'object' && v !== null && '__html' in v) {
      if (hasChildren) throw new Error('Can only set one of `children` or `props.dangerouslySetInnerHTML`.');
      children = new HtmlString(String((v as { __html: unknown }).__html));
      hasChildren = true;
    } else out += attribute(tag, key, v);
  }
  if (!hasChildren && VOID.has(tag)) return new HtmlString(out + '/>');
  return new HtmlString(out + '>' + childHtml(children) + '</' + tag + '>');
}

/** What a component returned, as markup: text escaped, nothing for null, undefined and booleans. */
function resultHtml(r: unknown): HtmlString {
  if (r instanceof HtmlString) return r;
  return new HtmlString(childHtml(r));
}

/**
 * One JSX element, rendered now.
 *
 * @example jsx('a', { href: '/ar/', children: 'الرئيسية' }).value // → '<a href="/ar/">الرئيسية</a>'
 */
export function jsx(tag: string | Component, props: Props, _key?: unknown): HtmlString {
  if (typeof tag === 'function') {
    // Hono hands a component a one-element children list as that element: keep what components see.
    const c = props.children;
    if (Array.isArray(c) && c.length === 1) props = { ...props, children: c[0] };
    return resultHtml((tag as (p: Props) => unknown)(props));
  }
  return element(tag, props);
}

export const jsxs = jsx;

/** `<>…</>`: its children, side by side. */
export function Fragment(props: { children?: Child }): HtmlString {
  return new HtmlString(childHtml(props.children));
}

/** Markup the precompiled views (scripts/jsx-precompile.mjs) assembled from strings already safe. */
export function htmlOf(html: string): HtmlString {
  return new HtmlString(html);
}

export { childHtml };

/**
 * The rules `element` follows, for scripts/jsx-precompile.mjs to apply at build time what it can (static
 * attributes and text) exactly as this runtime would apply them when a page is rendered.
 */
export const precompileRules = { VOID, RENAMED, checkTag, validName, attribute, escapeHtml } as const;
