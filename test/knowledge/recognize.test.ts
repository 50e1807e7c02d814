import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createGazetteer, recognize } from '../../src/knowledge/index.ts';
import { words } from '../../src/knowledge/words.ts';
import { analyze } from '../../src/text/index.ts';

const ids = (text: string, lang?: string) => recognize(text, lang).map((m) => m.id);

test('countries through proclitics: و، ف، ب، ك، ل and لل before the article', () => {
  assert.deepEqual(ids('وموسكو'), ['RU']);
  assert.deepEqual(ids('للجزائر'), ['DZ']);
  assert.deepEqual(ids('بالكرملين'), ['RU']);
  assert.deepEqual(ids('وللجزائر'), ['DZ']);
  assert.deepEqual(ids('فروسيا'), ['RU']);
  assert.deepEqual(ids('بواشنطن'), ['US']);
});

test('the mention excludes the proclitic and its offsets point into the original text', () => {
  const text = 'زار الوفدُ وَموسكو ثم بالكرملين';
  for (const m of recognize(text)) assert.equal(text.slice(m.start, m.end), m.text);
  const [moscow, kremlin] = recognize(text);
  assert.equal(moscow.text, 'موسكو');
  assert.equal(moscow.via, 'capital');
  assert.equal(kremlin.text, 'الكرملين');
  assert.equal(kremlin.via, 'seat');
});

test('adjectives and demonyms in every inflection stand for their state', () => {
  for (const w of ['الجزائري', 'الجزائرية', 'الجزائريين', 'الجزائريون', 'جزائرية', 'Algerian', 'Algerians']) {
    const [m] = recognize(`قال ${w} ذلك`);
    assert.equal(m?.id, 'DZ', w);
    assert.equal(m.via, 'adjective', w);
  }
});

test('the longest name wins: a state inside a longer name is not counted on its own', () => {
  assert.deepEqual(ids('معهد واشنطن لسياسة الشرق الأدنى'), ['washington-institute']);
  assert.deepEqual(ids('المغرب العربي'), ['maghreb']);
  assert.deepEqual(ids('الجزائر العاصمة'), ['DZ']);
  assert.equal(recognize('الجزائر العاصمة')[0].via, 'capital');
  assert.deepEqual(ids("the Countering America's Adversaries Through Sanctions Act"), ['caatsa']);
  assert.deepEqual(ids('جورجيا ميلوني'), ['giorgia-meloni']);
});

test('names that are also ordinary words: مالي (financial), الساحل (the coast), lower-case English', () => {
  assert.deepEqual(ids('قدّمت الحكومة دعم مالي للمزارعين'), []);
  assert.deepEqual(ids('الأمن المالي'), []);
  assert.deepEqual(ids('انسحبت القوات من مالي'), ['ML']);
  assert.deepEqual(ids('ومالي'), ['ML']);
  assert.deepEqual(ids('على الساحل الجزائري'), ['DZ']);
  assert.deepEqual(ids('في منطقة الساحل'), ['sahel']);
  assert.deepEqual(ids('tell us about roast turkey from china'), []);
  assert.deepEqual(ids('the US and Turkey and China'), ['US', 'TR', 'CN']);
});

test('people: full names, unambiguous surnames, titles before them', () => {
  const [tebboune] = recognize('قال الرئيس الجزائري عبد المجيد تبون');
  assert.equal(tebboune.kind, 'country'); // الجزائري first
  const people = recognize('قال الرئيس الجزائري عبد المجيد تبون').filter((m) => m.kind === 'person');
  assert.equal(people[0].id, 'abdelmadjid-tebboune');
  assert.equal(people[0].country, 'DZ');
  assert.equal(people[0].title?.text, 'الرئيس');
  const esper = recognize('Secretary of Defense Mark Esper visited').find((m) => m.kind === 'person')!;
  assert.equal(esper.id, 'mark-esper');
  assert.equal(esper.title?.text, 'Secretary of Defense');
  assert.deepEqual(ids('وبوتين وتبون'), ['vladimir-putin', 'abdelmadjid-tebboune']);
  assert.deepEqual(ids("Haftar's forces"), ['khalifa-haftar']);
  assert.equal(recognize("Haftar's forces")[0].text, 'Haftar');
});

test('a title is not given across other words: only a nationality adjective may stand between', () => {
  const m = recognize('وزير الدفاع الأمريكي خلال رئاسة ترمب مارك إسبر').filter((x) => x.kind === 'person');
  assert.deepEqual(m.map((x) => x.id), ['donald-trump', 'mark-esper']);
  assert.equal(m[0].title, undefined);
  assert.equal(m[1].title, undefined);
});

test('experts from the store extend the gazetteer', () => {
  const g = createGazetteer({
    experts: [{ id: 'x1', names: [
      { lang: 'en', slug: 'leila-benamar', name: 'Leila Benamar', title: null, bio: '', path: '/experts/leila-benamar' },
      { lang: 'ar', slug: 'lyly-bn-mr', name: 'ليلى بن عمر', title: null, bio: '', path: '/ar/experts/lyly-bn-mr' },
    ] }],
  });
  assert.deepEqual(recognize('كتبت ليلى بن عمر', 'ar', g).map((m) => m.id), ['leila-benamar']);
  assert.deepEqual(recognize('Leila Benamar wrote', 'en', g).map((m) => m.id), ['leila-benamar']);
  assert.deepEqual(recognize('Leila Benamar wrote', 'en').map((m) => m.id), []);
});

test('every country has its names in both scripts, and no name is claimed by two entities', () => {
  const g = createGazetteer();
  const countries = [...g.entities.values()].filter((e) => e.kind === 'country');
  assert.ok(countries.length >= 240);
  for (const c of countries) {
    assert.ok(c.names.en?.length, c.id);
    assert.ok(c.label.ar, c.id);
  }
  for (const node of g.byName.values()) assert.equal(new Set(node.map((f) => f.entity)).size, 1);
});

test('the matcher reads the same words as the analyzer', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(...'وموسكو الجزائر Algeria-Russia U.S. ١٢ 76% لل بـ ّ  ,.'.split('')) }), (s) => {
      const mine = words(s).map((w) => [w.exact, w.start, w.end]);
      const theirs = analyze(s).filter((t) => !/^(?:https?|ftp|www)|@/.test(t.exact)).map((t) => [t.exact, t.start, t.end]);
      assert.deepEqual(mine, theirs);
    }),
    { numRuns: 300 },
  );
});

test('bad input: empty, no names, thousands of names, overlapping names, odd characters', () => {
  assert.deepEqual(recognize(''), []);
  assert.deepEqual(recognize('نص لا يذكر أي بلد'), []);
  const many = 'الجزائر وروسيا وموسكو والكرملين '.repeat(2500);
  const found = recognize(many);
  assert.equal(found.length, 10000);
  for (let i = 1; i < found.length; i++) assert.ok(found[i].start >= found[i - 1].end, 'mentions never overlap');
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(...'الجزائرموسكوتبون \u0651\u200f\ud800-\'s'.split('')) }), (s) => {
      for (const m of recognize(s)) assert.equal(s.slice(m.start, m.end), m.text);
    }),
    { numRuns: 300 },
  );
});
