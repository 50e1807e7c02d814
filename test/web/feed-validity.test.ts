/**
 * Every feed on the site, read by clients that are not ours: the Atom RELAX NG grammar (Jing), Python's
 * feedparser and npm's rss-parser. The store holds the fixtures, the seed page, and a piece whose type
 * label and topic carry `&` and `<`, the characters that broke the feeds' XML before.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Parser from 'rss-parser';
import { countryDirectory } from '../../src/app/index.ts';
import { seriesDirectory, seriesPath } from '../../src/web/series/index.ts';
import { ArticleSchema, articleIdFor, TERM_KINDS, type Article } from '../../src/model/index.ts';
import { atomGrammarErrors, feedparser, feedparserSkip, jingSkip } from '../support/validators.ts';
import { seedSite } from './seed-site.ts';

const hostile: Article = ArticleSchema.parse({
  id: articleIdFor('/policy-analysis/arms-and-energy'),
  lang: 'en',
  dir: 'ltr',
  type: 'articles-testimony',
  typeLabel: 'Articles & Testimony',
  series: { name: 'Notes & <Papers>', number: 7 },
  title: 'Arms & Energy: <Who> Pays "What"',
  summary: 'Gas for guns & guns for gas.',
  published: '2024-02-02',
  path: '/policy-analysis/arms-and-energy',
  authors: [
    { slug: 'layla-haddad', name: 'Layla Haddad', title: null, bio: '', path: '/experts/layla-haddad' },
    { slug: 'omar-saleh', name: 'Omar Saleh', title: null, bio: '', path: '/experts/omar-saleh' },
  ],
  body: [{ kind: 'paragraph', text: 'Text.' }],
  topics: [{ slug: 'arms-energy', name: 'Arms & Energy', path: '/policy-analysis/arms-and-energy-topic' }],
});

describe('every feed, checked by independent clients', () => {
  let site: Awaited<ReturnType<typeof seedSite>>;
  /** Every feed path the site offers: each language's, and each topic's, region's, country's, expert's and series'. */
  const bases: string[] = [];
  const bodies = new Map<string, string>();
  const types = new Map<string, string>();
  before(async () => {
    site = await seedSite([hostile]);
    bases.push('', '/ar');
    for (const lang of ['en', 'ar']) {
      for (const kind of TERM_KINDS) for (const term of await site.store.listTerms(kind, lang)) bases.push(term.path);
      for (const expert of await site.store.listExperts(lang)) bases.push(expert.path);
      // The country pages (`/countries/dz`) have their own feeds too.
      for (const country of await countryDirectory(site.store, lang)) bases.push(country.path);
      // Each series' feeds in the languages it has issues in.
      for (const series of await seriesDirectory(site.store)) if (series.counts[lang]) bases.push(seriesPath(series.key, lang));
    }
    assert.ok(bases.includes('/series/notes-papers'), `a series feed is among those checked: ${bases.filter((b) => b.includes('/series/')).join(', ')}`);
    for (const base of bases) {
      for (const file of ['feed.xml', 'feed.atom', 'feed.json']) {
        const res = await site.get(`${base}/${file}`);
        assert.equal(res.status, 200, `${base}/${file}`);
        bodies.set(`${base}/${file}`, await res.text());
        types.set(`${base}/${file}`, res.headers.get('content-type') ?? '');
      }
    }
  });
  after(() => site.cleanup());

  const of = (ext: string) => [...bodies].filter(([path]) => path.endsWith(ext));

  test('every Atom feed is valid against the RFC 4287 grammar', { skip: jingSkip }, () => {
    const atoms = Object.fromEntries(of('.atom'));
    // One Atom feed per base the site offers: each language's, and each term's, expert's and country's (more with the seed).
    assert.ok(Object.keys(atoms).length === bases.length && bases.length >= (site.seed ? 16 : 8), `feeds found: ${Object.keys(atoms).length} of ${bases.length}`);
    assert.deepEqual(atomGrammarErrors(atoms), []);
  });

  test('rss-parser reads every RSS and Atom feed, with items, authors and categories', async () => {
    const parser = new Parser({ customFields: { item: [['dc:creator', 'creators', { keepArray: true }]] } });
    for (const [path, body] of [...of('.xml'), ...of('.atom')]) {
      const feed = await parser.parseString(body);
      assert.ok(feed.title, `${path} has a title`);
      assert.ok(feed.items.length > 0, `${path} has items`);
    }
    const rss = await parser.parseString(bodies.get('/feed.xml')!);
    const item = rss.items.find((i) => i.title === hostile.title)!;
    assert.ok(item, 'the title with & < " comes through whole');
    assert.deepEqual((item as unknown as { creators: string[] }).creators, ['Layla Haddad', 'Omar Saleh'], 'RSS items name their authors');
    assert.deepEqual(item.categories, ['Articles & Testimony']);
  });

  test('feedparser reads every feed without complaint: language, authors, category terms', { skip: feedparserSkip }, () => {
    // Debian's feedparser (6.0) reads RSS and Atom; JSON Feed is checked against its spec below.
    for (const [path, body] of [...of('.xml'), ...of('.atom')]) {
      const d = feedparser(body, types.get(path)!);
      assert.equal(d.bozo, false, `${path}: ${d.exception}`);
      assert.ok(d.entries.length > 0, `${path} has entries`);
    }
    const atom = feedparser(bodies.get('/ar/feed.atom')!, types.get('/ar/feed.atom')!);
    assert.equal(atom.version, 'atom10');
    assert.equal(atom.language, 'ar', 'Atom carries xml:lang');
    const en = feedparser(bodies.get('/feed.atom')!, types.get('/feed.atom')!);
    const entry = en.entries.find((e) => e.title === hostile.title)!;
    assert.deepEqual(entry.authors, ['Layla Haddad', 'Omar Saleh']);
    assert.deepEqual(entry.tags, ['articles-testimony'], 'category term is the type');
    const rss = feedparser(bodies.get('/feed.xml')!, types.get('/feed.xml')!);
    assert.equal(rss.version, 'rss20');
    assert.ok(rss.entries.find((e) => e.title === hostile.title)!.authors.length > 0, 'RSS items carry authors');
  });

  test('JSON Feed 1.1 as its specification requires: version, language, authors, content on every item', () => {
    for (const [path, body] of of('.json')) {
      const feed = JSON.parse(body) as { version: string; language: string; title: string; items: { id: string; url: string; content_text?: string; content_html?: string; authors?: { name: string }[]; author?: unknown; language: string }[] };
      assert.equal(feed.version, 'https://jsonfeed.org/version/1.1', path);
      assert.match(feed.language, /^(ar|en)$/, path);
      for (const item of feed.items) {
        assert.ok(item.id && item.url, `${path}: id and url`);
        assert.ok(item.content_text || item.content_html, `${path}: an item has content`);
        assert.equal(item.author, undefined, '1.1 uses authors, not author');
      }
    }
    const feed = JSON.parse(bodies.get('/feed.json')!) as { items: { title: string; authors: { name: string }[] }[] };
    assert.deepEqual(feed.items.find((i) => i.title === hostile.title)!.authors.map((a) => a.name), ['Layla Haddad', 'Omar Saleh']);
  });
});
