/**
 * @module `tagArticle`: what an article speaks of — its countries, people, organizations and regions with
 * a salience score, its dated events and its figures. Pure: the store keeps the result, editors accept or
 * reject the suggestions, and nothing here touches either.
 */
import { normalize } from '../text/index.ts';
import type { Article } from '../model/index.ts';
import { articleBlocks } from './article-text.ts';
import type { Event, Figure, Mention, TaggedEntity } from './entity.ts';
import { blockDates, extractEvents, type ReadBlock } from './events.ts';
import { extractFigures } from './figures.ts';
import { defaultGazetteer, entityKey, type Gazetteer } from './gazetteer.ts';
import { recognize } from './recognize.ts';

export type TaggableArticle = Pick<Article, 'id' | 'lang' | 'title' | 'summary' | 'published' | 'body'> & Partial<Pick<Article, 'authors'>>;

export interface ArticleTags {
  entities: TaggedEntity[];
  events: Event[];
  figures: Figure[];
  /** Every mention, with the block it sits in (-1: the title, -2: the summary). */
  mentions: (Mention & { block: number })[];
}

/** Where a mention sits weighs on salience: the title most, then the summary, headings and the opening paragraph. */
const WEIGHT = { title: 3, summary: 2, heading: 1.5, lead: 1.5, body: 1 };
/** How a mention names its entity: a nationality adjective says less about the state than its name does. */
const VIA_WEIGHT = { name: 1, short: 1, capital: 0.9, seat: 0.9, adjective: 0.6 };

/**
 * Tags one article.
 * @example tagArticle(article).entities[0] // → { kind: 'country', id: 'DZ', name: 'الجزائر', salience: 1 }
 */
export function tagArticle(article: TaggableArticle, g: Gazetteer = defaultGazetteer()): ArticleTags {
  const lang = article.lang;
  const authors = new Set((article.authors ?? []).map((a) => normalize(a.name)));
  const isAuthor = (m: Mention) => {
    if (m.kind !== 'person') return false;
    const e = g.entities.get(entityKey(m.kind, m.id));
    return !!e && Object.values(e.names).some((ns) => ns.some((n) => authors.has(normalize(n))));
  };

  const blocks: ReadBlock[] = articleBlocks(article).map((b) => ({ ...b, mentions: recognize(b.text, lang, g).filter((m) => !isAuthor(m)) }));
  const mentions: ArticleTags['mentions'] = [
    ...recognize(article.title, lang, g).filter((m) => !isAuthor(m)).map((m) => ({ ...m, block: -1 })),
    ...recognize(article.summary ?? '', lang, g).filter((m) => !isAuthor(m)).map((m) => ({ ...m, block: -2 })),
    ...blocks.flatMap((b) => b.mentions.map((m) => ({ ...m, block: b.block }))),
  ];

  const firstParagraph = blocks.find((b) => b.kind === 'paragraph')?.block;
  const kindOfBlock = new Map(blocks.map((b) => [b.block, b.kind]));
  const score = new Map<string, number>();
  for (const m of mentions) {
    const where = m.block === -1 ? WEIGHT.title : m.block === -2 ? WEIGHT.summary : kindOfBlock.get(m.block) === 'heading' ? WEIGHT.heading : m.block === firstParagraph ? WEIGHT.lead : WEIGHT.body;
    const key = entityKey(m.kind, m.id);
    score.set(key, (score.get(key) ?? 0) + where * VIA_WEIGHT[m.via]);
  }
  // The site files analysis under regions: a region with a site term inherits the weight of its member states.
  for (const e of g.entities.values()) {
    if (e.kind !== 'region' || !e.site || !e.members) continue;
    const fromMembers = Math.max(0, ...e.members.map((c) => score.get(entityKey('country', c)) ?? 0)) * 0.8;
    const key = entityKey('region', e.id);
    if (fromMembers > (score.get(key) ?? 0)) score.set(key, fromMembers);
  }
  const max = Math.max(0, ...score.values());
  const entities: TaggedEntity[] = [...score.entries()]
    .filter(([, s]) => s > 0)
    .map(([key, s]) => {
      const e = g.entities.get(key)!;
      return { kind: e.kind, id: e.id, name: e.label[lang] ?? e.label.en ?? e.id, salience: Math.max(0.01, Math.round((s / max) * 100) / 100) };
    })
    .sort((a, b) => b.salience - a.salience || a.id.localeCompare(b.id));

  const dates = blockDates(blocks, article.published);
  return {
    entities,
    events: extractEvents(g, article.id, article.published, blocks, dates),
    figures: extractFigures(g, article.id, article.published, blocks, dates),
    mentions,
  };
}
