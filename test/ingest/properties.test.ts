import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readPage } from '../../src/ingest/index.ts';
import { MizanError } from '../../src/lib/index.ts';
import { blockText, type Article } from '../../src/model/index.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const words = (s: string) => new Set(s.toLowerCase().match(/\p{L}+/gu) ?? []);

// Lines of the kinds a scraped page has, in our own words, plus debris and labels in both families.
const LINES = [
  'Ports and Power in the South', 'موانئ الجنوب والطاقة', 'By [Jane Okafor \\(/experts/jane-okafor/\\)](#)', 'بواسطة سعيد', 'May 2, 2024', '18 أيار/مايو 2023',
  'Also available in', '(العربية (/ar/policy-analysis/mwan))', 'About the Authors', 'عن المؤلفين', 'Brief Analysis', 'تحليل موجز', 'PolicyWatch 12',
  'The tariff rose again and', 'the ministry denied', 'Beijing sold drones.', 'وقالت الوزارة إن الميناء', 'نفوا', 'the harbor closed [early](https://a.example.org/x?utm_source=y) (<https://a.example.org/x>)',
  'A cut address (-) <https://b.example.org/news/cut-> here.', '[\\(. _ga=1*x*_ga*QUJD](#)', '❖ Jane Okafor is a fellow.', 'Recommended', 'BRIEF ANALYSIS', '//',
  '(/policy-analysis/other-page)', 'Topics', '(policy-analysis/water/) Water', 'Regions & Countries', 'Algeria', 'Short Heading', '[](#)', '((()))', '<b>bold</b>', '\\*', '',
];
const page = fc.tuple(fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\n\n'));

function textOf(a: Article): string {
  return [a.title, a.summary, ...a.authors.flatMap((x) => [x.name, x.bio]), ...a.body.map(blockText), ...a.topics.map((t) => t.name), ...a.regions.map((t) => t.name), ...a.related.map((r) => r.title + ' ' + r.authors.join(' '))].join(' ');
}

test('the scraped importer never invents a word and fails only with a MizanError (property)', () => {
  fc.assert(
    fc.property(page, ([lines, eol]) => {
      const source = lines.join(eol);
      let articles: Article[];
      try {
        articles = readPage({ file: 'p.txt', bytes: enc(source), format: 'text' }).articles;
      } catch (err) {
        assert.ok(err instanceof MizanError, String(err));
        assert.equal(err.file, 'p.txt');
        return;
      }
      const given = words(source);
      for (const w of words(textOf(articles[0]))) assert.ok(given.has(w), `invented "${w}"`);
      for (const b of articles[0].body) {
        if (!('links' in b)) continue;
        for (const l of b.links) assert.equal(b.text.slice(l.start, l.end), l.text);
      }
    }),
    { numRuns: 400 },
  );
});

test('the HTML importer fails only with a MizanError on arbitrary markup (property)', () => {
  const TAGS = ['<p>', '</p>', '<div class="content">', '</div>', '<a href="https://x.example.org/a">', '</a>', '<h2>', '</h2>', '<ul><li>', '</li></ul>', '<table><tr><td>', '</td></tr></table>', '<figure><img src="/i.jpg"><figcaption>', '</figcaption></figure>', '<script>', '</script>', '<title>T</title>', '<h1>', '</h1>', 'text, with commas, and words', 'نص عربي، مع فواصل', '&amp;', '<', '>'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...TAGS), { maxLength: 40 }), (parts) => {
      try {
        const a = readPage({ file: 'p.html', bytes: enc(parts.join('')), format: 'html' }).articles[0];
        for (const b of a.body) if ('links' in b) for (const l of b.links) assert.equal(b.text.slice(l.start, l.end), l.text);
      } catch (err) {
        assert.ok(err instanceof MizanError, String(err));
      }
    }),
    { numRuns: 200 },
  );
});
