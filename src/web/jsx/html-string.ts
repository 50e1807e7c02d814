/**
 * @module HTML as strings built eagerly: `HtmlString` is markup that is already safe (escaped text, or
 * HTML we vouch for through `raw`), and every plain string that meets it is escaped exactly once. This is
 * what our JSX runtime (jsx-runtime.ts) returns, in place of Hono's tree of nodes serialised later, which
 * cost a page more than everything else it does. Escaping and the rules of `childHtml` copy Hono's
 * (hono/jsx/base, hono/utils/html) so pages are byte for byte what they were.
 */

/** Markup that is already safe to send. `isEscaped` lets Hono's own helpers (`c.html`, `html```) pass it through as is. */
export class HtmlString {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
  declare readonly isEscaped: true;
}
Object.defineProperty(HtmlString.prototype, 'isEscaped', { value: true });

/** What a JSX element may hold: text (escaped), numbers, markup, nothing (null, undefined, booleans) and lists of these. */
export type Child = string | number | bigint | boolean | null | undefined | HtmlString | Child[];

/**
 * HTML that is trusted as it is (JSON for a script block, a sanitised snippet): never escaped again.
 *
 * @example <script type="application/json">{raw(jsonForScript(data))}</script>
 */
export function raw(html: string): HtmlString {
  return new HtmlString(html);
}

const ESCAPED = /[&<>"']/;

/**
 * `s` with `& < > " '` escaped, for text and attribute values alike (as Hono escapes them).
 *
 * @example escapeHtml(`<a title="x">`) // → '&lt;a title=&quot;x&quot;&gt;'
 */
export function escapeHtml(s: string): string {
  const first = s.search(ESCAPED);
  if (first === -1) return s;
  let out = '';
  let last = 0;
  for (let i = first; i < s.length; i++) {
    let e: string;
    switch (s.charCodeAt(i)) {
      case 34:
        e = '&quot;';
        break;
      case 39:
        e = '&#39;';
        break;
      case 38:
        e = '&amp;';
        break;
      case 60:
        e = '&lt;';
        break;
      case 62:
        e = '&gt;';
        break;
      default:
        continue;
    }
    out += s.substring(last, i) + e;
    last = i + 1;
  }
  return out + s.substring(last);
}

/** The HTML of one child: text escaped, markup as it is, nothing for null, undefined and booleans. */
export function childHtml(c: unknown): string {
  if (typeof c === 'string') return escapeHtml(c);
  if (c instanceof HtmlString) return c.value;
  if (c === null || c === undefined || typeof c === 'boolean') return '';
  if (typeof c === 'number') return String(c);
  if (Array.isArray(c)) {
    let out = '';
    for (let i = 0; i < c.length; i++) out += childHtml(c[i]);
    return out;
  }
  if (typeof c === 'object' && (c as { isEscaped?: unknown }).isEscaped === true) return String(c);
  if (c instanceof Promise) throw new Error('an async component cannot be rendered: pages are rendered synchronously');
  // Hono renders any other value (a bigint, a plain object) as nothing: so do we.
  return '';
}
