import type { Kysely } from 'kysely';
import { idColumn } from '../src/platform/db/schema.ts';

// Frozen once merged: change the schema with a new migration.
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('cms_news_article')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('slug', 'varchar(160)', (c) => c.notNull().unique())
    .addColumn('category', 'varchar(40)', (c) => c.notNull())
    .addColumn('title_en', 'text')
    .addColumn('title_zh', 'text')
    .addColumn('summary_en', 'text')
    .addColumn('summary_zh', 'text')
    .addColumn('body_en', 'text')
    .addColumn('body_zh', 'text')
    .addColumn('source_name_en', 'text', (c) => c.notNull())
    .addColumn('source_name_zh', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text')
    .addColumn('published_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cms_news_article_published_idx')
    .on('cms_news_article')
    .columns(['published_at'])
    .execute();
};
