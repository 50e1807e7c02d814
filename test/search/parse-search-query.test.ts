/** Search parameters: defaults, normalization, and a clear 400 for anything wrong. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MizanError } from '../../src/lib/index.ts';
import { parseSearchQuery } from '../../src/search/index.ts';

const bad = (params: Record<string, unknown>, pattern: RegExp) =>
  assert.throws(() => parseSearchQuery(params), (e: unknown) => e instanceof MizanError && e.status === 400 && pattern.test(e.message));

test('defaults and normalization', () => {
  assert.deepEqual(parseSearchQuery({ q: '  الجزائر ' }), { q: 'الجزائر', sort: 'relevance', page: 1, pageSize: 10 });
  assert.deepEqual(parseSearchQuery({}), { q: '', sort: 'relevance', page: 1, pageSize: 10 });
  const q = parseSearchQuery({ q: 'x', lang: 'ar', country: 'dz', year: '2023', page: '2', sort: 'date', from: '2023', to: '2023-02', topic: '', expert: 'a-b' });
  assert.deepEqual(q, { q: 'x', lang: 'ar', country: 'DZ', year: 2023, page: 2, sort: 'date', pageSize: 10, from: '2023-01-01', to: '2023-02-28', expert: 'a-b' });
  assert.equal(parseSearchQuery({ q: ['a', 'b'] }).q, 'b', 'a repeated parameter takes its last value');
});

test('bad parameters are a 400 naming the parameter', () => {
  bad({ q: 'x'.repeat(10_240) }, /^q: the query is too long/);
  bad({ page: '0' }, /^page:/);
  bad({ page: 'abc' }, /^page:/);
  bad({ type: 'nonsense' }, /^type: one of/);
  bad({ sort: 'random' }, /^sort:/);
  bad({ country: 'Algeria' }, /^country:/);
  bad({ from: '2023-13-45' }, /^from:/);
  bad({ from: '2024-01-01', to: '2023-01-01' }, /after/);
  bad({ year: '20x3' }, /^year:/);
});
