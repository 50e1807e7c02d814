/**
 * The head an index row keeps for ranking broad queries: every analyzed title and summary token is
 * found in its own part, and bytes that are not a head (empty, truncated, corrupt) read as an empty one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeHead, encodeHead, headHas, IntList, pairKey, tokenHash } from '../../src/search/head.ts';
import { fieldTokens, type SearchDoc } from '../../src/search/search-doc.ts';

function docWith(title: string, summary: string, lang = 'ar'): SearchDoc {
  const empty = { stems: [], exacts: [] };
  return {
    id: 'x', lang, type: 'brief-analysis', title, path: '/x', published: null, year: null, fresh: 0, translations: [], tags: [], text: '',
    fields: { title: fieldTokens(title, lang), summary: fieldTokens(summary, lang), headings: empty, body: empty, meta: empty },
  };
}

const decoded = (bytes: Uint8Array | null) => {
  const out = new IntList();
  decodeHead(bytes, out);
  return out.toArray();
};

test('title stems and exact forms, and summary words, are found in their own parts', () => {
  const doc = docWith('العلاقات الجزائرية الروسية بعد غزو أوكرانيا', 'صفقات الأسلحة والطاقة');
  const head = decoded(encodeHead(doc));
  const has = (part: number, token: string) => headHas(head, 0, part, tokenHash(token));
  for (const s of doc.fields.title.stems) assert.ok(has(0, s), `title stem ${s}`);
  for (const x of doc.fields.title.exacts) assert.ok(has(1, x), `title form ${x}`);
  for (const s of doc.fields.summary.stems) assert.ok(has(2, s), `summary stem ${s}`);
  assert.ok(!has(0, doc.fields.summary.stems[0]), 'a summary word is not in the title');
  assert.ok(!has(1, 'اسلحه'), 'nor an absent word');
  const [a, b, c] = doc.fields.title.stems;
  assert.ok(has(4, pairKey(a, b)) && has(4, pairKey(b, c)), 'adjacent title words are a pair');
  assert.ok(!has(4, pairKey(b, a)) && !has(4, pairKey(a, c)), 'in order, and only adjacent ones');
});

test('property: any title round-trips; every token of it is found', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('الجزائر', 'روسيا', 'sanctions', 'الطاقة', 'gas', 'exports', 'بالأسلحة', '2023'), { maxLength: 12 }), (words) => {
      const doc = docWith(words.join(' '), '', 'ar');
      const head = decoded(encodeHead(doc));
      for (const s of doc.fields.title.stems) assert.ok(headHas(head, 0, 0, tokenHash(s)));
    }),
  );
});

test('bytes that are not a head read as an empty head', () => {
  for (const bytes of [null, new Uint8Array(0), new Uint8Array(7), Uint8Array.from([255, 255, 255, 255, ...new Array(20).fill(0)]), new Uint8Array(20).fill(1)]) {
    const head = decoded(bytes);
    assert.deepEqual([...head], [0, 0, 0, 0, 0, 0], String(bytes));
    assert.equal(headHas(head, 0, 0, tokenHash('x')), false);
  }
});
