import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lineDiff, safeUrl, sanitizeArticle, sanitizeLine, sanitizeText } from '../../src/app/index.ts';
import { makeArticle } from '../support/articles.ts';

test('markup is removed, prose with < and & survives as characters', () => {
  assert.equal(sanitizeText('a <img src=x onerror=alert(1)>b'), 'a b');
  assert.equal(sanitizeText('<script>alert(1)</script>نص'), 'نص');
  assert.equal(sanitizeText('5 < 7 & 8 > 2'), '5 < 7 & 8 > 2');
  assert.equal(sanitizeText('<svg/onload=alert(1)>'), '');
  assert.equal(sanitizeLine(' عنوان\u202E مقلوب\u2067 '), 'عنوان مقلوب');
  assert.equal(sanitizeLine('كلمة\u200Fكلمة'), 'كلمة\u200Fكلمة', 'RLM stays: Arabic needs it');
});

test('only http(s), mailto and site paths pass as addresses', () => {
  for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example/x']) assert.equal(safeUrl(bad), null, bad);
  for (const good of ['https://example.org/a', 'http://x.org', 'mailto:a@example.org', '/ar/policy-analysis/x']) assert.equal(safeUrl(good), good);
});

test('sanitizing an article drops unsafe links and keeps link offsets right', () => {
  const a = makeArticle({
    body: [
      { kind: 'paragraph', text: '<b>قبل</b> رابط بعد', links: [{ text: 'رابط', url: 'https://example.org', start: 12, end: 16 }] },
      { kind: 'paragraph', text: 'سيء', links: [{ text: 'سيء', url: 'javascript:alert(1)', start: 0, end: 3 }] },
      { kind: 'image', src: 'javascript:alert(1)', alt: '', caption: '', credit: '' },
    ],
  });
  const clean = sanitizeArticle(a);
  assert.equal(clean.body.length, 2);
  const first = clean.body[0] as { text: string; links: { start: number; end: number }[] };
  assert.equal(first.text, 'قبل رابط بعد');
  assert.equal(first.text.slice(first.links[0].start, first.links[0].end), 'رابط');
  assert.deepEqual((clean.body[1] as { links: unknown[] }).links, []);
});

test('sanitizing is idempotent on any text', () => {
  fc.assert(fc.property(fc.string(), (s) => sanitizeText(sanitizeText(s)) === sanitizeText(s)));
});

test('a line diff rebuilds both sides', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'د', '')), fc.array(fc.constantFrom('a', 'b', 'c', 'د', '')), (x, y) => {
      const d = lineDiff(x.join('\n'), y.join('\n'));
      assert.equal(d.filter((l) => l.op !== 'add').map((l) => l.text).join('\n'), x.join('\n'));
      assert.equal(d.filter((l) => l.op !== 'del').map((l) => l.text).join('\n'), y.join('\n'));
    }),
  );
});
