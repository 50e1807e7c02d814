/**
 * Citations read as an institute prints them: numbered notes in the page's digits linking to a numbered
 * source list and back, sources named by title or host (the full address is the link), and no editorial
 * marker (lost-text gaps, "address cut short") shown to readers, while the editor's preview keeps them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BodyBlocks } from '../../src/web/views/body-blocks.tsx';
import { readableSource } from '../../src/web/views/source-label.ts';
import { noteNumber, sourceNotes } from '../../src/web/views/source-notes.ts';
import { seedSkip } from '../support/seed.ts';
import { seedSite } from './seed-site.ts';

describe('source names', () => {
  test('a descriptive path segment gives a title; ids, dates and extensions do not', () => {
    assert.deepEqual(readableSource('https://www.spiegel.de/international/germany/german-arms-sales-to-algeria-have-increased-dramatically-a-866690.html'), {
      host: 'spiegel.de',
      title: 'German arms sales to algeria have increased dramatically',
    });
    assert.deepEqual(readableSource('http://en.kremlin.ru/catalog/keywords/82/events/70419/print'), { host: 'en.kremlin.ru', title: null });
    assert.equal(readableSource('https://www.middleeastmonitor.com/20221024-algeria-russia-hold-joint-naval-drill-2022').title, 'Algeria russia hold joint naval drill');
    assert.deepEqual(readableSource('https://example.org/a-b-c-d', true), { host: 'example.org', title: null }, 'a truncated last segment is not a title');
    assert.equal(readableSource('https://ar.example.org/%D8%A7%D9%84%D8%B9%D9%84%D8%A7%D9%82%D8%A7%D8%AA-%D8%A7%D9%84%D8%AC%D8%B2%D8%A7%D8%A6%D8%B1%D9%8A%D8%A9-%D8%A7%D9%84%D8%B1%D9%88%D8%B3%D9%8A%D8%A9').title, 'العلاقات الجزائرية الروسية');
  });

  test('note numbers are written in the page\'s digits', () => {
    assert.equal(noteNumber(12, 'ar'), '١٢');
    assert.equal(noteNumber(12, 'en'), '12');
  });

  test('every citation of a source gets its own way back from the list', () => {
    const url = 'https://example.org/report';
    const notes = sourceNotes(
      [
        { kind: 'paragraph', text: 'one two', links: [{ text: '', url, start: 3, end: 3 }] },
        { kind: 'list', ordered: false, items: [{ text: 'three', links: [{ text: 'three', url, start: 0, end: 5 }] }] },
      ],
      [{ url, host: 'example.org', truncated: false, cited: 2 }],
      'en',
    );
    assert.deepEqual(notes.entries.map((e) => e.backrefs), [['cite-1-1', 'cite-1-2']]);
    assert.equal(notes.refOf(1, 0, 0)?.id, 'cite-1-2');
  });
});

describe('the seed page as readers see it', { skip: seedSkip }, () => {
  let site: Awaited<ReturnType<typeof seedSite>>;
  before(async () => {
    site = await seedSite();
  });
  after(() => site.cleanup());

  test('(<url>) citations are superscript note numbers in Arabic-Indic digits, linked both ways', async () => {
    const { document } = await site.doc(site.seed!.path);
    const body = document.querySelector('.article-body')!;
    assert.doesNotMatch(body.textContent!, /kremlin|spiegel\.de|cnn\.com/, 'no host names inside the Arabic prose');
    assert.equal(body.querySelectorAll('a.bare-link').length, 0);
    const refs = [...body.querySelectorAll('sup.note-ref a')];
    assert.ok(refs.length >= 9, `one note per citation, got ${refs.length}`);
    assert.deepEqual(refs.slice(0, 3).map((a) => a.textContent), ['١', '٢', '٣']);
    // The sentence keeps its word: "وفقاً للبيان¹ الصادر عن الكرملين".
    assert.match(body.innerHTML, /للبيان<sup class="note-ref"><a href="#source-1" id="cite-1-1"[^>]*>١<\/a><\/sup> الصادر/);
    for (const a of refs) {
      const entry = document.getElementById(a.getAttribute('href')!.slice(1));
      assert.ok(entry && entry.closest('ol.sources'), `${a.getAttribute('href')} is an entry of the source list`);
      assert.ok(entry.querySelector(`a.note-back[href="#${a.getAttribute('id')}"]`), `the entry leads back to ${a.getAttribute('id')}`);
    }
  });

  test('source entries name a title or host, link the full address, and print no raw URL', async () => {
    const { document } = await site.doc(site.seed!.path);
    const entries = [...document.querySelectorAll('ol.sources > li')];
    assert.equal(entries.length, site.seed!.sources.length);
    for (const li of entries) assert.doesNotMatch(li.textContent!, /https?:|\/\w+\//, `no raw address shown: ${li.textContent}`);
    const spiegel = entries.find((li) => /spiegel/.test(li.textContent!))!;
    assert.equal(spiegel.querySelector('cite')?.textContent, 'German arms sales to algeria have increased dramatically');
    assert.equal(spiegel.querySelector('a.source-link')?.getAttribute('href'), 'https://www.spiegel.de/international/germany/german-arms-sales-to-algeria-have-increased-dramatically-a-866690.html');
    const kremlin = entries.find((li) => /kremlin/.test(li.textContent!))!;
    assert.equal(kremlin.querySelector('a.source-link')?.textContent, 'en.kremlin.ru');
  });

  test('no editorial marker reaches readers: no gap notice, no "address cut short"', async () => {
    const { html, document } = await site.doc(site.seed!.path);
    assert.ok(site.seed!.body.some((b) => b.kind === 'gap'), 'the seed has a gap');
    assert.equal(document.querySelectorAll('.gap').length, 0);
    assert.doesNotMatch(html, /نص مفقود في المصدر|العنوان مقطوع في المصدر/);
    // The cut-off address is named, never linked: it leads nowhere.
    const cnn = [...document.querySelectorAll('ol.sources > li')].find((li) => /cnn/.test(li.textContent!))!;
    assert.equal(cnn.querySelector('a.source-link'), null);
    const ld = JSON.stringify(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)?.[1] ?? '');
    assert.doesNotMatch(ld, /mark-esper-"/, 'JSON-LD cites no address the importer marked truncated');
  });

  test('the editor\'s preview still marks the gap', async () => {
    const html = String(await (BodyBlocks({ blocks: site.seed!.body, lang: 'ar', editorial: true }) as { toString(): string | Promise<string> }).toString());
    assert.match(html, /نص مفقود في المصدر/);
  });
});
