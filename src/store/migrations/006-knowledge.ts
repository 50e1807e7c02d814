/**
 * @module The knowledge layer's tables (owned by `src/knowledge`): the entities each article was tagged with
 * (`knowledge_entity`, rewritten on every save), the editors' decisions on them (`knowledge_decision`, kept
 * across re-tagging), and the dated events and figures read from each article. Actors are stored as
 * `,DZ,RU,` so that "events involving DZ" is one LIKE on either engine.
 */
import type { Kysely } from 'kysely';
import { engineOf } from '../dialects/index.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = engineOf(db) === 'postgres';
  const float = pg ? 'double precision' : 'real';
  await db.schema
    .createTable('knowledge_entity')
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('salience', float, (c) => c.notNull())
    .addPrimaryKeyConstraint('knowledge_entity_pk', ['article_id', 'kind', 'entity_id'])
    .execute();
  await db.schema.createIndex('knowledge_entity_by_entity').on('knowledge_entity').columns(['kind', 'entity_id']).execute();
  await db.schema
    .createTable('knowledge_decision')
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('knowledge_decision_pk', ['article_id', 'kind', 'entity_id'])
    .execute();
  await db.schema
    .createTable('knowledge_event')
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('precision', 'text', (c) => c.notNull())
    .addColumn('actors', 'text', (c) => c.notNull())
    .addColumn('entities', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('block', 'integer', (c) => c.notNull())
    .addColumn('start_offset', 'integer', (c) => c.notNull())
    .addColumn('end_offset', 'integer', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('knowledge_event_pk', ['article_id', 'seq'])
    .execute();
  await db.schema.createIndex('knowledge_event_date').on('knowledge_event').column('date').execute();
  await db.schema
    .createTable('knowledge_figure')
    .addColumn('article_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('value', float, (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('period', 'text')
    .addColumn('actors', 'text', (c) => c.notNull())
    .addColumn('block', 'integer', (c) => c.notNull())
    .addColumn('start_offset', 'integer', (c) => c.notNull())
    .addColumn('end_offset', 'integer', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('approximate', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('knowledge_figure_pk', ['article_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['knowledge_figure', 'knowledge_event', 'knowledge_decision', 'knowledge_entity']) await db.schema.dropTable(t).execute();
}
