/**
 * Hostile pages are refused with a clear message naming file and line, never a stack overflow or an
 * out-of-memory abort (issue: 5,000 nested blockquotes or 20,000 nested divs failed after up to 70 s
 * with "Maximum call stack size exceeded"; nested Markdown lists drove the process out of memory).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPage } from '../../src/ingest/index.ts';
import { MizanError } from '../../src/lib/index.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const md = (body: string) => `---\ntitle: عمق\nlang: ar\n---\n\n${body}\n`;
const html = (inner: string) => `<html lang="ar"><head><title>عمق</title></head><body><article><h1>عمق</h1>\n${inner}</article></body></html>`;

function refused(file: string, text: string, code: string, line?: number): MizanError {
  let caught: unknown;
  try {
    readPage({ file, bytes: enc(text) });
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof MizanError, `${file}: expected a MizanError, got ${(caught as Error)?.message ?? 'no error'}`);
  assert.equal(caught.code, code, caught.message);
  assert.equal(caught.status, 422);
  assert.equal(caught.file, file);
  if (line !== undefined) assert.equal(caught.line, line, caught.where());
  return caught;
}

test('5,000 nested blockquotes and 20,000 nested divs are refused, naming the line', () => {
  const e = refused('quotes.html', html(`${'<blockquote>'.repeat(5000)}نص${'</blockquote>'.repeat(5000)}`), 'too-deep', 2);
  assert.match(e.where(), /^quotes\.html:2: HTML elements nest more than 100 deep \(<blockquote>/);
  refused('divs.html', html(`${'<div>'.repeat(20000)}نص${'</div>'.repeat(20000)}`), 'too-deep', 2);
  refused('inline.html', html(`<p>${'<b>'.repeat(20000)}نص${'</b>'.repeat(20000)}</p>`), 'too-deep');
});

test('Markdown: nested quotes, nested lists and runs of markers are refused before the lexer', () => {
  refused('quotes.md', md(`نص\n\n${'> '.repeat(5000)}نص`), 'too-deep', 8);
  refused('lists.md', md(Array.from({ length: 3000 }, (_, i) => '  '.repeat(i) + '- بند').join('\n')), 'too-deep');
  refused('stars.md', md(`${'**'.repeat(20000)}نص${'**'.repeat(20000)}`), 'too-deep', 6);
  refused('brackets.md', md(`${'*['.repeat(5000)}نص${']()*'.repeat(5000)}`), 'too-deep', 6);
});

test('too many blocks, elements or cells, in every format', () => {
  refused('many.md', md(Array.from({ length: 30_000 }, (_, i) => `فقرة ${i}`).join('\n\n')), 'too-many-blocks');
  refused('many.html', html('<p>فقرة</p>'.repeat(210_000)), 'too-many-elements');
  refused('cells.html', html(`<table><tr>${'<td>x</td>'.repeat(2000)}</tr>${'<tr><td>y</td></tr>'.repeat(60)}</table>`), 'too-big');
  const blocks = Array.from({ length: 30_000 }, () => ({ kind: 'paragraph', text: 'x', links: [] }));
  refused('many.json', JSON.stringify({ lang: 'en', title: 'Many', path: '/policy-analysis/many', body: blocks }), 'too-many-blocks');
  const scraped = `Many Paragraphs\n\nBy Jane Okafor\nMay 2, 2024\n\n${Array.from({ length: 25_000 }, (_, i) => `Line ${i}.`).join('\n\n')}\n`;
  refused('many.txt', scraped, 'too-many-blocks');
});

test('a malformed block in Article JSON is named, not an internal error', () => {
  const e = refused('bad.json', JSON.stringify({ lang: 'en', title: 'Bad', path: '/policy-analysis/bad', body: [{ kind: 'paragraph', text: 'ok', links: [{}] }] }), 'not-an-article');
  assert.match(e.message, /body block 1: links\.0/);
});

test('pages nested as real pages are, and a thematic break of any length, still import', () => {
  const nested = html(`${'<div>'.repeat(40)}<p>فقرة عميقة</p>${'</div>'.repeat(40)}<blockquote><blockquote><p>اقتباس</p></blockquote></blockquote>`);
  const page = readPage({ file: 'ok.html', bytes: enc(nested) });
  assert.deepEqual(page.articles[0].body.map((b) => b.kind), ['paragraph', 'quote']);
  const m = readPage({ file: 'ok.md', bytes: enc(md(`> > اقتباس\n\n${'*'.repeat(120)}\n\n- أ\n  - ب\n    - ج\n\n***غامق مائل***`)) });
  assert.deepEqual(m.articles[0].body.map((b) => b.kind), ['quote', 'list', 'paragraph']);
});
