import type { Kysely } from 'kysely';
import { idColumn } from '../src/platform/db/schema.ts';

// Frozen once merged: change the schema with a new migration.
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('contact_message')
    .addColumn('id', 'integer', idColumn(db))
    // What the sender is shown and quotes back, e.g. C-7K2Q9X.
    .addColumn('reference', 'varchar(12)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('email', 'varchar(254)', (c) => c.notNull())
    .addColumn('subject', 'varchar(200)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('locale', 'varchar(5)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contact_message_status_idx')
    .on('contact_message')
    .columns(['status', 'created_at'])
    .execute();
  await db.schema
    .createTable('contact_reply')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('message_id', 'integer', (c) =>
      c.notNull().references('contact_message.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'integer')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contact_reply_message_idx')
    .on('contact_reply')
    .columns(['message_id'])
    .execute();
};
