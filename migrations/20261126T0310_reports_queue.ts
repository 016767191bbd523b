import type { Kysely } from 'kysely';
import { idColumn } from '../src/platform/db/schema.ts';

// Readers' error reports and the editors' queue. Frozen once merged: change the schema with a new migration.
export const up = async (db: Kysely<any>): Promise<void> => {
  await db.schema
    .createTable('reports_report')
    .addColumn('id', 'integer', idColumn(db))
    // The page as a cleaned path of this site (secrets and e-mail addresses taken out), with its query.
    .addColumn('page', 'varchar(1000)', (c) => c.notNull())
    .addColumn('locale', 'varchar(5)', (c) => c.notNull())
    .addColumn('selection', 'text', (c) => c.notNull())
    .addColumn('context_before', 'text')
    .addColumn('context_after', 'text')
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    // How many times it was reported: the same selection on the same page while open collapses here.
    .addColumn('submissions', 'integer', (c) => c.notNull().defaultTo(1))
    // Page + selection hashed while the report is open (new, accepted); null once fixed or declined,
    // so a later report of the same words opens a new one. Unique: concurrent reports collapse too.
    .addColumn('open_key', 'varchar(64)')
    .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('resolved_at', 'varchar(32)')
    .addColumn('resolved_by', 'integer')
    .addColumn('resolution_note', 'text')
    .execute();
  await db.schema
    .createIndex('reports_report_open_key_idx')
    .unique()
    .on('reports_report')
    .column('open_key')
    .execute();
  await db.schema
    .createIndex('reports_report_queue_idx')
    .on('reports_report')
    .columns(['status', 'due_on'])
    .execute();
  await db.schema
    .createIndex('reports_report_created_idx')
    .on('reports_report')
    .columns(['created_at'])
    .execute();
  await db.schema
    .createIndex('reports_report_resolved_idx')
    .on('reports_report')
    .columns(['resolved_at'])
    .execute();
  // One row per submission: each reporter's comment, address and language, so everyone hears the outcome.
  await db.schema
    .createTable('reports_sighting')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports_report.id').onDelete('cascade'))
    .addColumn('locale', 'varchar(5)', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('email', 'varchar(254)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reports_sighting_report_idx')
    .on('reports_sighting')
    .columns(['report_id'])
    .execute();
  await db.schema
    .createIndex('reports_sighting_created_idx')
    .on('reports_sighting')
    .columns(['created_at'])
    .execute();
};
