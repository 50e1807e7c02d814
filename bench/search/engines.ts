/**
 * @module One adapter per system under test, all with the same small interface: build from articles,
 * answer a query string with the paths of the top 10. Peers are configured as their documentation
 * suggests for non-Latin text (none documents Arabic stemming except lunr-languages):
 * - MiniSearch: default Unicode tokenizer, `prefix: true, fuzzy: 0.2`, title boosted.
 * - FlexSearch: Document index, `Charset.Normalize` (the universal preset), `tokenize: 'forward'`.
 * - lunr: `lunr-languages` stemmer support, Arabic and English through `lunr.multiLanguage('en', 'ar')`.
 * - fts-<analyzer>: an SQLite FTS5 table of the same shape and weights as Mizan's, filled by another
 *   analyzer (the quality baselines).
 */
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import pg from 'pg';
import { blockText, type Article } from '../../src/model/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { indexArticles, optimizeIndex, parseSearchQuery, search } from '../../src/search/index.ts';
import type { BenchAnalyzer } from './baseline-analyzers.ts';

const require = createRequire(import.meta.url);

export interface Engine {
  name: string;
  build(articles: Iterable<Article>): Promise<void>;
  query(q: string): Promise<string[]>;
  close(): Promise<void>;
}

export interface Fields {
  id: string;
  path: string;
  lang: string;
  title: string;
  summary: string;
  body: string;
  meta: string;
}

export function fieldsOf(a: Article): Fields {
  return {
    id: a.id,
    path: a.path,
    lang: a.lang,
    title: a.title,
    summary: a.summary,
    body: a.body.map(blockText).filter(Boolean).join('\n'),
    meta: [...a.authors.map((x) => x.name), ...a.topics.map((x) => x.name), ...a.countries.map((x) => x.name)].join(' '),
  };
}

/** Mizan itself, through its public search API (facets, grouping and snippets included in the time). */
export function mizan(name: string, target: { db?: string; url?: string; schema?: string }): Engine {
  let store: Store;
  return {
    name,
    async build(articles) {
      if (target.url && target.schema) {
        // A fresh schema each run, so every build starts empty.
        const client = new pg.Client({ connectionString: target.url });
        await client.connect();
        await client.query(`drop schema if exists ${target.schema} cascade`);
        await client.query(`create schema ${target.schema}`);
        await client.end();
      }
      store = await openStore(target);
      let batch: Article[] = [];
      const flush = async () => {
        const docs = batch;
        batch = [];
        await indexArticles(store, docs);
      };
      for (const a of articles) {
        batch.push(a);
        if (batch.length >= 500) await flush();
      }
      await flush();
      // What an operator does after a bulk load (reindex does it too): merge segments, refresh statistics.
      await optimizeIndex(store);
    },
    async query(q) {
      const r = await search(store, parseSearchQuery({ q: q.slice(0, 500) }));
      return r.hits.flatMap((h) => [h.path, ...h.translations.map((t) => t.path)]);
    },
    close: () => store.close(),
  };
}

/** MiniSearch with its documented options for fuzzy, prefix search. */
export function miniSearch(): Engine {
  const MiniSearch = require('minisearch');
  let index: any;
  return {
    name: 'MiniSearch',
    async build(articles) {
      index = new MiniSearch({
        fields: ['title', 'summary', 'body', 'meta'],
        storeFields: ['path'],
        searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 3, summary: 2 } },
      });
      for (const a of articles) index.add(fieldsOf(a));
    },
    async query(q) {
      return index.search(q).slice(0, 10).map((r: any) => r.path);
    },
    async close() {},
  };
}

/** FlexSearch's Document index with the universal normalizing encoder. */
export function flexSearch(): Engine {
  const { Document, Charset } = require('flexsearch');
  let index: any;
  const paths = new Map<string, string>();
  return {
    name: 'FlexSearch',
    async build(articles) {
      index = new Document({
        document: { id: 'id', index: ['title', 'summary', 'body', 'meta'] },
        encoder: Charset.Normalize,
        tokenize: 'forward',
      });
      for (const a of articles) {
        const f = fieldsOf(a);
        paths.set(f.id, f.path);
        index.add(f);
      }
    },
    async query(q) {
      // `suggest` returns partial matches when not every word matches, as the docs advise for search boxes.
      const results = index.search(q, { limit: 10, merge: true, suggest: true });
      return results.slice(0, 10).map((r: any) => paths.get(r.id) ?? '');
    },
    async close() {},
  };
}

/** lunr with lunr-languages: Arabic and English stemming and stop words in one pipeline. */
export function lunrMulti(): Engine {
  const lunr = require('lunr');
  require('lunr-languages/lunr.stemmer.support')(lunr);
  require('lunr-languages/lunr.ar')(lunr);
  require('lunr-languages/lunr.multi')(lunr);
  let index: any;
  const paths = new Map<string, string>();
  return {
    name: 'lunr (ar+en)',
    async build(articles) {
      index = lunr(function (this: any) {
        this.use(lunr.multiLanguage('en', 'ar'));
        this.ref('id');
        this.field('title', { boost: 3 });
        this.field('summary', { boost: 2 });
        this.field('body');
        this.field('meta');
        for (const a of articles) {
          const d = fieldsOf(a);
          paths.set(d.id, d.path);
          this.add(d);
        }
      });
    },
    async query(q) {
      // lunr's query syntax treats : ^ ~ * + - as operators and throws on some strings; a reader's
      // query is passed as plain words, as a search box built on lunr would.
      const words = q.replace(/[:^~*+\-"()]/g, ' ').trim();
      if (!words) return [];
      try {
        return index.search(words).slice(0, 10).map((r: any) => paths.get(r.ref) ?? '');
      } catch {
        return [];
      }
    },
    async close() {},
  };
}

/** An FTS5 index shaped like Mizan's (stems per field, the same bm25 weights), filled by `analyzer`. */
export function ftsWith(name: string, analyzer: BenchAnalyzer): Engine {
  const db = new Database(':memory:');
  const tok = (text: string, lang?: string) =>
    analyzer(text, lang)
      .map((t) => t.term.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase())
      .filter(Boolean);
  return {
    name,
    async build(articles) {
      db.exec(`create virtual table f using fts5(path unindexed, title, summary, body, meta, tokenize = 'unicode61 remove_diacritics 0')`);
      const ins = db.prepare('insert into f (path, title, summary, body, meta) values (?, ?, ?, ?, ?)');
      db.transaction(() => {
        for (const a of articles) {
          const f = fieldsOf(a);
          ins.run(f.path, tok(f.title, f.lang).join(' '), tok(f.summary, f.lang).join(' '), tok(f.body, f.lang).join(' '), tok(f.meta, f.lang).join(' '));
        }
      })();
    },
    async query(q) {
      const terms = [...new Set(tok(q))];
      if (!terms.length) return [];
      const run = (op: string) =>
        db
          .prepare(`select path from f where f match ? order by bm25(f, 0, 1.0, 0.5, 0.15, 0.08) limit 10`)
          .all(terms.map((t) => `"${t}"`).join(op)) as { path: string }[];
      let rows = run(' AND ');
      if (!rows.length) rows = run(' OR ');
      return rows.map((r) => r.path);
    },
    async close() {
      db.close();
    },
  };
}
