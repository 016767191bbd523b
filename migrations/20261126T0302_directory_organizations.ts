import type { Kysely } from 'kysely';
import { idColumn } from '../src/platform/db/schema.ts';

// Frozen once merged: change the schema with a new migration.
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('directory_organization')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('slug', 'varchar(160)', (c) => c.notNull().unique())
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('summary_en', 'text')
    .addColumn('summary_zh', 'text')
    .addColumn('website', 'text')
    .addColumn('city_en', 'varchar(80)')
    .addColumn('city_zh', 'varchar(80)')
    .addColumn('source_name_en', 'text', (c) => c.notNull())
    .addColumn('source_name_zh', 'text', (c) => c.notNull())
    .addColumn('is_generated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directory_organization_kind_idx')
    .on('directory_organization')
    .columns(['kind'])
    .execute();
};
