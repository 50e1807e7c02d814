/**
 * Every name, slug, date, quantity and word of the seed page, read from ../shared/seeds (never copied).
 * Tables list only short names, slugs and dates.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSeed, seedSkip } from '../support/seed.ts';
import { normalize, tokenize, analyze, slugify, findDates, findQuantities, parseDate, detectLang } from '../../src/text/index.ts';

/** Slugs the site edited by hand: data to keep, not something the scheme produces. */
const HAND_EDITED = new Map([['ghrant-rwmlly', 'ghrant-rwmly']]);

test('the seed title gives the slug the scheme yields', { skip: seedSkip }, () => {
  const title = readSeed().split('\n').find((l) => l.trim())!.trim();
  assert.equal(slugify(title), 'allaqat-aljzayryt-alrwsyt-bd-ghzw-awkranya');
  assert.equal(detectLang(title), 'ar');
});

test('every expert, topic and region slug of the seed comes from its name', { skip: seedSkip }, () => {
  const seed = readSeed();
  const pairs: [string, string][] = [];
  for (const m of seed.matchAll(/\[([^\]\\]+?) \\\(\/ar\/experts\/([a-z0-9-]+)\/\\\)\]/g)) pairs.push([m[1], m[2]]);
  for (const m of seed.matchAll(/^\(ar\/policy-analysis\/([a-z0-9-]+)\/\) (.+)$/gm)) pairs.push([m[2].trim(), m[1]]);
  assert.ok(pairs.length >= 7, `found ${pairs.length}`);
  for (const [name, slug] of pairs) assert.equal(slugify(name), HAND_EDITED.get(slug) ?? slug, name);
  const slugs = new Set(pairs.map(([, s]) => s));
  for (const s of ['sabyna-hynbrj', 'aryk-yafwrsky', 'ghrant-rwmlly', 'mnafst-alqwy-alzmy', 'alsyast-alrbyt-walaslamyt', 'alsyast-alamrykyt', 'shmal-afryqya']) assert.ok(slugs.has(s), s);
});

test('the English titles of the seed give their paths', { skip: seedSkip }, () => {
  const lines = readSeed().split('\n').map((l) => l.trim()).filter(Boolean);
  let checked = 0;
  for (let i = 0; i < lines.length; i++) {
    const m = /^\(\/policy-analysis\/([a-z0-9-]+)\)$/.exec(lines[i]);
    if (!m) continue;
    // The title is the first line above the path that is neither an author, a separator nor a label.
    const title = lines.slice(0, i).reverse().find((l) => /[a-z]/.test(l) && l.includes(' ') && l !== '//' && !/^[A-Z][a-z]+ [A-Z][a-z]+$/.test(l));
    assert.ok(title);
    assert.equal(slugify(title!), m[1], title);
    checked++;
  }
  const english = /\(English \(\/policy-analysis\/([a-z0-9-]+)\)\)/.exec(readSeed());
  assert.equal(english?.[1], slugify('Algeria-Russia Relations After the Ukraine Invasion'));
  assert.equal(checked, 2);
});

test('every date of the seed is found, resolved against the page date', { skip: seedSkip }, () => {
  const seed = readSeed();
  const found = findDates(seed, { ref: '2023-05-18' });
  assert.deepEqual(
    found.map((d) => [d.date, d.precision, d.relative]),
    [
      ['2023-05-18', 'day', false],
      ['2023-01', 'month', true],
      ['2023-05', 'month', true],
      ['1960', 'decade', false], // ستينيات القرن الماضي (issue 18)
      ['2002', 'year', false],
      ['2022-10', 'month', false],
      ['2022-11', 'month', true],
      ['2020', 'year', false],
      ['2006', 'year', false],
    ],
  );
  for (const d of found) assert.equal(seed.slice(d.start, d.end), d.text);
  assert.deepEqual(parseDate('18 أيار/مايو 2023'), { date: '2023-05-18', precision: 'day' });
});

test('the quantities of the seed are read', { skip: seedSkip }, () => {
  const found = findQuantities(readSeed());
  assert.deepEqual(found.map((q) => [q.value, q.unit, q.approximate]), [[1e9, 'USD', true], [76, 'percent', true]]);
});

test('every word of the seed tokenizes, normalizes and stems sensibly', { skip: seedSkip }, () => {
  const seed = readSeed();
  const tokens = tokenize(seed);
  assert.ok(tokens.length > 700, `${tokens.length} tokens`);
  for (const t of tokens) {
    assert.equal(seed.slice(t.start, t.end), t.text);
    assert.equal(normalize(normalize(t.text)), normalize(t.text));
  }
  const urls = tokens.filter((t) => t.kind === 'url').map((t) => t.text);
  assert.ok(urls.includes('http://en.kremlin.ru/catalog/keywords/82/events/70419/print'), 'URLs stay whole');
  assert.ok(urls.every((u) => !/[)>.,]$/.test(u)), 'no trailing punctuation in URLs');
  const terms = analyze(seed);
  for (const t of terms) assert.ok(t.term.length > 0 && t.exact.length > 0);
  // Words of the seed that must meet their other forms.
  const stemOf = (w: string) => analyze(w)[0].term;
  assert.equal(stemOf('الجزائر'), stemOf('للجزائر'));
  assert.equal(stemOf('الجزائرية'), stemOf('الجزائريين'));
  assert.equal(stemOf('العلاقات'), stemOf('العلاقة'));
  assert.equal(stemOf('علاقتها'), stemOf('علاقة'));
  assert.equal(stemOf('الأسلحة'), stemOf('للأسلحة'));
  assert.equal(stemOf('وموسكو'), stemOf('موسكو'));
  assert.equal(stemOf('لواشنطن'), stemOf('واشنطن'));
  assert.equal(stemOf('الروسية'), stemOf('روسيا'));
  assert.equal(stemOf('لأوكرانيا'), stemOf('أوكرانيا'));
  assert.equal(stemOf('المسيّرة'), stemOf('المسيرة'));
  assert.equal(stemOf('مبيعاتها'), 'مبيع');
  assert.equal(stemOf('الولايات'), 'ولاي');
});
