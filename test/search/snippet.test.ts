/** Snippets: the original text, escaped, with matched words marked by their token offsets. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeHtml, makeSnippet } from '../../src/search/index.ts';

const unmark = (html: string) =>
  html.replace(/<\/?mark>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (e) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" })[e]!);

test('marks the word as written, harakat and hamza included', () => {
  const text = 'اشترت الحكومة الأَسلحةَ من الخارج.';
  assert.equal(makeSnippet(text, 'ar', new Set(['اسلح'])), 'اشترت الحكومة <mark>الأَسلحةَ</mark> من الخارج.');
});

test('escapes everything else', () => {
  const html = makeSnippet('Prices <b>fell</b> & gas rose', 'en', new Set(['ga']));
  assert.ok(!/<b>/.test(html));
  assert.ok(html.includes('&lt;b&gt;fell&lt;/b&gt; &amp;'));
});

test('a long text is cut around the best passage, on word boundaries', () => {
  const filler = 'the quiet river runs past the old mill and the fields beyond it '.repeat(20);
  const text = `${filler}\nNew pipelines carry gas north.\n${filler}`;
  const html = makeSnippet(text, 'en', new Set(['pipelin']));
  assert.match(html, /<mark>pipelines<\/mark>/);
  assert.ok(html.length < 400);
});

test('a short English stem marks words it starts, after a hyphen or an apostrophe too, not words it sits inside', () => {
  const html = makeSnippet('Then the tender ended.', 'en', new Set(['end']));
  assert.equal(html, 'Then the tender <mark>ended</mark>.');
  const second = makeSnippet('Its pro-Russian line held; Russia’s envoy spoke.', 'en', new Set(['russian', 'russia']));
  assert.match(second, /pro-<mark>Russian<\/mark>/);
  assert.match(second, /<mark>Russia’s<\/mark>/);
});

test('an Arabic stem is found inside a word behind its prefixes', () => {
  assert.match(makeSnippet('وبالأسلحة عادوا.', 'ar', new Set(['اسلح'])), /<mark>وبالأسلحة<\/mark>/);
});

test('without a match, the opening of the text', () => {
  assert.equal(makeSnippet('Short text.', 'en', new Set(['zzz'])), 'Short text.');
});

test('property: unmarking a snippet gives escaped-safe text that occurs in the original', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('gas', 'اسلح', 'a'), (text, term) => {
      const html = makeSnippet(text, undefined, new Set([term]));
      assert.ok(!/<(?!\/?mark>)/.test(html), 'no tag but <mark>');
      const plain = unmark(html).replace(/^… /, '').replace(/ …$/, '');
      const collapsed = text.replace(/\s+/gu, ' ').trim();
      assert.ok(collapsed.includes(plain), `${JSON.stringify(plain)} not in ${JSON.stringify(collapsed)}`);
    }),
    { numRuns: 300 },
  );
});

test('escapeHtml', () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});
