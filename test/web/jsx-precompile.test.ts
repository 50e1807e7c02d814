/**
 * The views precompiled for production (scripts/jsx-precompile.mjs) against the JSX runtime they replace:
 * for any tree of elements, text, attributes, components and fragments, written with literal values (made
 * into markup at build time) or values known only when the page is rendered, the precompiled code writes
 * the runtime's markup byte for byte; what it cannot precompile still renders through the runtime.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import fc from 'fast-check';
import { precompiler } from '../../scripts/jsx-precompile.mjs';
import { childHtml, raw } from '../../src/web/jsx/html-string.ts';
import { attribute, Fragment, htmlOf, jsx } from '../../src/web/jsx/jsx-runtime.ts';

const precompile = await precompiler(fileURLToPath(new URL('../../src/web/jsx/jsx-runtime.ts', import.meta.url)));
const IMPORT = 'import { jsx, jsxs, Fragment } from "#jsx/jsx-runtime";\n';

/** Runs a module made of `IMPORT` and `const render = (v, C) => …;` with the real runtime, returning what render gives. */
function run(code: string, values: unknown[]): string {
  const body = code.replace(/^import .*;\n/gm, '') + '\nreturn render;';
  const render = new Function('jsx', 'jsxs', 'Fragment', '__mzHtml', '__mzChild', '__mzAttr', body)(jsx, jsx, Fragment, htmlOf, childHtml, attribute);
  return String(render(values, Component));
}

/** A component as views have them: wraps its children, or returns text, or nothing. */
function Component(p: { mode?: string; children?: unknown }): unknown {
  if (p.mode === 'text') return 'a<b & "c"';
  if (p.mode === 'null') return null;
  return jsx('span', { class: 'c', children: p.children as never });
}

type Node =
  | { k: 'value'; v: unknown; literal: boolean }
  | { k: 'raw'; v: string }
  | { k: 'el'; tag: string; attrs: [string, unknown, boolean][]; children: Node[] | Node | 'absent'; spread: boolean }
  | { k: 'comp'; mode: string; children: Node[] | Node | 'absent' }
  | { k: 'frag'; children: Node[] };

const HOSTILE = ['<', '>', '&', '"', "'", '&amp;', '</p>', 'أ', '٣', '\u200f', ' ', 'x', '\\', '${', '`', '\u2028'];
const text = fc.oneof(fc.string(), fc.array(fc.constantFrom(...HOSTILE), { maxLength: 8 }).map((a) => a.join('')), fc.constantFrom('الاقتصاد & السياسة', 'تونس "والصندوق" <٢٠٢٣>'));
const TAGS = ['div', 'p', 'a', 'span', 'li', 'section', 'br', 'img', 'hr', 'input', 'button', 'time', 'bdi'];
const ATTRS = ['class', 'className', 'href', 'title', 'data-x', 'aria-label', 'hidden', 'disabled', 'checked', 'open', 'dir', 'htmlFor', 'id', 'tabindex', 'dangerouslySetInnerHTML'];
const scalar = fc.oneof(text, fc.integer({ min: -5, max: 5000 }), fc.double({ noNaN: false }), fc.boolean(), fc.constantFrom(null, undefined));

const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => {
  const children = fc.oneof(fc.array(tie('node'), { maxLength: 3 }), tie('node'), fc.constant('absent' as const));
  return {
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({ k: fc.constant('value' as const), v: scalar, literal: fc.boolean() }),
      text.map((v) => ({ k: 'raw' as const, v })),
      fc.record({
        k: fc.constant('el' as const),
        tag: fc.constantFrom(...TAGS),
        attrs: fc.uniqueArray(fc.tuple(fc.constantFrom(...ATTRS), scalar, fc.boolean()), { maxLength: 4, selector: ([n]) => n }),
        children,
        spread: fc.boolean().map((b) => b && Math.random() < 0.2),
      }),
      fc.record({ k: fc.constant('comp' as const), mode: fc.constantFrom('wrap', 'text', 'null'), children }),
      fc.array(tie('node'), { maxLength: 3 }).map((children) => ({ k: 'frag' as const, children })),
    ),
  };
}).node;

/** JavaScript for `n`, as esbuild writes JSX for the automatic runtime; values not written literally are read from `v`. */
function code(n: Node, values: unknown[]): string {
  const value = (v: unknown, literal: boolean) => {
    if (literal && v !== undefined && !(typeof v === 'number' && !Number.isFinite(v))) return JSON.stringify(v);
    values.push(v);
    return `v[${values.length - 1}]`;
  };
  const kids = (c: Node[] | Node | 'absent') => {
    if (c === 'absent') return '';
    return 'children: ' + (Array.isArray(c) ? `[${c.map((x) => code(x, values)).join(', ')}]` : code(c, values));
  };
  switch (n.k) {
    case 'value':
      return value(n.v, n.literal);
    case 'raw':
      values.push(raw(n.v));
      return `v[${values.length - 1}]`;
    case 'el': {
      const props = n.attrs.map(([name, v, literal]) => `${JSON.stringify(name)}: ${name === 'dangerouslySetInnerHTML' ? `{ __html: ${value(v, literal)} }` : value(v, literal)}`);
      const c = kids(n.children);
      if (c && !(n.attrs.some(([a]) => a === 'dangerouslySetInnerHTML'))) props.push(c);
      return `jsx(${JSON.stringify(n.tag)}, { ${n.spread ? '...{}, ' : ''}${props.join(', ')} })`;
    }
    case 'comp':
      return `jsx(C, { mode: ${JSON.stringify(n.mode)}${n.children === 'absent' ? '' : ', ' + kids(n.children)} })`;
    case 'frag':
      return `jsx(Fragment, { children: [${n.children.map((x) => code(x, values)).join(', ')}] })`;
  }
}

/** The markup (or the error) of rendering `js`. */
function outcome(js: string, values: unknown[]): string {
  try {
    return run(js, values);
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

describe('the precompiled views', () => {
  test('write what the JSX runtime writes, for any tree, whether its values are literal or known only at render', () => {
    fc.assert(
      fc.property(node, (n) => {
        const values: unknown[] = [];
        const js = `${IMPORT}const render = (v, C) => jsx("div", { children: ${code(n, values)} });`;
        assert.equal(outcome(precompile(js), values), outcome(js, values));
      }),
      { numRuns: 2000 },
    );
  });

  test('a view as esbuild compiles it: static markup is joined at build time, text between elements kept as written', async () => {
    const tsx = `
      const Card = (p: { title: string; href: string; n: number; tags: string[]; lead?: boolean }) => (
        <article class={p.lead ? 'card lead' : 'card'} lang="ar" dir="rtl">
          <h2><a href={p.href}>{p.title}</a></h2>
          <p class="meta">  عدد المصادر:   {p.n} &amp; «مراجع» </p>
          <ul>{p.tags.map((t) => <li key={t}>{t}</li>)}</ul>
          <img src="/a.png" alt="" width={36} height="36"/>
          <>{p.lead && <strong>مهم</strong>}</>
        </article>
      );
      const render = (v) => Card(v[0]);`;
    const js = (await transform(tsx, { loader: 'tsx', jsx: 'automatic', jsxImportSource: '#jsx', format: 'esm' })).code;
    const pre = precompile(js);
    assert.ok(pre.includes('<h2><a'), 'neighbouring static markup is one string');
    assert.ok(!/jsxs?\("(article|h2|a|p|ul|li|img|strong)"/.test(pre), 'no element is left to the runtime');
    for (const props of [
      { title: 'الجزائر وروسيا <شراكة>', href: '/ar/x?a=1&b="2"', n: 3, tags: ['أمن', 'طاقة & غاز'], lead: true },
      { title: "IMF's deal", href: '/y', n: 0, tags: [], lead: false },
    ]) {
      assert.equal(run(pre, [props]), run(js, [props]));
    }
    assert.match(run(pre, [{ title: 't', href: '/', n: 2, tags: [], lead: false }]), /<p class="meta"> {2}عدد المصادر: {3}2 &amp; «مراجع» <\/p>/);
  });

  test('a module without JSX is left exactly as it was', () => {
    const js = 'import { x } from "./x.js";\nexport const y = (a) => `${a}<b>`;\n';
    assert.equal(precompile(js), js);
  });
});
