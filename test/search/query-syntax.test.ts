/** The typed query language: words, phrases, exclusions, OR; and any string at all has a meaning. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseQuerySyntax } from '../../src/search/index.ts';
import { MAX_ITEMS } from '../../src/search/query-syntax.ts';

const w = (text: string) => ({ kind: 'word', text });
const p = (text: string) => ({ kind: 'phrase', text });

test('words, phrases, exclusions and OR', () => {
  assert.deepEqual(parseQuerySyntax('روسيا OR موسكو "الغاز الطبيعي" -أوكرانيا'), {
    groups: [[w('روسيا'), w('موسكو')], [p('الغاز الطبيعي')]],
    exclude: [w('أوكرانيا')],
    truncated: false,
  });
  assert.deepEqual(parseQuerySyntax('-"natural gas" gas').exclude, [p('natural gas')]);
  assert.deepEqual(parseQuerySyntax('a | b').groups, [[w('a'), w('b')]]);
});

test('an unbalanced quote closes at the end; empty quotes are nothing', () => {
  assert.deepEqual(parseQuerySyntax('gas "natural pipelines').groups, [[w('gas')], [p('natural pipelines')]]);
  assert.deepEqual(parseQuerySyntax('"" " "').groups, []);
});

test('engine syntax characters are separators; OR at the edges and NEAR are harmless', () => {
  assert.deepEqual(parseQuerySyntax('title:gas* ^x (a%b)').groups, [[w('title')], [w('gas')], [w('x')], [w('a')], [w('b')]]);
  assert.deepEqual(parseQuerySyntax('OR gas OR').groups, [[w('gas')]]);
  assert.deepEqual(parseQuerySyntax('NEAR(a b)').groups, [[w('NEAR')], [w('a')], [w('b')]]);
  assert.deepEqual(parseQuerySyntax('al-Qaeda').groups, [[w('al-Qaeda')]]);
  assert.deepEqual(parseQuerySyntax('- -- ---').groups, []);
});

test(`a long query keeps its first ${MAX_ITEMS} items and says so`, () => {
  const r = parseQuerySyntax('word '.repeat(100));
  assert.equal(r.groups.length, MAX_ITEMS);
  assert.equal(r.truncated, true);
});

test('property: any input parses; every item has letters or digits and no quote or separator', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (input) => {
      const r = parseQuerySyntax(input);
      for (const item of [...r.groups.flat(), ...r.exclude]) {
        assert.match(item.text, /[\p{L}\p{N}]/u);
        assert.doesNotMatch(item.text, /["“”«»]/u);
        if (item.kind === 'word') assert.doesNotMatch(item.text, /[\s*^:()%]/u);
      }
      assert.ok(r.groups.flat().length + r.exclude.length <= MAX_ITEMS);
    }),
    { numRuns: 500 },
  );
});

test('regression: a quoted run of symbols alone (no letter or digit) is no phrase', () => {
  assert.deepEqual(parseQuerySyntax('"\u{1BC9C}').groups, []);
  assert.deepEqual(parseQuerySyntax('"★ ☆" روسيا').groups, [[w('روسيا')]]);
});
