import type { Kysely } from 'kysely';
import { idColumn } from '../src/platform/db/schema.ts';

// Frozen once merged: change the schema with a new migration.
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('indicator')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('code', 'varchar(120)', (c) => c.notNull().unique())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('unit', 'varchar(40)', (c) => c.notNull())
    .addColumn('source_name_en', 'text', (c) => c.notNull())
    .addColumn('source_name_zh', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text')
    .addColumn('origin', 'varchar(20)', (c) => c.notNull())
    .addColumn('headline_rank', 'integer')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('indicator_observation')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicator.id').onDelete('cascade'))
    .addColumn('geography', 'varchar(80)', (c) => c.notNull())
    .addColumn('period', 'varchar(40)', (c) => c.notNull())
    .addColumn('as_of', 'varchar(10)', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('qualifier', 'varchar(20)')
    .addColumn('note_en', 'text')
    .addColumn('note_zh', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('indicator_observation_key', ['indicator_id', 'geography', 'as_of'])
    .execute();
};
