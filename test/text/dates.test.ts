import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDate, findDates, formatDate } from '../../src/text/index.ts';

const REF = { ref: '2023-05-18' };

test('parseDate reads what pages write, with its precision', () => {
  const table: [string, string, string][] = [
    ['18 أيار/مايو 2023', '2023-05-18', 'day'],
    ['١٨ مايو ٢٠٢٣', '2023-05-18', 'day'],
    ['۱۸ مايو ۲۰۲۳', '2023-05-18', 'day'],
    ['21 مارس 2022', '2022-03-21', 'day'],
    ['تشرين الأول/أكتوبر 2022', '2022-10', 'month'],
    ['كانون الثاني/يناير 2021', '2021-01', 'month'],
    ['كانون الأول 2021', '2021-12', 'month'],
    ['آب/أغسطس 2019', '2019-08', 'month'],
    ['أيار (مايو) 2023', '2023-05', 'month'],
    ['في عام 2020', '2020', 'year'],
    ['عام 2006', '2006', 'year'],
    ['May 18, 2023', '2023-05-18', 'day'],
    ['18 May 2023', '2023-05-18', 'day'],
    ['Sept. 5, 2021', '2021-09-05', 'day'],
    ['October 2022', '2022-10', 'month'],
    ['2023-05-18', '2023-05-18', 'day'],
    ['2022-10', '2022-10', 'month'],
    ['2020', '2020', 'year'],
    ['١٨ أيّار/مايو ٢٠٢٣', '2023-05-18', 'day'],
  ];
  for (const [text, date, precision] of table) assert.deepEqual(parseDate(text), { date, precision }, text);
});

test('parseDate reads yearless and relative expressions only against a reference date', () => {
  const table: [string, string][] = [
    ['في كانون الثاني/يناير', '2023-01'],
    ['في الشهر التالي', '2023-06'],
    ['the following month', '2023-06'],
    ['العام الماضي', '2022'],
    ['last month', '2023-04'],
    ['last year', '2022'],
    ['في أيار/مايو', '2023-05'],
    // A yearless month after the reference belongs to the year before.
    ['في تشرين الثاني/نوفمبر', '2022-11'],
  ];
  for (const [text, date] of table) {
    assert.equal(parseDate(text), null, `${text} without ref`);
    assert.equal(parseDate(text, REF)?.date, date, text);
  }
});

test('parseDate returns null rather than guess', () => {
  for (const text of ['', 'foo', '30 شباط 2023', '31 April 2023', 'hello 2020', '76 في المائة', 'أب', 'may', '13/14/2020', 'العلاقات الجزائرية', '2023-13-01']) {
    assert.equal(parseDate(text, REF), null, text);
  }
});

test('formatDate writes dates as the site does and parseDate reads them back', () => {
  assert.equal(formatDate('2023-05-18', 'ar'), '18 أيار/مايو 2023');
  assert.equal(formatDate('2022-10', 'ar'), 'تشرين الأول/أكتوبر 2022');
  assert.equal(formatDate('2023-05-18', 'en'), 'May 18, 2023');
  assert.equal(formatDate('2022-10', 'en'), 'October 2022');
  assert.equal(formatDate('2020', 'ar'), '2020');
  assert.equal(formatDate('not a date', 'en'), 'not a date');
  for (const d of ['2023-05-18', '2022-10', '2020', '2024-02-29', '1999-12']) {
    for (const lang of ['ar', 'en']) assert.equal(parseDate(formatDate(d, lang))?.date, d, `${d} ${lang}`);
  }
});

test('findDates finds dates in running text with offsets into the original', () => {
  const text = 'وفي تشرين الأول/أكتوبر 2022 زار الوفد المدينة، ثم عاد في الشهر التالي. (Published May 18, 2023.)';
  const found = findDates(text);
  assert.deepEqual(found.map((d) => [d.date, d.precision, d.relative]), [
    ['2022-10', 'month', false],
    ['2022-11', 'month', true],
    ['2023-05-18', 'day', false],
  ]);
  for (const d of found) assert.equal(text.slice(d.start, d.end), d.text);
  assert.equal(found[0].text, 'تشرين الأول/أكتوبر 2022');
});

test('findDates resolves yearless months against the nearest date before, never after the ref', () => {
  const text = 'في كانون الثاني/يناير اتصل الرئيس، وفي عام 2020 زار الوزير، ثم في آذار/مارس عاد.';
  assert.deepEqual(findDates(text, REF).map((d) => d.date), ['2023-01', '2020', '2020-03']);
  assert.deepEqual(findDates(text).map((d) => d.date), ['2020', '2020-03'], 'no ref: the first has nothing to count from');
  // "last year" counts from the writing date, "the following year" from the story.
  assert.deepEqual(findDates('In 2010 it began; the following year it grew. Last year it ended.', REF).map((d) => d.date), ['2010', '2011', '2022']);
});

test('findDates ignores numbers in URLs and never reads a Hijri year as a Gregorian one', () => {
  const text = 'انظر https://example.org/2020/10/01/story عام 1444 هـ';
  assert.deepEqual(findDates(text).map((d) => [d.date, d.calendar, d.hijri]), [['2022', 'hijri', '1444']]);
});

test('date forms of issue 18: numeric, decades, ranges, للعام, Maghrebi months, Hijri (Umm al-Qura), each with its precision', () => {
  const table: [string, Record<string, string>][] = [
    ['18/5/2023', { date: '2023-05-18', precision: 'day' }],
    ['١٨/٥/٢٠٢٣', { date: '2023-05-18', precision: 'day' }],
    ['2023-05-18', { date: '2023-05-18', precision: 'day' }],
    ['18.05.2023', { date: '2023-05-18', precision: 'day' }],
    ['2023/5/18', { date: '2023-05-18', precision: 'day' }],
    ['التسعينيات', { date: '1990', precision: 'decade', until: '1999' }],
    ['في الثمانينات', { date: '1980', precision: 'decade', until: '1989' }],
    ['تسعينيات القرن الماضي', { date: '1990', precision: 'decade', until: '1999' }],
    ['عشرينيات القرن الحادي والعشرين', { date: '2020', precision: 'decade', until: '2029' }],
    ['the 1990s', { date: '1990', precision: 'decade', until: '1999' }],
    ['2019-2021', { date: '2019', precision: 'year', until: '2021' }],
    ['بين عامي 2019 و2021', { date: '2019', precision: 'year', until: '2021' }],
    ['من 2019 إلى 2021', { date: '2019', precision: 'year', until: '2021' }],
    ['between 2019 and 2021', { date: '2019', precision: 'year', until: '2021' }],
    ['للعام 2022', { date: '2022', precision: 'year' }],
    ['10 يوليوز 2023', { date: '2023-07-10', precision: 'day' }],
    ['غشت 2023', { date: '2023-08', precision: 'month' }],
    ['3 شتنبر 2022', { date: '2022-09-03', precision: 'day' }],
    ['نونبر 2021', { date: '2021-11', precision: 'month' }],
    ['دجنبر 2020', { date: '2020-12', precision: 'month' }],
    ['١٥ رمضان ١٤٤٤ هـ', { date: '2023-04-06', precision: 'day', calendar: 'hijri', hijri: '1444-09-15' }],
    ['رمضان 1444 هـ', { date: '2023-03', precision: 'month', until: '2023-04', calendar: 'hijri', hijri: '1444-09' }],
    ['1444 هجريا', { date: '2022', precision: 'year', until: '2023', calendar: 'hijri', hijri: '1444' }],
    ['عام 1444 هـ', { date: '2022', precision: 'year', until: '2023', calendar: 'hijri', hijri: '1444' }],
  ];
  for (const [text, expected] of table) assert.deepEqual(parseDate(text), expected, text);
  // A Hijri year is never the Gregorian year 1444, in running text either.
  const found = findDates('وفي عام 1444 هجريا زار الوفد المدينة', { ref: '2023-05-18' });
  assert.deepEqual(found.map((d) => [d.date, d.calendar]), [['2022', 'hijri']]);
  for (const bad of ['13/14/2020', '30/2/2023', '2021-2019', '31 شعبان 1444 هـ']) assert.equal(parseDate(bad), null, bad);
});
