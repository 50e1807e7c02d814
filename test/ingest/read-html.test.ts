import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readPage } from '../../src/ingest/index.ts';
import { MizanError } from '../../src/lib/index.ts';
import { blockText, type Article } from '../../src/model/index.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const html = (s: string, file = 'page.html') => readPage({ file, bytes: enc(s) });
const fixture = readFileSync(new URL('./fixtures/article-en.html', import.meta.url));

test('an HTML article page: metadata, main content, furniture dropped', () => {
  const { articles, warnings, format } = readPage({ file: 'article.html', bytes: fixture });
  assert.equal(format, 'html');
  const a = articles[0];
  assert.equal(a.title, 'Desalination and the Politics of Water');
  assert.equal(a.lang, 'en');
  assert.equal(a.type, 'brief-analysis');
  assert.equal(a.published, '2024-02-07');
  assert.equal(a.path, '/policy-analysis/desalination-politics-water');
  assert.equal(a.origin.url, 'https://www.example.org/policy-analysis/desalination-politics-water');
  assert.match(a.summary, /^Coastal states/);
  assert.deepEqual(a.authors.map((x) => x.slug), ['leila-haddad', 'marco-bianchi']);
  assert.deepEqual(a.translations, [{ lang: 'ar', path: '/ar/policy-analysis/thlyt-almyah', exists: false }]);
  assert.deepEqual(a.topics.map((t) => t.name), ['Water', 'Energy']);

  assert.deepEqual(a.body.map((b) => b.kind), ['paragraph', 'paragraph', 'heading', 'list', 'quote', 'image', 'table', 'paragraph', 'list']);
  const all = a.body.map(blockText).join('\n');
  for (const furniture of ['Subscribe', 'Share this', 'Advertisement', 'Great article', 'all rights reserved', 'Related:', 'dataLayer', 'tracking', 'font-family', 'By Leila']) {
    assert.ok(!all.includes(furniture), `dropped: ${furniture}`);
  }
  const image = a.body.find((b) => b.kind === 'image');
  assert.deepEqual(image, { kind: 'image', src: 'https://www.example.org/images/plant.jpg', alt: 'A desalination plant at dusk', caption: 'The eastern plant in its first winter.', credit: 'R. Amrani' });
  const table = a.body.find((b) => b.kind === 'table');
  assert.deepEqual(table, { kind: 'table', rows: [['Plant', 'Capacity'], ['East', '300,000 m3/day'], ['West', '150,000 m3/day']] });
  const first = a.body[0];
  assert.ok(first.kind === 'paragraph');
  assert.deepEqual(first.links, [{ text: 'regional survey', url: 'https://data.example.net/water/plants', start: 110, end: 125 }]);
  const internal = a.body[1];
  assert.ok(internal.kind === 'paragraph' && internal.links[0].url === '/policy-analysis/older-water-report', 'same-site links become paths');
  const footnotes = a.body[a.body.length - 1];
  assert.ok(footnotes.kind === 'list' && footnotes.ordered && footnotes.items[0].text === 'Survey data as of December 2023.');
  assert.deepEqual(a.sources.map((s) => s.host), ['data.example.net', 'env.example.gov', 'data.example.net']);
  assert.deepEqual(warnings.map((w) => [w.code, w.line]), [['unsafe-link', 49], ['unsafe-link', 49]]);
});

test('an Arabic page without metadata falls back to <title>, <html lang> and the slug scheme', () => {
  const a = html('<html lang="ar"><head><title>تحلية المياه في المغرب العربي</title></head><body><div><p>نص طويل عن محطات التحلية، وعن كلفة الطاقة، وعن الأملاح المطروحة في البحر.</p></div></body></html>').articles[0];
  assert.equal(a.lang, 'ar');
  assert.equal(a.dir, 'rtl');
  assert.match(a.path, /^\/ar\/policy-analysis\/[a-z0-9-]+$/);
  assert.equal(a.body.length, 1);
});

test('a page with no title is refused by name', () => {
  assert.throws(() => html('<html><body><p>text only</p></body></html>', 'untitled.html'), (e: unknown) => e instanceof MizanError && e.code === 'no-title' && e.file === 'untitled.html');
});

// Attack strings in the spirit of the OWASP XSS filter evasion cheat sheet.
const VECTORS = [
  `<script>alert('XSS')</script>`,
  `<img src=x onerror="alert('XSS')">`,
  `<svg onload=alert(1)><p>in svg</p></svg>`,
  `<body onload=alert('XSS')>`,
  `<a href="javascript:alert('XSS')">js link</a>`,
  `<a href=" JaVaScRiPt:alert(1)">mixed case link</a>`,
  `<a href="jav&#x09;ascript:alert(1)">tab-split link</a>`,
  `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">entity link</a>`,
  `<a href="vbscript:msgbox(1)">vb link</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>`,
  `<img src="javascript:alert('XSS')">`,
  `<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" alt="svg">`,
  `<iframe src="javascript:alert('XSS')"></iframe>`,
  `<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>`,
  `<embed src="javascript:alert(1)">`,
  `<div style="background-image: url(javascript:alert('XSS'))">styled div text</div>`,
  `<div style="width: expression(alert('XSS'));">expression div</div>`,
  `<table background="javascript:alert('XSS')"><tr><td>cell</td></tr></table>`,
  `<input type="image" src="javascript:alert('XSS');">`,
  `<form action="javascript:alert(1)"><button>go</button></form>`,
  `<meta http-equiv="refresh" content="0;url=javascript:alert('XSS');">`,
  `<base href="javascript:alert('XSS');//">`,
  `<math><mi xlink:href="javascript:alert(1)">math</mi></math>`,
  `<details open ontoggle=alert(1)><summary>sum</summary></details>`,
  `<p onmouseover="alert(1)" style="x">handler paragraph</p>`,
  `<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>`,
  `<template><script>alert(1)</script></template>`,
  // Parsed as an element named "scr<script" and the inert text "ipt>alert(1)", as a browser does.
  `<scr<script>ipt>alert(1)</script>`,
  `<a href="https://ok.example.org/" onclick="alert(1)">safe link with handler</a>`,
  `<video><source onerror="alert(1)"></video>`,
  `<style>@import 'javascript:alert(1)';</style>`,
  `<link rel="stylesheet" href="javascript:alert(1)">`,
];

function assertHarmless(a: Article, vector: string): void {
  for (const b of a.body) {
    const links = b.kind === 'list' ? b.items.flatMap((i) => i.links) : 'links' in b ? b.links : [];
    for (const l of links) assert.match(l.url, /^(https?:\/\/|\/(?!\/))/, `unsafe url kept from ${vector}`);
    if (b.kind === 'image') assert.match(b.src, /^(https?:\/\/|\/(?!\/))/, `unsafe image kept from ${vector}`);
    const text = blockText(b);
    assert.doesNotMatch(text, /<\s*\/?\s*(script|img|svg|iframe|object|embed|style|a)\b|\bon[a-z]+\s*=|javascript:|vbscript:|data:text|expression\(/i, `markup kept from ${vector}: ${text}`);
  }
  assert.doesNotMatch(a.title + a.summary, /<|alert/);
}

test('hostile HTML: no script, handler or unsafe address reaches a block', () => {
  for (const vector of VECTORS) {
    const page = `<html lang="en"><head><title>Hostile page</title></head><body><article><p>Opening paragraph of a hostile page, long enough to be content.</p>${vector}<p>Closing paragraph of the same page, also long enough.</p></article></body></html>`;
    const { articles } = html(page, 'hostile.html');
    assertHarmless(articles[0], vector);
    assert.ok(articles[0].body.some((b) => b.kind === 'paragraph' && b.text.startsWith('Opening')), `content kept around ${vector}`);
  }
  const all = html(`<html><head><title>All at once</title></head><body><article><p>Opening paragraph of a hostile page, long enough.</p>${VECTORS.join('\n')}</article></body></html>`);
  assertHarmless(all.articles[0], 'all vectors');
  assert.ok(all.warnings.filter((w) => w.code === 'unsafe-link').length >= 5);
  assert.ok(all.warnings.every((w) => w.file === 'page.html'));
});
