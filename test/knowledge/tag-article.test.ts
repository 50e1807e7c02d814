import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { readPage } from '../../src/ingest/index.ts';
import { blockText, type Article } from '../../src/model/index.ts';
import { tagArticle, type Event } from '../../src/knowledge/index.ts';
import { makeArticle } from '../support/articles.ts';
import { readSeed, seedSkip, SEED_FILE } from '../support/seed.ts';

const seedArticle = (): Article => readPage({ file: SEED_FILE, bytes: Buffer.from(readSeed()) }).articles[0];
const demo = (path: string): Article => {
  const file = new URL(`../../demo/${path}`, import.meta.url);
  return readPage({ file: path, bytes: readFileSync(file) }).articles[0];
};
const para = (text: string, links: { url: string; start: number; end: number }[] = []) => ({ kind: 'paragraph' as const, text, links: links.map((l) => ({ text: text.slice(l.start, l.end), ...l })) });

/** Every event and figure points back at words that are in its block. */
function assertTraceable(article: Article, events: Event[]): void {
  for (const e of events) {
    const text = blockText(article.body[e.block]);
    const [s, t] = e.offsets;
    assert.ok(s >= 0 && s < t && t <= text.length, `offsets of ${e.label}`);
    const spoken = text.slice(s, t).replace(/\s+/g, ' ');
    assert.ok(spoken.startsWith(e.label.replace(/…$/, '')), `label comes from its sentence: ${e.label}`);
    assert.ok(e.actors.length + e.entities.length > 0, 'an event has an actor');
  }
}

test('seed: the January call between Tebboune and Putin is an event of January 2023, with the Kremlin source', { skip: seedSkip }, () => {
  const a = seedArticle();
  const { events } = tagArticle(a);
  const call = events.find((e) => e.date === '2023-01');
  assert.ok(call, 'a January 2023 event');
  assert.equal(call.precision, 'month');
  assert.deepEqual(call.actors, ['DZ', 'RU']);
  assert.ok(call.entities.includes('abdelmadjid-tebboune') && call.entities.includes('vladimir-putin'));
  assert.ok(call.sources.some((u) => u.includes('kremlin.ru')));
  assert.equal(call.article, a.id);
  assertTraceable(a, events);
});

test('seed: naval exercises in October 2022 and, the following month, more exercises', { skip: seedSkip }, () => {
  const { events } = tagArticle(seedArticle());
  const naval = events.find((e) => e.date === '2022-10');
  assert.ok(naval);
  assert.deepEqual(naval.actors, ['DZ', 'RU']);
  assert.ok(naval.sources.some((u) => u.includes('middleeastmonitor')));
  assert.ok(events.some((e) => e.date === '2022-11'), 'الشهر التالي resolves against October 2022');
});

test("seed: Esper's visit is dated 2020; the 2006 of 'first since 2006' is no event", { skip: seedSkip }, () => {
  const { events } = tagArticle(seedArticle());
  const visit = events.find((e) => e.date === '2020');
  assert.ok(visit);
  assert.deepEqual(visit.actors, ['DZ', 'US']);
  assert.ok(visit.entities.includes('mark-esper'));
  assert.ok(visit.sources.some((u) => u.includes('cnn.com')));
  assert.ok(!events.some((e) => e.date === '2006'));
  assert.ok(events.every((e) => e.date <= '2023-05-18'), 'never after the article');
});

test('seed: about 76 percent of arms imports since 2002, with its SIPRI source', { skip: seedSkip }, () => {
  const { figures } = tagArticle(seedArticle());
  const f = figures.find((x) => x.unit === 'percent' && x.value === 76);
  assert.ok(f);
  assert.equal(f.period, '2002/2023');
  assert.deepEqual(f.actors, ['DZ', 'RU']);
  assert.ok(f.source?.includes('sipri.org'));
  assert.match(f.measure, /واردات الجزائر/);
});

test('seed: Germany, CAATSA, Congress, Tunisia and the Sahel are tagged; Algeria is the most salient; authors are not', { skip: seedSkip }, () => {
  const { entities } = tagArticle(seedArticle());
  const has = (kind: string, id: string) => entities.some((e) => e.kind === kind && e.id === id);
  for (const [kind, id] of [['country', 'DE'], ['law', 'caatsa'], ['organization', 'us-congress'], ['country', 'TN'], ['region', 'sahel'], ['country', 'US'], ['person', 'mark-esper']]) assert.ok(has(kind, id), id);
  assert.equal(entities[0].id, 'DZ');
  assert.equal(entities[0].salience, 1);
  assert.equal(entities[0].name, 'الجزائر');
  assert.ok(entities.every((e) => e.salience > 0 && e.salience <= 1));
  const region = entities.find((e) => e.id === 'north-africa');
  assert.ok(region && region.salience >= 0.5, "countries map to the site's region");
});

test('demo (English): the state visit, the budget figure and who acted', () => {
  const a = demo('en/algeria-and-russia-arms-partnership-under-strain.md');
  const { events, figures, entities } = tagArticle(a);
  const visit = events.find((e) => e.date === '2023-06-13');
  assert.ok(visit);
  assert.equal(visit.precision, 'day');
  assert.deepEqual(visit.actors, ['DZ', 'RU']);
  const budget = figures.find((f) => f.unit === 'USD' && f.value === 18e9);
  assert.ok(budget);
  assert.match(budget.measure, /defense/);
  assert.ok(budget.source?.includes('reuters.com'));
  assert.deepEqual(entities.slice(0, 2).map((e) => e.id).sort(), ['DZ', 'RU']);
  assertTraceable(a, events);
});

test('demo (Arabic): events carry their block and offsets; relative dates never pass the article date', () => {
  for (const path of ['ar/aljzayr-wrwsya-shrakt-tslyh-tht-aldght.md', 'ar/lybya-bd-drnt-alfydanat-walhkm-almnqsm-wmwty-qdm-rwsya.md']) {
    const a = demo(path);
    const { events } = tagArticle(a);
    assert.ok(events.length >= 4, path);
    assertTraceable(a, events);
    assert.ok(events.every((e) => e.date.slice(0, 7) <= a.published!.slice(0, 7)));
  }
  const libya = tagArticle(demo('ar/lybya-bd-drnt-alfydanat-walhkm-almnqsm-wmwty-qdm-rwsya.md')).events;
  assert.ok(libya.some((e) => e.date === '2023-09' && e.actors.includes('RU')), 'في الشهر التالي after August 2023');
});

test('no entities, no events: an article that names nothing', () => {
  const tags = tagArticle(makeArticle({ body: [para('فقرة لا تذكر أحداً في عام 2020.')], title: 'عنوان', published: '2023-01-01' }));
  assert.deepEqual(tags.entities, []);
  assert.deepEqual(tags.events, []);
});

test('dates after the article and dates that open a period make no event', () => {
  const a = makeArticle({
    lang: 'en',
    published: '2022-01-10',
    body: [para('Algeria will hold elections in March 2025. Russia has supplied Algeria since 2002. Egypt bought wheat before 2022.')],
  });
  assert.deepEqual(tagArticle(a).events, []);
});

test('contradictory figures are both kept, each with its own sentence', () => {
  const text = 'Russia supplied 76 percent of Algeria’s arms. Another count gives Russia 50 percent of Algeria’s arms.';
  const a = makeArticle({ lang: 'en', body: [para(text, [{ url: 'https://www.sipri.org/x', start: 16, end: 26 }])] });
  const { figures } = tagArticle(a);
  assert.deepEqual(figures.map((f) => f.value), [76, 50]);
  assert.equal(figures[0].source, 'https://www.sipri.org/x');
  assert.equal(figures[1].source, null);
  for (const f of figures) assert.equal(text.slice(f.offsets[0], f.offsets[1]), f.text);
});

test('a run-on paragraph of thousands of words, names and dates is read, every event within it', () => {
  const clause = 'وفي تشرين الأول/أكتوبر 2022 استقبلت الجزائر وفداً من موسكو ثم زار الوفد بالكرملين مرة أخرى و';
  const text = clause.repeat(400);
  const a = makeArticle({ lang: 'ar', published: '2023-05-18', body: [para(text)] });
  const { events, entities } = tagArticle(a);
  assert.equal(events.length, 400);
  assert.ok(events.every((e) => e.date === '2022-10' && e.actors.join() === 'DZ,RU'));
  assert.deepEqual(entities.map((e) => e.id).slice(0, 2).sort(), ['DZ', 'RU']);
  assertTraceable(a, events);
});

test('several dates in one sentence give one event each, over their own clause', () => {
  const a = makeArticle({
    lang: 'en',
    published: '2024-01-01',
    body: [para('Colonel Assimi Goïta seized power in Mali in August 2020, and on July 26, 2023, General Abdourahamane Tiani detained President Mohamed Bazoum in Niger.')],
  });
  const { events } = tagArticle(a);
  assert.deepEqual(events.map((e) => [e.date, e.actors.join()]), [['2020-08', 'ML'], ['2023-07-26', 'NE']]);
});

test('any body: events are traceable, dated no later than the article, never invented from nothing', () => {
  const pieces = ['في تشرين الأول/أكتوبر 2022', 'الجزائر', 'موسكو', 'في الشهر التالي', 'In May 2030', 'Putin', 'since 2002', '76 percent', '$1.9 billion', 'نحو 76 في المائة', '.', '،', ' و', 'and', 'دعم مالي', 'في عام 2031'];
  fc.assert(
    fc.property(fc.array(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join(' ')), { maxLength: 5 }), (paras) => {
      const a = makeArticle({ lang: 'ar', published: '2023-05-18', body: paras.map((p) => para(p)) });
      const { events, figures } = tagArticle(a);
      assertTraceable(a, events);
      for (const e of events) assert.ok(e.date.slice(0, 7) <= '2023-05', e.date);
      for (const f of figures) {
        const text = blockText(a.body[f.block]);
        assert.equal(text.slice(f.offsets[0], f.offsets[1]), f.text);
      }
    }),
    { numRuns: 150 },
  );
});

test('"the two sides" are the previous event\'s actors, and a country named by a locative phrase is the place, not an actor (issue 18)', () => {
  const a = makeArticle({
    title: 'مناورات',
    published: '2023-05-18',
    body: [
      para('وفي آذار/مارس 2021 استقبلت تونس وفداً عسكرياً من تركيا لبحث التعاون.'),
      para('وبحسب مصادر محلية نفّذ الطرفان تدريبات مشتركة قرب الحدود الليبية في الشهر التالي.'),
    ],
  });
  const { events } = tagArticle(a);
  const later = events.find((e) => e.date === '2021-04');
  assert.ok(later, JSON.stringify(events.map((e) => [e.date, e.actors])));
  assert.deepEqual(later.actors, ['TN', 'TR']);
  assert.equal(later.place, 'LY');
  const en = makeArticle({
    lang: 'en',
    title: 'Drills',
    published: '2023-05-18',
    body: [para('In March 2021 Egypt hosted a Greek naval squadron.'), para('The two sides held joint drills along the Libyan border the following month.')],
  });
  const drills = tagArticle(en).events.find((e) => e.date === '2021-04');
  assert.ok(drills);
  assert.deepEqual(drills.actors, ['EG', 'GR']);
  assert.equal(drills.place, 'LY');
});

test('seed: "أجرى الجانبان مناورات … على طول الحدود المغربية" is Algeria and Russia, in Morocco (issue 18)', { skip: seedSkip }, () => {
  const { events } = tagArticle(seedArticle());
  const next = events.find((e) => e.date === '2022-11');
  assert.ok(next);
  assert.deepEqual(next.actors, ['DZ', 'RU']);
  assert.equal(next.place, 'MA');
});
