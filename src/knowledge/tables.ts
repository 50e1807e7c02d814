/**
 * @module The knowledge tables as Kysely sees them (created by store migration `006-knowledge`), and the
 * typed view of a store's Kysely instance over them and the articles they point at.
 */
import type { Kysely } from 'kysely';
import type { Database, Store } from '../store/index.ts';

export type KnowledgeTables = {
  knowledge_entity: { article_id: string; kind: string; entity_id: string; salience: number };
  knowledge_decision: { article_id: string; kind: string; entity_id: string; status: string; decided_by: string | null; decided_at: string };
  knowledge_event: {
    article_id: string;
    seq: number;
    date: string;
    precision: string;
    actors: string;
    entities: string;
    label: string;
    block: number;
    start_offset: number;
    end_offset: number;
    sources: string;
    /** Migration 061: where the event took place (a country code), or null. */
    place: string | null;
  };
  knowledge_figure: {
    article_id: string;
    seq: number;
    value: number;
    unit: string;
    measure: string;
    period: string | null;
    actors: string;
    block: number;
    start_offset: number;
    end_offset: number;
    source: string | null;
    text: string;
    approximate: number;
  };
};

export type KnowledgeDb = Kysely<KnowledgeTables & Pick<Database, 'articles'>>;

/** The store's Kysely instance over the knowledge tables (inside a transaction when `store` is one). */
export function knowledgeDb(store: Store): KnowledgeDb {
  return store.db.withTables<KnowledgeTables>() as unknown as KnowledgeDb;
}

/** `['DZ', 'RU']` → `',DZ,RU,'`: one LIKE finds every row involving a state. */
export function packActors(actors: string[]): string {
  return actors.length ? `,${actors.join(',')},` : '';
}

export function unpackActors(packed: string): string[] {
  return packed.split(',').filter(Boolean);
}
