/**
 * PostgreSQL's vectors go to the server in binary (search/dialects/postgres.ts), where they were tsvector
 * literals before: the stored vectors must be the ones the literals gave — the same lexemes, positions
 * and weights — or search would answer differently. Checked for an article saved alone and for a full
 * reindex, in Arabic and English, and on a report long enough that positions pass 16383, the last one
 * PostgreSQL keeps (where it keeps one position of many, and which weight), and `vall`, which joins the
 * vectors as PostgreSQL's `||` would, with lexemes in both the words and the names.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { reindex, saveArticle } from '../../src/app/index.ts';
import { searchDoc } from '../../src/search/search-doc.ts';
import { vectorsAsText } from '../../src/search/dialects/postgres.ts';
import type { Article } from '../../src/model/index.ts';
import { forEachEngine, type TestStore } from '../support/engines.ts';
import { makeArticle } from '../support/articles.ts';

/** A heading of over 16,383 words (numbers, each its own lexeme) between the summary and the body. */
const numbers = Array.from({ length: 16_400 }, (_, i) => String(i + 1)).join(' ');

const ARTICLES: Article[] = [
  // Its body names its author, topic and region: lexemes in both `v` and `m`, which `vall` joins.
  makeArticle({
    lang: 'ar',
    slug: 'mwani-alkhaleej',
    title: 'موانئ الخليج والتجارة البحرية',
    translation: { lang: 'en', slug: 'gulf-ports' },
    body: [{ kind: 'paragraph', text: 'كتب المؤلف الأول عن الموضوع الأول في المنطقة الأولى: موانئ وتجارة.', links: [] }],
  }),
  // Letters past U+FFFF and past U+E000, which UTF-16 and UTF-8 (PostgreSQL's order of lexemes) sort apart.
  makeArticle({
    lang: 'en',
    slug: 'gulf-ports',
    title: "Gulf ports and the region's sea trade",
    translation: { lang: 'ar', slug: 'mwani-alkhaleej' },
    body: [{ kind: 'paragraph', text: 'Ports named 𠀋 and 﨎 in our own example, and 𠀋﨎 too.', links: [] }],
  }),
  makeArticle({
    lang: 'ar',
    slug: 'taqrir-tawil',
    title: 'تقرير طويل عن التجارة',
    body: [
      { kind: 'heading', text: `التجارة ${numbers} الموانئ التجارة`, level: 2, links: [] },
      { kind: 'paragraph', text: 'الموانئ والتجارة والمياه في الخليج، والموانئ مرة أخرى.', links: [] },
      { kind: 'paragraph', text: 'المياه والموانئ والتجارة في آخر التقرير، كما كتب المؤلف الأول عن الموضوع الأول.', links: [] },
    ],
  }),
];

async function compare(store: TestStore, what: string): Promise<void> {
  for (const article of ARTICLES) {
    const t = vectorsAsText(searchDoc(article, []));
    // As text: lexemes in order, each with its positions and weights (the bytes may be laid out otherwise).
    const r = await sql<{ v: boolean; m: boolean; vall: boolean }>`
      select v::text = ${t.v}::tsvector::text as v, m::text = ${t.m}::tsvector::text as m,
             vall::text = (${t.v}::tsvector || ${t.m}::tsvector || ${t.pairs}::tsvector)::text as vall
      from search_doc where path = ${article.path}`.execute(store.db);
    assert.deepEqual(r.rows, [{ v: true, m: true, vall: true }], `${what}: ${article.path}'s vectors`);
  }
}

forEachEngine('vectors written in binary', (engine) => {
  after(() => engine.cleanup());

  test('are the vectors their tsvector literals give, saved one by one and rebuilt', async (t) => {
    if (engine.engine !== 'postgres') return t.skip('PostgreSQL keeps tsvectors; SQLite writes its tokens as text to FTS5');
    const store = await engine.open();
    for (const a of ARTICLES) await saveArticle(store, a);
    // The long report reaches the last position, its heading's words (C) and the body's (D) there.
    const clamped = await sql<{ v: string }>`select v::text as v from search_doc where path = ${ARTICLES[2].path}`.execute(store.db);
    assert.match(clamped.rows[0].v, /:[0-9,ABC]*16383C/);
    await compare(store, 'saved');
    await reindex(store);
    await compare(store, 'rebuilt');
  });
});
