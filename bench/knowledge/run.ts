/**
 * Knowledge extraction, measured: precision and recall against the hand-labelled gold set
 * (test/knowledge/gold), and the time to recognize entities in a 2,000-word article in each language.
 * Run: node --import tsx bench/knowledge/run.ts [--verbose]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readPage } from '../../src/ingest/index.ts';
import { blockText } from '../../src/model/index.ts';
import { createGazetteer, recognize, tagArticle } from '../../src/knowledge/index.ts';
import { ratio, scoreAll, type Counts } from '../../test/knowledge/gold-score.ts';

const verbose = process.argv.includes('--verbose');
const pct = (x: number) => (100 * x).toFixed(1).padStart(5) + '%';
const line = (name: string, c: Counts) =>
  `${name.padEnd(72)} P ${pct(ratio(c.tp, c.predicted))}  R ${pct(ratio(c.tp, c.gold))}  (${c.tp}/${c.predicted} predicted, ${c.gold} gold)`;

const { files, demo, heldOut, total } = scoreAll();
console.log('Entities (mentions: same entity, overlapping span)');
for (const f of files) {
  console.log('  ' + line(f.name, f.entities));
  if (verbose) console.log('     missed: ' + f.entities.misses.join(', ') + '\n     extra:  ' + f.entities.extras.join(', '));
}
console.log('  ' + line('demo content (seen while building)', demo.entities));
console.log('  ' + line('held-out texts (labelled before the first run)', heldOut.entities));
console.log('  ' + line('ALL', total.entities));
console.log('Events (same block, same date and precision)');
for (const f of files) {
  console.log('  ' + line(f.name, f.events));
  if (verbose) console.log('     missed: ' + f.events.misses.join(', ') + '\n     extra:  ' + f.events.extras.join(', '));
}
console.log('  ' + line('demo content (seen while building)', demo.events));
console.log('  ' + line('held-out texts (labelled before the first run)', heldOut.events));
console.log('  ' + line('ALL', total.events));

// Speed: a 2,000-word article per language, built from the demo content's bodies.
const root = fileURLToPath(new URL('../../', import.meta.url));
function corpus(lang: string): string {
  const dir = `${root}demo/${lang}/`;
  const texts = readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .map((n) => readPage({ file: dir + n, bytes: readFileSync(dir + n) }).articles[0].body.map(blockText).join('\n\n'));
  let out = '';
  while (out.split(/\s+/).length < 2000) out += texts.join('\n\n') + '\n\n';
  return out.split(/(\s+)/).slice(0, 4000).join('');
}
let t = performance.now();
const built = createGazetteer();
console.log(`\nGazetteer built in ${(performance.now() - t).toFixed(0)} ms (${built.entities.size} entities, ${built.byName.size} names)`);
for (const lang of ['ar', 'en']) {
  const text = corpus(lang);
  for (let i = 0; i < 20; i++) recognize(text, lang);
  const runs: number[] = [];
  let found = 0;
  for (let i = 0; i < 50; i++) {
    t = performance.now();
    found = recognize(text, lang).length;
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  console.log(`recognize, ${lang}, ${text.split(/\s+/).filter(Boolean).length} words: median ${runs[25].toFixed(2)} ms, p90 ${runs[45].toFixed(2)} ms, ${found} mentions (goal: under 10 ms)`);
}
const seedFile = `${root}../shared/seeds/000_5cd05298e511e9f1.txt`;
try {
  const seed = readPage({ file: seedFile, bytes: readFileSync(seedFile) }).articles[0];
  for (let i = 0; i < 10; i++) tagArticle(seed);
  t = performance.now();
  for (let i = 0; i < 20; i++) tagArticle(seed);
  console.log(`tagArticle (seed page: entities, events, figures): ${((performance.now() - t) / 20).toFixed(2)} ms`);
} catch {
  console.log('seed page not found beside the repo: tagArticle timing skipped');
}
