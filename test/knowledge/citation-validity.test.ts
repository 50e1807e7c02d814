/**
 * Citations read by the tools people cite with: bibutils (ris2xml, bib2xml: the converters behind many
 * reference managers) and citeproc-js (the CSL processor of Zotero and Mendeley). Run on the seed page
 * (Arabic, three authors) and on an English piece with TeX's special characters in its title.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { citeArticle } from '../../src/knowledge/index.ts';
import { cslName } from '../../src/knowledge/citation-names.ts';
import { ArticleSchema, articleIdFor } from '../../src/model/index.ts';
import { seedSkip } from '../support/seed.ts';
import { bibutils, bibutilsSkip } from '../support/validators.ts';
import { seedArticle } from '../web/seed-site.ts';

const require = createRequire(import.meta.url);
const opts = { url: 'https://mizan.example/ar/policy-analysis/allaqat-aljzayryt-alrwsyt-bd-ghzw-awkranya', publisher: 'ميزان', accessed: '2026-12-02' };

const english = ArticleSchema.parse({
  id: articleIdFor('/policy-analysis/oil-and-arms'),
  lang: 'en',
  dir: 'ltr',
  type: 'policywatch',
  typeLabel: 'PolicyWatch',
  series: { name: 'PolicyWatch', number: 3740 },
  title: 'Oil & Arms: 50% {More} for #Algeria_2023',
  summary: 'A summary that is long enough to have been wrapped by a writer that wraps lines at seventy characters, which RIS forbids.',
  published: '2023-01-07',
  path: '/policy-analysis/oil-and-arms',
  authors: [{ slug: 'ludwig-van-der-berg', name: 'Ludwig van der Berg', title: null, bio: '', path: '/experts/ludwig-van-der-berg' }],
  body: [{ kind: 'paragraph', text: 'Text.' }],
});

/** The text of the first element `tag` (with attributes `attrs`) in MODS XML. */
function mods(xml: string, tag: string, attrs = ''): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}${attrs}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]!);
}

describe('names as citation managers want them', () => {
  test('family and given parts where the name has them', () => {
    assert.deepEqual(cslName('سابينا هينبرج'), { given: 'سابينا', family: 'هينبرج' });
    assert.deepEqual(cslName('ليلى بن عمر'), { given: 'ليلى', family: 'بن عمر' });
    assert.deepEqual(cslName('عبد المجيد تبون'), { given: 'عبد المجيد', family: 'تبون' });
    assert.deepEqual(cslName('Ludwig van der Berg'), { given: 'Ludwig', family: 'van der Berg' });
    assert.deepEqual(cslName('سقراط'), { literal: 'سقراط' });
  });
});

describe('citations in independent tools', { skip: seedSkip }, () => {
  test('RIS: one line a field, zero-padded dates, the address whole (bibutils ris2xml)', { skip: bibutilsSkip }, () => {
    const seed = seedArticle()!;
    const text = citeArticle(seed, 'ris', opts);
    for (const line of text.split('\r\n').filter(Boolean)) assert.match(line, /^[A-Z][A-Z0-9] {2}- /, `every line is tagged: ${line}`);
    assert.match(text, /\r\nDA {2}- 2023\/05\/18\/\r\n/);
    const { xml, status } = bibutils('ris2xml', text);
    assert.equal(status, 0);
    assert.deepEqual(mods(xml, 'url'), [opts.url], 'the URL is read whole, with no space inside');
    assert.deepEqual(mods(xml, 'dateIssued'), ['2023-05-18']);
    assert.deepEqual(mods(xml, 'namePart', ' type="family"'), ['هينبرج', 'روملي', 'يافورسكي']);
    assert.match(xml, /<mods ID="hynbrj2023[0-9a-f]{4}">/, 'the key is the first author\'s family name, as RIS names her');
    assert.deepEqual(mods(xml, 'abstract'), [seed.summary], 'the abstract whole');
    const en = bibutils('ris2xml', citeArticle(english, 'ris', { ...opts, url: 'https://mizan.example/policy-analysis/oil-and-arms' }));
    assert.deepEqual(mods(en.xml, 'abstract'), [english.summary]);
    assert.deepEqual(mods(en.xml, 'dateIssued'), ['2023-01-07']);
  });

  test('BibTeX: the month macro, day and date, TeX specials escaped (bibutils bib2xml)', { skip: bibutilsSkip }, () => {
    const seed = seedArticle()!;
    const text = citeArticle(seed, 'bibtex', opts);
    assert.match(text, /\n {2}month = may,\n/);
    assert.match(text, /\n {2}day = \{18\},\n {2}date = \{2023-05-18\},\n/);
    const { xml, status } = bibutils('bib2xml', text);
    assert.equal(status, 0);
    assert.deepEqual(mods(xml, 'dateIssued'), ['2023-05-18']);
    assert.deepEqual(mods(xml, 'namePart', ' type="given"'), ['سابينا', 'غرانت', 'إريك']);
    assert.deepEqual(mods(xml, 'namePart', ' type="family"'), ['هينبرج', 'روملي', 'يافورسكي']);
    assert.match(xml, /<mods ID="hynbrj2023[0-9a-f]{4}">/, 'the key is the family name the author field gives, not sabyna…');
    assert.deepEqual(mods(xml, 'url'), [opts.url]);
    const en = bibutils('bib2xml', citeArticle(english, 'bibtex', { ...opts, url: 'https://mizan.example/policy-analysis/oil-and-arms' }));
    assert.equal(en.status, 0);
    // bibutils splits a title at its colon into title and subtitle.
    assert.deepEqual([mods(en.xml, 'title')[0], mods(en.xml, 'subTitle')[0]], ['Oil &amp; Arms', '50% {More} for #Algeria_2023']);
    assert.deepEqual(mods(en.xml, 'namePart', ' type="family"'), ['van der Berg']);
    assert.match(en.xml, /<mods ID="berg2023[0-9a-f]{4}">/);
    assert.deepEqual(mods(en.xml, 'dateIssued'), ['2023-01-07']);
  });

  test('citeproc-js cites the Arabic authors by family name: "(هينبرج et al., 2023)"', () => {
    const CSL = require('citeproc') as { Engine: new (sys: unknown, style: string) => CiteprocEngine };
    interface CiteprocEngine {
      updateItems(ids: string[]): void;
      makeCitationCluster(items: { id: string }[]): string;
      makeBibliography(): [unknown, string[]];
    }
    const items = new Map<string, unknown>();
    for (const article of [seedArticle()!, english]) {
      const [item] = JSON.parse(citeArticle(article, 'csl', opts)) as { id: string }[];
      items.set(item!.id, item);
    }
    const sys = {
      retrieveLocale: () => readFileSync(new URL('../support/schemas/locale-en-US.xml', import.meta.url), 'utf8'),
      retrieveItem: (id: string) => items.get(id),
    };
    const engine = new CSL.Engine(sys, readFileSync(new URL('../support/schemas/author-date.csl', import.meta.url), 'utf8'));
    const ids = [...items.keys()];
    engine.updateItems(ids);
    assert.equal(engine.makeCitationCluster([{ id: ids[0]! }]), '(هينبرج et al., 2023)');
    assert.equal(engine.makeCitationCluster([{ id: ids[1]! }]), '(van der Berg, 2023)');
    const [, entries] = engine.makeBibliography();
    assert.ok(entries.some((e) => e.includes('2023-05-18')), entries.join('\n'));
  });
});
