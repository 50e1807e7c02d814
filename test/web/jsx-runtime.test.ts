/**
 * Our JSX runtime against Hono's, which wrote every page before it: the same markup for the same elements
 * (hostile text and attribute values, Arabic, raw HTML, void elements, boolean attributes, components and
 * fragments), and text escaped exactly once however deep it sits.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { raw as honoRaw } from 'hono/html';
import { Fragment as HonoFragment, jsx as honoJsx } from 'hono/jsx/jsx-runtime';
import { escapeHtml, HtmlString, raw } from '../../src/web/jsx/html-string.ts';
import { Fragment, jsx } from '../../src/web/jsx/jsx-runtime.ts';

/** A tree both runtimes can build: text, numbers, nothing, raw HTML, elements, components, fragments. */
type Spec =
  | { k: 'text'; v: string }
  | { k: 'num'; v: number }
  | { k: 'none'; v: null | undefined | boolean }
  | { k: 'raw'; v: string }
  | { k: 'el'; tag: string; attrs: [string, unknown][]; children: Spec[] | Spec | 'absent' }
  | { k: 'comp'; returns: 'span' | 'text' | 'null' | 'children'; children: Spec[] | Spec | 'absent' }
  | { k: 'frag'; children: Spec[] };

const HOSTILE = ['<', '>', '&', '"', "'", '&amp;', '</p>', '<script>', 'أ', 'ـ', '٣', '\u200f', ' ', 'x'];
const text = fc.oneof(
  fc.string(),
  fc.array(fc.constantFrom(...HOSTILE), { maxLength: 8 }).map((a) => a.join('')),
  fc.constantFrom('الاقتصاد & السياسة', 'تونس "والصندوق" <٢٠٢٣>', "IMF's deal"),
);
// Tags with no special behaviour in Hono (its <title>, <meta>, <link> and async <script> move into the head).
const TAGS = ['div', 'p', 'a', 'span', 'li', 'h2', 'section', 'br', 'img', 'hr', 'input', 'button', 'form', 'time', 'bdi'];
const ATTR_NAMES = ['class', 'className', 'href', 'title', 'data-x', 'aria-label', 'hidden', 'disabled', 'checked', 'open', 'dir', 'lang', 'value', 'htmlFor', 'style', 'id'];
const attrValue = fc.oneof(text, fc.integer({ min: -5, max: 5000 }), fc.boolean(), fc.constantFrom(null, undefined));

const spec: fc.Arbitrary<Spec> = fc.letrec<{ node: Spec }>((tie) => {
  const children = fc.oneof(fc.array(tie('node'), { maxLength: 3 }), tie('node'), fc.constant('absent' as const));
  return {
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      text.map((v) => ({ k: 'text' as const, v })),
      fc.integer().map((v) => ({ k: 'num' as const, v })),
      fc.constantFrom(null, undefined, true, false).map((v) => ({ k: 'none' as const, v })),
      text.map((v) => ({ k: 'raw' as const, v })),
      fc.record({
        k: fc.constant('el' as const),
        tag: fc.constantFrom(...TAGS),
        attrs: fc.uniqueArray(fc.tuple(fc.constantFrom(...ATTR_NAMES), attrValue), { maxLength: 4, selector: ([n]) => n }),
        children,
      }),
      fc.record({ k: fc.constant('comp' as const), returns: fc.constantFrom('span' as const, 'text' as const, 'null' as const, 'children' as const), children }),
      fc.array(tie('node'), { maxLength: 3 }).map((children) => ({ k: 'frag' as const, children })),
    ),
  };
}).node;

interface Runtime {
  jsx: (tag: unknown, props: Record<string, unknown>) => unknown;
  Fragment: unknown;
  raw: (s: string) => unknown;
}

/** Builds `s` as the compiler would call `rt`: props with `children` (one child, or a list). */
function build(s: Spec, rt: Runtime): unknown {
  const kids = (c: Spec[] | Spec | 'absent', props: Record<string, unknown>) => {
    if (c !== 'absent') props.children = Array.isArray(c) ? c.map((x) => build(x, rt)) : build(c, rt);
    return props;
  };
  switch (s.k) {
    case 'text':
    case 'num':
    case 'none':
      return s.v;
    case 'raw':
      return rt.raw(s.v);
    case 'el':
      return rt.jsx(s.tag, kids(s.children, Object.fromEntries(s.attrs)));
    case 'comp': {
      const returns = s.returns;
      const C = (p: { children?: unknown }) => (returns === 'span' ? rt.jsx('span', { class: 'c', children: p.children }) : returns === 'text' ? 'a<b & "c"' : returns === 'null' ? null : p.children);
      return rt.jsx(C, kids(s.children, { title: 'x' }));
    }
    case 'frag':
      return rt.jsx(rt.Fragment, { children: s.children.map((x) => build(x, rt)) });
  }
}

const hono: Runtime = { jsx: honoJsx as Runtime['jsx'], Fragment: HonoFragment, raw: honoRaw };
const ours: Runtime = { jsx: jsx as Runtime['jsx'], Fragment, raw };

function honoHtml(node: unknown): string {
  return String((node as { toString(): string }).toString());
}

/**
 * Whether `s` holds a fragment whose one child is a zero or NaN: Hono's Fragment writes nothing for it,
 * a quirk of its own (its <span>{0}</span> writes 0); ours writes 0 there too, as JSX means it (tested below).
 */
function loneFalsyNumberInFragment(s: Spec): boolean {
  if (s.k === 'frag') {
    if (s.children.length === 1 && s.children[0]!.k === 'num' && !s.children[0]!.v) return true;
    return s.children.some(loneFalsyNumberInFragment);
  }
  if (s.k === 'el' || s.k === 'comp') {
    const c = s.children;
    return c !== 'absent' && (Array.isArray(c) ? c.some(loneFalsyNumberInFragment) : loneFalsyNumberInFragment(c));
  }
  return false;
}

/** Wrapped in a <div> so that a bare text or number at the top is rendered as a child, as in a page. */
function both(s: Spec): [string, string] {
  const h = honoHtml(honoJsx('div', { children: build(s, hono) }));
  const o = (jsx('div', { children: build(s, ours) }) as HtmlString).value;
  return [o, h];
}

describe('our JSX runtime', () => {
  test("writes what Hono's JSX wrote, for any tree of the elements our views use", () => {
    fc.assert(
      fc.property(spec, (s) => {
        fc.pre(!loneFalsyNumberInFragment(s));
        const [o, h] = both(s);
        assert.equal(o, h);
      }),
      { numRuns: 3000 },
    );
  });

  test('a zero is written wherever it stands, alone in a fragment too (where Hono wrote nothing)', () => {
    assert.equal(jsx('p', { children: jsx(Fragment, { children: [0] }) }).value, '<p>0</p>');
    assert.equal(jsx('p', { children: jsx(Fragment, { children: 0 }) }).value, '<p>0</p>');
    assert.equal(jsx('p', { children: [jsx('span', { children: 0 }), jsx(Fragment, { children: [0, 1] })] }).value, '<p><span>0</span>01</p>');
  });

  test('text and attribute values are escaped once: hostile characters and Arabic', () => {
    const el = jsx('a', { href: '/ar/search?q=<x>&y="1"', title: "IMF's", children: ['تونس & <الصندوق>', jsx('b', { children: '"اقتباس"' })] });
    assert.equal(el.value, '<a href="/ar/search?q=&lt;x&gt;&amp;y=&quot;1&quot;" title="IMF&#39;s">تونس &amp; &lt;الصندوق&gt;<b>&quot;اقتباس&quot;</b></a>');
  });

  test('raw HTML passes through untouched, and a rendered element is never escaped again', () => {
    const inner = jsx('p', { children: 'a < b' });
    const outer = jsx('section', { children: [inner, raw('<hr data-x="1">'), jsx(Fragment, { children: [inner] })] });
    assert.equal(outer.value, '<section><p>a &lt; b</p><hr data-x="1"><p>a &lt; b</p></section>');
  });

  test('boolean attributes are written bare or left out; others spell their value', () => {
    assert.equal(jsx('input', { type: 'checkbox', checked: true, disabled: false, 'aria-hidden': true, 'data-n': 0 }).value, '<input type="checkbox" checked="" aria-hidden="true" data-n="0"/>');
  });

  test('escapeHtml escapes exactly the five characters', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const e = escapeHtml(s);
        assert.ok(!/[<>"']/.test(e));
        assert.equal(e.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'), s);
      }),
    );
  });

  test('a bad tag name, a handler on a non-event attribute and an async component are refused, not written', () => {
    assert.throws(() => jsx('a onclick=x', {}), /Invalid JSX tag name/);
    assert.throws(() => jsx('a', { href: () => 'x' }), /Invalid prop 'href'/);
    assert.throws(() => jsx('div', { children: Promise.resolve('x') }), /async component/);
  });
});
