/**
 * @module Known-item quality: queries typed the way readers type Arabic (no hamza, ه for ة, with or
 * without ال and و, plural or pronoun forms, English beside Arabic), each naming the one article it is
 * after among the demo content and the seed. A hit counts when it is that article or its translation.
 * Reports MRR (over the top 10) and recall@3 for every system.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPage } from '../../src/ingest/index.ts';
import type { Article } from '../../src/model/index.ts';
import type { Engine } from './engines.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = join(ROOT, '../shared/seeds/000_5cd05298e511e9f1.txt');

/** [query, target]: the target is a demo file's slug (Arabic or English) or 'seed'. */
export const KNOWN_ITEMS: [string, string][] = [
  // the seed
  ['العلاقات الجزائريه الروسيه', 'seed'],
  ['علاقات الجزائر مع روسيا بعد غزو اوكرانيا', 'seed'],
  ['غزو اوكرانيا', 'seed'],
  ['اتصال هاتفي تبون بوتين', 'seed'],
  ['هينبرج', 'seed'],
  ['اريك يافورسكي', 'seed'],
  ['الاسلحه الروسيه للجزائر', 'seed'],
  // Algeria and Russia, arms
  ['شراكه تسليح', 'aljzayr-wrwsya-shrakt-tslyh-tht-aldght'],
  ['زياره تبون الى موسكو', 'aljzayr-wrwsya-shrakt-tslyh-tht-aldght'],
  ['شراكة استراتيجية معمقة', 'aljzayr-wrwsya-shrakt-tslyh-tht-aldght'],
  ['Algeria Russia arms partnership', 'algeria-and-russia-arms-partnership-under-strain'],
  // Morocco and Algeria
  ['قطع العلاقات الدبلوماسيه مع المغرب', 'almghrb-waljzayr-tnafs-ytslwh-mn-jdyd'],
  ['لعمامره', 'almghrb-waljzayr-tnafs-ytslwh-mn-jdyd'],
  ['انبوب الغاز المغرب العربي اوروبا', 'almghrb-waljzayr-tnafs-ytslwh-mn-jdyd'],
  ['Morocco Algeria rivalry', 'morocco-and-algeria-rivalry-rearmed'],
  // the Sahel
  ['انقلابات الساحل', 'alsahl-bd-alanqlabat-almjals-alskryt-wfaghnr-walqtyt-m-aykwas'],
  ['المجلس العسكري في النيجر', 'alsahl-bd-alanqlabat-almjals-alskryt-wfaghnr-walqtyt-m-aykwas'],
  ['ايكواس', 'alsahl-bd-alanqlabat-almjals-alskryt-wfaghnr-walqtyt-m-aykwas'],
  ['juntas ECOWAS', 'sahel-after-coups-juntas-wagner-and-break-ecowas'],
  // Libya
  ['فيضان درنه', 'lybya-bd-drnt-alfydanat-walhkm-almnqsm-wmwty-qdm-rwsya'],
  ['العاصفه دانيال', 'lybya-bd-drnt-alfydanat-walhkm-almnqsm-wmwty-qdm-rwsya'],
  ['حكومه الوحده الوطنيه', 'lybya-bd-drnt-alfydanat-walhkm-almnqsm-wmwty-qdm-rwsya'],
  ['Derna flood', 'libya-after-derna-floods-divided-rule-and-russias-foothold'],
  // Washington's tools
  ['ادوات واشنطن', 'mnafst-rwsya-fy-shmal-afryqya-adwat-washntn'],
  ['ثلاثه ارباع واردات الجزائر من السلاح', 'mnafst-rwsya-fy-shmal-afryqya-adwat-washntn'],
  ['معهد ستوكهولم', 'mnafst-rwsya-fy-shmal-afryqya-adwat-washntn'],
  ['tools for Washington', 'competing-russia-north-africa-tools-washington'],
  // Gulf capital
  ['راس الحكمه', 'ras-almal-alkhlyjy-wkhyarat-shmal-afryqya-aljdydt'],
  ['صندوق ابوظبي السيادي', 'ras-almal-alkhlyjy-wkhyarat-shmal-afryqya-aljdydt'],
  ['استثمارات خليجية', 'ras-almal-alkhlyjy-wkhyarat-shmal-afryqya-aljdydt'],
  ['Gulf capital', 'gulf-capital-and-north-africas-new-options'],
  // Tunisia
  ['تونس صندوق النقد', 'twns-wsfqt-sndwq-alnqd-almlwqt-thmn-alantzar'],
  ['قيس سعيد', 'twns-wsfqt-sndwq-alnqd-almlwqt-thmn-alantzar'],
  ['الاملاءات الخارجيه', 'twns-wsfqt-sndwq-alnqd-almlwqt-thmn-alantzar'],
  ['Tunisia IMF loan', 'tunisias-stalled-imf-deal-and-price-waiting'],
  // A hamza typed as its seat's letter (ي for ئ, و for ؤ), as readers often type it: the attack run's
  // الجزايري and المسوولين found nothing while the index folded every seat to ء.
  ['العلاقات الجزايرية الروسية', 'seed'],
  ['المسوولين الجزايريين', 'seed'],
  ['موطي قدم روسيا', 'lybya-bd-drnt-alfydanat-walhkm-almnqsm-wmwty-qdm-rwsya'],
  ['اللاجيين', 'alsahl-bd-alanqlabat-almjals-alskryt-wfaghnr-walqtyt-m-aykwas'],
  ['الطايرات المقاتلة', 'aljzayr-wrwsya-shrakt-tslyh-tht-aldght'],
  ['المواني والودايع', 'ras-almal-alkhlyjy-wkhyarat-shmal-afryqya-aljdydt'],
];

/** The demo articles and (when present) the seed. */
export function qualityCorpus(): Article[] {
  const out: Article[] = [];
  for (const lang of ['ar', 'en']) {
    const dir = join(ROOT, 'demo', lang);
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.md')) continue;
      const file = join(dir, name);
      out.push(...readPage({ file, bytes: readFileSync(file), format: 'md' }).articles);
    }
  }
  if (existsSync(SEED)) out.push(...readPage({ file: SEED, bytes: readFileSync(SEED) }).articles);
  return out;
}

export interface Quality {
  mrr: number;
  recall3: number;
  /** Queries whose target was not first, with the place it had. */
  misses: string[];
}

/** Scores `engine` (already built over `corpus`) on the known-item set. */
export async function scoreQuality(engine: Engine, corpus: Article[]): Promise<Quality> {
  const seed = corpus.find((a) => a.origin.file?.endsWith('.txt'));
  const bySlug = new Map(corpus.map((a) => [a.path.split('/').pop()!, a]));
  let rr = 0;
  let top3 = 0;
  const misses: string[] = [];
  const items = KNOWN_ITEMS.filter(([, t]) => t !== 'seed' || seed);
  for (const [q, target] of items) {
    const article = target === 'seed' ? seed! : bySlug.get(target);
    if (!article) throw new Error(`known-item target ${target} is not in the corpus`);
    const ok = new Set([article.path, ...article.translations.map((t) => t.path)]);
    const paths = [...new Set(await engine.query(q))].slice(0, 10);
    // A group's members count as one place: an article and its translation are one result.
    const places: string[][] = [];
    for (const p of paths) {
      const sibling = places.find((pl) => pl.some((x) => corpus.find((a) => a.path === x)?.translations.some((t) => t.path === p)));
      if (sibling) sibling.push(p);
      else places.push([p]);
    }
    const rank = places.findIndex((pl) => pl.some((p) => ok.has(p)));
    if (rank >= 0) rr += 1 / (rank + 1);
    if (rank >= 0 && rank < 3) top3++;
    if (rank !== 0) misses.push(`${q} (${rank < 0 ? 'not found' : `#${rank + 1}`})`);
  }
  return { mrr: rr / items.length, recall3: top3 / items.length, misses };
}
