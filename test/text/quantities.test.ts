import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuantities } from '../../src/text/index.ts';

const one = (text: string) => {
  const found = findQuantities(text);
  assert.equal(found.length, 1, `${text}: ${JSON.stringify(found)}`);
  assert.equal(text.slice(found[0].start, found[0].end), found[0].text);
  return found[0];
};

test('findQuantities reads percentages in both languages and both digit sets', () => {
  for (const text of ['76 في المائة', '76 في المئة', '٧٦٪', '76%', '76 percent', '76 بالمئة']) {
    const q = one(text);
    assert.equal(q.value, 76, text);
    assert.equal(q.unit, 'percent', text);
    assert.equal(q.approximate, false, text);
  }
  assert.equal(one('ما يقرب من ٧٦ في المائة من الواردات').approximate, true);
  assert.equal(one('نحو 3.5%').value, 3.5);
});

test('findQuantities reads money with scales, and plural scales as approximate', () => {
  const usd = one('a $1.9 billion deal');
  assert.deepEqual([usd.value, usd.unit, usd.scale, usd.text], [1.9e9, 'USD', 1e9, '$1.9 billion']);
  const ar = one('صفقة بقيمة 1.9 مليار دولار');
  assert.deepEqual([ar.value, ar.unit, ar.scale], [1.9e9, 'USD', 1e9]);
  const vague = one('قيمتها بمليارات الدولارات');
  assert.deepEqual([vague.value, vague.unit, vague.approximate, vague.text], [1e9, 'USD', true, 'بمليارات الدولارات']);
  const eur = one('€20m');
  assert.deepEqual([eur.value, eur.unit], [2e7, 'EUR']);
  const count = one('نحو 5 آلاف جندي');
  assert.deepEqual([count.value, count.unit, count.approximate], [5000, 'count', true]);
});

test('findQuantities leaves years, bare numbers and URLs alone', () => {
  for (const text of ['في عام 2020', 'الفقرة 12 من القرار', 'https://example.org/5m/76%', '']) assert.deepEqual(findQuantities(text), [], text);
});
