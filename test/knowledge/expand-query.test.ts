import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandQuery } from '../../src/knowledge/index.ts';

test('a name expands to its names in the other script first', () => {
  assert.equal(expandQuery('Tebboune')[0], 'عبد المجيد تبون');
  assert.ok(expandQuery('Tebboune').includes('تبون'));
  assert.ok(expandQuery('بوتين').includes('Putin'));
  assert.ok(expandQuery('tebboune').includes('تبون'), 'case does not matter');
  assert.ok(expandQuery('وبوتين').includes('Vladimir Putin'), 'a proclitic on the query is peeled');
  assert.ok(expandQuery('Algeria').includes('الجزائر'));
  assert.ok(expandQuery('NATO').includes('حلف شمال الأطلسي'));
});

test('capitals expand to capitals and adjectives to adjectives, never to the state', () => {
  assert.deepEqual(expandQuery('Moscow'), ['موسكو']);
  assert.deepEqual(expandQuery('الكرملين'), ['Kremlin']);
  assert.ok(expandQuery('الجزائريين').includes('Algerian'));
  assert.ok(!expandQuery('Algerian').includes('الجزائر'));
});

test('the term itself is never among its alternates; unknown terms expand to nothing', () => {
  assert.ok(!expandQuery('Putin').includes('Putin'));
  assert.deepEqual(expandQuery('sanctions'), []);
  assert.deepEqual(expandQuery(''), []);
  assert.deepEqual(expandQuery('   '), []);
});
