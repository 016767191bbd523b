import type { Kysely } from 'kysely';
import { idColumn } from '../src/platform/db/schema.ts';

// Frozen once merged: change the schema with a new migration.
// Computed and reported indicators (issue #6, items 3 and 4, ADR 0011): a log of recomputes of the
// registry-computed indicators; the periodic reports organisations fill (an incubator's quarterly
// report), their values, and the reminders sent before each deadline.
export const up = async (db: Kysely<any>): Promise<void> => {
  // One row per recompute of the computed indicators: when, why (start-up, daily, staff, cli), by whom,
  // how long it took and what it wrote.
  await db.schema
    .createTable('indicator_recompute')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('trigger', 'varchar(12)', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('period', 'varchar(20)', (c) => c.notNull())
    .addColumn('started_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('ms', 'integer', (c) => c.notNull())
    .addColumn('inserted', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('indicator_recompute_started_idx')
    .on('indicator_recompute')
    .columns(['started_at'])
    .execute();

  // A report of one organisation for one form and period. The organisation lives in the organisations
  // module (organizations_organization.id): no foreign key across modules.
  await db.schema
    .createTable('indicator_report')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('org_id', 'integer', (c) => c.notNull())
    // The form filled, e.g. incubation_quarterly.
    .addColumn('form', 'varchar(40)', (c) => c.notNull())
    .addColumn('period', 'varchar(20)', (c) => c.notNull())
    // draft, submitted, approved, returned
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    // The organisation's kind when it submitted (incubator, makerspace): the roll-up's breakdown.
    .addColumn('org_kind', 'varchar(30)', (c) => c.notNull())
    // The district it was counted in when approved (the directory record the organisation manages), or
    // null when it manages none: then it counts towards the city only.
    .addColumn('district', 'varchar(20)')
    .addColumn('submitted_at', 'varchar(32)')
    .addColumn('submitted_by', 'integer')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('decided_by', 'integer')
    .addColumn('decision_note', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('indicator_report_key', ['org_id', 'form', 'period'])
    .execute();
  await db.schema
    .createIndex('indicator_report_queue_idx')
    .on('indicator_report')
    .columns(['status', 'form', 'period'])
    .execute();

  // The values of a report, one row per field filled; a draft may leave fields out.
  await db.schema
    .createTable('indicator_report_value')
    .addColumn('report_id', 'integer', (c) =>
      c.notNull().references('indicator_report.id').onDelete('cascade'),
    )
    .addColumn('field', 'varchar(40)', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    // The previous period's value when this one jumped against it and the reporter confirmed it.
    .addColumn('jump_from', 'double precision')
    .addPrimaryKeyConstraint('indicator_report_value_pk', ['report_id', 'field'])
    .execute();

  // Reminders before a deadline: at most one per organisation, form, period and step (14 or 3 days
  // before). The row is written before the e-mails leave, so two instances never both send.
  await db.schema
    .createTable('indicator_report_reminder')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('org_id', 'integer', (c) => c.notNull())
    .addColumn('form', 'varchar(40)', (c) => c.notNull())
    .addColumn('period', 'varchar(20)', (c) => c.notNull())
    .addColumn('step', 'varchar(8)', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('indicator_report_reminder_key', ['org_id', 'form', 'period', 'step'])
    .execute();
};
