/** Typo candidates: every string one edit away, over the word's own script. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { editVariants } from '../../src/search/edit-variants.ts';

function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[x.length][y.length];
}

test('insertions, deletions, substitutions and swaps', () => {
  const v = editVariants('house');
  for (const w of ['horse', 'hose', 'houses', 'ohuse']) assert.ok(v.has(w), w);
  assert.ok(!v.has('house'));
  assert.ok(editVariants('حكومت').has('حكوم'));
  assert.ok(editVariants('اسلحه').has('اسلحة'));
});

test('property: every variant is exactly one edit away', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[a-z]{1,7}$/), (word) => {
      for (const v of editVariants(word)) assert.equal(distance(word, v), 1, `${word} → ${v}`);
    }),
    { numRuns: 60 },
  );
});
