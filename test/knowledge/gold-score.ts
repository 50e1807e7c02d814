/**
 * @module Scoring Mizan's knowledge extraction against the hand-labelled gold set in `gold/`: precision and
 * recall of entity mentions (same entity, overlapping span) and of events (same block, same date and precision).
 * Shared by the gold test and `bench/knowledge/run.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readPage } from '../../src/ingest/index.ts';
import type { Article } from '../../src/model/index.ts';
import { tagArticle, type ArticleTags } from '../../src/knowledge/index.ts';

export interface GoldMention { block: number; start: number; end: number; text: string; kind: string; id: string }
export interface GoldEvent { block: number; date: string; precision: string }
export interface GoldFile { file: string; lang: string; published: string; heldOut?: boolean; entities: GoldMention[]; events: GoldEvent[] }

export const GOLD_DIR = fileURLToPath(new URL('./gold/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function readGold(): { name: string; gold: GoldFile; article: Article }[] {
  return readdirSync(GOLD_DIR)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((name) => {
      const gold = JSON.parse(readFileSync(GOLD_DIR + name, 'utf8')) as GoldFile;
      const article = readPage({ file: gold.file, bytes: readFileSync(ROOT + gold.file) }).articles[0];
      return { name, gold, article };
    });
}

export interface Counts { tp: number; predicted: number; gold: number; misses: string[]; extras: string[] }

export const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function scoreEntities(gold: GoldFile, tags: ArticleTags): Counts {
  const predicted = tags.mentions.filter((m) => m.block >= 0);
  const used = new Set<number>();
  let tp = 0;
  const misses: string[] = [];
  for (const g of gold.entities) {
    const k = predicted.findIndex((m, i) => !used.has(i) && m.block === g.block && m.kind === g.kind && m.id === g.id && m.start < g.end && m.end > g.start);
    if (k >= 0) {
      used.add(k);
      tp++;
    } else misses.push(`${g.block}:${g.text}→${g.id}`);
  }
  const extras = predicted.filter((_, i) => !used.has(i)).map((m) => `${m.block}:${m.text}→${m.id}`);
  return { tp, predicted: predicted.length, gold: gold.entities.length, misses, extras };
}

export function scoreEvents(gold: GoldFile, tags: ArticleTags): Counts {
  const used = new Set<number>();
  let tp = 0;
  const misses: string[] = [];
  for (const g of gold.events) {
    const k = tags.events.findIndex((e, i) => !used.has(i) && e.block === g.block && e.date === g.date && e.precision === g.precision);
    if (k >= 0) {
      used.add(k);
      tp++;
    } else misses.push(`${g.block}:${g.date}`);
  }
  const extras = tags.events.filter((_, i) => !used.has(i)).map((e) => `${e.block}:${e.date}`);
  return { tp, predicted: tags.events.length, gold: gold.events.length, misses, extras };
}

export function add(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, predicted: a.predicted + b.predicted, gold: a.gold + b.gold, misses: [...a.misses, ...b.misses], extras: [...a.extras, ...b.extras] };
}

export const empty = (): Counts => ({ tp: 0, predicted: 0, gold: 0, misses: [], extras: [] });

type Totals = { entities: Counts; events: Counts };

/**
 * Scores every gold file; totals for the demo content (written while the gazetteer was built, so optimistic)
 * and for the held-out texts (written and labelled before the system ever read them).
 */
export function scoreAll(): { files: { name: string; heldOut: boolean; entities: Counts; events: Counts }[]; demo: Totals; heldOut: Totals; total: Totals } {
  const files = readGold().map(({ name, gold, article }) => {
    const tags = tagArticle(article);
    return { name, heldOut: !!gold.heldOut, entities: scoreEntities(gold, tags), events: scoreEvents(gold, tags) };
  });
  const sum = (fs: typeof files): Totals => ({ entities: fs.reduce((s, f) => add(s, f.entities), empty()), events: fs.reduce((s, f) => add(s, f.events), empty()) });
  return { files, demo: sum(files.filter((f) => !f.heldOut)), heldOut: sum(files.filter((f) => f.heldOut)), total: sum(files) };
}
