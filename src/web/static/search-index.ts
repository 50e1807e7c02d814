/**
 * @module Search for a static copy with no Mizan server: an inverted index of the published articles'
 * stems, made by the same analyzer as the server's index (search-doc.ts), and the browser script that
 * reads it (client/search-client.ts, bundled here by esbuild with the analyzer). The copy's search pages
 * are the server's empty search page with that script added.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from '../../store/index.ts';
import { attachmentTexts } from '../../search/attachment-text.ts';
import { fieldTokens, searchDoc, FIELDS, type FieldName } from '../../search/search-doc.ts';

/**
 * What the browser loads: each document as [path, title, lang, published, summary, attachments], per
 * stem `[doc, weight, doc, weight, …]`, and in `attached`, per stem that a document holds only in an
 * attached PDF (not in its own text), `[doc, attachment, …]`: the attachment (an index into the
 * document's list) where it first occurs, so a hit found only there says so, as the server's does.
 */
export interface StaticIndex {
  docs: [path: string, title: string, lang: string, published: string | null, summary: string, attachments: [src: string, title: string][]][];
  terms: Record<string, number[]>;
  attached: Record<string, number[]>;
}

/** Articles indexed between two pauses for the event loop (about 5 ms). */
const YIELD_EVERY = 50;

/** A stem's weight in a document: the sum over the fields holding it (title counts most, as on the server). */
const WEIGHT: Record<FieldName, number> = { title: 8, summary: 4, headings: 2, body: 1, meta: 1 };

/**
 * The index of every published article, as JSON.
 *
 * @example JSON.parse(await staticSearchIndex(store)).terms['امن'] // → [0, 9, 4, 1] (doc 0: title and body; doc 4: body)
 */
export async function staticSearchIndex(store: Store): Promise<string> {
  const index: StaticIndex = { docs: [], terms: {}, attached: {} };
  const postings = new Map<string, number[]>();
  const attached = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, stem: string, doc: number, value: number) => {
    const list = map.get(stem);
    if (list) list.push(doc, value);
    else map.set(stem, [doc, value]);
  };
  let read = 0;
  for await (const article of store.allArticles({ status: 'published' })) {
    // The store's reads resolve at once on SQLite: without a pause the index is one unbroken second on
    // the build's own thread, while its render threads wait for the batches it hands out.
    if (++read % YIELD_EVERY === 0) await new Promise(setImmediate);
    if (article.type === 'page') continue;
    // The PDFs' words count as body text, as in the server's index (search-doc.ts).
    const files = article.attachments.length ? await attachmentTexts(store, article) : [];
    const doc = searchDoc(article, files);
    const n = index.docs.push([doc.path, doc.title, doc.lang, doc.published, article.summary ?? '', files.map((f) => [f.src, f.title])]) - 1;
    // Each stem's weight in order of first use; a stem counts once a field. The value packs the weight
    // with the last field that counted it (weight × 8 + field: FIELDS are five), so one map does both.
    const weights = new Map<string, number>();
    for (let f = 0; f < FIELDS.length; f++) {
      const stems = doc.fields[FIELDS[f]].stems;
      const w = WEIGHT[FIELDS[f]];
      for (let i = 0; i < stems.length; i++) {
        const before = weights.get(stems[i]);
        if (before === undefined) weights.set(stems[i], w * 8 + f);
        else if ((before & 7) !== f) weights.set(stems[i], ((before >> 3) + w) * 8 + f);
      }
    }
    for (const [s, packed] of weights) add(postings, s, n, packed >> 3);
    if (files.length) {
      const own = new Set(FIELDS.flatMap((f) => searchDoc(article).fields[f].stems));
      const seen = new Set<string>();
      files.forEach((file, k) => {
        for (const s of fieldTokens(`${file.title}\n${file.text}`, doc.lang).stems) {
          if (own.has(s) || seen.has(s)) continue;
          seen.add(s);
          add(attached, s, n, k);
        }
      });
    }
  }
  index.terms = Object.fromEntries(postings);
  index.attached = Object.fromEntries(attached);
  return JSON.stringify(index);
}

const require = createRequire(import.meta.url);
// Compiled (dist/), the client is there as JavaScript: the bundle is made from that.
const CLIENT = join(dirname(fileURLToPath(import.meta.url)), 'client', import.meta.url.endsWith('.js') ? 'search-client.js' : 'search-client.ts');

/**
 * The browser script, bundled with the analyzer. The analyzer loads its packages through `createRequire`
 * (Node's way); in the bundle that becomes a table of the same packages, imported. The country names
 * must be there: without them the stemmer knows no place, and الجزائرية stems to another key in the
 * browser (جزايري) than in the index it searches (جزاير, a place's nisba).
 */
export async function searchScript(): Promise<{ file: string; body: Uint8Array }> {
  const { build } = await import('esbuild');
  // The copy's languages only: esbuild then leaves the other 56 stop-word lists out.
  const shim = `import { ar, en } from ${JSON.stringify(require.resolve('stopwords-iso'))};
const stop = { ar, en };
import * as snowball from ${JSON.stringify(require.resolve('snowball-stemmers'))};
import countries from ${JSON.stringify(require.resolve('i18n-iso-countries/index.js'))};
import countryNamesAr from ${JSON.stringify(require.resolve('i18n-iso-countries/langs/ar.json'))};
const table = { 'stopwords-iso': stop, 'snowball-stemmers': snowball, 'i18n-iso-countries/index.js': countries, 'i18n-iso-countries/langs/ar.json': countryNamesAr };
export function createRequire() { return (id) => { if (!(id in table)) throw new Error('not bundled: ' + id); return table[id]; }; }`;
  const out = await build({
    entryPoints: [CLIENT],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['chrome109', 'firefox115', 'safari16'],
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [
      {
        name: 'node-module-shim',
        setup(b) {
          b.onResolve({ filter: /^node:module$/ }, () => ({ path: 'node-module-shim', namespace: 'shim' }));
          b.onLoad({ filter: /.*/, namespace: 'shim' }, () => ({ contents: shim, loader: 'js', resolveDir: process.cwd() }));
        },
      },
    ],
  });
  const body = out.outputFiles[0].contents;
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 12);
  return { file: `assets/search.${hash}.js`, body };
}
