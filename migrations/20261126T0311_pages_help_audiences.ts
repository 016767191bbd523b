import type { Kysely } from 'kysely';
import { idColumn } from '../src/platform/db/schema.ts';

// Frozen once merged: change the schema with a new migration.
export const up = async (db: Kysely<any>): Promise<void> => {
  // Help Center: questions and Markdown answers by topic, in English and Chinese (either may be missing).
  await db.schema
    .createTable('pages_help_entry')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('slug', 'varchar(160)', (c) => c.notNull().unique())
    .addColumn('topic', 'varchar(40)', (c) => c.notNull())
    .addColumn('question_en', 'text')
    .addColumn('question_zh', 'text')
    .addColumn('answer_en', 'text')
    .addColumn('answer_zh', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_published', 'integer', (c) => c.notNull().defaultTo(0))
    // Questions and answers as plain text in both languages, for "contains" search.
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pages_help_entry_topic_idx')
    .on('pages_help_entry')
    .columns(['is_published', 'topic', 'position'])
    .execute();

  // Audience landing pages: an editor's intro per audience, and an ordered list of links.
  await db.schema
    .createTable('pages_audience')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('audience', 'varchar(20)', (c) => c.notNull().unique())
    .addColumn('intro_en', 'text')
    .addColumn('intro_zh', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('pages_audience_link')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('audience', 'varchar(20)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    // A path on this site without the locale (`/news/x`, `/directory#kind-enterprise`) or an https URL.
    .addColumn('target', 'varchar(500)', (c) => c.notNull())
    .addColumn('title_en', 'text')
    .addColumn('title_zh', 'text')
    .addColumn('description_en', 'text')
    .addColumn('description_zh', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pages_audience_link_audience_idx')
    .on('pages_audience_link')
    .columns(['audience', 'position'])
    .execute();
};
