/**
 * The count line of the static copy's search script, as a reader sees it: Arabic by the language's plural
 * categories (not «3 نتيجة»: 3 to 10 take the plural, 11 to 99 the singular, 1 and 2 their own words),
 * English by its two, the number in the Western digits of the server's Arabic pages.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resultCount } from '../../../../src/web/static/client/search-client.ts';

test('Arabic counts agree with their number', () => {
  const said = Object.fromEntries([0, 1, 2, 3, 10, 11, 99, 100, 101, 103, 1200].map((n) => [n, resultCount('ar', n)]));
  assert.deepEqual(said, {
    0: '0 نتيجة',
    1: 'نتيجة واحدة',
    2: 'نتيجتان',
    3: '3 نتائج',
    10: '10 نتائج',
    11: '11 نتيجة',
    99: '99 نتيجة',
    100: '100 نتيجة',
    101: '101 نتيجة',
    // The last two digits decide past a hundred: 103 is few, as 3 is.
    103: '103 نتائج',
    1200: '1,200 نتيجة',
  });
});

test('English counts: one result, any other number of results', () => {
  const said = Object.fromEntries([0, 1, 2, 3, 10, 11, 99, 100, 101, 1200].map((n) => [n, resultCount('en', n)]));
  assert.deepEqual(said, {
    0: '0 results',
    1: '1 result',
    2: '2 results',
    3: '3 results',
    10: '10 results',
    11: '11 results',
    99: '99 results',
    100: '100 results',
    101: '101 results',
    1200: '1,200 results',
  });
});
