/**
 * @module `node --import tsx bench/text/run.ts [--groups N] [--mb N] [--gold | --cross]`: (a) stemmer conflation on gold
 * inflection groups from aspell-ar-large, Mizan against a Lucene-style stemmer, light10, Snowball Arabic
 * and no stemming, on one sample; (b) Arabic analysis throughput on one core, Mizan against
 * snowball-stemmers and lunr + lunr-languages. The corpus for (b) is the seed page read from
 * ../shared/seeds, repeated (never copied into the repo). (c) Mizan's own evaluation sets
 * (bench/text/gold: broken plurals, inflection groups, distinct pairs), Mizan against Snowball Arabic and
 * ISRI, with words per second. (d) Search across languages on translation pairs held out of the learning
 * (cross-language.ts; `--cross` prints only it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stem, normalize, stemArabic, joinedPlurals } from '../../src/text/index.ts';
import { goldGroups } from './aspell-groups.ts';
import { conflation } from './conflation.ts';
import { luceneStem, light10Stem, snowballStem, noStem } from './peer-stemmers.ts';
import { contenders, throughput } from './throughput.ts';
import { goldScores, type Contender as GoldContender } from './gold-scores.ts';
import { isriStem } from './isri.ts';
import { crossLanguageTable } from './cross-language.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const pct = (x: number) => (100 * x).toFixed(2).padStart(6) + '%';

function stemmerTable(): void {
  const size = arg('groups', 3000);
  let gold;
  try {
    gold = goldGroups(size);
  } catch (e) {
    console.log(`(a) skipped: ${(e as Error).message}`);
    return;
  }
  const forms = gold.groups.reduce((n, g) => n + g.length, 0);
  console.log(`(a) stemmer conflation on ${gold.groups.length} aspell-ar-large inflection groups (seed ${gold.seed}), ${forms} forms`);
  const stemmers: [string, (w: string) => string][] = [
    ['Mizan', (w) => stem(normalize(w), 'ar')],
    ['Lucene-style', luceneStem],
    ['light10', light10Stem],
    ['Snowball Arabic', snowballStem],
    ['no stemming', noStem],
  ];
  const rows = stemmers.map(([name, fn]) => ({ name, ...conflation(gold.groups, fn) }));
  const snow = rows.find((r) => r.name === 'Snowball Arabic')!;
  console.log('stemmer          recall  precision      F1   conflated pairs  و/ف+ال conflated   recall vs Snowball');
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(15)} ${pct(r.recall)}  ${pct(r.precision)}  ${pct(r.f1)}  ${String(r.conflated).padStart(15)}  ${pct(r.conjunctionArticle).padStart(17)}   ${(r.recall / snow.recall).toFixed(2)}×`,
    );
  }
}

function speedTable(): void {
  const seedFile = fileURLToPath(new URL('../../../shared/seeds/000_5cd05298e511e9f1.txt', import.meta.url));
  if (!existsSync(seedFile)) {
    console.log('(b) skipped: the seed page (../shared/seeds) is absent');
    return;
  }
  const seed = readFileSync(seedFile, 'utf8');
  const mb = arg('mb', 4);
  const text = seed.repeat(Math.ceil((mb * 1e6) / Buffer.byteLength(seed)));
  console.log(`\n(b) Arabic analysis throughput, one core, ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB (the seed page repeated), best of 5`);
  const rows = contenders().map((c) => ({ name: c.name, mbs: throughput(c, text) }));
  const mizan = rows[0].mbs;
  console.log('analyzer                      MB/s   Mizan is');
  for (const r of rows) console.log(`${r.name.padEnd(26)} ${r.mbs.toFixed(2).padStart(7)}   ${r === rows[0] ? '' : (mizan / r.mbs).toFixed(2) + '× as fast'}`);
}

function goldTable(): void {
  const contenders: GoldContender[] = [
    { name: 'Mizan', stem: (w) => stemArabic(normalize(w)), joins: (s, vocab) => joinedPlurals(s, (x) => vocab.has(x)) },
    { name: 'Mizan, stems only', stem: (w) => stemArabic(normalize(w)) },
    { name: 'Snowball Arabic', stem: snowballStem },
    { name: 'ISRI (root)', stem: isriStem },
    { name: 'light10', stem: light10Stem },
  ];
  const { sizes, rows } = goldScores(contenders);
  console.log(`\n(c) Mizan's evaluation sets (bench/text/gold): ${sizes}`);
  const mizan = rows[0];
  console.log('stemmer          broken plurals  inflection recall  precision  distinct apart   words/s    Mizan: BP  infl.  apart  speed');
  for (const r of rows) {
    const ratio = (a: number, b: number) => (b ? (a / b).toFixed(2) + '×' : '∞').padStart(6);
    console.log(
      `${r.name.padEnd(15)} ${pct(r.brokenPlural).padStart(14)}  ${pct(r.inflectionRecall).padStart(17)}  ${pct(r.inflectionPrecision).padStart(9)}  ${pct(r.distinctApart).padStart(14)}  ${Math.round(r.wordsPerSecond).toString().padStart(8)}   ` +
        (r === mizan ? '' : `${ratio(mizan.brokenPlural, r.brokenPlural)} ${ratio(mizan.inflectionRecall, r.inflectionRecall)} ${ratio(mizan.distinctApart, r.distinctApart)} ${ratio(mizan.wordsPerSecond, r.wordsPerSecond)}`),
    );
  }
}

const only = process.argv.includes('--gold') || process.argv.includes('--cross');
if (!only) stemmerTable();
if (!process.argv.includes('--cross')) goldTable();
if (!only) speedTable();
if (!process.argv.includes('--gold')) crossLanguageTable();
