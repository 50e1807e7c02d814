/**
 * Import benchmark: pages per second for the scraped-text importer and the HTML importer, with
 * Mozilla's Readability (over linkedom) extracting the same HTML pages in the same run, and the
 * extraction quality of both against each page's known body (word precision, recall, F1).
 *
 *   node --import tsx bench/import/run.ts [--pages N]
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { readPage } from '../../src/ingest/index.ts';
import { blockText } from '../../src/model/index.ts';
import { htmlPage, textPage, wordsOf, type HtmlPage } from './pages.ts';
import { existsSync, readFileSync } from 'node:fs';

const arg = process.argv.indexOf('--pages');
const N = arg > 0 ? Number(process.argv[arg + 1]) : 300;
const enc = new TextEncoder();

function score(extracted: string[], truth: string[]): { precision: number; recall: number } {
  const want = new Map<string, number>();
  for (const w of truth) want.set(w, (want.get(w) ?? 0) + 1);
  let hit = 0;
  for (const w of extracted) {
    const n = want.get(w) ?? 0;
    if (n > 0) {
      hit++;
      want.set(w, n - 1);
    }
  }
  return { precision: extracted.length ? hit / extracted.length : 0, recall: truth.length ? hit / truth.length : 0 };
}

type Extract = (html: string) => string;
interface Result { name: string; perSec: number; precision: number; recall: number; f1: number }

/** Runs the extractors page by page, interleaved, so a busy machine slows both alike. */
function measure(pages: HtmlPage[], extractors: [string, Extract][]): Result[] {
  for (const p of pages.slice(0, 20)) for (const [, extract] of extractors) extract(p.html); // warm up
  const time = extractors.map(() => 0);
  const texts: string[][] = extractors.map(() => []);
  for (const p of pages) {
    extractors.forEach(([, extract], i) => {
      const t = performance.now();
      texts[i].push(extract(p.html));
      time[i] += performance.now() - t;
    });
  }
  return extractors.map(([name], i) => {
    let precision = 0;
    let recall = 0;
    pages.forEach((p, k) => {
      const s = score(wordsOf(texts[i][k]), p.truth);
      precision += s.precision;
      recall += s.recall;
    });
    precision /= pages.length;
    recall /= pages.length;
    return { name, perSec: (pages.length / time[i]) * 1000, precision, recall, f1: (2 * precision * recall) / (precision + recall) };
  });
}

const htmlPages = Array.from({ length: N }, (_, i) => htmlPage(i + 1));
const [mizan, readability] = measure(htmlPages, [
  ['mizan readPage (html)', (html) => readPage({ file: 'p.html', bytes: enc.encode(html), format: 'html' }).articles[0].body.map(blockText).join('\n')],
  [
    '@mozilla/readability over linkedom',
    (html) => {
      const { document } = parseHTML(html);
      return new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse()?.textContent ?? '';
    },
  ],
]);

const textPages = Array.from({ length: N }, (_, i) => textPage(i + 1));
for (const p of textPages.slice(0, 20)) readPage({ file: 'p.txt', bytes: enc.encode(p), format: 'text' });
let start = performance.now();
for (const p of textPages) readPage({ file: 'p.txt', bytes: enc.encode(p), format: 'text' });
const textPerSec = (N / (performance.now() - start)) * 1000;

const seedFile = new URL('../../../shared/seeds/000_5cd05298e511e9f1.txt', import.meta.url);
let seedPerSec: number | null = null;
if (existsSync(seedFile)) {
  const seed = readFileSync(seedFile);
  for (let i = 0; i < 20; i++) readPage({ file: 'seed.txt', bytes: seed });
  start = performance.now();
  for (let i = 0; i < N; i++) readPage({ file: 'seed.txt', bytes: seed });
  seedPerSec = (N / (performance.now() - start)) * 1000;
}

const pct = (x: number) => (x * 100).toFixed(1) + '%';
console.log(`import benchmark, ${N} pages each (Node ${process.version})`);
console.log(`  scraped text (generated, English family): ${textPerSec.toFixed(0)} pages/s`);
if (seedPerSec !== null) console.log(`  scraped text (the seed page, repeated):    ${seedPerSec.toFixed(0)} pages/s`);
console.log('  HTML extraction, same pages:                 pages/s   precision  recall   F1');
for (const r of [mizan, readability]) {
  console.log(`    ${r.name.padEnd(40)} ${r.perSec.toFixed(0).padStart(7)}   ${pct(r.precision).padStart(8)}  ${pct(r.recall).padStart(7)}  ${pct(r.f1).padStart(6)}`);
}
console.log(`  mizan is ${(mizan.perSec / readability.perSec).toFixed(2)}× Readability's speed (mizan also reads metadata, canonicalizes sources and builds validated blocks with links)`);
